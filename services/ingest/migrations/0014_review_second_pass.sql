-- The second classification pass (services/ingest/reviews/classify.py): a review announced by
-- the fast model waits here for the slower, more accurate one, which announces the final
-- classification. A new revision of the review starts over at the fast model.
ALTER TABLE reviews ADD COLUMN needs_second_pass boolean NOT NULL DEFAULT false;
CREATE INDEX reviews_to_second_pass ON reviews (backfill, received_at) WHERE needs_second_pass;

-- Woken at commit like the first pass: the second pass is what raises a mismatch alert the
-- fast model missed, so it should not wait for its next poll.
CREATE TRIGGER reviews_wake_second_pass
    AFTER INSERT OR UPDATE OF needs_second_pass ON reviews
    FOR EACH ROW WHEN (NEW.needs_second_pass)
    EXECUTE FUNCTION wake_worker('second_pass');
