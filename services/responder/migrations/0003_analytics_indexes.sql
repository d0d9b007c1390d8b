-- Indexes measured by bench/responder against 1,000,000 reviews (docs/benchmarks.md,
-- "Responder queries"): each lets a 365-day analytics figure of a large shop come from an
-- index-only scan instead of the heap.
-- Reply times of negative reviews (review_stats): 18 ms instead of part of 160-200 ms.
CREATE INDEX reviews_negative_replies ON reviews (shop_id, created_at)
    INCLUDE (first_replied_at, sla_due_at)
    WHERE sentiment = 'negative' AND deleted_at IS NULL;
-- NPS over a period (nps_counts): 35 ms instead of 90-180 ms.
CREATE INDEX survey_answers_nps ON survey_answers (shop_id, answered_at) INCLUDE (nps);
DROP INDEX survey_answers_shop;
-- Time to resolution (case_stats): 4 ms instead of 35-114 ms.
CREATE INDEX cases_opened_resolved ON cases (shop_id, new_at) INCLUDE (resolved_at);
DROP INDEX cases_opened;
