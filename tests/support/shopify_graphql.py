"""A local stand-in for Shopify's Admin GraphQL API: a real HTTP server implementing the five
documented operations the review sync uses, over in-memory metaobjects and metafields.

`POST /admin/api/{version}/graphql.json` with `X-Shopify-Access-Token`; the body's `query`
names one root field (`standardMetaobjectDefinitionEnable`, `metaobjectUpsert`,
`metaobjectDelete`, `metafieldsSet`, `metafieldsDelete`) and `variables` carries the input.
Answers have the documented shapes: `data.<root>` with its payload and `userErrors`, and
`extensions.cost.throttleStatus`. `throttle_next()` makes the next call answer `THROTTLED`
(top-level `errors[].extensions.code`, no `data`), as Shopify does when the bucket is empty.
Every call is recorded in `calls` (operation root, variables)."""

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

TOKEN = "shpat_test_token_0123456789abcdef"
_PATH = re.compile(r"^/admin/api/(20[0-9]{2}-[0-9]{2}|unstable)/graphql\.json$")
_ROOT = re.compile(
    r"\b(standardMetaobjectDefinitionEnable|metaobjectUpsert|metaobjectDelete|metafieldsSet|"
    r"metafieldsDelete)\s*\("
)
# The fields the standard product_review definition requires (shopify.dev, list of standard
# metaobject definitions: Rating, Submitted At, Source).
REQUIRED = ("rating", "submitted_at", "source")


@dataclass
class Metaobject:
    id: str
    type: str
    handle: str
    fields: dict[str, str]
    status: str | None = None


@dataclass
class Call:
    root: str
    operation: str | None
    variables: dict[str, Any]


@dataclass
class ShopifyState:
    definitions: set[str] = field(default_factory=set)
    metaobjects: dict[str, Metaobject] = field(default_factory=dict)
    # (ownerId, namespace, key) -> (type, value)
    metafields: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)
    next_id: int = 1000


def _cost() -> dict[str, Any]:
    return {
        "cost": {
            "requestedQueryCost": 10,
            "actualQueryCost": 10,
            "throttleStatus": {
                "maximumAvailable": 2000.0,
                "currentlyAvailable": 1990.0,
                "restoreRate": 100.0,
            },
        }
    }


class ShopifyGraphQL:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.state = ShopifyState()
        self.calls: list[Call] = []
        self._throttles = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                server._handle(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "ShopifyGraphQL":
        self.thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.server.shutdown()
        self.server.server_close()

    def throttle_next(self, times: int = 1) -> None:
        with self._lock:
            self._throttles += times

    def reviews(self) -> list[Metaobject]:
        with self._lock:
            return [m for m in self.state.metaobjects.values() if m.type == "product_review"]

    def metafield(self, owner: str, namespace: str, key: str) -> tuple[str, str] | None:
        with self._lock:
            return self.state.metafields.get((owner, namespace, key))

    def roots(self) -> list[str]:
        with self._lock:
            return [c.root for c in self.calls]

    # The HTTP side.

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length", "0"))
        raw = handler.rfile.read(length)
        if not _PATH.match(handler.path):
            return _send(handler, 404, {"errors": "Not Found"})
        if handler.headers.get("X-Shopify-Access-Token") != self.token:
            return _send(
                handler,
                401,
                {
                    "errors": "[API] Invalid API key or access token "
                    "(unrecognized login or wrong password)"
                },
            )
        try:
            document = json.loads(raw)
            query = document["query"]
            variables = document.get("variables") or {}
        except (ValueError, KeyError, TypeError):
            return _send(
                handler, 400, {"errors": {"query": "Required parameter missing or invalid"}}
            )
        found = _ROOT.search(query)
        if found is None:
            return _send(
                handler,
                200,
                {
                    "errors": [
                        {"message": "unsupported here", "extensions": {"code": "UNSUPPORTED"}}
                    ]
                },
            )
        root = found.group(1)
        with self._lock:
            self.calls.append(Call(root, document.get("operationName"), variables))
            if self._throttles:
                self._throttles -= 1
                return _send(handler, 200, _throttled())
            payload = getattr(self, f"_{root}")(variables)
        _send(handler, 200, {"data": {root: payload}, "extensions": _cost()})

    # The operations (called with the lock held).

    def _standardMetaobjectDefinitionEnable(self, variables: dict[str, Any]) -> dict[str, Any]:
        kind = variables["type"]
        if kind in self.state.definitions:
            return {
                "metaobjectDefinition": None,
                "userErrors": [
                    {"field": ["type"], "message": "Type has already been taken", "code": "TAKEN"}
                ],
            }
        self.state.definitions.add(kind)
        return {
            "metaobjectDefinition": {
                "id": f"gid://shopify/MetaobjectDefinition/{kind}",
                "type": kind,
            },
            "userErrors": [],
        }

    def _metaobjectUpsert(self, variables: dict[str, Any]) -> dict[str, Any]:
        handle = variables["handle"]
        kind, name = handle["type"], handle["handle"]
        if kind not in self.state.definitions:
            return {
                "metaobject": None,
                "userErrors": [
                    {
                        "field": ["handle", "type"],
                        "message": "No metaobject definition exists for type",
                        "code": "UNDEFINED_OBJECT_TYPE",
                    }
                ],
            }
        fields = {f["key"]: f["value"] for f in variables["metaobject"].get("fields", [])}
        existing = next(
            (m for m in self.state.metaobjects.values() if m.type == kind and m.handle == name),
            None,
        )
        merged = {**(existing.fields if existing else {}), **fields}
        missing = [k for k in REQUIRED if k not in merged]
        if missing:
            return {
                "metaobject": None,
                "userErrors": [
                    {
                        "field": ["metaobject", "fields", k],
                        "message": f"{k} can't be blank",
                        "code": "BLANK",
                    }
                    for k in missing
                ],
            }
        rating = json.loads(merged["rating"])
        if not 1.0 <= float(rating["value"]) <= 5.0:
            return {
                "metaobject": None,
                "userErrors": [
                    {
                        "field": ["metaobject", "fields", "rating"],
                        "message": "Value is out of range",
                        "code": "INVALID_VALUE",
                    }
                ],
            }
        status = (
            (variables["metaobject"].get("capabilities") or {}).get("publishable", {}).get("status")
        )
        if existing is None:
            self.state.next_id += 1
            existing = Metaobject(f"gid://shopify/Metaobject/{self.state.next_id}", kind, name, {})
            self.state.metaobjects[existing.id] = existing
        existing.fields = merged
        existing.status = status or existing.status
        return {"metaobject": {"id": existing.id, "handle": existing.handle}, "userErrors": []}

    def _metaobjectDelete(self, variables: dict[str, Any]) -> dict[str, Any]:
        gone = self.state.metaobjects.pop(variables["id"], None)
        if gone is None:
            return {
                "deletedId": None,
                "userErrors": [
                    {"field": ["id"], "message": "Record not found", "code": "RECORD_NOT_FOUND"}
                ],
            }
        return {"deletedId": gone.id, "userErrors": []}

    def _metafieldsSet(self, variables: dict[str, Any]) -> dict[str, Any]:
        out = []
        for m in variables["metafields"]:
            key = (m["ownerId"], m["namespace"], m["key"])
            self.state.metafields[key] = (m["type"], m["value"])
            out.append(
                {
                    "id": f"gid://shopify/Metafield/{abs(hash(key))}",
                    "namespace": m["namespace"],
                    "key": m["key"],
                }
            )
        return {"metafields": out, "userErrors": []}

    def _metafieldsDelete(self, variables: dict[str, Any]) -> dict[str, Any]:
        deleted = []
        for m in variables["metafields"]:
            key = (m["ownerId"], m["namespace"], m["key"])
            # Deleting one that does not exist answers null in its place.
            deleted.append(
                {"ownerId": key[0], "namespace": key[1], "key": key[2]}
                if self.state.metafields.pop(key, None)
                else None
            )
        return {"deletedMetafields": deleted, "userErrors": []}


def _throttled() -> dict[str, Any]:
    return {
        "errors": [
            {
                "message": "Throttled",
                "extensions": {
                    "code": "THROTTLED",
                    "documentation": "https://shopify.dev/api/usage/rate-limits",
                },
            }
        ],
        "extensions": {
            "cost": {
                "requestedQueryCost": 10,
                "actualQueryCost": None,
                "throttleStatus": {
                    "maximumAvailable": 2000.0,
                    "currentlyAvailable": 0.0,
                    "restoreRate": 100.0,
                },
            }
        },
    }


def _send(handler: BaseHTTPRequestHandler, status: int, body: Any) -> None:
    raw = json.dumps(body).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(raw)))
    handler.end_headers()
    handler.wfile.write(raw)
