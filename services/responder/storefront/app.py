"""Assembly of the storefront process: the public routes of every area over a read-only pool,
behind a per-client rate limit and an in-process response cache. No Kafka, no migrations (the
responder applies them), no cookies."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.responder.access.ratelimit import TokenBuckets
from services.responder.storefront.http import JSON, public_response
from services.responder.storefront.middleware import (
    ClientAddress,
    HeadAsGetMiddleware,
    RateLimitMiddleware,
    ResponseCacheMiddleware,
    ResponseStore,
)
from services.responder.storefront.routes import ROUTERS
from services.responder.storefront.settings import StorefrontSettings
from shared import tracing
from shared.db.pool import create_pool, measure_pool, ping
from shared.http.app import UNAVAILABLE_ERRORS, CorrelationIdMiddleware
from shared.http.limits import BodySizeLimitMiddleware
from shared.http.metrics import HttpMetricsMiddleware
from shared.http.openapi import document_statuses
from shared.metrics import announce_build

log = logging.getLogger(__name__)

# Every session of this process refuses writes: a bug or an injection here cannot change what
# the responder owns.
READ_ONLY = {"default_transaction_read_only": "on", "application_name": "reviewloop-storefront"}


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    checks: dict[str, bool]
    required: list[str]


def _error(request: Request, status: int, detail: object, headers: dict[str, str]) -> Response:
    # Errors are JSON with a reason, readable cross-origin like any answer, and never cached
    # by a CDN (a 404 for a product about to get its first review must not stick).
    settings: StorefrontSettings = request.app.state.settings
    body = JSONResponse({"detail": detail}).body
    return public_response(
        request,
        settings,
        bytes(body),
        JSON,
        status_code=status,
        headers={"Cache-Control": "no-store", **headers},
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, StarletteHTTPException):
        raise exc
    detail = exc.detail if exc.status_code != 404 or exc.detail != "Not Found" else "no such page"
    return _error(request, exc.status_code, detail, dict(exc.headers or {}))


async def _invalid(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RequestValidationError):
        raise exc
    errors = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]
    return _error(request, 422, errors, {})


async def _unreadable(request: Request, exc: Exception) -> Response:
    # A NUL or a lone surrogate in an id of the path: no shop or product is named that way,
    # and PostgreSQL refuses the value itself. The type only: the value is the caller's.
    log.info("unreadable value in a storefront request", extra={"error": type(exc).__name__})
    # In the shape of FastAPI's own 422 (a list of field errors), which the OpenAPI publishes.
    detail = [
        {
            "loc": ["path"],
            "msg": "a value in the path or query cannot be read (NUL or lone surrogate)",
            "type": "unreadable",
        }
    ]
    return _error(request, 422, detail, {})


async def _unavailable(request: Request, exc: Exception) -> Response:
    log.warning("dependency unavailable", extra={"error": repr(exc)})
    return _error(request, 503, "temporarily unavailable, retry later", {"Retry-After": "5"})


def build(settings: StorefrontSettings | None = None) -> FastAPI:
    settings = settings or StorefrontSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Tests hand the app a pool of their own (lifespan off); a started process makes one.
        app.state.pool = await create_pool(settings, server_settings=READ_ONLY)
        announce_build("storefront")
        try:
            yield
        finally:
            await app.state.pool.close()
            tracing.shutdown_tracing()

    app = FastAPI(title="Reviewloop storefront", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    app.state.cache = ResponseStore(settings.cache_seconds)
    # Innermost first: cache, rate limit, correlation id, body limit, HEAD as GET, metrics
    # (outermost, so it counts the 429s and the cached answers too).
    app.add_middleware(ResponseCacheMiddleware, store=app.state.cache)
    app.add_middleware(
        RateLimitMiddleware,
        buckets=TokenBuckets(settings.rate_limit_per_minute, settings.rate_limit_burst),
        client=ClientAddress(settings.trusted_proxies),
    )
    app.add_middleware(CorrelationIdMiddleware)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.http_max_body_bytes)
    app.add_middleware(HeadAsGetMiddleware)
    app.add_middleware(HttpMetricsMiddleware)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    # UndefinedTable: the responder has not applied its migrations yet (they start together).
    for error in (*UNAVAILABLE_ERRORS, asyncpg.UndefinedTableError):
        app.add_exception_handler(error, _unavailable)
    for error in (asyncpg.DataError, UnicodeEncodeError):
        app.add_exception_handler(error, _unreadable)

    @app.get("/healthz", response_model=Health, tags=["probes"])
    async def healthz() -> Health:
        """The process answers (it has no background loop that could stall)."""
        return Health(status="ok")

    @app.get(
        "/readyz",
        response_model=Readiness,
        tags=["probes"],
        responses={503: {"model": Readiness, "description": "PostgreSQL is unreachable."}},
    )
    async def readyz(request: Request) -> JSONResponse:
        """PostgreSQL answers: the only dependency of this process."""
        try:
            await ping(request.app.state.pool)
            ok = True
        except (*UNAVAILABLE_ERRORS, asyncpg.PostgresError):
            ok = False
        return JSONResponse(
            {
                "service": "storefront",
                "status": "ready" if ok else "not ready",
                "checks": {"postgres": ok},
                "required": ["postgres"],
            },
            status_code=200 if ok else 503,
        )

    @app.get("/metrics", tags=["probes"], response_class=Response)
    async def metrics(request: Request) -> Response:
        pool = getattr(request.app.state, "pool", None)
        if pool is not None:
            measure_pool(pool, "storefront")
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    for router in ROUTERS:
        app.include_router(router)
    # 404 of path ids, 422 of parameters, 503 of PostgreSQL, each with its JSON error body.
    document_statuses(app)
    return app
