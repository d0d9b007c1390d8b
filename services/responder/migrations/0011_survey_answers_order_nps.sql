-- The review page shows the NPS of the review's order (console/review/repository.py
-- nps_of_order). Without an index on the order the lookup read every answer of the shop:
-- 42-74 ms per review page in the largest bench shop (118,255 answers, bench.responder.console
-- with auto_explain); with it, one index entry.
CREATE INDEX survey_answers_order_nps ON survey_answers (shop_id, order_id, answered_at DESC)
    INCLUDE (nps) WHERE nps IS NOT NULL;
