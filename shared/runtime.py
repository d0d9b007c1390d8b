"""What every service runs besides its own routes: pool, migrations, producer, outbox relay,
consumers, and their orderly start and stop.

Start order: database (migrations before anything serves), Kafka producer, topics, relay,
consumers. Stop order is the reverse, bounded so SIGTERM completes within the pod's grace period.
"""

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaProducer

from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool
from shared.kafka.admin import ensure_topics
from shared.kafka.consumer import ConsumerRunner, ConsumerSpec
from shared.kafka.producer import create_producer, kafka_reachable
from shared.memory import freeze_long_lived
from shared.outbox.relay import OutboxRelay
from shared.periodic import DEFAULT_TASKS, PeriodicTask, run_periodically
from shared.settings import ServiceSettings

log = logging.getLogger(__name__)

SHUTDOWN_BUDGET_S = 10.0


@dataclass
class Runtime:
    settings: ServiceSettings
    migrations_dir: Path
    consumer_specs: Sequence[ConsumerSpec] = ()
    periodic_tasks: Sequence[PeriodicTask] = DEFAULT_TASKS
    # Every "now" of the service's logic comes from here, so tests and fault runs can move time.
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    pool: Pool | None = None
    producer: AIOKafkaProducer | None = None
    relay: OutboxRelay | None = None
    consumers: list[ConsumerRunner] = field(default_factory=list)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def db(self) -> Pool:
        if self.pool is None:
            raise RuntimeError("runtime not started")
        return self.pool

    async def start(self) -> None:
        s = self.settings
        self.pool = await create_pool(s)
        applied = await apply_migrations(
            self.pool, s.db_schema, service_migrations(s.service_name, self.migrations_dir)
        )
        log.info("database ready", extra={"migrations_applied": applied})
        if s.kafka_create_topics:
            await ensure_topics(
                s.kafka_bootstrap_servers, s.kafka_topic_prefix, s.kafka_topic_partitions
            )
        self.producer = create_producer(s)
        await self.producer.start()
        self.relay = OutboxRelay(self.pool, self.producer, s.db_schema, s.kafka_topic_prefix)
        self._spawn(self.relay.run(), "outbox-relay")
        for task in self.periodic_tasks:
            self._spawn(
                run_periodically(task, self.pool, self._stopping, s.db_schema),
                f"periodic-{task.name}",
            )
        for spec in self.consumer_specs:
            runner = ConsumerRunner(spec, s, self.pool, self.producer)
            self.consumers.append(runner)
            self._spawn(runner.run(), f"consumer-{spec.name}")
        freeze_long_lived()

    def _spawn(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.create_task(coro, name=name)
        task.add_done_callback(self._on_task_done)
        self._tasks.append(task)

    @staticmethod
    def _on_task_done(task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error(
                "background task died", exc_info=task.exception(), extra={"task": task.get_name()}
            )

    async def stop(self) -> None:
        deadline = time.monotonic() + SHUTDOWN_BUDGET_S
        self._stopping.set()
        for runner in self.consumers:
            await runner.stop()
        if self.relay is not None:
            await self.relay.stop()
        if self._tasks:
            _, pending = await asyncio.wait(self._tasks, timeout=deadline - time.monotonic() - 2)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        if self.producer is not None:
            await self.producer.stop()
        if self.pool is not None:
            await asyncio.wait_for(self.pool.close(), max(deadline - time.monotonic(), 1.0))

    # -- probes ------------------------------------------------------------------------------

    async def database_reachable(self) -> bool:
        if self.pool is None:
            return False
        try:
            async with asyncio.timeout(2.0), self.pool.acquire() as conn:
                await conn.fetchval("SELECT 1")
        except Exception:
            return False
        return True

    async def kafka_reachable(self) -> bool:
        return self.producer is not None and await kafka_reachable(self.producer)

    def stalled_consumers(self) -> list[str]:
        """Consumers whose loop has not polled within max.poll.interval: liveness fails."""
        limit = self.settings.kafka_max_poll_interval_ms / 1000
        now = time.monotonic()
        return [
            r.spec.name
            for r in self.consumers
            if now - r.last_poll_monotonic > limit or self._task_dead(r.spec.name)
        ]

    def _task_dead(self, consumer_name: str) -> bool:
        return any(t.done() and t.get_name() == f"consumer-{consumer_name}" for t in self._tasks)


@asynccontextmanager
async def running(runtime: Runtime) -> AsyncIterator[Runtime]:
    await runtime.start()
    try:
        yield runtime
    finally:
        await runtime.stop()
