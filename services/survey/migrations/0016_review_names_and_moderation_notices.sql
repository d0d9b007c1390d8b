-- Issue 20: survey product reviews are published on the shop's site.
-- The name the reviewer chose to be shown with their reviews (NULL: anonymous). Personal data:
-- a customer redaction clears it with the texts.
ALTER TABLE responses ADD COLUMN reviewer_name text
    CHECK (char_length(reviewer_name) BETWEEN 1 AND 80);

-- The review id downstream services know the line's review by (responses/service.py
-- `review_id`), so a moderation decision about it finds the reviewer. Rows from before: the
-- product's first rated line keeps the plain id, a further line adds its line number.
ALTER TABLE product_reviews ADD COLUMN review_id text;
UPDATE product_reviews p SET review_id = 'survey-' || s.public_ref || '-' || p.product_id
    || CASE WHEN p.line = (SELECT min(q.line) FROM product_reviews q
                           WHERE q.survey_id = p.survey_id AND q.product_id = p.product_id)
            THEN '' ELSE '-' || p.line END
FROM surveys s WHERE s.id = p.survey_id;
CREATE INDEX product_reviews_review_id ON product_reviews (review_id);

-- One email to the reviewer per rejection of their review (a moderation decision), saying
-- which review and why. The key is the rule "never twice for one decision": a replayed or
-- duplicated `review.moderated` finds the row there already. Same state machine as
-- follow_up_emails: pending -> sending -> sent | failed | skipped | unknown.
CREATE TABLE moderation_notices (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id      text        NOT NULL,
    review_id    text        NOT NULL,
    decision     text        NOT NULL CHECK (decision = 'rejected'),
    reason       text        NOT NULL,
    decided_at   timestamptz NOT NULL,
    -- The survey answer the review came from; NULL when survey does not know the review (such
    -- a row is born 'skipped', reason 'unknown_review').
    survey_id    bigint,
    line         smallint,
    order_id     text,
    language     text,
    status       text        NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'unknown')),
    send_at      timestamptz NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0,
    message_id   text        NOT NULL UNIQUE,
    recipient    text,
    skip_reason  text,
    last_error   text,
    claimed_at   timestamptz,
    sent_at      timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (shop_id, review_id, decision, decided_at)
);
CREATE INDEX moderation_notices_due ON moderation_notices (send_at) WHERE status = 'pending';
CREATE INDEX moderation_notices_sending ON moderation_notices (claimed_at)
    WHERE status = 'sending';
CREATE INDEX moderation_notices_order ON moderation_notices (shop_id, order_id);
CREATE INDEX moderation_notices_recipient ON moderation_notices (lower(recipient))
    WHERE recipient IS NOT NULL;
