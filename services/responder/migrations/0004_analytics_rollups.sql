-- Daily rollups for analytics and covering indexes for the review list (issue 7: p99 under
-- 100 ms with 1,000,000 reviews; bench/responder).
--
-- A year of a large shop's reviews is 100,000+ index entries for every analytics request; the
-- same figures per UTC day are 365 rows. The rollups are kept by the repository functions
-- that change what they count (reviews.repository.upsert and mark_deleted,
-- analytics.repository.record_answer), in the same transaction, so they are never stale.
-- Analytics reads whole UTC days from them and the partial days at either end of the period
-- from the reviews themselves, so any period gives exactly the direct computation's answer.
-- Rows whose counts fall to zero are deleted, so a rollup equals a GROUP BY of its table.

-- Reviews created that day and not deleted: volume, ratings, sentiments.
CREATE TABLE review_days (
    shop_id    text     NOT NULL,
    day        date     NOT NULL,   -- (created_at AT TIME ZONE 'UTC')::date
    volume     integer  NOT NULL,
    rated      integer  NOT NULL,
    rating_sum bigint   NOT NULL,
    positive   integer  NOT NULL,
    neutral    integer  NOT NULL,
    negative   integer  NOT NULL,
    PRIMARY KEY (shop_id, day)
);

-- Topic mentions of those reviews (unnest(topics), so a repeated topic counts twice, as in
-- the direct count).
CREATE TABLE review_topic_days (
    shop_id text    NOT NULL,
    day     date    NOT NULL,
    topic   text    NOT NULL,
    n       integer NOT NULL,
    PRIMARY KEY (shop_id, day, topic)
);

-- NPS answers by the day they were answered and their score (answers without a score are not
-- counted, as in the direct count).
CREATE TABLE nps_days (
    shop_id text     NOT NULL,
    day     date     NOT NULL,   -- (answered_at AT TIME ZONE 'UTC')::date
    nps     smallint NOT NULL,
    n       integer  NOT NULL,
    PRIMARY KEY (shop_id, day, nps)
);

INSERT INTO review_days
SELECT shop_id, (created_at AT TIME ZONE 'UTC')::date, count(*), count(rating),
       coalesce(sum(rating), 0),
       count(*) FILTER (WHERE sentiment = 'positive'),
       count(*) FILTER (WHERE sentiment = 'neutral'),
       count(*) FILTER (WHERE sentiment = 'negative')
FROM reviews WHERE deleted_at IS NULL
GROUP BY 1, 2;

INSERT INTO review_topic_days
SELECT shop_id, (created_at AT TIME ZONE 'UTC')::date, topic, count(*)
FROM reviews, unnest(topics) AS topic WHERE deleted_at IS NULL
GROUP BY 1, 2, 3;

INSERT INTO nps_days
SELECT shop_id, (answered_at AT TIME ZONE 'UTC')::date, nps, count(*)
FROM survey_answers WHERE nps IS NOT NULL
GROUP BY 1, 2, 3;

-- The review list in two steps: first the page's ids from an index alone (every filter column
-- but the full-text one is included, so a filter that rejects most entries costs no heap
-- visits), then the rows of those 50 ids. Measured on 1,000,000 reviews: a topic filter
-- walking 18,500 urgency entries took 150-200 ms with a heap visit per entry.
DROP INDEX reviews_urgency;
CREATE INDEX reviews_urgency ON reviews (shop_id, urgency, sla_due_at, review_id)
    INCLUDE (created_at, sentiment, rating, topics, source, language, verified,
             first_replied_at, case_key)
    WHERE deleted_at IS NULL;
DROP INDEX reviews_created;
CREATE INDEX reviews_created ON reviews (shop_id, created_at, review_id)
    INCLUDE (rating, sentiment, sla_due_at, first_replied_at, deleted_at, topics, source,
             language, verified, case_key, urgency);
-- Status and assignee filters read the review's case: from this index alone.
CREATE INDEX cases_key_status ON cases (shop_id, case_key) INCLUDE (id, status, assignee_id);
