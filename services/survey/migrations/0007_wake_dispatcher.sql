-- An email that is already due when it is written (a zero usage delay, a delivery reported
-- late) wakes the dispatcher at commit instead of at its next poll. Emails due later are found
-- by the poll, which runs every second anyway.
CREATE TRIGGER survey_emails_wake_dispatcher
    AFTER INSERT OR UPDATE OF send_at, status ON survey_emails
    FOR EACH ROW WHEN (NEW.status = 'pending' AND NEW.send_at <= now())
    EXECUTE FUNCTION wake_worker('dispatch');
