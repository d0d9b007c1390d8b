-- A review stored (or changed) and waiting for the classifier wakes its worker at commit
-- instead of at its next poll: the classifier is the first step of a negative review's alert.
CREATE TRIGGER reviews_wake_classifier
    AFTER INSERT OR UPDATE OF needs_classification ON reviews
    FOR EACH ROW WHEN (NEW.needs_classification)
    EXECUTE FUNCTION wake_worker('classify');
