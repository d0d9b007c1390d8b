"""Operators' observability (issue #22): no `_created` series, the build info, the pool gauges,
trace ids in log lines, OpenTelemetry's standard environment variables."""

import json
import logging
from collections.abc import Iterator

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from prometheus_client import CollectorRegistry, Counter, generate_latest

from services.ingest.settings import IngestSettings
from shared import metrics
from shared.logging import configure_logging
from shared.settings import standard_otel_settings


def test_counters_export_no_created_series() -> None:
    registry = CollectorRegistry()
    Counter("reviewloop_probe_total", "A probe.", registry=registry).inc()
    text = generate_latest(registry).decode()
    assert "reviewloop_probe_total 1.0" in text
    assert "_created" not in text


def test_build_info_names_the_release_and_python() -> None:
    metrics.announce_build("ingest")
    text = generate_latest().decode()
    # Other tests of the same process may have announced other services' builds.
    line = next(
        x
        for x in text.splitlines()
        if x.startswith("reviewloop_build_info{") and 'service="ingest"' in x
    )
    assert 'python="3.' in line and line.endswith(" 1.0")
    assert 'version=""' not in line


class _FakePool:
    def get_size(self) -> int:
        return 7

    def get_idle_size(self) -> int:
        return 2

    def get_max_size(self) -> int:
        return 10


def test_pool_gauges() -> None:
    from shared.db.pool import measure_pool

    measure_pool(_FakePool(), "probe-service")
    text = generate_latest().decode()
    assert 'reviewloop_db_pool_connections{service="probe-service",state="in_use"} 5.0' in text
    assert 'reviewloop_db_pool_connections{service="probe-service",state="idle"} 2.0' in text
    assert 'reviewloop_db_pool_max_connections{service="probe-service"} 10.0' in text


@pytest.fixture
def root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.usefixtures("root_logger")
def test_log_lines_carry_the_trace_they_belong_to(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging("probe")
    log = logging.getLogger("probe.test")
    tracer = TracerProvider().get_tracer("test")
    with tracer.start_as_current_span("work") as span:
        log.warning("inside")
        context = span.get_span_context()
    log.warning("outside")
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.startswith("{")]
    inside, outside = lines[-2], lines[-1]
    assert inside["trace_id"] == format(context.trace_id, "032x")
    assert inside["span_id"] == format(context.span_id, "016x")
    assert "trace_id" not in outside
    assert trace.get_current_span().get_span_context().is_valid is False


def test_standard_otel_variables() -> None:
    assert standard_otel_settings({}) == {}
    assert standard_otel_settings(
        {
            "OTEL_TRACES_EXPORTER": "otlp",
            "OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318/",
            "OTEL_TRACES_SAMPLER": "parentbased_traceidratio",
            "OTEL_TRACES_SAMPLER_ARG": "0.25",
        }
    ) == {
        "otel_exporter": "otlp",
        "otel_endpoint": "http://collector:4318/v1/traces",
        "otel_sample_ratio": "0.25",
    }
    # The signal's own endpoint is taken as it is; a fixed sampler is a ratio of 0 or 1.
    assert standard_otel_settings(
        {
            "OTEL_EXPORTER_OTLP_ENDPOINT": "http://a:4318",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://b:4318/traces",
            "OTEL_TRACES_SAMPLER": "always_off",
            "OTEL_TRACES_SAMPLER_ARG": "0.5",
        }
    ) == {"otel_endpoint": "http://b:4318/traces", "otel_sample_ratio": 0.0}
    assert standard_otel_settings(
        {"OTEL_TRACES_EXPORTER": "otlp", "OTEL_SDK_DISABLED": "true"}
    ) == {"otel_exporter": "none"}
    # An exporter this project does not ship (zipkin) leaves the setting alone.
    assert standard_otel_settings({"OTEL_TRACES_EXPORTER": "zipkin"}) == {}


def test_the_services_own_variables_win(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "otlp")
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
    monkeypatch.setenv("OTEL_TRACES_SAMPLER_ARG", "0.1")
    settings = IngestSettings()
    assert settings.otel_exporter == "otlp"
    assert settings.otel_endpoint == "http://collector:4318/v1/traces"
    assert settings.otel_sample_ratio == 0.1
    monkeypatch.setenv("INGEST_OTEL_EXPORTER", "none")
    monkeypatch.setenv("INGEST_OTEL_SAMPLE_RATIO", "1.0")
    settings = IngestSettings()
    assert (settings.otel_exporter, settings.otel_sample_ratio) == ("none", 1.0)
    monkeypatch.setenv("OTEL_TRACES_SAMPLER_ARG", "2")
    monkeypatch.delenv("INGEST_OTEL_SAMPLE_RATIO")
    with pytest.raises(ValueError, match="otel_sample_ratio"):
        IngestSettings()
