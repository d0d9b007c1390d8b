-- Wakes a service's polling worker when a transaction that gave it work commits
-- (shared/db/notify.py): a trigger passes the worker's name, the channel is '<schema>_<name>'.
-- pg_notify folds identical notifications of one transaction into one.
CREATE FUNCTION wake_worker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_TABLE_SCHEMA || '_' || TG_ARGV[0], '');
    RETURN NULL;
END;
$$;
