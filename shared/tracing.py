"""OpenTelemetry traces across HTTP -> outbox -> Kafka -> consumers -> SMTP.

Off by default (`otel_exporter = "none"`): no provider, no instrumentation, no exporter, no
network call; every helper here is then a cheap no-op. When on:

- FastAPI requests get a server span (probes and /metrics excluded), asyncpg queries and aiokafka
  sends/receives get client/producer/consumer spans from the official instrumentations.
- The outbox stores the W3C trace context of the transaction that wrote each row
  (`current_carrier`), and the relay sends each row inside that context (`attached`), so the
  producer span, and the `traceparent` header the aiokafka instrumentation injects, continue
  the request's trace although the send happens later in another task.
- The consumer runner handles each record inside a "<topic> process" span whose parent comes
  from the record's headers (`consume_span`); whatever the handler writes to the outbox
  carries that context on to the next service.
- Work deferred to a worker (survey emails) stores the carrier with its row and continues the
  trace when it runs; `SmtpConnection.send` is a "smtp send" client span.

Database queries outside any trace (pollers, the relay's claim loop) are not recorded: they
would be thousands of one-span traces a minute.
"""

import logging
import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from opentelemetry import context, propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,
)
from opentelemetry.sdk.trace.sampling import (
    Decision,
    ParentBased,
    Sampler,
    SamplingResult,
    TraceIdRatioBased,
)
from opentelemetry.trace import Link, SpanKind
from opentelemetry.util.types import Attributes

if TYPE_CHECKING:
    from fastapi import FastAPI

    from shared.settings import ServiceSettings

log = logging.getLogger(__name__)

# W3C trace context (and baggage) as text: what the outbox and survey emails store.
Carrier = dict[str, str]

TRACER = trace.get_tracer("reviewloop")
# Not traced: Kubernetes probes and Prometheus scrapes.
EXCLUDED_URLS = "/healthz,/readyz,/metrics"

_provider: TracerProvider | None = None


def enabled() -> bool:
    return _provider is not None


# -- setup -----------------------------------------------------------------------------------


class JsonLinesSpanExporter(SpanExporter):
    """Appends each finished span as one JSON line (the SDK's own span JSON) to a file."""

    def __init__(self, path: str) -> None:
        self._lock = threading.Lock()
        self._file = open(path, "a", encoding="utf-8")  # closed in shutdown()

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        lines = "".join(span.to_json(indent=None) + "\n" for span in spans)
        with self._lock:
            self._file.write(lines)
            self._file.flush()
        return SpanExportResult.SUCCESS

    def shutdown(self) -> None:
        with self._lock:
            self._file.close()


class _SkipQueriesOutsideTraces(Sampler):
    """Drops database client spans that have no parent; everything else goes to `delegate`."""

    def __init__(self, delegate: Sampler) -> None:
        self.delegate = delegate

    def should_sample(
        self,
        parent_context: context.Context | None,
        trace_id: int,
        name: str,
        kind: SpanKind | None = None,
        attributes: Attributes = None,
        links: Sequence[Link] | None = None,
        trace_state: trace.TraceState | None = None,
    ) -> SamplingResult:
        if (
            kind == SpanKind.CLIENT
            and attributes
            and ("db.system" in attributes or "db.system.name" in attributes)
            and not trace.get_current_span(parent_context).get_span_context().is_valid
        ):
            return SamplingResult(Decision.DROP)
        return self.delegate.should_sample(
            parent_context, trace_id, name, kind, attributes, links, trace_state
        )

    def get_description(self) -> str:
        return f"SkipQueriesOutsideTraces{{{self.delegate.get_description()}}}"


def _exporter(settings: "ServiceSettings") -> tuple[SpanExporter, bool]:
    """The exporter and whether it is batched (network) or written at once (local)."""
    if settings.otel_exporter == "otlp":
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        return OTLPSpanExporter(endpoint=settings.otel_endpoint), True
    if settings.otel_exporter == "console":
        return ConsoleSpanExporter(service_name=settings.service_name), False
    if settings.otel_exporter == "file":
        if not settings.otel_file_path:
            raise ValueError("otel_exporter 'file' needs otel_file_path")
        return JsonLinesSpanExporter(settings.otel_file_path), False
    raise ValueError(f"unknown otel_exporter {settings.otel_exporter!r}")


def configure_tracing(settings: "ServiceSettings") -> bool:
    """Set up the tracer provider and the library instrumentations; False when off. Call once
    per process, before the app starts."""
    global _provider
    if settings.otel_exporter == "none" or _provider is not None:
        return _provider is not None
    exporter, batched = _exporter(settings)
    provider = TracerProvider(
        resource=Resource.create(
            {
                # OTEL_SERVICE_NAME when the cluster names its workloads itself.
                "service.name": os.environ.get("OTEL_SERVICE_NAME")
                or f"reviewloop-{settings.service_name}",
                "service.namespace": "reviewloop",
                "deployment.environment.name": settings.environment,
            }
        ),
        sampler=_SkipQueriesOutsideTraces(
            ParentBased(root=TraceIdRatioBased(settings.otel_sample_ratio))
        ),
    )
    provider.add_span_processor(
        BatchSpanProcessor(exporter) if batched else SimpleSpanProcessor(exporter)
    )
    trace.set_tracer_provider(provider)
    _provider = provider

    from opentelemetry.instrumentation.aiokafka import AIOKafkaInstrumentor
    from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor

    AsyncPGInstrumentor().instrument(tracer_provider=provider)  # type: ignore[no-untyped-call]
    AIOKafkaInstrumentor().instrument(tracer_provider=provider)
    log.info(
        "tracing on",
        extra={"exporter": settings.otel_exporter, "sample_ratio": settings.otel_sample_ratio},
    )
    return True


def instrument_app(app: "FastAPI") -> None:
    """Server spans for the app's routes (named by route template). No-op when off."""
    if _provider is None:
        return
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    FastAPIInstrumentor.instrument_app(
        app,
        tracer_provider=_provider,
        excluded_urls=EXCLUDED_URLS,
        # The per-message "http receive"/"http send" spans say nothing the server span does not.
        exclude_spans=["receive", "send"],
    )


def shutdown_tracing() -> None:
    """Export what is buffered (the process is about to exit)."""
    if _provider is not None:
        _provider.shutdown()


# -- carrying the context --------------------------------------------------------------------


def current_carrier() -> Carrier | None:
    """The active trace context as W3C headers, or None (tracing off, or no active trace)."""
    if _provider is None:
        return None
    carrier: Carrier = {}
    propagate.inject(carrier)
    return carrier or None


@contextmanager
def attached(carrier: Mapping[str, str] | None) -> Iterator[None]:
    """Run the block inside the trace context `carrier` describes (as stored by
    `current_carrier`); without one, in the current context."""
    if _provider is None or not carrier:
        yield
        return
    token = context.attach(propagate.extract(carrier))
    try:
        yield
    finally:
        context.detach(token)


@contextmanager
def span(
    name: str,
    parent: Mapping[str, str] | None = None,
    kind: SpanKind = SpanKind.INTERNAL,
    attributes: Mapping[str, str | int] | None = None,
) -> Iterator[trace.Span]:
    """A span, current in the block; its parent is `parent` when given, else the current span."""
    if _provider is None:
        yield trace.INVALID_SPAN
        return
    ctx = propagate.extract(parent) if parent else None
    with TRACER.start_as_current_span(name, context=ctx, kind=kind, attributes=attributes) as s:
        yield s


def _kafka_carrier(headers: Sequence[tuple[str, bytes | None]] | None) -> Carrier:
    return {k: v.decode("latin-1") for k, v in headers or () if v is not None}


@contextmanager
def consume_span(record: Any, group: str) -> Iterator[None]:
    """The consumer's handling of one aiokafka record, continuing the producer's trace."""
    if _provider is None:
        yield
        return
    attributes: dict[str, str | int] = {
        "messaging.system": "kafka",
        "messaging.operation.type": "process",
        "messaging.operation.name": "process",
        "messaging.destination.name": record.topic,
        "messaging.destination.partition.id": str(record.partition),
        "messaging.kafka.offset": record.offset,
        "messaging.consumer.group.name": group,
    }
    with span(
        f"{record.topic} process",
        parent=_kafka_carrier(record.headers),
        kind=SpanKind.CONSUMER,
        attributes=attributes,
    ):
        yield


def annotate_event(event_type: str, event_id: str) -> None:
    """Name the event on the current span (the consumer's process span)."""
    current = trace.get_current_span()
    if current.is_recording():
        current.set_attribute("reviewloop.event.type", event_type)
        current.set_attribute("reviewloop.event.id", event_id)
