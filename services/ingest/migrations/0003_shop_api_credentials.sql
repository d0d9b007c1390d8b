-- API access per shop, for the platforms whose webhooks cannot be mapped on their own
-- (BigCommerce sends only ids; Ecwid signs only the event id): ingest fetches those orders from
-- the store's REST API. Kept in clear like the webhook secrets, because every fetch sends them.
ALTER TABLE shops ADD COLUMN api_credentials jsonb;

-- The fetch schedule of an order. Claiming an order counts an attempt and moves fetch_after past
-- the backoff in one statement: that is the lease, so the claim of a worker that died mid-fetch
-- expires by itself, and a failed fetch is already scheduled for its retry.
-- fetch_requests counts the thin deliveries that arrived after the order's details were known;
-- a fetch serves the requests it saw when it was claimed (fetch_requests_served).
ALTER TABLE orders
    ADD COLUMN fetch_attempts        integer     NOT NULL DEFAULT 0,
    ADD COLUMN fetch_after           timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN fetch_error           text,
    ADD COLUMN fetch_requests        integer     NOT NULL DEFAULT 0,
    ADD COLUMN fetch_requests_served integer     NOT NULL DEFAULT 0,
    ADD COLUMN fetched_at            timestamptz;

-- The claim query's predicate: only orders waiting for a fetch are in this index.
CREATE INDEX orders_fetch_due ON orders (fetch_after)
    WHERE needs_fetch OR fetch_requests > fetch_requests_served;

-- Once an order's details are known it no longer needs_fetch, yet a later thin delivery (an Ecwid
-- order.updated, a BigCommerce status change or shipment) says the platform's order changed and
-- only a fetch can tell how. A counter rather than a flag: a delivery that arrives while a fetch
-- is in flight is still pending after that fetch completes. New information from the platform
-- also earns the order a fresh set of attempts. (A first delivery finds no order row yet: it
-- creates the row with needs_fetch set.)
CREATE FUNCTION request_order_fetch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orders
    SET fetch_requests = fetch_requests + 1, fetch_attempts = 0, fetch_after = now()
    WHERE shop_id = NEW.shop_id AND order_id = NEW.order_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER webhook_deliveries_request_fetch AFTER INSERT ON webhook_deliveries
    FOR EACH ROW WHEN (NEW.outcome = 'needs_fetch' AND NEW.order_id IS NOT NULL)
    EXECUTE FUNCTION request_order_fetch();
