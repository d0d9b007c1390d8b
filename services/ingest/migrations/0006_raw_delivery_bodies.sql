-- Keep each delivery's body exactly as the platform sent it. Re-encoding the parsed JSON cost
-- about a tenth of the webhook path's CPU and could not hold every body a platform may send
-- (PostgreSQL's jsonb refuses \u0000); the bytes are what a replay or a dispute needs anyway.
ALTER TABLE webhook_deliveries
    ALTER COLUMN payload TYPE bytea USING convert_to(payload::text, 'UTF8');
