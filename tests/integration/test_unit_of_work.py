"""A unit of work commits the change, its outbox events and its audit entries together, or none
of them (docs/architecture.md, "One shape for every feature")."""

from datetime import UTC, datetime

import pytest

from services.responder.app import MIGRATIONS
from services.responder.settings import ResponderSettings
from services.responder.unit_of_work import unit_of_work
from shared.db import unit_of_work as uow
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool
from shared.events import OrderCancelled
from shared.logging import correlation_id_var

pytestmark = pytest.mark.integration

AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def cancelled(order_id: str) -> OrderCancelled:
    return OrderCancelled(shop_id="shop-1", payload={"order_id": order_id, "cancelled_at": AT})


async def test_events_and_audit_commit_with_the_change_or_not_at_all(make_settings) -> None:
    pool = await create_pool(make_settings(ResponderSettings))
    try:
        await apply_migrations(pool, "responder", service_migrations("responder", MIGRATIONS))
        token = correlation_id_var.set("corr-uow")
        try:
            async with unit_of_work(pool, actor="user:7", at=AT) as unit:
                await unit.emit(cancelled("o-1"), cancelled("o-2"))
                await unit.audit("note.added", "note", 41, shop_id="shop-1", after={"n": 1})
            with pytest.raises(RuntimeError, match="boom"):
                async with unit_of_work(pool, actor="user:7", at=AT) as unit:
                    await unit.emit(cancelled("never"))
                    await unit.audit("note.added", "note", 42, shop_id="shop-1")
                    raise RuntimeError("boom")
        finally:
            correlation_id_var.reset(token)

        async with pool.acquire() as conn:
            events = await conn.fetch("SELECT event_type, body, correlation_id FROM outbox")
            audit = await conn.fetch(
                "SELECT actor, actor_user_id, action, entity_id, at, after,"
                " correlation_id FROM audit_log"
            )
        assert len(events) == 2
        assert all(b"never" not in e["body"] for e in events)
        assert {e["correlation_id"] for e in events} == {"corr-uow"}
        assert [tuple(a.values()) for a in audit] == [
            ("user:7", 7, "note.added", "41", AT, {"n": 1}, "corr-uow")
        ]
    finally:
        await pool.close()


async def test_a_service_without_an_audit_log_refuses_audit_entries(make_settings) -> None:
    pool = await create_pool(make_settings(ResponderSettings))
    try:
        with pytest.raises(uow.NoAuditLog):
            async with uow.unit_of_work(pool, at=AT) as unit:
                await unit.audit("x", "y")
    finally:
        await pool.close()
