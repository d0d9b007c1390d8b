"""Kafka's own limit on this machine for the event sizes of the end-to-end flows: a raw aiokafka
producer and a raw aiokafka consumer, each in its own process, no database, no services.

    python -m bench.e2e.kafka_ceiling consume SPEC OUT   # prints READY once assigned
    python -m bench.e2e.kafka_ceiling produce SPEC OUT

Both are configured like the services' own clients (`shared.kafka.producer`: idempotent,
acks=all, linger 5 ms; `shared.kafka.consumer`: a consumer group, read_committed, `getmany` of
up to 100 records with a 500 ms wait, an offset commit after every batch). Each message has the
flow's mean event size (value of that size, a key like `<shop>:<id>`) and carries the producer's
send time (unix seconds, when `send()` was called) and its phase in headers; the consumer
records the arrival time. Phases, in order: `paced-<rate>` (one message every 1/rate s for
`seconds`, as in the flows), then `flood` (`messages` as fast as the producer takes them, up
to 1,000 unacknowledged): the ceiling.

The consumer exits by itself once it has seen `expect` messages (sent on stdin as
`EXPECT <n>` after the producer is done) or after `idle_timeout_s` without any.
"""

import asyncio
import contextlib
import json
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.abc import ConsumerRebalanceListener

READY_LINE = "READY"
DONE_LINE = "DONE"
FLOOD_IN_FLIGHT = 1000


@dataclass(frozen=True)
class CeilingSpec:
    bootstrap_servers: str
    topic: str
    group: str
    message_bytes: int
    key_bytes: int
    rates: list[float]
    seconds: float
    messages: int
    idle_timeout_s: float = 30.0


@dataclass
class Assigned(ConsumerRebalanceListener):  # type: ignore[misc]
    event: asyncio.Event = field(default_factory=asyncio.Event)

    async def on_partitions_revoked(self, revoked: Any) -> None:
        return None

    async def on_partitions_assigned(self, assigned: Any) -> None:
        if assigned:
            self.event.set()


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


async def consume(spec: CeilingSpec) -> dict[str, Any]:
    consumer = AIOKafkaConsumer(
        bootstrap_servers=spec.bootstrap_servers,
        group_id=spec.group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
    )
    listener = Assigned()
    consumer.subscribe([spec.topic], listener=listener)
    await consumer.start()
    expect: list[int] = []

    async def read_expect() -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        line = (await reader.readline()).decode().split()
        expect.append(int(line[1]) if len(line) == 2 and line[0] == "EXPECT" else 0)

    # phase -> [(sent, received)]
    seen: dict[str, list[tuple[float, float]]] = {}
    total = 0
    cpu_before = time.process_time()
    try:
        # Wait for the assignment by polling (the group join happens inside getmany).
        while not listener.event.is_set():
            await consumer.getmany(timeout_ms=200)
        _say(READY_LINE)
        expecting = asyncio.create_task(read_expect())
        last = time.monotonic()
        while True:
            if expect and total >= expect[0]:
                break
            if time.monotonic() - last > spec.idle_timeout_s:
                break
            batch = await consumer.getmany(timeout_ms=500, max_records=100)
            now = time.time()
            if not batch:
                continue
            last = time.monotonic()
            for records in batch.values():
                for record in records:
                    headers = dict(record.headers)
                    sent = float(headers["sent"])
                    seen.setdefault(headers["phase"].decode(), []).append((sent, now))
                    total += 1
            await consumer.commit()
        expecting.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await expecting
    finally:
        await consumer.stop()
    return {"received": seen, "total": total, "cpu_s": round(time.process_time() - cpu_before, 3)}


async def produce(spec: CeilingSpec) -> dict[str, Any]:
    producer = AIOKafkaProducer(
        bootstrap_servers=spec.bootstrap_servers,
        enable_idempotence=True,
        acks="all",
        linger_ms=5,
        request_timeout_ms=15_000,
    )
    await producer.start()
    value = b"x" * spec.message_bytes
    phases: list[dict[str, Any]] = []
    cpu_before = time.process_time()
    try:
        for rate in spec.rates:
            name = f"paced-{rate:g}"
            count = int(rate * spec.seconds)
            start = time.monotonic() + 0.01
            acks = []
            began = time.time()
            for n in range(count):
                delay = start + n / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                acks.append(await _send(producer, spec, value, name))
            await asyncio.gather(*acks)
            phases.append(
                {"name": name, "rate": rate, "sent": count, "began": began, "acked": time.time()}
            )
        began = time.time()
        window: list[asyncio.Future[Any]] = []
        for _ in range(spec.messages):
            window.append(await _send(producer, spec, value, "flood"))
            if len(window) >= FLOOD_IN_FLIGHT:
                await asyncio.gather(*window)
                window = []
        await asyncio.gather(*window)
        phases.append(
            {
                "name": "flood",
                "rate": None,
                "sent": spec.messages,
                "began": began,
                "acked": time.time(),
            }
        )
    finally:
        await producer.stop()
    return {"phases": phases, "cpu_s": round(time.process_time() - cpu_before, 3)}


async def _send(producer: AIOKafkaProducer, spec: CeilingSpec, value: bytes, phase: str) -> Any:
    # A new key per message, of the flow's key size: spread over the partitions like the events.
    key = uuid.uuid4().hex.encode().ljust(spec.key_bytes, b"k")[: max(spec.key_bytes, 1)]
    headers = [("sent", f"{time.time():.6f}".encode()), ("phase", phase.encode())]
    return await producer.send(spec.topic, value=value, key=key, headers=headers)


def main(argv: list[str]) -> None:
    if len(argv) != 3 or argv[0] not in ("consume", "produce"):
        raise SystemExit("usage: python -m bench.e2e.kafka_ceiling consume|produce SPEC OUT")
    spec = CeilingSpec(**json.loads(Path(argv[1]).read_text()))
    role = consume if argv[0] == "consume" else produce
    result = asyncio.run(role(spec))
    Path(argv[2]).write_text(json.dumps(result))
    _say(DONE_LINE)


if __name__ == "__main__":
    main(sys.argv[1:])
