-- Shop registry: the tenants. Webhook secrets are kept in clear because HMAC verification needs
-- them; two may be active at once so a rotation never rejects a delivery.
CREATE TABLE shops (
    shop_id           text        PRIMARY KEY,
    platform          text        NOT NULL,
    display_name      text        NOT NULL,
    locale            text        NOT NULL,
    country           text        NOT NULL,
    timezone          text        NOT NULL,
    secret_current    text        NOT NULL,
    secret_previous   text,
    secret_rotated_at timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Every accepted delivery once, keyed by the platform's own delivery identity: a retry or a
-- duplicate send finds its row and changes nothing. The parsed payload is kept for replay and
-- debugging until the retention prunes it or a redaction clears it.
CREATE TABLE webhook_deliveries (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id     text        NOT NULL REFERENCES shops ON DELETE CASCADE,
    platform    text        NOT NULL,
    dedupe_key  text        NOT NULL,
    topic       text        NOT NULL,
    order_id    text,
    outcome     text        NOT NULL,
    payload     jsonb,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (shop_id, platform, dedupe_key)
);
CREATE INDEX webhook_deliveries_received_at ON webhook_deliveries (received_at);
CREATE INDEX webhook_deliveries_order ON webhook_deliveries (shop_id, order_id);

-- Orders become a state record: which facts ingest has already announced. Facts can arrive in
-- any order (a refund before the order, a delivery before the fulfillment).
ALTER TABLE orders DROP COLUMN status;
ALTER TABLE orders DROP COLUMN data;
ALTER TABLE orders ALTER COLUMN placed_at DROP NOT NULL;
ALTER TABLE orders
    ADD COLUMN details                jsonb,
    ADD COLUMN customer_id            text,
    ADD COLUMN customer_email         text,
    ADD COLUMN placed_emitted         boolean     NOT NULL DEFAULT false,
    ADD COLUMN paid_at                timestamptz,
    ADD COLUMN partially_fulfilled_at timestamptz,
    ADD COLUMN fulfilled_at           timestamptz,
    ADD COLUMN delivered_at           timestamptz,
    ADD COLUMN cancelled_at           timestamptz,
    ADD COLUMN refund_ids             text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN return_ids             text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN observed_at            timestamptz,
    ADD COLUMN needs_fetch            boolean     NOT NULL DEFAULT false,
    ADD COLUMN redacted_at            timestamptz;
CREATE INDEX orders_customer_email ON orders (shop_id, customer_email);
CREATE INDEX orders_customer_id ON orders (shop_id, customer_id);
CREATE INDEX orders_needs_fetch ON orders (shop_id) WHERE needs_fetch;
