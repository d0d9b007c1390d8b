-- The W3C trace context (traceparent, tracestate) of the transaction that wrote the row, so the
-- relay's send continues the request's trace (shared/tracing.py). NULL when tracing is off.
ALTER TABLE outbox ADD COLUMN trace_context jsonb;
