"""The load client, run as its own process: `python -m bench.responder.client SPEC OUT`.

Its own process, so neither the orchestrator's memory (the seed) nor its garbage collector
share a GIL with the timing. A small HTTP/1.1 keep-alive client on asyncio streams: one
connection per worker, `concurrency` workers in a closed loop (each sends its next request
when the answer to the last one has arrived), request bytes built before the clock starts.
The requests run in the order given; the warm-up requests first, uncounted.

Per request it records the status, the latency from writing the request to reading the whole
answer, and the answer's size. Non-2xx answers and broken exchanges are errors.
"""

import asyncio
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Spec:
    host: str
    port: int
    concurrency: int
    # Each: {"path": "/v1/reviews?...", "key": "rlk_..."}; `warmup` first, then `requests`.
    warmup: list[dict[str, str]]
    requests: list[dict[str, str]]
    timeout_s: float = 30.0


@dataclass
class Result:
    concurrency: int
    # Per measured request, in the order of `requests`: status (0: transport error),
    # latency in ms, bytes of the body.
    status: list[int] = field(default_factory=list)
    latency_ms: list[float] = field(default_factory=list)
    body_bytes: list[int] = field(default_factory=list)
    warmup_errors: int = 0
    elapsed_s: float = 0.0
    client_cpu_s: float = 0.0  # the measured requests
    process_cpu_s: float = 0.0  # the whole process (start-up, warm-up, measured)
    connections_opened: int = 0
    first_error: str | None = None


class Broken(Exception):
    pass


class Connection:
    def __init__(self, host: str, port: int, result: Result) -> None:
        self.host, self.port, self.result = host, port, result
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, wire: bytes) -> tuple[int, int]:
        if self.writer is None or self.reader is None or self.reader.at_eof():
            self.close()
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            self.result.connections_opened += 1
        self.writer.write(wire)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ", 2)
        if len(parts) < 2 or not parts[1].isdigit():
            raise Broken(f"bad status line {lines[0]!r}")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
            size = len(body)
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            size = 0
            while True:
                chunk = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(chunk + 2)
                size += chunk
                if chunk == 0:
                    break
        else:
            raise Broken("answer without Content-Length or chunked encoding")
        if headers.get("connection", "").lower() == "close":
            self.close()
        return int(parts[1]), size

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def wire(spec: Spec, request: dict[str, str]) -> bytes:
    return (
        f"GET {request['path']} HTTP/1.1\r\nHost: {spec.host}:{spec.port}\r\n"
        f"Authorization: Bearer {request['key']}\r\nAccept: application/json\r\n\r\n"
    ).encode()


async def run(spec: Spec) -> Result:
    result = Result(spec.concurrency)
    warm = [wire(spec, r) for r in spec.warmup]
    measured = [wire(spec, r) for r in spec.requests]
    n = len(measured)
    result.status = [0] * n
    result.latency_ms = [0.0] * n
    result.body_bytes = [0] * n
    connections = [Connection(spec.host, spec.port, result) for _ in range(spec.concurrency)]

    async def one(conn: Connection, data: bytes) -> tuple[int, int, float]:
        started = time.perf_counter()
        try:
            async with asyncio.timeout(spec.timeout_s):
                status, size = await conn.get(data)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, Broken) as exc:
            conn.close()
            if result.first_error is None:
                result.first_error = f"transport: {exc!r}"
            return 0, 0, (time.perf_counter() - started) * 1000
        return status, size, (time.perf_counter() - started) * 1000

    async def phase(requests: list[bytes], record: bool) -> None:
        queue = iter(range(len(requests)))

        async def worker(conn: Connection) -> None:
            for i in queue:
                status, size, ms = await one(conn, requests[i])
                if record:
                    result.status[i], result.latency_ms[i], result.body_bytes[i] = status, ms, size
                    if not 200 <= status < 300 and result.first_error is None:
                        result.first_error = f"HTTP {status} for {spec.requests[i]['path']}"
                elif not 200 <= status < 300:
                    result.warmup_errors += 1

        await asyncio.gather(*(worker(c) for c in connections))

    await phase(warm, record=False)
    cpu = time.process_time()
    started = time.perf_counter()
    await phase(measured, record=True)
    result.elapsed_s = time.perf_counter() - started
    result.client_cpu_s = time.process_time() - cpu
    for c in connections:
        c.close()
    result.process_cpu_s = time.process_time()
    return result


def main(argv: list[str]) -> int:
    spec_path, out_path = Path(argv[0]), Path(argv[1])
    raw: dict[str, Any] = json.loads(spec_path.read_text())
    result = asyncio.run(run(Spec(**raw)))
    out_path.write_text(json.dumps(asdict(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
