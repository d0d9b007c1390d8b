"""Housekeeping that every replica runs on a timer (idempotent, so replicas may overlap)."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from shared.db.pool import Pool
from shared.kafka import inbox

log = logging.getLogger(__name__)

# Inbox rows must outlive any redelivery: Kafka keeps messages 7 days here.
INBOX_RETENTION = timedelta(days=14)


@dataclass(frozen=True)
class PeriodicTask:
    name: str
    interval_s: float
    run: Callable[[Pool], Awaitable[object]]


async def prune_inbox(pool: Pool) -> int:
    async with pool.acquire() as conn:
        return await inbox.prune(conn, INBOX_RETENTION)


DEFAULT_TASKS = (PeriodicTask("prune-inbox", 3600.0, prune_inbox),)


async def run_periodically(task: PeriodicTask, pool: Pool, stopping: asyncio.Event) -> None:
    """A pass that found work is followed by the next at once: a backlog drains at the speed of
    the work, not one batch per interval. Only an idle or failed pass waits the interval."""
    while not stopping.is_set():
        try:
            result = await task.run(pool)
            if result:
                log.debug("periodic task done", extra={"task": task.name, "result": result})
                # Let the HTTP server and consumers in between, then go on.
                await asyncio.sleep(0)
                continue
        except Exception:
            log.exception("periodic task failed", extra={"task": task.name})
        try:
            await asyncio.wait_for(stopping.wait(), task.interval_s)
        except TimeoutError:
            pass
