-- #18: the registry owns the shop's profile (contact, alert recipients, the one SLA) and
-- versions it: every change bumps `version`, announced in `shop.updated`, answered as ETag.
ALTER TABLE shops
    ADD COLUMN contact_url           text,
    ADD COLUMN contact_phone         text,
    ADD COLUMN alert_recipients      jsonb  NOT NULL DEFAULT '[]',
    ADD COLUMN escalation_recipients jsonb  NOT NULL DEFAULT '[]',
    ADD COLUMN sla                   jsonb  NOT NULL DEFAULT '{}',
    ADD COLUMN version               bigint NOT NULL DEFAULT 1;

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
