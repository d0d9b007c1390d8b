-- Whether the responder can publish replies to a platform for a shop, as announced in
-- `shop.connector.changed` (#18): the registry's readiness checklist compares it with the
-- platforms the shop's reviews come from. Only "connected yes/no": the credentials stay in the
-- responder. `changed_at` is the event's time, so a late or replayed older event changes nothing.
CREATE TABLE shop_connectors (
    shop_id    text        NOT NULL,
    platform   text        NOT NULL,
    connected  boolean     NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (shop_id, platform)
);
