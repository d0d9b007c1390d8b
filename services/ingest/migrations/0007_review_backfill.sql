-- Reviews stored from a JSON-lines import of past reviews (the latest revision's origin): the
-- classified event says so, and consumers do not page staff about old news.
ALTER TABLE reviews ADD COLUMN backfill boolean NOT NULL DEFAULT false;

-- The classifier takes live reviews first, so a large import never delays a fresh alert.
DROP INDEX reviews_to_classify;
CREATE INDEX reviews_to_classify ON reviews (backfill, received_at) WHERE needs_classification;
