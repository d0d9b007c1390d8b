"""The consumer loop every service runs: inbox-deduplicated handlers, offsets committed only
after the database commit, bounded retries, dead letters, graceful shutdown.

Handlers get an open transaction and may only touch the database (and the outbox): anything slow
or external (SMTP, HTTP) belongs to a worker that reads the state the handler wrote, so one
message never holds the poll loop near `max_poll_interval_ms`.
"""

import asyncio
import logging
import os
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime

import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.abc import ConsumerRebalanceListener
from aiokafka.errors import CommitFailedError, IllegalStateError, KafkaError
from pydantic import ValidationError

from shared import tracing
from shared.backoff import RECONNECT_CAP_S, Backoff
from shared.db.pool import Connection, Pool
from shared.events.catalogue import Event, parse_event
from shared.kafka.handlers import Handler, Handlers
from shared.kafka.inbox import repository as inbox
from shared.logging import CORRELATION_HEADER, correlation_id_var, event_id_var
from shared.metrics import (
    CONSUMER_HANDLE_SECONDS,
    CONSUMER_LAG,
    CONSUMER_MESSAGES,
    DLQ_MESSAGES,
    EVENT_LATENCY_SECONDS,
    EVENTS_CONSUMED,
    EVENTS_FAILED,
    EVENTS_PRODUCED,
)
from shared.settings import ServiceSettings
from shared.topics import TopicSpec, dlq_name, topic_name

log = logging.getLogger(__name__)

# Failures of the infrastructure, not of the message: wait and retry the same offset forever
# (nothing goes to the dead-letter topic because the database blinked).
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    TimeoutError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.CannotConnectNowError,
    asyncpg.TooManyConnectionsError,
    asyncpg.SerializationError,
    asyncpg.DeadlockDetectedError,
    KafkaError,
)

CRASH_EXIT_CODE = 86

# The lag gauge is refreshed at most this often (positions and high-water marks are in memory).
LAG_INTERVAL_S = 1.0


@dataclass(frozen=True)
class ConsumerSpec:
    """What a service consumes. `name` is the inbox key and the consumer group's name."""

    name: str
    topics: tuple[TopicSpec, ...]
    handlers: Handlers
    max_attempts: int = 3
    retry_backoff_s: float = 0.2
    batch_size: int = 100
    # Partitions of one poll handled at the same time, each on its own pooled connection.
    partition_concurrency: int = 4
    # Consecutive records of a partition handled in one transaction (each still has its inbox
    # row): one commit, so one WAL flush, for up to this many. 1 gives a transaction each.
    records_per_transaction: int = 20
    # Entered on each handler transaction's connection once it began, and left right before it
    # commits: a consumer can collect what its records have in common and write it once per
    # transaction (the responder folds its analytics rollups so). An error inside rolls the
    # transaction back as a handler's would.
    transaction_scope: Callable[[Connection], AbstractAsyncContextManager[None]] | None = None


class _InfrastructureDown(Exception):
    """Raised to abandon a batch and re-poll from the first unfinished offset."""


class _HandlerFailed(Exception):
    """One record of a shared transaction failed: roll all of them back."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


@dataclass(frozen=True)
class _Work:
    record: ConsumerRecord
    event: Event
    handler: Handler


@dataclass
class _BatchProgress:
    next_offsets: dict[TopicPartition, int] = field(default_factory=dict)


class _CommitOnRevoke(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, runner: "ConsumerRunner") -> None:
        self.runner = runner

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        # Waiting for the lock lets the batch in hand finish and commit before the
        # partitions move; a redelivery is still harmless thanks to the inbox.
        async with self.runner.processing:
            pass

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        log.info("partitions assigned", extra={"partitions": sorted(str(tp) for tp in assigned)})


class ConsumerRunner:
    def __init__(
        self,
        spec: ConsumerSpec,
        settings: ServiceSettings,
        pool: Pool,
        producer: AIOKafkaProducer,
    ) -> None:
        self.spec = spec
        self.settings = settings
        self.pool = pool
        self.producer = producer
        self.group_id = topic_name(spec.name, settings.kafka_topic_prefix)
        self.processing = asyncio.Lock()
        self.last_poll_monotonic = time.monotonic()
        self._stopping = asyncio.Event()
        self._consumer: AIOKafkaConsumer | None = None
        self._lag_at = 0.0
        self._lag_series: set[tuple[str, str, str]] = set()

    # -- lifecycle ---------------------------------------------------------------------------

    async def run(self) -> None:
        """Consume until stopped; a broker outage restarts the consumer instead of ending it."""
        waits = Backoff(first_s=1.0, cap_s=RECONNECT_CAP_S).waits()
        while not self._stopping.is_set():
            try:
                await self._consume()
                return
            except KafkaError as exc:
                log.warning("consumer lost Kafka; restarting", extra={"error": repr(exc)})
                await self._sleep(waits.next())

    async def _consume(self) -> None:
        topics = [topic_name(t.name, self.settings.kafka_topic_prefix) for t in self.spec.topics]
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.settings.kafka_bootstrap_servers,
            group_id=self.group_id,
            client_id=f"reviewloop-{self.settings.service_name}-{self.spec.name}",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            isolation_level="read_committed",
            max_poll_interval_ms=self.settings.kafka_max_poll_interval_ms,
            session_timeout_ms=self.settings.kafka_session_timeout_ms,
            heartbeat_interval_ms=max(self.settings.kafka_session_timeout_ms // 3, 1000),
            **self.settings.kafka_security.client_options(),
        )
        self._consumer = consumer
        consumer.subscribe(topics, listener=_CommitOnRevoke(self))
        await consumer.start()
        log.info("consumer started", extra={"group": self.group_id, "topics": topics})
        waits = Backoff(first_s=self.spec.retry_backoff_s, cap_s=RECONNECT_CAP_S).waits()
        try:
            while not self._stopping.is_set():
                await self._record_lag(consumer)
                batch = await consumer.getmany(timeout_ms=500, max_records=self.spec.batch_size)
                self.last_poll_monotonic = time.monotonic()
                if not batch:
                    continue
                try:
                    async with self.processing:
                        await self._process_batch(consumer, batch)
                    waits.reset()
                except _InfrastructureDown:
                    await self._sleep(waits.next())
        finally:
            # stop() leaves the group so the partitions move at once, not after a session
            # timeout; everything processed has been committed already.
            self._forget_lag()
            await consumer.stop()
            log.info("consumer stopped", extra={"group": self.group_id})

    async def stop(self) -> None:
        self._stopping.set()

    async def _sleep(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._stopping.wait(), seconds)
        except TimeoutError:
            pass

    # -- lag -----------------------------------------------------------------------------------

    def _topic_label(self, topic: str) -> str:
        """The topic without the deployment's prefix: one series per logical topic."""
        prefix = self.settings.kafka_topic_prefix
        return topic[len(prefix) :] if prefix and topic.startswith(prefix) else topic

    async def _record_lag(self, consumer: AIOKafkaConsumer) -> None:
        """Per assigned partition: its end (last stable offset under read_committed, else the
        high-water mark) minus our position. Partitions not fetched from yet have no end."""
        now = time.monotonic()
        if now - self._lag_at < LAG_INTERVAL_S:
            return
        self._lag_at = now
        seen: set[tuple[str, str, str]] = set()
        for tp in consumer.assignment():
            try:
                end = consumer.last_stable_offset(tp)
                if end is None or end < 0:
                    end = consumer.highwater(tp)
                if end is None:
                    continue
                position = await asyncio.wait_for(consumer.position(tp), 1.0)
            except (AssertionError, IllegalStateError, TimeoutError):
                continue  # revoked meanwhile, or no position yet
            labels = (self.spec.name, self._topic_label(tp.topic), str(tp.partition))
            CONSUMER_LAG.labels(*labels).set(max(end - position, 0))
            seen.add(labels)
        for gone in self._lag_series - seen:
            CONSUMER_LAG.remove(*gone)
        self._lag_series = seen

    def _forget_lag(self) -> None:
        for labels in self._lag_series:
            CONSUMER_LAG.remove(*labels)
        self._lag_series = set()
        self._lag_at = 0.0

    # -- one batch ---------------------------------------------------------------------------

    async def _process_batch(
        self, consumer: AIOKafkaConsumer, batch: dict[TopicPartition, list[ConsumerRecord]]
    ) -> None:
        """Partitions are independent streams: each one's records are handled in order, by its
        own task and connection, while the other partitions of the batch go on beside it (at
        most `partition_concurrency` at once). A handler waits on database round trips most of
        its time, so one partition at a time left the process idle at a few hundred messages
        per second. Events that must stay in order share a key, hence a partition."""
        progress = _BatchProgress()
        slots = asyncio.Semaphore(max(1, self.spec.partition_concurrency))

        async def partition(tp: TopicPartition, records: list[ConsumerRecord]) -> None:
            def finished(record: ConsumerRecord) -> None:
                progress.next_offsets[tp] = record.offset + 1

            async with slots:
                try:
                    await self._handle_in_order(records, finished)
                finally:
                    event_id_var.set(None)

        try:
            outcomes = await asyncio.gather(
                *(partition(tp, records) for tp, records in batch.items()),
                return_exceptions=True,
            )
            failures = [o for o in outcomes if isinstance(o, BaseException)]
            down = [f for f in failures if isinstance(f, _InfrastructureDown)]
            # Anything else escaping a handler's retries is a bug: surface it after the others
            # finished, so their progress is committed.
            others = [f for f in failures if not isinstance(f, _InfrastructureDown)]
            if others:
                raise others[0]
            if down:
                # Rewind every partition of the batch to its first unfinished record.
                for tp, records in batch.items():
                    consumer.seek(tp, progress.next_offsets.get(tp, records[0].offset))
                raise down[0]
        finally:
            await self._commit(consumer, progress.next_offsets)

    async def _commit(self, consumer: AIOKafkaConsumer, offsets: dict[TopicPartition, int]) -> None:
        if not offsets:
            return
        try:
            await consumer.commit(offsets)
        except (CommitFailedError, IllegalStateError) as exc:
            # A rebalance took the partition: its next owner re-reads from the last commit and
            # the inbox drops what we already handled.
            log.warning(
                "offset commit failed; inbox will absorb redelivery", extra={"error": str(exc)}
            )

    async def _handle_in_order(
        self, records: list[ConsumerRecord], finished: Callable[[ConsumerRecord], None]
    ) -> None:
        """One partition's records, in order. Runs of records that parse and have a handler
        share a transaction; the others (dead letters, skipped types) go alone, after the run
        before them committed, so a rewind never dead-letters a record twice."""
        per_transaction = max(1, self.spec.records_per_transaction)
        run: list[_Work] = []
        for record in records:
            if self._stopping.is_set():
                break
            work = self._prepare(record) if per_transaction > 1 else None
            if work is None:
                await self._handle_run(run, finished)
                run = []
                await self._process_record(record)
                finished(record)
                continue
            run.append(work)
            if len(run) >= per_transaction:
                await self._handle_run(run, finished)
                run = []
        if not self._stopping.is_set():
            await self._handle_run(run, finished)

    def _prepare(self, record: ConsumerRecord) -> _Work | None:
        """The record's event and handler, or None when it has to go alone."""
        try:
            event = parse_event(record.value or b"")
        except ValidationError:
            return None
        handler = self.spec.handlers.get(event.type)
        if handler is None:
            return None
        EVENTS_CONSUMED.labels(self.spec.name, self._topic_label(record.topic)).inc()
        return _Work(record, event, handler)

    async def _handle_run(
        self, run: list[_Work], finished: Callable[[ConsumerRecord], None]
    ) -> None:
        while run:
            try:
                failed = await self._handle_together(run)
            except (asyncpg.DeadlockDetectedError, asyncpg.SerializationError) as exc:
                # Records of one transaction took locks in another order than a concurrent
                # one; taken one at a time they cannot deadlock each other.
                log.info("shared transaction refused; one at a time", extra={"error": repr(exc)})
                for work in run:
                    await self._handle_alone(work)
                    finished(work.record)
                return
            if failed is None:
                for work in run:
                    finished(work.record)
                return
            # Everything was rolled back: the records before the failed one once more together,
            # the failed one alone with its retries (this was its first attempt), then the rest.
            await self._handle_run(run[:failed], finished)
            await self._handle_alone(run[failed], attempts_made=1)
            finished(run[failed].record)
            run = run[failed + 1 :]

    def _enter(self, work: _Work) -> None:
        headers = dict(work.record.headers or ())
        correlation = headers.get(CORRELATION_HEADER)
        correlation_id_var.set(correlation.decode(errors="replace") if correlation else None)
        event_id_var.set(str(work.event.event_id))
        tracing.annotate_event(work.event.type, str(work.event.event_id))

    async def _handle_together(self, run: list[_Work]) -> int | None:
        """All of `run` in one transaction. Returns None once committed, or the index of the
        record whose handler failed (then nothing of the run is kept)."""
        handled: list[_Work] = []
        duplicates = 0
        try:
            async with self.pool.acquire() as conn, conn.transaction(), self._scope(conn):
                for index, work in enumerate(run):
                    with tracing.consume_span(work.record, self.group_id):
                        self._enter(work)
                        with CONSUMER_HANDLE_SECONDS.labels(self.spec.name).time():
                            if not await self._claim(conn, work.record, work.event):
                                duplicates += 1
                                continue
                            try:
                                await work.handler(conn, work.event)
                            except TRANSIENT_ERRORS:
                                raise
                            except Exception as exc:
                                log.warning(
                                    "handler failed in a shared transaction; retrying alone",
                                    extra={"error": repr(exc)},
                                )
                                topic = self._topic_label(work.record.topic)
                                EVENTS_FAILED.labels(self.spec.name, topic, "handler_error").inc()
                                raise _HandlerFailed(index) from exc
                    handled.append(work)
        except _HandlerFailed as failed:
            return failed.index
        except (asyncpg.DeadlockDetectedError, asyncpg.SerializationError):
            raise
        except TRANSIENT_ERRORS as exc:
            log.warning("infrastructure error; will retry", extra={"error": repr(exc)})
            for work in run:
                topic = self._topic_label(work.record.topic)
                EVENTS_FAILED.labels(self.spec.name, topic, "infrastructure").inc()
            CONSUMER_MESSAGES.labels(self.spec.name, "retried").inc(len(run))
            raise _InfrastructureDown from exc
        self._committed([work.event for work in handled], duplicates)
        return None

    def _committed(self, handled: list[Event], duplicates: int) -> None:
        """After the database commit of `handled` (and of `duplicates` inbox hits)."""
        CONSUMER_MESSAGES.labels(self.spec.name, "duplicate").inc(duplicates)
        CONSUMER_MESSAGES.labels(self.spec.name, "processed").inc(len(handled))
        now = datetime.now(UTC)
        for event in handled:
            latency = (now - event.occurred_at).total_seconds()
            EVENT_LATENCY_SECONDS.labels(self.spec.name, event.type).observe(max(latency, 0))
        if handled and self.settings.fault_crash_after_db_commit:
            log.critical("fault injection: exiting after database commit")
            os._exit(CRASH_EXIT_CODE)

    async def _handle_alone(self, work: _Work, attempts_made: int = 0) -> None:
        with tracing.consume_span(work.record, self.group_id):
            self._enter(work)
            await self._attempt(work.record, work.event, work.handler, attempts_made)

    async def _process_record(self, record: ConsumerRecord) -> None:
        EVENTS_CONSUMED.labels(self.spec.name, self._topic_label(record.topic)).inc()
        # The handler's work (its queries, the events it writes to the outbox) continues the
        # trace that the producer put in the record's headers.
        with tracing.consume_span(record, self.group_id):
            await self._handle_record(record)

    async def _handle_record(self, record: ConsumerRecord) -> None:
        topic = self._topic_label(record.topic)
        headers = dict(record.headers or ())
        correlation = headers.get(CORRELATION_HEADER)
        correlation_id_var.set(correlation.decode(errors="replace") if correlation else None)
        event_id_var.set(None)
        try:
            event = parse_event(record.value or b"")
        except ValidationError as exc:
            EVENTS_FAILED.labels(self.spec.name, topic, "invalid").inc()
            await self._dead_letter(record, exc, attempts=1)
            return
        event_id_var.set(str(event.event_id))
        tracing.annotate_event(event.type, str(event.event_id))
        handler = self.spec.handlers.get(event.type)
        if handler is None:
            CONSUMER_MESSAGES.labels(self.spec.name, "skipped").inc()
            return
        await self._attempt(record, event, handler, 0)

    async def _attempt(
        self, record: ConsumerRecord, event: Event, handler: Handler, attempts_made: int
    ) -> None:
        """The record in its own transaction, retried up to `max_attempts` in all."""
        topic = self._topic_label(record.topic)
        attempt = attempts_made
        if attempts_made:
            await asyncio.sleep(Backoff(self.spec.retry_backoff_s).seconds(attempts_made))
        while True:
            attempt += 1
            try:
                with CONSUMER_HANDLE_SECONDS.labels(self.spec.name).time():
                    handled = await self._handle_once(record, event, handler)
            except TRANSIENT_ERRORS as exc:
                log.warning("infrastructure error; will retry", extra={"error": repr(exc)})
                EVENTS_FAILED.labels(self.spec.name, topic, "infrastructure").inc()
                CONSUMER_MESSAGES.labels(self.spec.name, "retried").inc()
                raise _InfrastructureDown from exc
            except Exception as exc:
                EVENTS_FAILED.labels(self.spec.name, topic, "handler_error").inc()
                if attempt >= self.spec.max_attempts:
                    await self._dead_letter(record, exc, attempts=attempt)
                    return
                log.warning(
                    "handler failed; retrying",
                    extra={"attempt": attempt, "error": repr(exc)},
                )
                CONSUMER_MESSAGES.labels(self.spec.name, "retried").inc()
                await asyncio.sleep(Backoff(self.spec.retry_backoff_s).seconds(attempt))
                continue
            self._committed([event] if handled else [], 0 if handled else 1)
            return

    async def _handle_once(self, record: ConsumerRecord, event: Event, handler: Handler) -> bool:
        async with self.pool.acquire() as conn, conn.transaction(), self._scope(conn):
            if not await self._claim(conn, record, event):
                return False
            await handler(conn, event)
        return True

    def _scope(self, conn: Connection) -> AbstractAsyncContextManager[None]:
        scope = self.spec.transaction_scope
        return nullcontext() if scope is None else scope(conn)

    async def _claim(self, conn: Connection, record: ConsumerRecord, event: Event) -> bool:
        return await inbox.claim(
            conn,
            self.spec.name,
            event.event_id,
            event.type,
            record.topic,
            record.partition,
            record.offset,
        )

    async def _dead_letter(
        self, record: ConsumerRecord, error: BaseException, attempts: int
    ) -> None:
        headers = [
            *(record.headers or ()),
            ("x-dlq-consumer", self.spec.name.encode()),
            ("x-dlq-original-topic", record.topic.encode()),
            ("x-dlq-original-partition", str(record.partition).encode()),
            ("x-dlq-original-offset", str(record.offset).encode()),
            ("x-dlq-error-type", type(error).__name__.encode()),
            ("x-dlq-error", describe(error)[:2000].encode(errors="replace")),
            ("x-dlq-attempts", str(attempts).encode()),
            ("x-dlq-failed-at", datetime.now(UTC).isoformat().encode()),
        ]
        try:
            await self.producer.send_and_wait(
                dlq_name(record.topic), value=record.value, key=record.key, headers=headers
            )
        except KafkaError as exc:
            raise _InfrastructureDown from exc
        CONSUMER_MESSAGES.labels(self.spec.name, "dead_lettered").inc()
        topic = self._topic_label(record.topic)
        reason = "invalid" if isinstance(error, ValidationError) else "handler_error"
        DLQ_MESSAGES.labels(self.spec.name, topic, reason).inc()
        EVENTS_PRODUCED.labels(dlq_name(topic)).inc()
        log.error(
            "message dead-lettered",
            extra={
                "topic": record.topic,
                "partition": record.partition,
                "offset": record.offset,
                "error": describe(error)[:500],
            },
        )


def describe(error: BaseException) -> str:
    """What was wrong with a message, without its values: a validation error's own text quotes
    them (customer emails and names), and this goes to logs and DLQ headers."""
    if isinstance(error, ValidationError):
        problems = error.errors(include_input=False, include_url=False, include_context=False)
        return f"{error.title}: " + "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'message'}: {e['msg']}" for e in problems
        )
    # The type travels in its own header (x-dlq-error-type).
    return str(error) or type(error).__name__
