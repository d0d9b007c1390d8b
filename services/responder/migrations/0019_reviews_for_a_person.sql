-- Reviews the automation policy keeps for a person although they are not negative (issue #21:
-- a complaint told politely or sarcastically under 4-5 stars, read as praise): the fast pass
-- read it as negative, it regrets that something went wrong, it names a late, damaged or wrong
-- parcel, or a buyer asks about their own order. `person_reason` says which (replies/policy.py
-- `person_reason`, set with each classification); such a review waits for a reply like a
-- negative one (urgency 0) until it is answered or a person sets its sentiment.
ALTER TABLE reviews ADD COLUMN person_reason text CHECK (length(person_reason) <= 200);

-- A generated column's expression cannot be altered in PostgreSQL 15: dropped with the three
-- indexes that carry it and added back (this rewrites the table once).
DROP INDEX reviews_urgency;
DROP INDEX reviews_created;
DROP INDEX reviews_mismatch;
ALTER TABLE reviews DROP COLUMN urgency;
-- 0: needs a reply and has none; 1: needed one and got it; 2: everything else.
ALTER TABLE reviews ADD COLUMN urgency smallint GENERATED ALWAYS AS (
    CASE WHEN sentiment = 'negative' OR severity = 'high'
              OR (person_reason IS NOT NULL AND sentiment_by_staff IS NULL)
         THEN CASE WHEN first_replied_at IS NULL THEN 0 ELSE 1 END
         ELSE 2 END
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
