-- The responder: staff access, the review read model, cases, replies and their publication.

-- Shop facts (from shop.updated), the shop's responder settings, and its reply connector.
-- The connector secret lives in its own column so settings can be shown without it.
CREATE TABLE shops (
    shop_id          text        PRIMARY KEY,
    display_name     text,
    locale           text,
    country          text,
    timezone         text,
    settings         jsonb       NOT NULL DEFAULT '{}',
    connector_url    text,
    connector_secret text,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Staff. Role and shops are read from here on every request, so a change (or deactivation)
-- takes effect at once, also for bearer tokens issued before it.
CREATE TABLE users (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL,
    email      text        UNIQUE,
    role       text        NOT NULL CHECK (role IN ('agent', 'manager', 'admin')),
    shop_ids   text[]      NOT NULL CHECK (cardinality(shop_ids) > 0),
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_shops ON users USING gin (shop_ids);

-- API keys are shown once; only their SHA-256 is kept (a 256-bit random key needs no slow hash).
CREATE TABLE api_keys (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text        NOT NULL DEFAULT '',
    prefix       text        NOT NULL,
    key_hash     text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_keys_user ON api_keys (user_id);

-- Every change: who, what, when, before and after.
CREATE TABLE audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor          text        NOT NULL,   -- user:<id>, bootstrap, automation, connector
    actor_user_id  bigint,
    shop_id        text,
    review_id      text,
    action         text        NOT NULL,
    entity         text        NOT NULL,
    entity_id      text,
    before         jsonb,
    after          jsonb,
    correlation_id text
);
CREATE INDEX audit_log_shop ON audit_log (shop_id, id);
CREATE INDEX audit_log_review ON audit_log (shop_id, review_id, id) WHERE review_id IS NOT NULL;

-- The review read model (from review.classified; the newest revision wins).
CREATE TABLE reviews (
    shop_id              text        NOT NULL,
    review_id            text        NOT NULL,
    revision             integer     NOT NULL,
    source               text        NOT NULL,
    source_review_id     text        NOT NULL,
    case_key             text        NOT NULL,
    rating               smallint,
    title                text,
    text                 text,
    reviewer_name        text,
    product_id           text,
    verified             boolean     NOT NULL,
    match_method         text,
    order_id             text,
    order_context        jsonb,
    language             text        NOT NULL,
    sentiment            text        NOT NULL,
    severity             text        NOT NULL,
    topics               text[]      NOT NULL DEFAULT '{}',
    removal_candidate    boolean     NOT NULL DEFAULT false,
    classification       jsonb       NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    classified_at        timestamptz NOT NULL,
    sla_due_at           timestamptz NOT NULL,
    first_replied_at     timestamptz,
    deleted_at           timestamptz,
    redacted_at          timestamptz,
    -- 0: needs a reply and has none; 1: needed one and got it; 2: everything else.
    urgency              smallint GENERATED ALWAYS AS (
        CASE WHEN sentiment = 'negative' OR severity = 'high'
             THEN CASE WHEN first_replied_at IS NULL THEN 0 ELSE 1 END
             ELSE 2 END
    ) STORED,
    search               tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, ''))
    ) STORED,
    PRIMARY KEY (shop_id, review_id)
);
CREATE INDEX reviews_urgency ON reviews (shop_id, urgency, sla_due_at, review_id)
    WHERE deleted_at IS NULL;
-- Newest-first lists and analytics. The included columns let analytics answer from the index
-- alone (index-only scans) instead of visiting one heap page per review.
CREATE INDEX reviews_created ON reviews (shop_id, created_at, review_id)
    INCLUDE (rating, sentiment, sla_due_at, first_replied_at, deleted_at, topics);
CREATE INDEX reviews_case ON reviews (shop_id, case_key);
CREATE INDEX reviews_order ON reviews (shop_id, order_id) WHERE order_id IS NOT NULL;
CREATE INDEX reviews_search ON reviews USING gin (search);
-- No GIN index on topics: filtering one shop's reviews by topic is fast on the index above,
-- and a GIN index over every shop's topics lured the planner away from it (1M reviews).

-- A case per customer and order (the reviews' case key): several reviews of one order, on any
-- platform, are one case. One timestamp per step of the workflow.
CREATE TABLE cases (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id         text        NOT NULL,
    case_key        text        NOT NULL,
    status          text        NOT NULL DEFAULT 'new' CHECK (status IN
                    ('new', 'in_progress', 'replied', 'contacted', 'resolved', 'followed_up')),
    assignee_id     bigint      REFERENCES users (id) ON DELETE SET NULL,
    opened_by       text        NOT NULL,
    new_at          timestamptz NOT NULL,
    in_progress_at  timestamptz,
    replied_at      timestamptz,
    contacted_at    timestamptz,
    resolved_at     timestamptz,
    followed_up_at  timestamptz,
    updated_at      timestamptz NOT NULL,
    UNIQUE (shop_id, case_key)
);
CREATE INDEX cases_status ON cases (shop_id, status);
CREATE INDEX cases_opened ON cases (shop_id, new_at);
CREATE INDEX cases_assignee ON cases (shop_id, assignee_id) WHERE assignee_id IS NOT NULL;

CREATE TABLE case_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     bigint      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    shop_id     text        NOT NULL,
    review_id   text,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('opened', 'status', 'assigned')),
    from_status text,
    to_status   text,
    assignee_id bigint
);
CREATE INDEX case_events_case ON case_events (case_id, id);

-- Internal notes: never published.
CREATE TABLE notes (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id    text        NOT NULL,
    review_id  text        NOT NULL,
    case_id    bigint      REFERENCES cases (id) ON DELETE SET NULL,
    author     text        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX notes_review ON notes (shop_id, review_id, id);

-- Removal requests prepared for the platform; the review itself is never hidden by us.
CREATE TABLE removal_requests (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id     text        NOT NULL,
    review_id   text        NOT NULL,
    reason      text        NOT NULL
                CHECK (reason IN ('off_target', 'abusive', 'spam', 'unverified')),
    evidence    text        NOT NULL,
    status      text        NOT NULL DEFAULT 'prepared',
    prepared_by text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX removal_requests_review ON removal_requests (shop_id, review_id);

-- Reply templates of a shop (the built-in library lives in code and is the fallback).
CREATE TABLE templates (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id    text        NOT NULL,
    name       text        NOT NULL,
    language   text        NOT NULL,
    sentiment  text        NOT NULL CHECK (sentiment IN ('negative', 'neutral', 'positive')),
    topic      text        NOT NULL DEFAULT '',   -- '' = any topic
    body       text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (shop_id, language, sentiment, topic)
);

-- Reply drafts. Any edit re-runs the linter and takes back an approval.
CREATE TABLE drafts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id     text        NOT NULL,
    review_id   text        NOT NULL,
    language    text        NOT NULL,
    text        text        NOT NULL,
    findings    jsonb       NOT NULL DEFAULT '[]',
    template    text,
    status      text        NOT NULL DEFAULT 'draft' CHECK (status IN
                ('draft', 'approved', 'publishing', 'published', 'failed')),
    auto        boolean     NOT NULL DEFAULT false,
    version     integer     NOT NULL DEFAULT 1,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    approved_by text,
    approved_at timestamptz
);
CREATE INDEX drafts_review ON drafts (shop_id, review_id, id);

-- Publication of an approved draft through the shop's connector:
-- pending -> delivering -> published | failed (retried with backoff while pending).
CREATE TABLE publications (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id         text        NOT NULL,
    review_id       text        NOT NULL,
    draft_id        bigint      NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    reply_id        text        NOT NULL UNIQUE,
    status          text        NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'delivering', 'published', 'failed')),
    auto            boolean     NOT NULL DEFAULT false,
    attempts        integer     NOT NULL DEFAULT 0,
    -- New publications are due at once, whatever the service's clock says.
    next_attempt_at timestamptz NOT NULL DEFAULT '-infinity',
    claimed_at      timestamptz,
    last_error      text,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    published_at    timestamptz
);
CREATE INDEX publications_due ON publications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX publications_delivering ON publications (claimed_at) WHERE status = 'delivering';
CREATE INDEX publications_review ON publications (shop_id, review_id);
CREATE INDEX publications_draft ON publications (draft_id);
-- One reply in flight per review at a time.
CREATE UNIQUE INDEX publications_one_in_flight ON publications (shop_id, review_id)
    WHERE status IN ('pending', 'delivering');

-- Reviews waiting for an automatic reply (positive or FAQ question, shop opted in).
CREATE TABLE automation_queue (
    shop_id    text        NOT NULL,
    review_id  text        NOT NULL,
    due_at     timestamptz NOT NULL,
    status     text        NOT NULL DEFAULT 'pending'
               CHECK (status IN ('pending', 'published', 'refused')),
    reason     text,
    decided_at timestamptz,
    PRIMARY KEY (shop_id, review_id)
);
CREATE INDEX automation_queue_due ON automation_queue (due_at) WHERE status = 'pending';

-- NPS answers (from survey.answered), for analytics.
CREATE TABLE survey_answers (
    shop_id     text        NOT NULL,
    survey_id   bigint      NOT NULL,
    order_id    text,
    nps         smallint,
    answered_at timestamptz NOT NULL,
    PRIMARY KEY (shop_id, survey_id)
);
CREATE INDEX survey_answers_shop ON survey_answers (shop_id, answered_at);
