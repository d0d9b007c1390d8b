-- The first slice stored a bare pending row; surveys now get their timing from the order's
-- facts and one state machine per email. Nothing had been sent from the old table.
DROP TABLE surveys;

-- What survey knows of each order, folded from order events that arrive in any order.
CREATE TABLE orders (
    shop_id          text        NOT NULL,
    order_id         text        NOT NULL,
    customer_email   text,
    customer_name    text,
    locale           text,
    country          text,
    shipping_country text,
    currency         text,
    b2b              boolean     NOT NULL DEFAULT false,
    items            jsonb       NOT NULL DEFAULT '[]',
    refunded         jsonb       NOT NULL DEFAULT '{}',   -- product id -> refunded quantity
    placed_at        timestamptz,
    fulfilled_at     timestamptz,
    delivered_at     timestamptz,
    cancelled_at     timestamptz,
    fully_refunded   boolean     NOT NULL DEFAULT false,
    returned         boolean     NOT NULL DEFAULT false,
    redacted         boolean     NOT NULL DEFAULT false,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, order_id)
);
CREATE INDEX orders_email ON orders (shop_id, customer_email);

-- Shop facts from shop.updated plus the shop's survey settings (defaults when absent).
CREATE TABLE shops (
    shop_id      text        PRIMARY KEY,
    display_name text,
    locale       text,
    country      text,
    timezone     text,
    settings     jsonb       NOT NULL DEFAULT '{}',
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- One survey per order: the key is the rule "never two invitations for one order".
CREATE TABLE surveys (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id     text        NOT NULL,
    order_id    text        NOT NULL,
    -- Random reference carried (signed) in links: no ids or addresses in URLs.
    public_ref  text        NOT NULL UNIQUE,
    send_at_override timestamptz,
    answered_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (shop_id, order_id)
);

-- Every email's state machine: pending -> sending -> sent | failed | skipped | unknown.
-- "unknown": the process died or the connection broke after the message was handed to SMTP;
-- it may have been delivered, so it is never sent again.
CREATE TABLE survey_emails (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    survey_id   bigint      NOT NULL REFERENCES surveys ON DELETE CASCADE,
    shop_id     text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('invitation', 'reminder')),
    status      text        NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'unknown')),
    send_at     timestamptz NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    message_id  text        NOT NULL UNIQUE,
    recipient   text,
    skip_reason text,
    last_error  text,
    claimed_at  timestamptz,
    sent_at     timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (survey_id, kind)
);
CREATE INDEX survey_emails_due ON survey_emails (send_at) WHERE status = 'pending';
CREATE INDEX survey_emails_sending ON survey_emails (claimed_at) WHERE status = 'sending';
CREATE INDEX survey_emails_recipient_sent ON survey_emails (recipient, sent_at)
    WHERE status IN ('sent', 'unknown');

-- Addresses that must not get email: unsubscribed or bounced, per tenant group.
CREATE TABLE suppressions (
    tenant_group text        NOT NULL,
    email        text        NOT NULL,
    reason       text        NOT NULL CHECK (reason IN ('unsubscribed', 'bounced')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_group, email)
);

CREATE TABLE responses (
    survey_id    bigint      PRIMARY KEY REFERENCES surveys ON DELETE CASCADE,
    nps          smallint    CHECK (nps BETWEEN 0 AND 10),
    comment      text,
    language     text,
    submitted_at timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE product_reviews (
    survey_id  bigint   NOT NULL REFERENCES surveys ON DELETE CASCADE,
    product_id text     NOT NULL,
    rating     smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    text       text,
    PRIMARY KEY (survey_id, product_id)
);
