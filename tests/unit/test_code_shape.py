"""The shape every feature keeps (docs/architecture.md, "One shape for every feature"): SQL only
in repository modules, typed API responses, handlers keyed by event class instead of downcasts.
Each check reads the code as it is, so a new module that breaks the shape fails here."""

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute

from services.ingest.app import build as ingest
from services.notifier.app import build as notifier
from services.responder.app import build as responder
from services.survey.app import build as survey
from shared.http.openapi import api_routes
from shared.runtime import Runtime

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("services", "shared")
# The database plumbing itself (pool, migration runner, schema provisioning, LISTEN/NOTIFY):
# the one package whose every module is about the database rather than a feature's data.
SQL_PLUMBING = ("shared/db/",)

BUILDS: dict[str, Callable[[], tuple[FastAPI, Runtime]]] = {
    "ingest": ingest,
    "survey": survey,
    "notifier": notifier,
    "responder": responder,
}

_DRIVER_CALLS = {
    "execute",
    "executemany",
    "fetch",
    "fetchrow",
    "fetchval",
    "copy_records_to_table",
    "copy_to_table",
    "copy_from_query",
    "cursor",
    "prepare",
}
_SQL = re.compile(
    r"^\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|WITH\s+\w+\s+AS\s*\(|"
    r"CREATE\s+(TABLE|INDEX|SCHEMA)\s|ALTER\s+TABLE\s|SET\s+search_path)",
    re.IGNORECASE,
)


def product_modules() -> Iterator[tuple[str, ast.Module]]:
    for top in PRODUCT:
        for path in sorted((ROOT / top).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            yield rel, ast.parse(path.read_text(), rel)


def is_repository(rel: str) -> bool:
    return rel.endswith("/repository.py") or "/repository/" in rel or rel.startswith(SQL_PLUMBING)


def sql_sites(tree: ast.Module) -> list[int]:
    sites: set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _DRIVER_CALLS
            and node.args
            and isinstance(node.args[0], (ast.Constant, ast.JoinedStr))
        ):
            sites.add(node.lineno)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _SQL.match(node.value):
                sites.add(node.lineno)
    return sorted(sites)


def test_sql_lives_in_repository_modules_only() -> None:
    outside = [
        f"{rel}:{line}"
        for rel, tree in product_modules()
        if not is_repository(rel)
        for line in sql_sites(tree)
    ]
    assert outside == []


def test_the_sql_check_sees_sql() -> None:
    # The check above would pass on a tree it cannot read: prove it finds both forms.
    tree = ast.parse(
        'async def f(c):\n    await c.fetch("SELECT 1")\nQ = """\n  DELETE FROM x"""\n'
    )
    assert sql_sites(tree) == [2, 3]
    assert sum(bool(sql_sites(t)) for r, t in product_modules() if is_repository(r)) > 20


def test_no_downcasts_in_the_product() -> None:
    """Handlers are keyed by event class and deps are typed: an `assert isinstance` would be a
    downcast the types should have made unnecessary (and vanishes under python -O)."""
    found = [
        f"{rel}:{node.lineno}"
        for rel, tree in product_modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Assert)
        and isinstance(node.test, ast.Call)
        and isinstance(node.test.func, ast.Name)
        and node.test.func.id == "isinstance"
    ]
    assert found == []


def _untyped(schema: dict[str, Any], components: dict[str, Any], seen: frozenset[str]) -> bool:
    """True where a response body is an object (or anything) whose shape is not described."""
    ref = schema.get("$ref")
    if ref is not None:
        name = ref.rsplit("/", 1)[-1]
        if name in seen:
            return False
        return _untyped(components[name], components, seen | {name})
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            return any(_untyped(s, components, seen) for s in schema[key])
    kind = schema.get("type")
    if kind is None:
        return not schema.get("enum") and "const" not in schema
    if kind == "array":
        return _untyped(schema.get("items", {}), components, seen)
    if kind == "object":
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            return _untyped(extra, components, seen)
        # A map keyed by a pattern (country codes) is described by its values' schemas.
        patterned = schema.get("patternProperties")
        if isinstance(patterned, dict) and patterned:
            return any(_untyped(p, components, seen) for p in patterned.values())
        if "properties" not in schema:
            return True
        return any(_untyped(p, components, seen) for p in schema["properties"].values())
    return False


@pytest.mark.parametrize("service", BUILDS)
def test_every_json_response_has_a_described_shape(service: str) -> None:
    app, _ = BUILDS[service]()
    spec = app.openapi()
    components = spec.get("components", {}).get("schemas", {})
    untyped = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            for code, response in op["responses"].items():
                if code in ("204", "304") or int(code) >= 300:
                    continue
                body = response.get("content", {}).get("application/json")
                if body is None:
                    continue
                if _untyped(body.get("schema", {}), components, frozenset()):
                    untyped.append(f"{method.upper()} {path} {code}")
    assert untyped == []


@pytest.mark.parametrize("service", BUILDS)
def test_every_json_route_declares_its_response_model(service: str) -> None:
    app, _ = BUILDS[service]()
    routes = api_routes(app)
    missing = [
        f"{sorted(route.methods)[0]} {route.path}"
        for route in (ctx.original_route for ctx in routes)
        if isinstance(route, APIRoute)
        and route.response_model is None
        and route.status_code != 204
        and "json" in str(getattr(route.response_class, "media_type", "json"))
    ]
    assert len(routes) > 10 and missing == []


def test_the_response_check_sees_an_untyped_body() -> None:
    assert _untyped({"type": "object", "additionalProperties": True}, {}, frozenset())
    assert _untyped({"type": "object", "patternProperties": {"^x$": {}}}, {}, frozenset())
    assert not _untyped(
        {"type": "object", "patternProperties": {"^x$": {"type": "string"}}}, {}, frozenset()
    )
    assert _untyped({}, {}, frozenset())
    assert _untyped(
        {"type": "array", "items": {"$ref": "#/c/X"}}, {"X": {"type": "object"}}, frozenset()
    )
    assert not _untyped(
        {"type": "object", "properties": {"a": {"type": "integer"}}}, {}, frozenset()
    )
