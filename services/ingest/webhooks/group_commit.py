"""Group commit: the webhooks that arrive while a transaction is in flight are written together
in the next one.

Every delivery is answered only after the transaction holding it commits, so a 2xx still
means "stored"; what changes is that a burst of N webhooks costs a handful of round trips
instead of six per webhook. There is no timer: a lone webhook is written at once, and batches
form only when the database is the bottleneck, which is when they help.
"""

import asyncio
import logging
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from services.ingest.orders.service import apply_many
from services.ingest.privacy import service as privacy
from services.ingest.webhooks import repository
from services.ingest.webhooks.adapters.base import Delivery
from shared import tracing
from shared.db.pool import Connection
from shared.events.envelope import EventEnvelope
from shared.logging import correlation_id_var
from shared.outbox import repository as outbox
from shared.runtime import Runtime

log = logging.getLogger(__name__)


@dataclass
class Pending:
    shop_id: str
    platform: str
    delivery: Delivery
    body: bytes
    correlation_id: str | None
    # None: recorded before (a duplicate); otherwise the number of events queued.
    future: asyncio.Future[int | None] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )
    # The request's trace: a batch's flusher runs in another task, so each delivery's events
    # carry their own request's context to the outbox.
    trace_context: tracing.Carrier | None = field(default_factory=tracing.current_carrier)

    @property
    def row(self) -> repository.DeliveryRow:
        d = self.delivery
        # A GDPR request's body names the customer (address, phone); what it asks is kept in
        # its event and its export, so its raw copy would only outlive the redaction.
        body = None if d.privacy is not None else self.body
        return repository.DeliveryRow(
            self.shop_id, self.platform, d.dedupe_key, d.topic, d.order_id, d.outcome, body
        )


class GroupCommit:
    def __init__(self, runtime: Runtime, max_batch: int, max_in_flight: int) -> None:
        self.runtime = runtime
        self.max_batch = max_batch
        self.max_in_flight = max_in_flight
        self._queue: deque[Pending] = deque()
        self._flushers = 0
        self._tasks: set[asyncio.Task[None]] = set()

    async def submit(self, pending: Pending) -> int | None:
        """Events queued for this delivery, or None when it was recorded before. Raises what
        writing it alone raised."""
        self._queue.append(pending)
        if self._flushers < self.max_in_flight:
            self._flushers += 1
            task = asyncio.create_task(self._drain())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return await pending.future

    async def _drain(self) -> None:
        try:
            while self._queue:
                size = min(self.max_batch, len(self._queue))
                batch = [self._queue.popleft() for _ in range(size)]
                await self._flush(batch)
        finally:
            # No await between the empty check and this: a submit either saw this flusher
            # running with its item queued, or finds a free slot and starts a new one.
            self._flushers -= 1

    async def _flush(self, batch: list[Pending]) -> None:
        try:
            results = await self._write(batch)
        except Exception as exc:
            if len(batch) == 1:
                _settle(batch[0], exc=exc)
                return
            # One bad delivery (or a deadlock between replicas) must not fail the others:
            # write each alone, so only the one at fault gets the error.
            log.warning("batch of %d webhooks failed; one by one", len(batch), exc_info=True)
            for pending in batch:
                await self._flush([pending])
            return
        for pending, result in zip(batch, results, strict=True):
            _settle(pending, result=result)

    async def _write(self, batch: list[Pending]) -> list[int | None]:
        async with self.runtime.db.acquire() as conn, conn.transaction():
            recorded = await repository.record_many(conn, [p.row for p in batch])
            fresh: list[Pending] = []
            results: list[int | None] = []
            for pending in batch:
                # The same delivery twice in one batch: the first one is the new one.
                is_new = pending.row.key in recorded
                recorded.discard(pending.row.key)
                results.append(0 if is_new else None)
                if is_new:
                    fresh.append(pending)
            counts = await _apply_in_order(conn, fresh)
        it = iter(counts)
        return [None if r is None else next(it) for r in results]


async def _apply_in_order(conn: Connection, fresh: list[Pending]) -> list[int]:
    """Order facts in runs that end at each GDPR request, so a redaction sees exactly the
    deliveries that came before it (its own order facts included) and none that came after, as
    if each delivery had its own transaction."""
    counts: list[int] = []
    run: list[Pending] = []
    for pending in fresh:
        run.append(pending)
        request = pending.delivery.privacy
        if request is None:
            continue
        counts += await _apply_orders(conn, run)
        run = []
        token = correlation_id_var.set(pending.correlation_id)
        try:
            with tracing.attached(pending.trace_context):
                await privacy.handle(conn, pending.shop_id, request)
        finally:
            correlation_id_var.reset(token)
        counts[-1] += 1
    counts += await _apply_orders(conn, run)
    return counts


async def _apply_orders(conn: Connection, run: list[Pending]) -> list[int]:
    entries = [(p, facts) for p in run for facts in p.delivery.orders]
    per_entry = await apply_many(conn, [(p.shop_id, facts) for p, facts in entries])
    queued: list[tuple[EventEnvelope[Any], str | None, tracing.Carrier | None]] = []
    counts = dict.fromkeys(map(id, run), 0)
    for (pending, _), events in zip(entries, per_entry, strict=True):
        counts[id(pending)] += len(events)
        queued += [(e, pending.correlation_id, pending.trace_context) for e in events]
    if queued:
        await outbox.add_each(conn, queued)
    return [counts[id(p)] for p in run]


def _settle(pending: Pending, result: int | None = None, exc: BaseException | None = None) -> None:
    # The request may have gone (client hung up): its delivery is stored all the same, and the
    # platform's retry will be answered as a duplicate.
    if pending.future.done():
        return
    if exc is not None:
        pending.future.set_exception(exc)
    else:
        pending.future.set_result(result)
