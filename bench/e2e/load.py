"""The load generator of the end-to-end benchmark, its own process:
`python -m bench.e2e.load SPEC OUT`.

It builds and signs every request of one rate step before any timing starts, prints
`READY <items>`, waits for `GO` on stdin, then starts one *item* every 1/rate seconds on an
absolute schedule (open loop: a slow answer never delays the next item), printing
`START <unix time>` when the schedule begins. `STOP` on stdin ends the schedule early (the
orchestrator's backlog bound); items already started still finish. At the end it writes OUT
and prints `DONE`.

An item is what causes one email, tagged with its correlation marker
`<marker_prefix>-<n:06d>`:

- `alert`: one negative review, `POST /reviews/generic/{shop}` (Standard Webhooks signed);
  the marker is the review's id and is in its title, so it is in the alert email's text;
- `survey`: one order, `order.created` and then, once that is answered, `order.updated` with
  `delivered_at` set, both `POST /webhooks/standard/{shop}`; the marker is the order id and the
  customer's address (`<marker>@example.com`), the recipient of the survey invitation.

Per item it records the scheduled time (the latency's start: time spent waiting for a free
connection counts, no coordinated omission), the send and answer times and the HTTP statuses;
wall-clock times (`time.time()`), the clock the SMTP sink stamps its accepts with.

The HTTP client is `bench.ingest.client.RawChannel`: one keep-alive HTTP/1.1 connection on
asyncio streams writing pre-built request bytes, `connections` of them.
"""

import asyncio
import contextlib
import json
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from bench.ingest.client import HttpError, RawChannel
from bench.ingest.payloads import Delivery, http11_request
from shared.standard_webhooks import sign

Flow = Literal["alert", "survey"]
READY_LINE = "READY"
START_LINE = "START"
GO_LINE = "GO"
STOP_LINE = "STOP"
DONE_LINE = "DONE"
GO_TIMEOUT_S = 600.0

REVIEW_TEXT = "The package arrived damaged and the teapot was broken. Nobody answers my emails."


@dataclass(frozen=True)
class LoadSpec:
    flow: Flow
    host: str
    port: int
    shop_id: str
    secret: str
    marker_prefix: str
    rate: float
    duration_s: float
    connections: int = 32
    request_timeout_s: float = 30.0


@dataclass
class LoadResult:
    flow: str
    rate: float
    planned: int
    started_at: float = 0.0
    schedule_ended_at: float = 0.0
    stopped_by: str = "duration"
    # One row per item started: [n, scheduled, first sent, last answered, status, status],
    # times in unix seconds; status 0 = transport error, -1 = not sent (first request failed).
    items: list[list[float]] = field(default_factory=list)
    max_dispatch_lag_ms: float = 0.0
    client_cpu_s: float = 0.0
    connections_opened: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    first_error: str | None = None
    build_s: float = 0.0


def marker(prefix: str, n: int) -> str:
    return f"{prefix}-{n:06d}"


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds")


def _signed(path_body: bytes, secret: str, msg_id: str, ts: int) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": sign(msg_id, ts, path_body, secret),
    }


def review_body(mark: str, now: datetime) -> bytes:
    review = {
        "type": "review.created",
        "data": {
            "review_id": mark,
            "rating": 1,
            "title": f"Broken and no answer ({mark})",
            "text": REVIEW_TEXT,
            "language": "en",
            # Written just now: an older review would be past its SLA and escalate too.
            "created_at": _iso(now),
            "reviewer": {"name": "Ana"},
        },
    }
    return json.dumps(review, separators=(",", ":")).encode()


def order_bodies(mark: str, now: datetime) -> tuple[bytes, bytes]:
    at = _iso(now)
    order = {
        "order_id": mark,
        "updated_at": at,
        "placed_at": at,
        "currency": "EUR",
        "customer": {
            "customer_id": mark,
            "email": f"{mark}@example.com",
            "name": "Ana",
            "locale": "en-US",
            "country": "SI",
        },
        # No category: the shop's default usage delay (0 days for the bench shop) applies.
        "items": [
            {
                "product_id": "p-1",
                "sku": "TEA-01",
                "name": "Green tea",
                "quantity": 1,
                "unit_price": "4.50",
            }
        ],
        "shipping_country": "SI",
        "paid_at": at,
    }
    placed = {"type": "order.created", "timestamp": at, "data": order}
    delivered_order = {**order, "fulfilled_at": at, "delivered_at": at}
    delivered = {"type": "order.updated", "timestamp": at, "data": delivered_order}
    return (
        json.dumps(placed, separators=(",", ":")).encode(),
        json.dumps(delivered, separators=(",", ":")).encode(),
    )


def build_wire(spec: LoadSpec, count: int) -> tuple[list[bytes], int]:
    """Request bytes, `per_item` consecutive entries per item."""
    now = datetime.now(UTC)
    ts = int(now.timestamp())
    wire: list[bytes] = []
    for n in range(count):
        mark = marker(spec.marker_prefix, n)
        if spec.flow == "alert":
            path = f"/reviews/generic/{spec.shop_id}"
            body = review_body(mark, now)
            headers = _signed(body, spec.secret, f"msg_{mark}", ts)
            wire.append(http11_request(Delivery(n, body, headers), spec.host, spec.port, path))
        else:
            path = f"/webhooks/standard/{spec.shop_id}"
            for kind, body in zip(("placed", "delivered"), order_bodies(mark, now), strict=True):
                headers = _signed(body, spec.secret, f"msg_{mark}_{kind}", ts)
                wire.append(http11_request(Delivery(n, body, headers), spec.host, spec.port, path))
    return wire, (1 if spec.flow == "alert" else 2)


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Control:
    """Lines from the orchestrator on stdin: GO once, then maybe STOP."""

    def __init__(self) -> None:
        self.go = asyncio.Event()
        self.stop = asyncio.Event()

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        while True:
            line = (await reader.readline()).decode().strip()
            if line == GO_LINE:
                self.go.set()
            elif line == STOP_LINE or not line:
                # EOF (the orchestrator went away) stops too.
                self.go.set()
                self.stop.set()
                return


async def run(spec: LoadSpec, control: Control) -> LoadResult:
    count = int(spec.rate * spec.duration_s)
    result = LoadResult(spec.flow, spec.rate, count)
    built = time.monotonic()
    wire, per_item = build_wire(spec, count)
    result.build_s = round(time.monotonic() - built, 3)
    counter: Counter[str] = Counter()
    channels = [RawChannel(spec.host, spec.port, wire, counter) for _ in range(spec.connections)]
    statuses: Counter[str] = Counter()
    _say(f"{READY_LINE} {count}")
    async with asyncio.timeout(GO_TIMEOUT_S):
        await control.go.wait()
    if control.stop.is_set():
        result.stopped_by = "stop before start"
        return result

    queue: asyncio.Queue[tuple[int, float] | None] = asyncio.Queue()
    interval = 1.0 / spec.rate
    cpu_before = time.process_time()

    async def send(channel: RawChannel, index: int) -> int:
        try:
            async with asyncio.timeout(spec.request_timeout_s):
                status, body = await channel.send(index)
        except (OSError, EOFError, HttpError, TimeoutError) as exc:
            statuses["transport"] += 1
            if result.first_error is None:
                result.first_error = f"{type(exc).__name__}: {exc}"
            return 0
        statuses[str(status)] += 1
        if not 200 <= status < 300 and result.first_error is None:
            result.first_error = f"HTTP {status}: {body[:300].decode(errors='replace')}"
        return status

    async def worker(channel: RawChannel) -> None:
        while (item := await queue.get()) is not None:
            n, scheduled = item
            sent = time.time()
            codes = []
            for k in range(per_item):
                code = await send(channel, n * per_item + k)
                codes.append(code)
                if not 200 <= code < 300:
                    codes += [-1] * (per_item - 1 - k)
                    break
            answered = time.time()
            row = [n, round(scheduled, 6), round(sent, 6), round(answered, 6), *codes]
            result.items.append(row)

    async def dispatcher() -> None:
        # The absolute schedule on the monotonic clock; scheduled times reported as wall time.
        start_mono = time.monotonic() + 0.01
        start_wall = time.time() + (start_mono - time.monotonic())
        result.started_at = start_wall
        _say(f"{START_LINE} {start_wall:.6f}")
        for n in range(count):
            due = start_mono + n * interval
            delay = due - time.monotonic()
            if delay > 0:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(delay):
                        await control.stop.wait()
            if control.stop.is_set():
                result.stopped_by = "backlog bound"
                break
            lag = (time.monotonic() - due) * 1000
            result.max_dispatch_lag_ms = max(result.max_dispatch_lag_ms, lag)
            queue.put_nowait((n, start_wall + n * interval))
        result.schedule_ended_at = time.time()
        for _ in channels:
            queue.put_nowait(None)

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(dispatcher())
            for channel in channels:
                group.create_task(worker(channel))
    finally:
        for channel in channels:
            await channel.close()
    result.client_cpu_s = round(time.process_time() - cpu_before, 3)
    result.connections_opened = counter["connections"]
    result.statuses = dict(statuses)
    result.items.sort()
    return result


async def amain(spec: LoadSpec) -> LoadResult:
    control = Control()
    reader = asyncio.create_task(control.run())
    try:
        result = await run(spec, control)
    finally:
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader
    return result


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit("usage: python -m bench.e2e.load SPEC.json OUT.json")
    spec = LoadSpec(**json.loads(Path(argv[0]).read_text()))
    result = asyncio.run(amain(spec))
    Path(argv[1]).write_text(json.dumps(asdict(result)))
    _say(DONE_LINE)


if __name__ == "__main__":
    main(sys.argv[1:])
