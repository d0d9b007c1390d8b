-- The shop's contact address (shop.updated): where alerts go while no support address is set.
ALTER TABLE shops ADD COLUMN contact_email text;

-- A review that needed an alert and had nobody to send it to is recorded, not dropped:
-- one 'unroutable' row per review ("not alerted: no recipient"), listed and counted.
ALTER TABLE notifications DROP CONSTRAINT notifications_status_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown', 'paused', 'unroutable'));
CREATE INDEX notifications_unroutable ON notifications (shop_id) WHERE status = 'unroutable';
