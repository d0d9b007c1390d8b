-- Which alarms (negative share, a topic's spike) fired in which window of a shop: a check
-- queues one email listing every alarm that is new in the window, never one email per alarm.
CREATE TABLE alarms_fired (
    shop_id  text        NOT NULL,
    bucket   bigint      NOT NULL,
    alarm    text        NOT NULL,
    fired_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, bucket, alarm)
);
