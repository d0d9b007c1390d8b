-- A review telling of an injury, a danger, a legal threat, fraud or a chargeback (severity high)
-- comes first among those waiting for a reply, before an earlier-due late delivery: a console
-- walk found "the kettle burnt my hand, I had to see a doctor" fourth in the inbox. Urgency:
-- 0 waiting and severe, 1 waiting, 2 needed a reply and got it, 3 everything else; waiting is
-- still one range of `reviews_urgency` (urgency <= 1).
-- A generated column's expression cannot be altered in PostgreSQL 15: dropped with the three
-- indexes that carry it and added back, as in 0019 (this rewrites the table once).
DROP INDEX reviews_urgency;
DROP INDEX reviews_created;
DROP INDEX reviews_mismatch;
ALTER TABLE reviews DROP COLUMN urgency;
ALTER TABLE reviews ADD COLUMN urgency smallint GENERATED ALWAYS AS (
    CASE WHEN sentiment = 'negative' OR severity = 'high'
              OR (person_reason IS NOT NULL AND sentiment_by_staff IS NULL)
         THEN CASE WHEN first_replied_at IS NOT NULL THEN 2
                   WHEN severity = 'high' THEN 0
                   ELSE 1 END
         ELSE 3 END
) STORED;

CREATE INDEX reviews_urgency ON reviews (shop_id, urgency, sla_due_at, review_id)
    INCLUDE (created_at, sentiment, rating, topics, source, language, verified,
             first_replied_at, case_key, removal_candidate, star_text_mismatch)
    WHERE deleted_at IS NULL;
CREATE INDEX reviews_created ON reviews (shop_id, created_at, review_id)
    INCLUDE (rating, sentiment, sla_due_at, first_replied_at, deleted_at, topics, source,
             language, verified, case_key, urgency, removal_candidate, star_text_mismatch);
CREATE INDEX reviews_mismatch ON reviews (shop_id, urgency, sla_due_at, review_id)
    WHERE deleted_at IS NULL AND star_text_mismatch;
