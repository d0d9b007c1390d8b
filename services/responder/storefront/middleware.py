"""What stands in front of every storefront route: a token bucket per client address (429 with
Retry-After past it) and an in-process cache of whole answers per URL. Pure ASGI, like the shared
middleware: this process lives on its hot path."""

import ipaddress
import json
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prometheus_client import Counter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.responder.access.ratelimit import TokenBuckets

CACHE_HITS = Counter(
    "reviewloop_storefront_cache_hits_total",
    "Storefront answers served from the in-process cache.",
)
CACHE_MISSES = Counter(
    "reviewloop_storefront_cache_misses_total",
    "Cacheable storefront requests the cache did not hold (answered by the route).",
)
RATE_LIMITED = Counter(
    "reviewloop_storefront_rate_limited_total",
    "Storefront requests refused with 429 (the client's token bucket was empty).",
)

# Probes and scrapes come from the cluster, not from shoppers: never limited, never cached.
UNLIMITED = frozenset({"/healthz", "/readyz", "/metrics"})

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


class ClientAddress:
    """The client's address: the peer's, or, when the peer is a trusted proxy, the nearest
    address in X-Forwarded-For that is not one (anything further left is the client's own
    claim, and a client could put any address there to get a fresh bucket)."""

    def __init__(self, trusted: list[str]) -> None:
        self.trusted: list[Network] = [ipaddress.ip_network(t, strict=False) for t in trusted]

    def _is_trusted(self, address: str) -> bool:
        ip = _address(address)
        return ip is not None and any(ip in network for network in self.trusted)

    def __call__(self, scope: Scope) -> str:
        client = scope.get("client")
        peer = client[0] if client else "unknown"
        if not self.trusted or not self._is_trusted(peer):
            return str(peer)
        forwarded = _header(scope, b"x-forwarded-for")
        if not forwarded:
            return str(peer)
        for hop in reversed([h.strip() for h in forwarded.split(",")]):
            if _address(hop) is None:
                break  # garbage: stop at the last hop we could read
            if not self._is_trusted(hop):
                return hop
            peer = hop
        return str(peer)


async def _json(send: Send, status: int, detail: str, headers: dict[str, str]) -> None:
    body = json.dumps({"detail": detail}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, buckets: TokenBuckets, client: ClientAddress) -> None:
        self.app = app
        self.buckets = buckets
        self.client = client

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNLIMITED:
            await self.app(scope, receive, send)
            return
        wait = self.buckets.take(self.client(scope))
        if wait > 0:
            RATE_LIMITED.inc()
            await _json(
                send,
                429,
                "too many requests from this address; retry after the seconds in Retry-After",
                {
                    "Retry-After": str(max(1, math.ceil(wait))),
                    "Access-Control-Allow-Origin": "*",
                    "Access-Control-Expose-Headers": "Retry-After",
                    "Cache-Control": "no-store",
                },
            )
            return
        await self.app(scope, receive, send)


@dataclass
class Entry:
    expires: float
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes | None
    route: Any


# Set per response by the app (correlation id): never stored, never replayed.
_PER_RESPONSE = frozenset({b"x-correlation-id"})


class ResponseStore:
    """Whole 200 answers of GET requests per full URL (path and query), for `seconds`; the
    least recently used go first beyond `max_entries` or `max_total_bytes` of bodies (the pod's
    memory limit is 320 MiB). Within the TTL a change in the database shows up late by at most
    `seconds` (Cache-Control already lets browsers keep it longer)."""

    def __init__(
        self,
        seconds: float,
        max_entries: int = 10_000,
        max_body_bytes: int = 256 * 1024,
        max_total_bytes: int = 32 * 1024 * 1024,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self.max_entries = max_entries
        self.max_body_bytes = max_body_bytes
        self.max_total_bytes = max_total_bytes
        self.clock = clock
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.total_bytes = 0

    def clear(self) -> None:
        self.entries.clear()
        self.total_bytes = 0

    def get(self, key: str, now: float) -> Entry | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        if entry.expires <= now:
            self._drop(key)
            return None
        self.entries.move_to_end(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        if key in self.entries:
            self._drop(key)
        self.entries[key] = entry
        self.total_bytes += len(entry.body)
        while self.entries and (
            len(self.entries) > self.max_entries or self.total_bytes > self.max_total_bytes
        ):
            oldest = next(iter(self.entries))
            self._drop(oldest)

    def _drop(self, key: str) -> None:
        self.total_bytes -= len(self.entries.pop(key).body)


class ResponseCacheMiddleware:
    def __init__(self, app: ASGIApp, store: ResponseStore) -> None:
        self.app = app
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.store.seconds <= 0
            or scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"] in UNLIMITED
        ):
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        key = scope["path"] + ("?" + query if query else "")
        store = self.store
        now = store.clock()
        entry = store.get(key, now)
        if entry is not None:
            CACHE_HITS.inc()
            # The metrics middleware names the route this answer came from.
            scope["route"] = entry.route
            await self._replay(scope, send, entry)
            return
        CACHE_MISSES.inc()
        status = 0
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []
        size = 0

        async def recording_send(message: Message) -> None:
            nonlocal status, headers, size
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                body = message.get("body", b"")
                size += len(body)
                if size <= store.max_body_bytes:
                    chunks.append(body)
            await send(message)

        await self.app(scope, receive, recording_send)
        if status != 200 or size > store.max_body_bytes:
            return
        kept = [(k, v) for k, v in headers if k.lower() not in _PER_RESPONSE]
        if any(k.lower() == b"set-cookie" for k, _ in kept):
            return
        etag = next((v for k, v in kept if k.lower() == b"etag"), None)
        store.put(
            key,
            Entry(now + store.seconds, status, kept, b"".join(chunks), etag, scope.get("route")),
        )

    async def _replay(self, scope: Scope, send: Send, entry: Entry) -> None:
        if_none_match = _header(scope, b"if-none-match")
        if entry.etag is not None and if_none_match is not None:
            tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
            if "*" in tags or entry.etag.decode("latin-1") in tags:
                kept = [
                    (k, v)
                    for k, v in entry.headers
                    if k.lower() not in (b"content-length", b"content-type")
                ]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
        await send(
            {"type": "http.response.start", "status": entry.status, "headers": entry.headers}
        )
        await send({"type": "http.response.body", "body": entry.body})


class HeadAsGetMiddleware:
    """HEAD answered as the GET it asks about, without the body (RFC 9110 9.3.2): link checkers,
    CDN probes and `curl -I` revalidations use it, and FastAPI's GET routes answer it 405."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headless(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headless)
