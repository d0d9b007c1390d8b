-- One follow-up email per resolved case (issue 7). The key (shop, case key) is the rule "never
-- two follow-ups for one case": a redelivered event, or a case resolved again after reopening,
-- finds the row there already. Same state machine as survey_emails:
-- pending -> sending -> sent | failed | skipped | unknown ('unknown' is never sent again).
CREATE TABLE follow_up_emails (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shop_id      text        NOT NULL,
    case_key     text        NOT NULL,
    case_id      bigint      NOT NULL,
    -- Null when the case has no order: such a row is born 'skipped' (reason 'no_order').
    order_id     text,
    language     text,
    status       text        NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'unknown')),
    resolved_at  timestamptz NOT NULL,
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
    UNIQUE (shop_id, case_key)
);
CREATE INDEX follow_up_emails_due ON follow_up_emails (send_at) WHERE status = 'pending';
CREATE INDEX follow_up_emails_sending ON follow_up_emails (claimed_at) WHERE status = 'sending';
-- GDPR requests find a customer's rows by order or by address (in any letter case: the address
-- is stored as the order event carried it).
CREATE INDEX follow_up_emails_order ON follow_up_emails (shop_id, order_id);
CREATE INDEX follow_up_emails_recipient ON follow_up_emails (lower(recipient))
    WHERE recipient IS NOT NULL;
