-- #18: the customer's email-marketing consent as the platform reported it with the order
-- (shared/events/orders.py Customer.marketing_consent). Orders seen before say nothing.
ALTER TABLE orders
    ADD COLUMN marketing_consent text NOT NULL DEFAULT 'unknown'
        CHECK (marketing_consent IN ('granted', 'denied', 'unknown'));
