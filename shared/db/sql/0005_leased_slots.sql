-- Leased slots for any cap that must hold across a service's replicas (issue #22): a row per
-- slot of a scope ("smtp:<host>:<port>" for SMTP sessions, "fetch:<shop_id>" for ingest's
-- platform API calls), held by one process (`holder`) until its lease runs out. Seeded up to
-- the configured cap by the first process that asks (shared/slots/leases.py).
-- smtp_session_slots (0004) is left for replicas of the previous release during a rolling
-- upgrade; nothing reads it any more.
CREATE TABLE leased_slots (
    scope text NOT NULL,
    slot integer NOT NULL,
    holder text,
    lease_until timestamptz,
    PRIMARY KEY (scope, slot)
);
