"""The responder's units of work: every change it makes is audited in its own audit_log."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from services.responder.audit import repository as audit
from shared.db import unit_of_work as uow
from shared.db.pool import Connection, Pool
from shared.db.unit_of_work import UnitOfWork


@asynccontextmanager
async def unit_of_work(pool: Pool, *, actor: str, at: datetime) -> AsyncIterator[UnitOfWork]:
    async with uow.unit_of_work(pool, actor=actor, at=at, audit_writer=audit.write) as unit:
        yield unit


def within(conn: Connection, *, actor: str, at: datetime) -> UnitOfWork:
    """For a transaction the consumer (or a periodic pass) opened and commits."""
    return uow.within(conn, actor=actor, at=at, audit_writer=audit.write)
