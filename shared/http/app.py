"""FastAPI app factory shared by the services."""

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import uvicorn
from fastapi import APIRouter, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared import tracing
from shared.http.limits import BodySizeLimitMiddleware
from shared.http.metrics import HttpMetricsMiddleware
from shared.http.probes import router as probes_router
from shared.http.server import deadline_protocol
from shared.logging import (
    HTTP_CORRELATION_HEADER,
    configure_logging,
    correlation_id_var,
    new_correlation_id,
)
from shared.runtime import Runtime, running

log = logging.getLogger(__name__)


_CORRELATION_HEADER = HTTP_CORRELATION_HEADER.lower().encode()


class CorrelationIdMiddleware:
    """Pure ASGI (BaseHTTPMiddleware costs a task and a stream per request on the hot path)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = ""
        for name, value in scope["headers"]:
            if name == _CORRELATION_HEADER:
                incoming = value.decode("latin-1")
                break
        # Accept the caller's id only if it looks like an id; never echo arbitrary text.
        # ASCII only: "²" and "ª" are `isalnum()` too.
        ok = incoming.isascii() and incoming.isalnum() and len(incoming) <= 64
        cid = incoming if ok else new_correlation_id()
        token = correlation_id_var.set(cid)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((_CORRELATION_HEADER, cid.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            correlation_id_var.reset(token)


# A dependency that is down is not the caller's fault and not a bug: 503 asks to retry later.
UNAVAILABLE_ERRORS: tuple[type[Exception], ...] = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.CannotConnectNowError,
    asyncpg.TooManyConnectionsError,
)


def _route(request: Request) -> str | None:
    """The matched route's template ("/s/{token}"), never the path: a survey or unsubscribe
    path holds the customer's token."""
    path = getattr(request.scope.get("route"), "path", None)
    return path if isinstance(path, str) else None


async def _unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.warning("dependency unavailable", extra={"error": repr(exc), "route": _route(request)})
    return JSONResponse(
        {"detail": "temporarily unavailable, retry later"},
        status_code=503,
        headers={"Retry-After": "5"},
    )


async def _unstorable(request: Request, exc: Exception) -> JSONResponse:
    # A value that passed validation but that PostgreSQL refuses (NUL in text or jsonb, a lone
    # surrogate, a number or time out of its range) is the caller's input: 422, not 500.
    # The type only: the error's text quotes the value, which may be personal data.
    log.warning(
        "request value cannot be stored",
        extra={"error": type(exc).__name__, "route": _route(request)},
    )
    return JSONResponse(
        {"detail": "a value in the request cannot be stored (NUL, lone surrogate or out of range)"},
        status_code=422,
    )


async def validation_failed(request: Request, exc: Exception) -> Response:
    """FastAPI's 422 (`{"detail": [{"loc", "msg", "type", "ctx"}]}`) without each error's
    `input`: for a rule across fields pydantic's input is the whole body, and an order's or a
    webhook's body holds a customer's name and address, which the answer would copy into the
    caller's logs (a platform keeps its deliveries' answers). `loc` names the value."""
    if not isinstance(exc, RequestValidationError):
        raise exc
    errors = [{k: v for k, v in e.items() if k != "input"} for e in exc.errors()]
    return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)


async def _client_gone(request: Request, exc: Exception) -> Response:
    # The caller went away mid-body (an aborted upload, or a body past its read deadline):
    # nothing went wrong here, and one line without a traceback cannot be used to flood the log.
    # The route's template, not the path: a survey path holds the customer's token.
    route = getattr(request.scope.get("route"), "path", None)
    log.info("client disconnected before its request was read", extra={"route": route})
    # Nobody is left to read it; 400 is what the metrics count.
    return Response(status_code=400)


def _document_plain_details(app: FastAPI) -> None:
    """Besides FastAPI's list of field errors, a 422 may carry one sentence (`HTTPException(422,
    "...")`, for rules across fields): say so in the published schema."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        schema = build()
        error = schema.get("components", {}).get("schemas", {}).get("HTTPValidationError")
        detail = (error or {}).get("properties", {}).get("detail")
        if detail is not None and "anyOf" not in detail:
            listed = {k: v for k, v in detail.items() if k != "title"}
            error["properties"]["detail"] = {
                "title": "Detail",
                "anyOf": [listed, {"type": "string"}],
            }
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(runtime: Runtime, routers: Sequence[APIRouter], title: str) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            async with running(runtime):
                yield
        finally:
            # Here, not after uvicorn.run: uvicorn re-raises SIGTERM once it has shut down.
            tracing.shutdown_tracing()

    app = FastAPI(title=title, version="0.1.0", lifespan=lifespan)
    app.state.runtime = runtime
    app.add_middleware(CorrelationIdMiddleware)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=runtime.settings.http_max_body_bytes)
    # Outermost: counts and times every answer, the 413s and 503s of the layers inside included.
    app.add_middleware(HttpMetricsMiddleware)
    for error in UNAVAILABLE_ERRORS:
        app.add_exception_handler(error, _unavailable)
    for error in (asyncpg.DataError, UnicodeEncodeError):
        app.add_exception_handler(error, _unstorable)
    app.add_exception_handler(ClientDisconnect, _client_gone)
    app.add_exception_handler(RequestValidationError, validation_failed)
    app.include_router(probes_router)
    for router in routers:
        app.include_router(router)
    _document_plain_details(app)
    return app


def serve(app: FastAPI, runtime: Runtime) -> None:
    """Run one service in the foreground: `python -m services.<name>`."""
    s = runtime.settings
    configure_logging(s.service_name, s.log_level)
    if tracing.configure_tracing(s):
        tracing.instrument_app(app)
    uvicorn.run(
        app,
        host=s.http_host,
        port=s.http_port,
        log_config=None,
        access_log=False,
        http=deadline_protocol(s.http_head_timeout_s, s.http_body_timeout_s),
        timeout_keep_alive=s.http_keep_alive_s,
        # Leave room inside the pod's grace period for the consumers' own shutdown.
        timeout_graceful_shutdown=5,
    )
