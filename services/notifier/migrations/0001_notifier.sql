-- Shop facts (from shop.updated) and the shop's notification settings.
CREATE TABLE shops (
    shop_id      text        PRIMARY KEY,
    display_name text,
    locale       text,
    country      text,
    timezone     text,
    settings     jsonb       NOT NULL DEFAULT '{}',
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Who is alerted, about which reviews, and how. A shop without rules gets the default rule.
CREATE TABLE rules (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id     text        NOT NULL,
    name        text        NOT NULL,
    channel     text        NOT NULL CHECK (channel IN ('email', 'webhook')),
    recipients  text[]      NOT NULL DEFAULT '{}',
    url         text,
    format      text        NOT NULL DEFAULT 'standard' CHECK (format IN ('standard', 'slack')),
    secret      text,
    mode        text        NOT NULL DEFAULT 'immediate' CHECK (mode IN ('immediate', 'digest')),
    filters     jsonb       NOT NULL DEFAULT '{}',
    enabled     boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rules_shop ON rules (shop_id) WHERE enabled;

-- What notifier knows of each review (from review.classified), for escalations, digests and
-- alarms.
CREATE TABLE reviews (
    shop_id       text        NOT NULL,
    review_id     text        NOT NULL,
    revision      integer     NOT NULL,
    source        text        NOT NULL,
    order_id      text,
    rating        smallint,
    sentiment     text        NOT NULL,
    severity      text        NOT NULL,
    topics        text[]      NOT NULL DEFAULT '{}',
    removal_candidate boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    classified_at timestamptz NOT NULL,
    replied_at    timestamptz,
    deleted_at    timestamptz,
    PRIMARY KEY (shop_id, review_id)
);
CREATE INDEX reviews_shop_created ON reviews (shop_id, created_at);
CREATE INDEX reviews_order ON reviews (shop_id, order_id);

-- Every notification is a row with its state: pending -> sending -> sent | failed | unknown,
-- or paused (its webhook receiver is paused). The idempotency key is what makes redelivered
-- events, restarts and two replicas produce one notification.
CREATE TABLE notifications (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id         text        NOT NULL,
    idempotency_key text        NOT NULL UNIQUE,
    kind            text        NOT NULL,
    review_id       text,
    rule_id         bigint,
    channel         text        NOT NULL CHECK (channel IN ('email', 'webhook')),
    target          text        NOT NULL,
    content         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown', 'paused')),
    attempts        integer     NOT NULL DEFAULT 0,
    -- New notifications are due at once, whatever the service's clock says.
    next_attempt_at timestamptz NOT NULL DEFAULT '-infinity',
    claimed_at      timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_sending ON notifications (claimed_at) WHERE status = 'sending';
CREATE INDEX notifications_review ON notifications (shop_id, review_id);

-- Webhook receivers that keep failing are paused, not retried forever.
CREATE TABLE receivers (
    url                  text        PRIMARY KEY,
    shop_id              text        NOT NULL,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    paused_at            timestamptz,
    last_error           text,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- Durable timers: SLA escalations and daily digests, claimed with SKIP LOCKED.
CREATE TABLE timers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id    text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('sla1', 'sla2', 'digest')),
    subject    text        NOT NULL,   -- the review id, or the digest's local date
    due_at     timestamptz NOT NULL,
    status     text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fired', 'cancelled')),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (shop_id, kind, subject)
);
CREATE INDEX timers_due ON timers (due_at) WHERE status = 'pending';

-- Survey activity per shop and day, for the digest's response rate.
CREATE TABLE survey_counts (
    shop_id   text    NOT NULL,
    day       date    NOT NULL,
    scheduled integer NOT NULL DEFAULT 0,
    answered  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (shop_id, day)
);
