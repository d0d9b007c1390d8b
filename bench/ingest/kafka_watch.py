"""How many events have reached a Kafka topic, over time.

Ingest answers 202 after its database commit; the outbox relay publishes afterwards. So the
HTTP figures alone say nothing about Kafka: this samples the topic's end offsets (the sum over
partitions is the message count: the relay's idempotent producer writes no transaction
markers) while the load runs, and tells when the expected count was first seen.
"""

import asyncio
import contextlib
import time

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

METADATA_TIMEOUT_S = 30.0


class TopicWatch:
    def __init__(self, bootstrap_servers: str, topic: str, interval_s: float = 0.02) -> None:
        self.topic = topic
        self._bootstrap_servers = bootstrap_servers
        self.interval_s = interval_s
        # No group: this client only asks for offsets, it never joins or commits anything.
        self._consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap_servers, enable_auto_commit=False
        )
        self._partitions: list[TopicPartition] = []
        self.samples: list[tuple[float, int]] = []
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self._consumer.start()
        self._partitions = await _partitions_of(self._bootstrap_servers, self.topic)

    async def count(self) -> int:
        offsets = await self._consumer.end_offsets(self._partitions)
        return int(sum(offsets.values()))

    def begin_sampling(self) -> None:
        self.samples = []
        self._task = asyncio.create_task(self._sample())

    async def _sample(self) -> None:
        while True:
            count = await self.count()
            self.samples.append((time.monotonic(), count))
            await asyncio.sleep(self.interval_s)

    async def until(self, target: int, timeout_s: float) -> float | None:
        """The first sampled time at which the topic held `target` messages (None on timeout);
        sampling stops either way."""
        deadline = time.monotonic() + timeout_s
        try:
            while time.monotonic() < deadline:
                if self._task is not None and self._task.done():
                    self._task.result()  # the sampler died: raise its error here
                reached = self.reached_at(target)
                if reached is not None:
                    return reached
                await asyncio.sleep(self.interval_s)
            return self.reached_at(target)
        finally:
            await self.end_sampling()

    def reached_at(self, target: int) -> float | None:
        return next((t for t, n in self.samples if n >= target), None)

    def last_count(self) -> int:
        return self.samples[-1][1] if self.samples else 0

    async def end_sampling(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def wait_count(self, target: int, timeout_s: float) -> int:
        """Poll (without sampling history) until `target` messages are in; returns the count."""
        deadline = time.monotonic() + timeout_s
        count = await self.count()
        while count < target and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
            count = await self.count()
        return count

    async def stop(self) -> None:
        await self.end_sampling()
        await self._consumer.stop()


async def _partitions_of(bootstrap_servers: str, topic: str) -> list[TopicPartition]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        deadline = time.monotonic() + METADATA_TIMEOUT_S
        while time.monotonic() < deadline:
            # Ingest creates its topics at start; right after /readyz they should be there.
            for described in await admin.describe_topics([topic]):
                if described["topic"] == topic and described["partitions"]:
                    numbers = sorted(p["partition"] for p in described["partitions"])
                    return [TopicPartition(topic, n) for n in numbers]
            await asyncio.sleep(0.5)
    finally:
        await admin.close()
    raise RuntimeError(f"topic {topic} has no partitions after {METADATA_TIMEOUT_S:.0f}s")


async def delete_topics(bootstrap_servers: str, prefix: str) -> list[str]:
    """Remove every topic this run created (they all carry its unique prefix)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        names = [t for t in await admin.list_topics() if t.startswith(prefix)]
        if names:
            await admin.delete_topics(names)
        return sorted(names)
    finally:
        await admin.close()
