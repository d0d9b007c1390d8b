-- Test copies of the notifier's emails sent through the API (#18): counted per shop so a
-- shared API token cannot turn the notifier into a mail cannon. Rows older than a day go.
CREATE TABLE email_test_sends (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id   text        NOT NULL,
    kind      text        NOT NULL,
    recipient text        NOT NULL,
    at        timestamptz NOT NULL
);
CREATE INDEX email_test_sends_by_shop ON email_test_sends (shop_id, at);
