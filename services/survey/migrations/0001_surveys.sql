-- One survey per order: the unique key is the rule "never two emails for one order".
CREATE TABLE surveys (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id        text        NOT NULL,
    order_id       text        NOT NULL,
    status         text        NOT NULL DEFAULT 'pending',
    customer_email text,
    placed_at      timestamptz NOT NULL,
    due_at         timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (shop_id, order_id)
);
CREATE INDEX surveys_pending_due ON surveys (due_at) WHERE status = 'pending';
