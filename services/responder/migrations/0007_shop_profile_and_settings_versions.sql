-- #18: one owner per setting.
-- The shop's profile as the registry last announced it (`shop.updated`, event-carried state),
-- with its version: an older or replayed announcement never overwrites a newer one. The
-- settings this service owns carry their own version for ETag/If-Match.
ALTER TABLE shops
    ADD COLUMN profile          jsonb  NOT NULL DEFAULT '{}',
    ADD COLUMN profile_version  bigint NOT NULL DEFAULT -1,
    ADD COLUMN settings_version bigint NOT NULL DEFAULT 0;

