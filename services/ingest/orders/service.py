"""Applying order facts: lock the orders' states, decide the events, store both in one
transaction (the outbox publishes them after commit)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from services.ingest.orders import repository
from services.ingest.orders.document import OrderDocument
from services.ingest.orders.facts import OrderFacts
from services.ingest.orders.schemas import OrderAccepted
from services.ingest.orders.state import apply
from services.ingest.shops.directory import ShopDirectory
from shared.db.pool import Connection, Pool
from shared.db.unit_of_work import unit_of_work, within
from shared.events.envelope import EventEnvelope

Events = list[EventEnvelope[Any]]


async def apply_many(conn: Connection, batch: Sequence[tuple[str, OrderFacts]]) -> list[Events]:
    """Facts of several deliveries ((shop_id, facts) each) with one lock and one save for all
    their orders. Applied in the given order, so two deliveries of one order in a batch behave
    exactly as if they came one after the other. Returns the events of each entry, which the
    caller queues in the outbox. Call inside a transaction."""
    if not batch:
        return []
    wanted: dict[repository.OrderKey, str] = {}
    for shop_id, facts in batch:
        wanted.setdefault((shop_id, facts.order_id), facts.platform)
    states = await repository.lock_many(conn, wanted)
    before = dict(states)
    per_entry: list[Events] = []
    for shop_id, facts in batch:
        key = (shop_id, facts.order_id)
        states[key], events = apply(states[key], facts)
        per_entry.append(events)
    changed = [state for key, state in states.items() if state != before[key]]
    if changed:
        await repository.save_many(conn, changed)
    return per_entry


async def apply_facts(conn: Connection, shop_id: str, facts: OrderFacts) -> Events:
    """One delivery's facts, its events queued. Call inside a transaction."""
    [events] = await apply_many(conn, [(shop_id, facts)])
    await within(conn).emit(*events)
    return events


class UnknownShop(LookupError):
    """404."""


async def accept_order(
    pool: Pool, shops: ShopDirectory, shop_id: str, order: OrderDocument, now: datetime
) -> OrderAccepted:
    """An order sent directly (no platform adapter). Raises UnknownShop."""
    if await shops.get(shop_id) is None:
        raise UnknownShop(shop_id)
    facts = order.to_facts("direct", now)
    async with unit_of_work(pool) as uow:
        events = await apply_facts(uow.conn, shop_id, facts)
    return OrderAccepted(
        status="accepted" if events else "unchanged",
        order_id=order.order_id,
        events=[e.type for e in events],
    )
