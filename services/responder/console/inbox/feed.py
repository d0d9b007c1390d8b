"""Live inbox updates: one LISTEN connection per process fans review changes out to the open
inboxes (server-sent events, `endpoints.events`).

The review read model notifies `<schema>_reviews` with the shop id when a review is stored or
deleted (`reviews.repository.announce`, delivered at commit). Every open inbox registers the
shops it may see; a notification wakes only those. The listening connection is held only while
someone watches (the first subscriber starts it, the last one stops it), so an idle responder
keeps no connection for it. A notification sent while the connection was being replaced is
lost; reconnecting wakes every subscriber once, so nobody misses a review for long.
"""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from services.responder.console.inbox import repository
from services.responder.reviews.repository import CHANNEL
from shared.backoff import RECONNECT_CAP_S, Backoff
from shared.db.notify import PROBE_INTERVAL_S, channel
from shared.db.pool import Connection, Pool

log = logging.getLogger(__name__)


@dataclass(eq=False)
class Watcher:
    """One open inbox: the shops it may see, and which of them changed since it last looked."""

    shops: frozenset[str]
    changed: set[str] = field(default_factory=set)
    wake: asyncio.Event = field(default_factory=asyncio.Event)

    def take(self) -> set[str]:
        shops, self.changed = self.changed, set()
        self.wake.clear()
        return shops


class InboxFeed:
    def __init__(self, schema: str) -> None:
        self.channel = channel(schema, CHANNEL)
        self.watchers: set[Watcher] = set()
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    def _on_notify(self, conn: Connection, pid: int, channel_name: str, payload: str) -> None:
        for watcher in self.watchers:
            if payload in watcher.shops:
                watcher.changed.add(payload)
                watcher.wake.set()

    def _wake_all(self) -> None:
        for watcher in self.watchers:
            watcher.changed |= watcher.shops
            watcher.wake.set()

    @contextlib.asynccontextmanager
    async def watching(self, pool: Pool, shops: frozenset[str]) -> AsyncIterator[Watcher]:
        watcher = Watcher(shops)
        self.watchers.add(watcher)
        if self._task is None or self._task.done():
            self._stopping = asyncio.Event()
            self._task = asyncio.create_task(self._listen(pool, self._stopping))
        try:
            yield watcher
        finally:
            self.watchers.discard(watcher)
            if not self.watchers and self._task is not None:
                self._stopping.set()
                task, self._task = self._task, None
                # Let it release its connection; it notices `stopping` within a second.
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(asyncio.shield(task), 2.0)

    async def _listen(self, pool: Pool, stopping: asyncio.Event) -> None:
        waits = Backoff(first_s=0.5, cap_s=RECONNECT_CAP_S).waits()
        first = True
        while not stopping.is_set():
            try:
                async with pool.acquire() as conn:
                    await conn.add_listener(self.channel, self._on_notify)
                    try:
                        if not first:
                            # What committed while nobody listened: every inbox looks again.
                            self._wake_all()
                        first = False
                        waits.reset()
                        waited = 0.0
                        while not stopping.is_set() and not conn.is_closed():
                            with contextlib.suppress(TimeoutError):
                                await asyncio.wait_for(stopping.wait(), 1.0)
                            waited += 1.0
                            if waited >= PROBE_INTERVAL_S:
                                waited = 0.0
                                await repository.probe(conn)
                    finally:
                        # The pool releases connections without a reset (shared/db/pool.py).
                        if not conn.is_closed():
                            with contextlib.suppress(Exception):
                                await conn.remove_listener(self.channel, self._on_notify)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning(
                    "inbox feed lost its connection; reconnecting",
                    extra={"channel": self.channel, "error": repr(exc)},
                )
                first = False
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stopping.wait(), waits.next())
