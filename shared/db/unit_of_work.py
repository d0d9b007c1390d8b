"""A unit of work: one transaction, the events it announces and the audit entries it leaves.

Every state change of every service goes through one (cosmicpython's pattern): the handler or
service changes rows through repositories on `uow.conn`, calls `emit(event)` for what other
services must learn (the transactional outbox: the event exists if and only if the change
commits) and `audit(...)` for who changed what. A service that keeps an audit log passes its
writer; one that keeps none refuses `audit()` instead of dropping the entry silently.
"""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from shared.db.pool import Connection, Pool
from shared.events.envelope import EventEnvelope
from shared.logging import correlation_id_var
from shared.outbox import repository as outbox


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: object = None
    shop_id: str | None = None
    review_id: str | None = None
    before: Any = None
    after: Any = None


AuditWriter = Callable[[Connection, AuditEntry], Awaitable[None]]


class NoAuditLog(RuntimeError):
    """audit() in a service that keeps no audit log: a programming error, never user input."""


@dataclass
class UnitOfWork:
    conn: Connection
    # Defaults for audit entries: who acts and when ("now" comes from the service's clock).
    actor: str = "system"
    at: datetime | None = None
    audit_writer: AuditWriter | None = None
    emitted: list[EventEnvelope[Any]] = field(default_factory=list)
    audited: list[AuditEntry] = field(default_factory=list)

    async def emit(self, *events: EventEnvelope[Any], correlation_id: str | None = None) -> None:
        """Adds the events to the outbox in this transaction (one round trip for several)."""
        if not events:
            return
        cid = correlation_id if correlation_id is not None else correlation_id_var.get()
        await outbox.add_many(self.conn, list(events), cid)
        self.emitted.extend(events)

    async def audit(
        self,
        action: str,
        entity: str,
        entity_id: object = None,
        *,
        shop_id: str | None = None,
        review_id: str | None = None,
        before: Any = None,
        after: Any = None,
        actor: str | None = None,
        at: datetime | None = None,
    ) -> AuditEntry:
        if self.audit_writer is None:
            raise NoAuditLog("this service keeps no audit log")
        when = at if at is not None else self.at
        if when is None:
            raise ValueError("an audit entry needs a time: pass at= or open the unit with at=")
        entry = AuditEntry(
            at=when,
            actor=actor if actor is not None else self.actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            shop_id=shop_id,
            review_id=review_id,
            before=before,
            after=after,
        )
        await self.audit_writer(self.conn, entry)
        self.audited.append(entry)
        return entry


@asynccontextmanager
async def unit_of_work(
    pool: Pool,
    *,
    actor: str = "system",
    at: datetime | None = None,
    audit_writer: AuditWriter | None = None,
) -> AsyncIterator[UnitOfWork]:
    """Commits when the block ends normally; an exception rolls back rows, events and audit
    entries together."""
    async with pool.acquire() as conn, conn.transaction():
        yield UnitOfWork(conn, actor=actor, at=at, audit_writer=audit_writer)


def within(
    conn: Connection,
    *,
    actor: str = "system",
    at: datetime | None = None,
    audit_writer: AuditWriter | None = None,
) -> UnitOfWork:
    """The unit of a transaction someone else opened and commits (a consumer handler: the
    consumer commits the inbox row, the change and the events together)."""
    return UnitOfWork(conn, actor=actor, at=at, audit_writer=audit_writer)
