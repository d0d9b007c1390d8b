"""HTTP metrics by route template, and tracing that stays off (and cheap) unless configured."""

import logging

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.sampling import ALWAYS_ON, Decision
from opentelemetry.trace import SpanKind

from shared import tracing
from shared.http.limits import BodySizeLimitMiddleware
from shared.http.metrics import HttpMetricsMiddleware
from shared.metrics import HTTP_REQUEST_SECONDS, HTTP_REQUESTS


def _app() -> FastAPI:
    app = FastAPI()
    # As shared/http/app.py stacks them: the size limit inside, the metrics outermost.
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=100)
    app.add_middleware(HttpMetricsMiddleware)

    @app.post("/webhooks/{platform}/{shop_id}")
    async def webhook(platform: str, shop_id: str) -> dict[str, str]:
        return {"platform": platform}

    @app.get("/v1/shops/{shop_id}/things")
    async def things(shop_id: str) -> dict[str, str]:
        return {"shop": shop_id}

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("boom")

    return app


def _count(method: str, route: str, status: str) -> float:
    value: float = HTTP_REQUESTS.labels(method, route, status)._value.get()
    return value


async def test_requests_are_counted_by_route_template_never_by_path() -> None:
    route = "/v1/shops/{shop_id}/things"
    before = _count("GET", route, "200")
    unmatched = _count("GET", "unmatched", "404")
    failed = _count("GET", "/boom", "500")
    transport = httpx.ASGITransport(app=_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        assert (await http.get("/v1/shops/shop-a/things")).status_code == 200
        assert (await http.get("/v1/shops/shop-b/things")).status_code == 200
        assert (await http.get("/no/such/path")).status_code == 404
        assert (await http.get("/boom")).status_code == 500
    assert _count("GET", route, "200") == before + 2
    assert _count("GET", "unmatched", "404") == unmatched + 1
    assert _count("GET", "/boom", "500") == failed + 1
    samples = [s for m in HTTP_REQUESTS.collect() for s in m.samples]
    assert not [s for s in samples if "shop-a" in str(s.labels) or "/no/such" in str(s.labels)]
    durations = [s for m in HTTP_REQUEST_SECONDS.collect() for s in m.samples]
    assert any(s.labels.get("route") == route for s in durations)


async def test_a_body_refused_before_routing_counts_against_its_route() -> None:
    """An announced oversized body is answered 413 before the router runs: still counted
    against the webhook route, where the rejection alert looks (deploy/observability)."""
    route = "/webhooks/{platform}/{shop_id}"
    before = _count("POST", route, "413")
    unmatched = _count("POST", "unmatched", "413")
    transport = httpx.ASGITransport(app=_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        assert (await http.post("/webhooks/shopify/shop-a", content=b"x" * 101)).status_code == 413
        assert (await http.post("/webhooks/shopify/shop-a", content=b"{}")).status_code == 200
        assert (await http.post("/no/such/path", content=b"x" * 101)).status_code == 413
    assert _count("POST", route, "413") == before + 1
    assert _count("POST", "unmatched", "413") == unmatched + 1


async def test_a_refused_body_is_logged_by_its_route_never_its_path(
    caplog: pytest.LogCaptureFixture,
) -> None:
    transport = httpx.ASGITransport(app=_app(), raise_app_exceptions=False)
    with caplog.at_level(logging.WARNING, logger="shared.http.limits"):
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            r = await http.post("/webhooks/shopify/secret-shop-a", content=b"x" * 101)
    assert r.status_code == 413
    (record,) = [r for r in caplog.records if r.name == "shared.http.limits"]
    assert record.getMessage() == "request body refused"
    assert record.__dict__["route"] == "/webhooks/{platform}/{shop_id}"
    assert "secret-shop-a" not in str(record.__dict__)


def test_tracing_is_off_by_default_and_its_helpers_do_nothing() -> None:
    assert not tracing.enabled()
    assert tracing.current_carrier() is None
    with tracing.attached({"traceparent": "00-" + "1" * 32 + "-" + "2" * 16 + "-01"}):
        assert not trace.get_current_span().get_span_context().is_valid
    with tracing.span("x") as span:
        assert not span.is_recording()


def test_queries_outside_a_trace_are_dropped_and_everything_else_sampled() -> None:
    sampler = tracing._SkipQueriesOutsideTraces(ALWAYS_ON)
    db = {"db.system": "postgresql"}
    orphan = sampler.should_sample(None, 1, "SELECT", SpanKind.CLIENT, db)
    assert orphan.decision == Decision.DROP
    tracer = TracerProvider().get_tracer("t")
    with tracer.start_as_current_span("request") as parent:
        ctx = trace.set_span_in_context(parent)
        assert sampler.should_sample(ctx, 1, "SELECT", SpanKind.CLIENT, db).decision.is_sampled()
    smtp = sampler.should_sample(None, 1, "smtp send", SpanKind.CLIENT, {"server.port": 25})
    assert smtp.decision.is_sampled()
    server = sampler.should_sample(None, 1, "GET /x", SpanKind.SERVER, None)
    assert server.decision.is_sampled()
