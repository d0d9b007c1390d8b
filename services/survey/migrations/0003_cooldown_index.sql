-- The cooldown check looks up invitations by recipient in every state that may have reached the
-- customer ('sending' included); the first index only covered sent/unknown and was never used.
DROP INDEX survey_emails_recipient_sent;
CREATE INDEX survey_emails_invitation_recipient ON survey_emails (recipient)
    WHERE kind = 'invitation' AND recipient IS NOT NULL;
