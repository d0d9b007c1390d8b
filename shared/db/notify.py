"""Wake-ups through PostgreSQL LISTEN/NOTIFY.

A worker that polls a table for work (reviews to classify, notifications to send, emails due)
would otherwise find new work half an interval late on average. A trigger on the table calls
`pg_notify('<schema>_<name>')` (the shared `wake_worker` function), PostgreSQL delivers it when
the writing transaction commits, and the worker's next pass starts at once. Polling stays as the
fallback: a notification sent while the listening connection was being replaced is lost, so
(re)connecting counts as a wake-up too.
"""

import asyncio
import contextlib
import logging

from shared.backoff import RECONNECT_CAP_S, Backoff
from shared.db.pool import Connection, Pool

log = logging.getLogger(__name__)

# How often the listening connection proves it is alive. A connection that PostgreSQL closes is
# noticed at once; one that silently vanished (a dropped route) only by a query.
PROBE_INTERVAL_S = 30.0


def channel(schema: str, name: str) -> str:
    """The channel `wake_worker(name)` notifies from a table in `schema`."""
    return f"{schema}_{name}"


class Wakeup:
    """Holds one pooled connection listening on a channel; `event` is set on every NOTIFY."""

    def __init__(self, pool: Pool, channel_name: str) -> None:
        self.pool = pool
        self.channel = channel_name
        self.event = asyncio.Event()

    def _on_notify(self, conn: Connection, pid: int, channel_name: str, payload: str) -> None:
        self.event.set()

    async def listen(self, stopping: asyncio.Event) -> None:
        """Listen until `stopping` is set, reconnecting with a backoff after any failure."""
        waits = Backoff(first_s=0.5, cap_s=RECONNECT_CAP_S).waits()
        while not stopping.is_set():
            try:
                await self._listen_once(stopping)
                waits.reset()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning(
                    "wake-up listener lost its connection; polling meanwhile",
                    extra={"channel": self.channel, "error": repr(exc)},
                )
                await _wait(stopping, waits.next())

    async def _listen_once(self, stopping: asyncio.Event) -> None:
        async with self.pool.acquire() as conn:
            await conn.add_listener(self.channel, self._on_notify)
            try:
                # Whatever committed while nobody listened is found by the next pass.
                self.event.set()
                waited = 0.0
                while not stopping.is_set() and not conn.is_closed():
                    await _wait(stopping, 1.0)
                    waited += 1.0
                    if waited >= PROBE_INTERVAL_S:
                        waited = 0.0
                        await conn.execute("SELECT 1", timeout=5)
            finally:
                # The pool releases connections without a reset (shared/db/pool.py): a
                # listener left behind would keep notifying a handler nobody reads.
                if not conn.is_closed():
                    with contextlib.suppress(Exception):
                        await conn.remove_listener(self.channel, self._on_notify)


async def _wait(stopping: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stopping.wait(), seconds)


async def pause(stopping: asyncio.Event, wake: asyncio.Event | None, seconds: float) -> None:
    """Sleep up to `seconds`, returning early when stopping or woken."""
    if wake is None:
        await _wait(stopping, seconds)
        return
    waits = [asyncio.ensure_future(stopping.wait()), asyncio.ensure_future(wake.wait())]
    try:
        await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waits:
            w.cancel()
