"""HTTP request counts and latency per route template (pure ASGI, like the other middleware)."""

import time

from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.metrics import HTTP_REQUEST_SECONDS, HTTP_REQUESTS

# Requests that matched no route (404s, probes of random paths): one label, not their paths.
UNMATCHED = "unmatched"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def route_template(scope: Scope) -> str:
    """The matched route's template ("/v1/shops/{shop_id}/orders"), never the raw path."""
    path = getattr(scope.get("route"), "path", None)
    if isinstance(path, str):
        return path
    # Answered before routing: the body-size limit refuses an announced oversized body at once.
    # Counted against the route it was sent to, so a webhook's 413 reaches the webhook
    # rejection alert instead of "unmatched".
    router = getattr(scope.get("app"), "router", None)
    for route in getattr(router, "routes", ()):
        match, _ = route.matches(scope)
        path = getattr(route, "path", None)
        if match is not Match.NONE and isinstance(path, str):
            return path
    return UNMATCHED


class HttpMetricsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the server answers when the app raises before responding

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            method = scope["method"] if scope["method"] in METHODS else "other"
            route = route_template(scope)
            HTTP_REQUESTS.labels(method, route, str(status)).inc()
            HTTP_REQUEST_SECONDS.labels(method, route).observe(time.perf_counter() - started)
