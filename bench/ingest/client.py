"""The load generator, run as its own process: `python -m bench.ingest.client SPEC OUT`.

A separate process so the client's CPU never shares an event loop (or a GIL) with the
orchestrator's Kafka polling. Protocol with the orchestrator, one line each on stdout/stdin:

1. it generates and signs every delivery, runs the warm-up, prints `WARM <events> <errors>`;
2. it waits for `GO` on stdin (meanwhile the orchestrator lets the warm-up drain to Kafka);
3. it runs the measured phase, writes the result JSON to OUT, prints `DONE`.

Two clients: `raw`, an HTTP/1.1 keep-alive client on asyncio streams (one connection per
worker, the request bytes built in advance), and `httpx`, one shared `AsyncClient`. The raw
one costs far less CPU per request, which is headroom on a small machine; both hit the
ceiling app and ingest the same way, so the ratio between the two targets stays honest.
"""

import asyncio
import json
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal, Protocol

import httpx

from bench.ingest.payloads import Delivery, http11_request, make_deliveries

ClientKind = Literal["raw", "httpx"]
WARM_LINE = "WARM"
GO_LINE = "GO"
DONE_LINE = "DONE"
# How long the client waits for `GO` before it gives up by itself.
GO_TIMEOUT_S = 600.0


@dataclass(frozen=True)
class LoadSpec:
    host: str
    port: int
    path: str
    secret: str
    tag: str
    first_order_id: int
    warmup: int
    requests: int
    duration_s: float
    concurrency: int
    client: ClientKind = "raw"
    # None: closed loop (each connection sends as soon as its previous answer arrived).
    # A number: open loop at this many requests per second, whatever the answers do.
    rate: float | None = None
    request_timeout_s: float = 30.0


@dataclass
class LoadResult:
    client: str
    mode: str
    concurrency: int
    target_rate: float | None
    sent: int = 0
    answered: int = 0
    ok: int = 0
    errors: int = 0
    transport_errors: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    events: int = 0
    # CLOCK_MONOTONIC is system-wide on Linux, so the orchestrator can line these up with
    # the times it sees the events arrive in Kafka.
    first_send_at: float = 0.0
    last_answer_at: float = 0.0
    elapsed_s: float = 0.0
    stopped_by: str = "requests"
    latencies_ms: list[float] = field(default_factory=list)
    # Open loop only: latency from the actual send, without the time queued in the client.
    service_ms: list[float] = field(default_factory=list)
    max_dispatch_lag_ms: float = 0.0
    client_cpu_s: float = 0.0
    connections_opened: int = 0
    first_error: str | None = None


class Channel(Protocol):
    async def send(self, index: int) -> tuple[int, bytes]: ...

    async def close(self) -> None: ...


class HttpError(Exception):
    """The server broke the HTTP exchange (closed early, malformed answer)."""


class RawChannel:
    """One keep-alive HTTP/1.1 connection; requests are pre-built byte strings."""

    def __init__(self, host: str, port: int, wire: list[bytes], counter: Counter[str]) -> None:
        self._host = host
        self._port = port
        self._wire = wire
        self._counter = counter
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._answer_started = False

    async def send(self, index: int) -> tuple[int, bytes]:
        for attempt in range(2):
            reused = self._writer is not None and not self._reader_at_eof()
            if not reused:
                await self._connect()
            assert self._reader is not None and self._writer is not None
            self._answer_started = False
            try:
                self._writer.write(self._wire[index])
                await self._writer.drain()
                return await self._read_response(self._reader)
            except (asyncio.IncompleteReadError, ConnectionError) as exc:
                self._drop()
                if isinstance(exc, asyncio.IncompleteReadError) and exc.partial:
                    self._answer_started = True
                # uvicorn closes idle keep-alive connections after 5 s. A request that met
                # such a close got no byte back and never reached the app: one retry on a
                # fresh connection is safe. Anything else is a real error.
                if not reused or self._answer_started or attempt > 0:
                    raise
        raise AssertionError("unreachable")

    def _reader_at_eof(self) -> bool:
        return self._reader is None or self._reader.at_eof()

    async def _connect(self) -> None:
        self._drop()
        self._reader, self._writer = await asyncio.open_connection(self._host, self._port)
        self._counter["connections"] += 1

    def _drop(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None

    async def _read_response(self, reader: asyncio.StreamReader) -> tuple[int, bytes]:
        head = await reader.readuntil(b"\r\n\r\n")
        self._answer_started = True
        if not head.startswith(b"HTTP/1.") or len(head) < 12:
            raise HttpError(f"malformed status line: {head[:40]!r}")
        status = int(head[9:12])
        length: int | None = None
        chunked = close = False
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
            elif name == b"connection":
                close = b"close" in value.lower()
        if chunked:
            body = await self._read_chunked(reader)
        elif length is not None:
            body = await reader.readexactly(length)
        else:
            body = await reader.read()
            close = True
        if close:
            self._drop()
        return status, body

    @staticmethod
    async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
        parts: list[bytes] = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)

    async def close(self) -> None:
        writer = self._writer
        self._drop()
        if writer is not None:
            try:
                await writer.wait_closed()
            except ConnectionError:
                pass


class HttpxChannel:
    """Every worker shares one `AsyncClient` and its connection pool, as httpx intends."""

    def __init__(self, client: httpx.AsyncClient, deliveries: list[Delivery], path: str) -> None:
        self._client = client
        self._deliveries = deliveries
        self._path = path

    async def send(self, index: int) -> tuple[int, bytes]:
        delivery = self._deliveries[index]
        response = await self._client.post(
            self._path, content=delivery.body, headers=delivery.headers
        )
        return response.status_code, response.content

    async def close(self) -> None:
        pass


class Recorder:
    def __init__(self, result: LoadResult) -> None:
        self.result = result

    def answered(self, status: int, body: bytes, sent_at: float, done_at: float) -> None:
        r = self.result
        r.answered += 1
        r.statuses[str(status)] = r.statuses.get(str(status), 0) + 1
        r.latencies_ms.append(round((done_at - sent_at) * 1000, 3))
        r.last_answer_at = max(r.last_answer_at, done_at)
        if 200 <= status < 300:
            r.ok += 1
            try:
                r.events += int(json.loads(body).get("events", 0))
            except (ValueError, AttributeError):
                pass
        else:
            r.errors += 1
            if r.first_error is None:
                r.first_error = f"HTTP {status}: {body[:300].decode(errors='replace')}"

    def failed(self, exc: BaseException, done_at: float) -> None:
        r = self.result
        r.errors += 1
        r.transport_errors += 1
        r.last_answer_at = max(r.last_answer_at, done_at)
        if r.first_error is None:
            r.first_error = f"{type(exc).__name__}: {exc}"


async def _send_one(
    channel: Channel, index: int, spec: LoadSpec, recorder: Recorder, queued_at: float
) -> None:
    sent_at = time.monotonic()
    recorder.result.sent += 1
    try:
        async with asyncio.timeout(spec.request_timeout_s):
            status, body = await channel.send(index)
    except (OSError, EOFError, HttpError, httpx.HTTPError, TimeoutError) as exc:
        recorder.failed(exc, time.monotonic())
        return
    done_at = time.monotonic()
    # queued_at == sent_at in the closed loop; in the open loop it is the scheduled time, so
    # time spent waiting for a free connection counts (no coordinated omission).
    recorder.answered(status, body, queued_at, done_at)
    if queued_at != sent_at:
        recorder.result.service_ms.append(round((done_at - sent_at) * 1000, 3))


async def closed_loop(
    channels: list[Channel], indices: range, spec: LoadSpec, recorder: Recorder, deadline: float
) -> None:
    """Every connection sends its next request as soon as the previous one is answered."""
    shared = iter(indices)

    async def worker(channel: Channel) -> None:
        # One shared iterator: each index is taken by exactly one worker.
        for index in shared:
            if time.monotonic() >= deadline:
                recorder.result.stopped_by = "duration"
                return
            now = time.monotonic()
            await _send_one(channel, index, spec, recorder, now)

    async with asyncio.TaskGroup() as group:
        for channel in channels:
            group.create_task(worker(channel))


async def open_loop(
    channels: list[Channel], indices: range, spec: LoadSpec, recorder: Recorder, deadline: float
) -> None:
    """Requests start on a fixed schedule; a slow answer does not delay the next request."""
    assert spec.rate is not None and spec.rate > 0
    queue: asyncio.Queue[tuple[int, float] | None] = asyncio.Queue()
    interval = 1.0 / spec.rate

    async def dispatcher() -> None:
        start = time.monotonic() + 0.01
        for n, index in enumerate(indices):
            # The schedule itself is bounded: `--duration` worth of slots from its own start.
            if n * interval >= spec.duration_s or start + n * interval >= deadline:
                recorder.result.stopped_by = "duration"
                break
            scheduled = start + n * interval
            delay = scheduled - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            lag = (time.monotonic() - scheduled) * 1000
            recorder.result.max_dispatch_lag_ms = max(recorder.result.max_dispatch_lag_ms, lag)
            queue.put_nowait((index, scheduled))
        for _ in channels:
            queue.put_nowait(None)

    async def worker(channel: Channel) -> None:
        while (item := await queue.get()) is not None:
            index, scheduled = item
            await _send_one(channel, index, spec, recorder, scheduled)

    async with asyncio.TaskGroup() as group:
        group.create_task(dispatcher())
        for channel in channels:
            group.create_task(worker(channel))


async def _read_go() -> bool:
    # stdin as an asyncio stream: a blocked thread on readline() would hang the exit.
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    try:
        async with asyncio.timeout(GO_TIMEOUT_S):
            line = await reader.readline()
    except TimeoutError:
        return False
    return line.decode().strip() == GO_LINE


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def run(spec: LoadSpec) -> LoadResult:
    total = spec.warmup + spec.requests
    deliveries = make_deliveries(spec.secret, spec.first_order_id, total, spec.tag)
    counter: Counter[str] = Counter()
    httpx_client: httpx.AsyncClient | None = None
    channels: list[Channel]
    if spec.client == "raw":
        wire = [http11_request(d, spec.host, spec.port, spec.path) for d in deliveries]
        channels = [
            RawChannel(spec.host, spec.port, wire, counter) for _ in range(spec.concurrency)
        ]
    else:
        limits = httpx.Limits(
            max_connections=spec.concurrency, max_keepalive_connections=spec.concurrency
        )
        httpx_client = httpx.AsyncClient(
            base_url=f"http://{spec.host}:{spec.port}",
            limits=limits,
            timeout=spec.request_timeout_s,
        )
        shared = HttpxChannel(httpx_client, deliveries, spec.path)
        channels = [shared] * spec.concurrency
    try:
        warm = LoadResult(spec.client, "warmup", spec.concurrency, None)
        await closed_loop(
            channels,
            range(spec.warmup),
            spec,
            Recorder(warm),
            time.monotonic() + max(spec.duration_s, 60.0),
        )
        _say(f"{WARM_LINE} {warm.events} {warm.errors} {json.dumps(warm.first_error)}")
        if not await _read_go():
            raise SystemExit("no GO from the orchestrator")

        mode = "closed" if spec.rate is None else "open"
        result = LoadResult(spec.client, mode, spec.concurrency, spec.rate)
        recorder = Recorder(result)
        measured = range(spec.warmup, total)
        cpu_before = time.process_time()
        started = time.monotonic()
        result.first_send_at = started
        if spec.rate is None:
            deadline = started + spec.duration_s
            await closed_loop(channels, measured, spec, recorder, deadline)
        else:
            # The dispatcher starts a little after `started`; give it its full schedule.
            deadline = started + spec.duration_s + 1.0
            await open_loop(channels, measured, spec, recorder, deadline)
        result.elapsed_s = result.last_answer_at - result.first_send_at
        result.client_cpu_s = time.process_time() - cpu_before
        result.connections_opened = counter["connections"]
        return result
    finally:
        for channel in set(channels):
            await channel.close()
        if httpx_client is not None:
            await httpx_client.aclose()


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit("usage: python -m bench.ingest.client SPEC.json OUT.json")
    spec = LoadSpec(**json.loads(Path(argv[0]).read_text()))
    result = asyncio.run(run(spec))
    Path(argv[1]).write_text(json.dumps(asdict(result)))
    _say(DONE_LINE)


if __name__ == "__main__":
    main(sys.argv[1:])
