-- Shop alarms (negative share, topic spikes) are checked once per shop a little after its
-- reviews change, not inside every review's transaction: the window counts read every review
-- of the trailing 7 (and 14) days, so doing them per review made the consumer's cost grow with
-- the shop's size. One row per shop that has changed since its last check; the earliest due
-- time wins, so a busy shop is checked at most once per delay.
CREATE TABLE alarm_checks (
    shop_id text        PRIMARY KEY,
    due_at  timestamptz NOT NULL
);
CREATE INDEX alarm_checks_due ON alarm_checks (due_at);

-- A queued notification wakes the delivery worker at commit instead of at its next poll.
CREATE TRIGGER notifications_wake_delivery AFTER INSERT ON notifications
    FOR EACH STATEMENT EXECUTE FUNCTION wake_worker('deliver');
