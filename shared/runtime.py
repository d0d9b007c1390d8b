"""What every service runs besides its own routes: pool, migrations, producer, outbox relay,
consumers, and their orderly start and stop.

Start order: database (migrations before anything serves), Kafka producer, topics, relay,
consumers. Stop order is the reverse, bounded so SIGTERM completes within the pod's grace period.
A service that serves without Kafka (all four: their writes go to the outbox) sets Kafka up in
the background instead, retrying until the brokers answer, and its readiness leaves Kafka out.
"""

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaProducer

from shared.backoff import RECONNECT_CAP_S, Backoff
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.notify import pause
from shared.db.pool import Pool, create_pool, measure_pool, ping
from shared.kafka.admin import ensure_topics
from shared.kafka.consumer import ConsumerRunner, ConsumerSpec
from shared.kafka.producer import create_producer, kafka_reachable
from shared.memory import freeze_long_lived
from shared.metrics import KAFKA_UP, announce_build
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
    # True when every request the service answers needs only PostgreSQL (events go through the
    # outbox): Kafka is then set up in the background and readiness does not depend on it, so
    # a Kafka outage never takes the service out of its load balancer.
    serves_without_kafka: bool = False
    # Every "now" of the service's logic comes from here, so tests and fault runs can move time.
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    # What the periodic tasks keep between their passes (SMTP connections, HTTP clients): closed
    # at stop once no pass can use them any more.
    on_stop: Sequence[Callable[[], Awaitable[None]]] = ()
    pool: Pool | None = None
    producer: AIOKafkaProducer | None = None
    relay: OutboxRelay | None = None
    consumers: list[ConsumerRunner] = field(default_factory=list)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)
    _kafka_started: asyncio.Event = field(default_factory=asyncio.Event)
    _kafka_setup: asyncio.Task[None] | None = None

    @property
    def db(self) -> Pool:
        if self.pool is None:
            raise RuntimeError("runtime not started")
        return self.pool

    async def start(self) -> None:
        s = self.settings
        announce_build(s.service_name)
        self.pool = await create_pool(s)
        applied = await apply_migrations(
            self.pool, s.db_schema, service_migrations(s.service_name, self.migrations_dir)
        )
        log.info("database ready", extra={"migrations_applied": applied})
        self.producer = create_producer(s)
        KAFKA_UP.labels(s.service_name).set(0)
        # Publishes once the producer has started. Without Kafka at start (ingest) it runs from
        # the start anyway, so the backlog gauges move, and alert, while Kafka is away.
        self.relay = OutboxRelay(
            self.pool,
            self.producer,
            s.db_schema,
            s.kafka_topic_prefix,
            publishing=self._kafka_started,
        )
        if self.serves_without_kafka:
            self._spawn(self.relay.run(), "outbox-relay")
            self._kafka_setup = self._spawn(self._start_kafka_retrying(), "kafka-setup")
        else:
            await self._start_kafka()
            self._spawn(self.relay.run(), "outbox-relay")
        for task in self.periodic_tasks:
            self._spawn(
                run_periodically(task, self.pool, self._stopping, s.db_schema),
                f"periodic-{task.name}",
            )
        freeze_long_lived()

    async def _start_kafka(self) -> None:
        s = self.settings
        assert self.pool is not None and self.producer is not None
        if s.kafka_create_topics:
            await ensure_topics(
                s.kafka_bootstrap_servers,
                s.kafka_topic_prefix,
                s.kafka_topic_partitions,
                replication_factor=s.kafka_topic_replication_factor,
                security=s.kafka_security,
                configs=s.kafka_topic_configs,
            )
        await self.producer.start()
        self._kafka_started.set()
        KAFKA_UP.labels(s.service_name).set(1)
        for spec in self.consumer_specs:
            runner = ConsumerRunner(spec, s, self.pool, self.producer)
            self.consumers.append(runner)
            self._spawn(runner.run(), f"consumer-{spec.name}")
        log.info("kafka ready", extra={"consumers": len(self.consumer_specs)})

    async def _start_kafka_retrying(self) -> None:
        waits = Backoff(first_s=1.0, cap_s=RECONNECT_CAP_S).waits()
        while not self._stopping.is_set():
            try:
                await self._start_kafka()
                return
            except Exception as exc:
                # Anything, not just KafkaError: this task must outlive any outage, or the
                # service would accept into an outbox nobody ever publishes.
                wait = waits.next()
                log.warning(
                    "kafka not reachable; retrying in the background",
                    extra={"error": repr(exc), "backoff_s": wait},
                )
                await pause(self._stopping, None, wait)

    def _spawn(self, coro: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
        task = asyncio.create_task(coro, name=name)
        task.add_done_callback(self._on_task_done)
        self._tasks.append(task)
        return task

    @staticmethod
    def _on_task_done(task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error(
                "background task died", exc_info=task.exception(), extra={"task": task.get_name()}
            )

    async def stop(self) -> None:
        deadline = time.monotonic() + SHUTDOWN_BUDGET_S
        self._stopping.set()
        if self._kafka_setup is not None:
            # A connection attempt to a broker that does not answer may take long: cut it.
            self._kafka_setup.cancel()
        for runner in self.consumers:
            await runner.stop()
        if self.relay is not None:
            await self.relay.stop()
        if self._tasks:
            _, pending = await asyncio.wait(self._tasks, timeout=deadline - time.monotonic() - 2)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        for close in self.on_stop:
            try:
                await asyncio.wait_for(close(), max(deadline - time.monotonic(), 1.0))
            except Exception:
                # The producer and the database pool still need closing.
                log.exception(
                    "closing at stop failed",
                    extra={"close": getattr(close, "__qualname__", repr(close))},
                )
        if self.producer is not None:
            await self.producer.stop()
        if self.pool is not None:
            await asyncio.wait_for(self.pool.close(), max(deadline - time.monotonic(), 1.0))

    # -- probes ------------------------------------------------------------------------------

    async def database_reachable(self) -> bool:
        if self.pool is None:
            return False
        try:
            async with asyncio.timeout(2.0):
                await ping(self.pool)
        except Exception:
            return False
        return True

    async def kafka_reachable(self) -> bool:
        reachable = (
            self._kafka_started.is_set()
            and self.producer is not None
            and await kafka_reachable(self.producer)
        )
        KAFKA_UP.labels(self.settings.service_name).set(1 if reachable else 0)
        return reachable

    def measure_pool(self) -> None:
        if self.pool is not None:
            measure_pool(self.pool, self.settings.service_name)

    def readiness_checks(self) -> tuple[str, ...]:
        """The checks of /readyz that decide readiness; the others are reported only."""
        return ("postgres",) if self.serves_without_kafka else ("postgres", "kafka")

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
