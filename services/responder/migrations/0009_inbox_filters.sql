-- The console's inbox (issue #19) filters on the classifier's star/text mismatch and on removal
-- candidates. The mismatch lives inside `classification` (JSON); a stored column lets the list's
-- covering indexes carry it, so either filter stays an index-only walk (docs/responder.md,
-- "How it stays fast") instead of a heap visit per entry.
ALTER TABLE reviews ADD COLUMN star_text_mismatch boolean GENERATED ALWAYS AS (
    coalesce((classification ->> 'star_text_mismatch')::boolean, false)
) STORED;

DROP INDEX reviews_urgency;
CREATE INDEX reviews_urgency ON reviews (shop_id, urgency, sla_due_at, review_id)
    INCLUDE (created_at, sentiment, rating, topics, source, language, verified,
             first_replied_at, case_key, removal_candidate, star_text_mismatch)
    WHERE deleted_at IS NULL;
DROP INDEX reviews_created;
CREATE INDEX reviews_created ON reviews (shop_id, created_at, review_id)
    INCLUDE (rating, sentiment, sla_due_at, first_replied_at, deleted_at, topics, source,
             language, verified, case_key, urgency, removal_candidate, star_text_mismatch);
-- Few reviews are mismatches: their own small index serves `mismatch=true` at once, where the
-- list would otherwise walk a large shop's whole urgency index to fill a page (bench data:
-- 120,000 entries, 30-55 ms).
CREATE INDEX reviews_mismatch ON reviews (shop_id, urgency, sla_due_at, review_id)
    WHERE deleted_at IS NULL AND star_text_mismatch;
