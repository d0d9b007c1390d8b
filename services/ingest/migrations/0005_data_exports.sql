-- Answers to GDPR data requests: ingest's own part at once, the other services' parts as their
-- customer.data_exported events arrive.
CREATE TABLE data_exports (
    shop_id      text        NOT NULL,
    request_id   text        NOT NULL,
    customer_id  text,
    email        text,
    order_ids    text[]      NOT NULL DEFAULT '{}',
    parts        jsonb       NOT NULL DEFAULT '{}',
    requested_at timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, request_id)
);
