"""Every operation's published OpenAPI lists the error statuses it can answer, each with its
media type and body, so that a client (and schemathesis' conformance checks in
tests/integration/test_api_fuzz.py) can rely on it.

Most statuses follow from what a route is made of, read from FastAPI's dependency tree:

* a bearer token (any security scheme among its dependencies): 401;
* path parameters, or a `shop_id` anywhere (tenants out of scope look absent): 404;
* a JSON body: 400 (not UTF-8 / unreadable), 413 (BodySizeLimitMiddleware), 422;
* parameters of any kind: 422;
* every operation but `/metrics`: 503, the answer of `shared.http.app` when PostgreSQL (or
  another dependency) is unreachable.

What only a handler or a dependency knows (a 403 of a role check, a 409 of a state, a page's own
HTML answers) is declared by the service's app factory: `by_dependency` for dependencies (401
and 429 of an authentication that rate-limits, 403 of a role check), `also` per operation.
Statuses an operation declares itself keep their description; those without a body get the
common error body.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, get_args

from fastapi import FastAPI
from fastapi.datastructures import DefaultPlaceholder
from fastapi.dependencies.models import Dependant
from fastapi.params import Depends
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from fastapi.security.base import SecurityBase

ERROR_SCHEMA = "Error"
_ERROR: dict[str, Any] = {
    "title": ERROR_SCHEMA,
    "type": "object",
    "properties": {
        "detail": {
            "title": "Detail",
            "description": "Why: one sentence, or an object with the details (a refused "
            "transition, a blocked reply's findings), or FastAPI's list of field errors.",
            "anyOf": [{"type": "string"}, {"type": "object"}, {"type": "array", "items": {}}],
        }
    },
    "required": ["detail"],
}
_JSON_ERROR = {"application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR_SCHEMA}"}}}
_HTML = {"text/html": {"schema": {"type": "string"}}}

DESCRIPTIONS = {
    400: "The body could not be read (not UTF-8 JSON).",
    401: "Missing or invalid credentials.",
    403: "The caller's role may not do this.",
    404: "No such resource, or one outside the caller's shops.",
    409: "The current state does not allow this.",
    410: "The link has expired.",
    413: "The body is larger than the service accepts.",
    415: "The body is not of a media type the operation reads.",
    422: "Invalid input; `detail` says why.",
    429: "Rate limit exceeded; retry after `Retry-After` seconds.",
    503: "A dependency (PostgreSQL, Kafka) is unavailable; retry after `Retry-After` seconds.",
}
# Operations that touch nothing but the process itself.
_NO_DEPENDENCY = frozenset({"/metrics"})


def dependency_of(annotated: Any) -> Callable[..., Any]:
    """The callable behind `Annotated[T, Depends(f)]`, to name it in `by_dependency`."""
    for meta in get_args(annotated)[1:]:
        if isinstance(meta, Depends) and meta.dependency is not None:
            return meta.dependency
    raise ValueError(f"{annotated!r} has no Depends()")


def _calls(dependant: Dependant) -> Iterator[Any]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _calls(sub)


def _params(dependant: Dependant) -> Iterator[str]:
    yield from (p.name for p in dependant.path_params + dependant.query_params)
    yield from (p.name for p in dependant.header_params + dependant.cookie_params)
    for sub in dependant.dependencies:
        yield from _params(sub)


def _has_body(dependant: Dependant) -> bool:
    return bool(dependant.body_params) or any(_has_body(d) for d in dependant.dependencies)


def api_routes(app: FastAPI) -> list[RouteContext]:
    """The published operations' routes, as FastAPI sees them once routers are included (with
    the prefixes and dependencies of every router on the way)."""
    return [
        ctx
        for ctx in iter_route_contexts(app.routes)
        if isinstance(ctx.original_route, APIRoute) and ctx.include_in_schema
    ]


def derived_statuses(
    route: RouteContext, by_dependency: Mapping[Callable[..., Any], Iterable[int]]
) -> set[int]:
    """What the route's make-up says it can answer (see the module's docstring)."""
    statuses: set[int] = set()
    calls = list(_calls(route.dependant))
    if any(isinstance(call, SecurityBase) for call in calls):
        statuses.add(401)
    for call in calls:
        statuses.update(by_dependency.get(call, ()))
    params = set(_params(route.dependant))
    if route.dependant.path_params or "shop_id" in params:
        statuses.add(404)
    if _has_body(route.dependant):
        statuses.update((400, 413, 422))
    if params:
        statuses.add(422)
    if route.path_format not in _NO_DEPENDENCY:
        statuses.add(503)
    return statuses


def document_statuses(
    app: FastAPI,
    also: Mapping[str, Iterable[int]] | None = None,
    by_dependency: Mapping[Callable[..., Any], Iterable[int]] | None = None,
) -> None:
    """Publish every route's error statuses. `also`: "METHOD /path" -> statuses its handler
    answers besides the derived ones (for an HTML page, they are documented as HTML)."""
    extra = {key: set(codes) for key, codes in (also or {}).items()}
    deps = by_dependency or {}
    routes = api_routes(app)
    known = {f"{m} {r.path_format}" for r in routes for m in r.methods or ()}
    unknown = set(extra) - known
    if unknown:
        # A renamed route must not leave its declaration silently behind.
        raise ValueError(f"no such operations: {sorted(unknown)}")
    build = app.openapi

    def openapi() -> dict[str, Any]:
        schema = build()
        schema.setdefault("components", {}).setdefault("schemas", {})[ERROR_SCHEMA] = _ERROR
        for route in routes:
            derived = derived_statuses(route, deps)
            response_class = route.response_class
            if isinstance(response_class, DefaultPlaceholder):
                response_class = response_class.value
            html = isinstance(response_class, type) and issubclass(response_class, HTMLResponse)
            for method in route.methods or ():
                operation = schema["paths"][route.path_format][method.lower()]
                own = extra.get(f"{method} {route.path_format}", set())
                _document(operation, derived | own, own if html else set())
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _document(operation: dict[str, Any], statuses: set[int], html: set[int]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    for status in statuses:
        responses.setdefault(str(status), {"description": DESCRIPTIONS[status]})
    # Errors the route declared itself (a description only) get their body too.
    for code, response in responses.items():
        if not code.isdigit() or int(code) < 400:  # "default", "4XX": left as declared
            continue
        status = int(code)
        content = response.setdefault("content", {})
        if status in html:
            content.update(_HTML)
        elif not content:
            content.update(_JSON_ERROR)
