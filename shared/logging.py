"""Structured JSON logs carrying the correlation id and event id of the work in progress.

The correlation id starts at the HTTP request (header `X-Correlation-ID`, or a new one),
travels in the Kafka header `correlation_id` through the outbox, and is restored by the
consumer, so one grep follows a webhook to the email it caused. Lines written while a recorded
trace is in progress also carry its `trace_id` and `span_id` (W3C hex), as the tracing backend
shows them.
"""

import logging
import re
import sys
import uuid
from contextvars import ContextVar

from opentelemetry import trace
from pythonjsonlogger.json import JsonFormatter

CORRELATION_HEADER = "correlation_id"
HTTP_CORRELATION_HEADER = "X-Correlation-ID"

correlation_id_var: ContextVar[str | None] = ContextVar("correlation_id", default=None)
event_id_var: ContextVar[str | None] = ContextVar("event_id", default=None)


def new_correlation_id() -> str:
    return uuid.uuid4().hex


class _ContextFilter(logging.Filter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def filter(self, record: logging.LogRecord) -> bool:
        record.service = self.service
        record.correlation_id = correlation_id_var.get()
        record.event_id = event_id_var.get()
        # The trace of the work in progress (when tracing is on and this trace is recorded):
        # a log line leads to its trace in the tracing backend and back.
        context = trace.get_current_span().get_span_context()
        if context.is_valid:
            record.trace_id = format(context.trace_id, "032x")
            record.span_id = format(context.span_id, "016x")
        return True


_URL = re.compile(r"(?P<origin>https?://[^/?#\s\"']+)[^\s\"']*")
_HTTP_CLIENT_LOGGERS = ("httpx", "httpcore")


def mask_url(text: str) -> str:
    """Every URL in `text` cut to its scheme and host: the path of a Slack webhook is its
    secret, and queries carry tokens."""
    return _URL.sub(lambda m: m.group("origin") + "/…", text)


class _OutgoingUrlFilter(logging.Filter):
    """httpx logs every outgoing request's full URL at INFO (httpcore more at DEBUG)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(_HTTP_CLIENT_LOGGERS):
            return True
        if isinstance(record.msg, str):
            record.msg = mask_url(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                mask_url(str(a)) if isinstance(a, str) or type(a).__name__ == "URL" else a
                for a in record.args
            )
        return True


def configure_logging(service: str, level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(_ContextFilter(service))
    handler.addFilter(_OutgoingUrlFilter())
    handler.setFormatter(
        JsonFormatter(
            "{asctime}{levelname}{name}{message}{service}{correlation_id}{event_id}",
            style="{",
            datefmt="%Y-%m-%dT%H:%M:%S%z",
            rename_fields={"asctime": "ts", "levelname": "level", "name": "logger"},
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiokafka logs every rebalance step at INFO; keep those, but not its per-request chatter.
    logging.getLogger("aiokafka").setLevel(max(logging.getLevelName(level), logging.INFO))
