-- After an alarm check, "did the shop get reviews the check may not have seen?" (alarms/service.py)
-- is one index probe instead of a scan of the shop's reviews.
CREATE INDEX reviews_shop_classified ON reviews (shop_id, classified_at);
