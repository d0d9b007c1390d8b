-- The SMTP sessions a service may hold open towards one relay, across all its replicas (issue
-- #22): a row per slot, held by one process (`holder`) until its lease runs out. Seeded up to
-- the configured cap by the first process that asks (shared/email/session_slots.py).
CREATE TABLE smtp_session_slots (
    relay text NOT NULL,
    slot integer NOT NULL,
    holder text,
    lease_until timestamptz,
    PRIMARY KEY (relay, slot)
);
