-- #18: one owner per setting.
-- The shop's profile as the registry last announced it (`shop.updated`, event-carried state),
-- with its version: an older or replayed announcement never overwrites a newer one. The
-- settings this service owns carry their own version for ETag/If-Match.
ALTER TABLE shops
    ADD COLUMN profile          jsonb  NOT NULL DEFAULT '{}',
    ADD COLUMN profile_version  bigint NOT NULL DEFAULT -1,
    ADD COLUMN settings_version bigint NOT NULL DEFAULT 0;

-- Who changed which shop setting, when, from what to what (#18). Written in the change's own
-- transaction; deleted with the shop (it holds staff addresses).
CREATE TABLE settings_changes (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id  text        NOT NULL,
    at       timestamptz NOT NULL,
    actor    text        NOT NULL,
    action   text        NOT NULL,
    entity   text        NOT NULL,
    version  bigint,
    before   jsonb,
    after    jsonb
);
CREATE INDEX settings_changes_by_shop ON settings_changes (shop_id, id DESC);
