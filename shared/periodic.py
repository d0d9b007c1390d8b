"""Housekeeping that every replica runs on a timer (idempotent, so replicas may overlap)."""

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from shared.db.notify import Wakeup, channel, pause
from shared.db.pool import Pool
from shared.kafka.inbox import repository as inbox

log = logging.getLogger(__name__)

# Inbox rows must outlive any redelivery: Kafka keeps messages 7 days here.
INBOX_RETENTION = timedelta(days=14)


@dataclass(frozen=True)
class PeriodicTask:
    name: str
    interval_s: float
    run: Callable[[Pool], Awaitable[object]]
    # The `wake_worker(<name>)` trigger of the table this task works on: a commit that gives it
    # work starts a pass at once (shared/db/notify.py); the interval remains the fallback.
    wake_on: str | None = None


async def prune_inbox(pool: Pool) -> int:
    async with pool.acquire() as conn:
        return await inbox.prune(conn, INBOX_RETENTION)


DEFAULT_TASKS = (PeriodicTask("prune-inbox", 3600.0, prune_inbox),)


async def run_periodically(
    task: PeriodicTask, pool: Pool, stopping: asyncio.Event, schema: str = ""
) -> None:
    """A pass that found work is followed by the next at once: a backlog drains at the speed of
    the work, not one batch per interval. Only an idle or failed pass waits: the interval, or
    until a NOTIFY on the task's channel says new work committed."""
    wakeup = Wakeup(pool, channel(schema, task.wake_on)) if task.wake_on else None
    listener = asyncio.create_task(wakeup.listen(stopping)) if wakeup else None
    try:
        while not stopping.is_set():
            if wakeup is not None:
                # Cleared before the pass: a commit during it wakes the next one.
                wakeup.event.clear()
            try:
                result = await task.run(pool)
                if result:
                    log.debug("periodic task done", extra={"task": task.name, "result": result})
                    # Let the HTTP server and consumers in between, then go on.
                    await asyncio.sleep(0)
                    continue
            except Exception:
                log.exception("periodic task failed", extra={"task": task.name})
            await pause(stopping, wakeup.event if wakeup else None, task.interval_s)
    finally:
        if listener is not None:
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listener
