"""The requests of a run and the open-loop load: a fixed schedule of GETs at `rate` per second
over keep-alive connections (bench/ingest/client.py's raw HTTP/1.1 channel), each latency taken
from its scheduled send time, so that time queued behind a slow answer counts."""

import asyncio
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bench.ingest.client import HttpError, RawChannel
from bench.public_reviews.data import product_of, shop_of

# What shoppers' pages ask for: mostly the first page, newest first.
MIX: tuple[tuple[str, float], ...] = (
    ("newest", 0.70),
    ("highest", 0.08),
    ("lowest", 0.05),
    ("page2", 0.05),
    ("language", 0.05),
    ("shop", 0.07),
)


def paths(n: int, products: int, shops: int, seed: int = 7) -> list[tuple[str, str]]:
    """(kind, path) for `n` requests; products picked with the same skew as their reviews
    (popular products are viewed more)."""
    rng = random.Random(seed)
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    out = []
    for _ in range(n):
        kind = rng.choices(kinds, weights)[0]
        k = int(products * rng.random() ** 2)
        shop = shop_of(k % shops)
        base = f"/v1/shops/{shop}/products/{product_of(k)}/reviews"
        if kind == "newest":
            path = base
        elif kind in ("highest", "lowest"):
            path = f"{base}?sort={kind}"
        elif kind == "page2":
            path = f"{base}?page=2"
        elif kind == "language":
            path = f"{base}?language={rng.choice(['de', 'sl', 'lv', 'ro'])}"
        else:
            path = f"/v1/shops/{shop}/reviews"
        out.append((kind, path))
    return out


def wire(host: str, port: int, path: str) -> bytes:
    head = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n"
    return head.encode()


@dataclass
class Outcome:
    rate: float
    duration_s: float
    sent: int = 0
    ok: int = 0
    errors: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)
    service_ms: list[float] = field(default_factory=list)
    by_kind_ms: dict[str, list[float]] = field(default_factory=dict)
    max_dispatch_lag_ms: float = 0.0
    elapsed_s: float = 0.0
    client_cpu_s: float = 0.0
    first_error: str | None = None


async def run(
    host: str,
    port: int,
    requests: list[tuple[str, str]],
    rate: float,
    duration_s: float,
    connections: int,
) -> Outcome:
    frames = [wire(host, port, p) for _, p in requests]
    counter: Counter[str] = Counter()
    channels = [RawChannel(host, port, frames, counter) for _ in range(connections)]
    outcome = Outcome(rate, duration_s)
    queue: asyncio.Queue[tuple[int, float] | None] = asyncio.Queue()
    interval = 1.0 / rate
    slots = min(len(requests), int(rate * duration_s))

    async def dispatcher() -> None:
        start = time.monotonic() + 0.01
        for n in range(slots):
            scheduled = start + n * interval
            delay = scheduled - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            lag = (time.monotonic() - scheduled) * 1000
            outcome.max_dispatch_lag_ms = max(outcome.max_dispatch_lag_ms, lag)
            queue.put_nowait((n, scheduled))
        for _ in channels:
            queue.put_nowait(None)

    async def worker(channel: RawChannel) -> None:
        while (item := await queue.get()) is not None:
            n, scheduled = item
            sent_at = time.monotonic()
            outcome.sent += 1
            try:
                async with asyncio.timeout(30):
                    status, body = await channel.send(n)
            except (OSError, EOFError, HttpError, TimeoutError) as exc:
                outcome.errors += 1
                outcome.first_error = outcome.first_error or f"{type(exc).__name__}: {exc}"
                continue
            done = time.monotonic()
            outcome.statuses[str(status)] += 1
            if status != 200:
                outcome.errors += 1
                outcome.first_error = outcome.first_error or f"HTTP {status}: {body[:200]!r}"
                continue
            outcome.ok += 1
            latency = round((done - scheduled) * 1000, 3)
            outcome.latencies_ms.append(latency)
            outcome.service_ms.append(round((done - sent_at) * 1000, 3))
            outcome.by_kind_ms.setdefault(requests[n][0], []).append(latency)

    cpu = time.process_time()
    started = time.monotonic()
    async with asyncio.TaskGroup() as group:
        group.create_task(dispatcher())
        for channel in channels:
            group.create_task(worker(channel))
    outcome.elapsed_s = time.monotonic() - started
    outcome.client_cpu_s = time.process_time() - cpu
    for channel in channels:
        await channel.close()
    return outcome


def percentile(values: list[float], q: float) -> float:
    """Nearest rank: a latency that was observed."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def summary(outcome: Outcome) -> dict[str, Any]:
    lat = outcome.latencies_ms
    return {
        "target_rate": outcome.rate,
        "duration_s": outcome.duration_s,
        "sent": outcome.sent,
        "ok": outcome.ok,
        "errors": outcome.errors,
        "statuses": dict(outcome.statuses),
        "first_error": outcome.first_error,
        "achieved_rate": round(outcome.ok / outcome.elapsed_s, 1) if outcome.elapsed_s else 0,
        "p50_ms": percentile(lat, 50),
        "p95_ms": percentile(lat, 95),
        "p99_ms": percentile(lat, 99),
        "max_ms": max(lat, default=0.0),
        "service_p99_ms": percentile(outcome.service_ms, 99),
        "by_kind_p99_ms": {k: percentile(v, 99) for k, v in sorted(outcome.by_kind_ms.items())},
        "max_dispatch_lag_ms": round(outcome.max_dispatch_lag_ms, 2),
        "client_cpu_s": round(outcome.client_cpu_s, 2),
    }
