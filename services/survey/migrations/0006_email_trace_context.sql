-- The W3C trace context of the event that scheduled the email (shared/tracing.py): the send,
-- whenever it happens, continues that trace. NULL when tracing is off.
ALTER TABLE survey_emails ADD COLUMN trace_context jsonb;
