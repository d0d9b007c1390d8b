"""Publishes outbox rows to Kafka, then marks them sent.

Woken by LISTEN/NOTIFY when a transaction that wrote to the outbox commits; polls as the
fallback so a missed notification (reconnect, restart) delays an event by one interval at most.
Delivery is at least once: a crash between Kafka's ack and the UPDATE republishes the row, and
consumers drop the copy through their inbox.
"""

import asyncio
import logging
import time
from collections import Counter
from datetime import timedelta

from aiokafka import AIOKafkaProducer

from shared import tracing
from shared.backoff import RECONNECT_CAP_S, Backoff
from shared.db.pool import Connection, Pool
from shared.logging import CORRELATION_HEADER
from shared.metrics import (
    EVENTS_PRODUCED,
    OUTBOX_BACKLOG,
    OUTBOX_OLDEST_AGE,
    OUTBOX_PUBLISHED,
)
from shared.outbox import repository
from shared.topics import topic_name

log = logging.getLogger(__name__)

# The backlog gauges are refreshed at most this often (one count over the unsent rows).
BACKLOG_INTERVAL_S = 5.0


class OutboxRelay:
    def __init__(
        self,
        pool: Pool,
        producer: AIOKafkaProducer,
        service: str,
        topic_prefix: str = "",
        batch_size: int = 200,
        poll_interval: float = 1.0,
        retention: timedelta = timedelta(days=3),
        publishing: asyncio.Event | None = None,
    ) -> None:
        self.pool = pool
        self.producer = producer
        self.service = service
        self.topic_prefix = topic_prefix
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self.retention = retention
        # Set once the producer has started (the runtime may set Kafka up in the background);
        # until then the relay only measures the backlog, which grows and ages meanwhile.
        self.publishing = publishing
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self._backlog_at = 0.0

    async def publish_batch(self) -> int:
        """Publish up to one batch; returns how many rows went out."""
        async with self.pool.acquire() as conn, conn.transaction():
            if not await repository.try_lock_relay(conn):
                return 0
            rows = await repository.claim_unsent(conn, self.batch_size)
            if not rows:
                return 0
            sends = []
            for row in rows:
                headers = [("event_type", row.event_type.encode())]
                if row.correlation_id:
                    headers.append((CORRELATION_HEADER, row.correlation_id.encode()))
                # Sent inside the trace that wrote the row: the producer span (and the
                # traceparent header it injects) continue that trace.
                with tracing.attached(row.trace_context):
                    sends.append(
                        await self.producer.send(
                            topic_name(row.topic, self.topic_prefix),
                            value=row.body,
                            key=row.partition_key.encode(),
                            headers=headers,
                        )
                    )
            # Every ack before the UPDATE: an unacked row stays unsent and is retried.
            await asyncio.gather(*sends)
            await repository.mark_sent(conn, [row.id for row in rows])
        OUTBOX_PUBLISHED.labels(self.service).inc(len(rows))
        for topic, count in Counter(row.topic for row in rows).items():
            EVENTS_PRODUCED.labels(topic).inc(count)
        return len(rows)

    async def record_backlog(self, force: bool = False) -> None:
        """Refresh the backlog gauges (every replica measures; only one publishes)."""
        now = time.monotonic()
        if not force and now - self._backlog_at < BACKLOG_INTERVAL_S:
            return
        self._backlog_at = now
        async with self.pool.acquire() as conn:
            unsent, oldest_s = await repository.backlog(conn)
        OUTBOX_BACKLOG.labels(self.service).set(unsent)
        OUTBOX_OLDEST_AGE.labels(self.service).set(oldest_s)

    async def run(self) -> None:
        waits = Backoff(first_s=0.5, cap_s=RECONNECT_CAP_S).waits()
        while not self._stopping.is_set():
            try:
                await self._run_listening()
                waits.reset()
            except asyncio.CancelledError:
                raise
            except Exception:
                wait = waits.next()
                log.exception("outbox relay failed; retrying", extra={"backoff_s": wait})
                await self._sleep(wait)

    async def _run_listening(self) -> None:
        channel = f"{self.service}_outbox"
        async with self.pool.acquire() as listen_conn:
            await listen_conn.add_listener(channel, self._on_notify)
            try:
                cycles = 0
                while not self._stopping.is_set():
                    self._wake.clear()
                    ready = self.publishing is None or self.publishing.is_set()
                    published = await self.publish_batch() if ready else 0
                    await self.record_backlog()
                    if published >= self.batch_size:
                        continue  # more are waiting: no sleep
                    cycles += 1
                    if cycles % 600 == 0:
                        await self._prune()
                    await self._sleep(self.poll_interval)
            finally:
                await listen_conn.remove_listener(channel, self._on_notify)

    def _on_notify(self, conn: Connection, pid: int, channel: str, payload: str) -> None:
        self._wake.set()

    async def _sleep(self, seconds: float) -> None:
        # Returns early when woken by NOTIFY or asked to stop.
        try:
            await asyncio.wait_for(self._wake.wait(), seconds)
        except TimeoutError:
            pass

    async def _prune(self) -> None:
        async with self.pool.acquire() as conn:
            removed = await repository.prune_sent(conn, self.retention)
        if removed:
            log.info("outbox pruned", extra={"rows": removed})

    async def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
