-- Each user's request budget, shared by every responder replica (issue #22): one token bucket per
-- limiter key (`user:<id>`, `bootstrap`), refilled by the time since `refilled_at`. A bucket
-- full again is the same as no row, so rows idle that long are deleted (the prune task).
CREATE TABLE rate_limit_buckets (
    key text PRIMARY KEY,
    tokens double precision NOT NULL,
    refilled_at timestamptz NOT NULL,
    last_allowed boolean NOT NULL
);
CREATE INDEX rate_limit_buckets_refilled_at ON rate_limit_buckets (refilled_at);
