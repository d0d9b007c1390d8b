-- #18: test copies of the survey's emails, counted per shop for the hourly limit. No recipient
-- is kept: a test address is nobody's order data.
CREATE TABLE email_test_sends (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id    text        NOT NULL,
    kind       text        NOT NULL,
    language   text        NOT NULL,
    message_id text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX email_test_sends_by_shop ON email_test_sends (shop_id, at);
