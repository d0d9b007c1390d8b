-- Orders as ingest last saw them; the source of the order events it publishes.
CREATE TABLE orders (
    shop_id    text        NOT NULL,
    order_id   text        NOT NULL,
    platform   text        NOT NULL,
    status     text        NOT NULL,
    placed_at  timestamptz NOT NULL,
    data       jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, order_id)
);
