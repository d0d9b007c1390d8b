-- Issue 20: how the survey service invites the shop's customers (`shop.review_policy.changed`,
-- event-carried state owned by the survey), stated on the public disclosure page. The version
-- is the survey settings' own: an older or replayed announcement never overwrites a newer one.
-- -1: nothing announced yet (the page says so rather than guessing).
ALTER TABLE shops
    ADD COLUMN review_policy         jsonb,
    ADD COLUMN review_policy_version bigint NOT NULL DEFAULT -1;
