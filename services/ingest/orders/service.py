"""Applying order facts: lock the order's state, decide the events, store both in one
transaction (the outbox publishes them after commit)."""

from typing import Any

from services.ingest.orders import repository
from services.ingest.orders.facts import OrderFacts
from services.ingest.orders.state import apply
from shared.db.pool import Connection
from shared.events.envelope import EventEnvelope
from shared.logging import correlation_id_var
from shared.outbox import repository as outbox


async def apply_facts(
    conn: Connection, shop_id: str, facts: OrderFacts
) -> list[EventEnvelope[Any]]:
    """Call inside a transaction. Returns the events it queued."""
    state = await repository.lock(conn, shop_id, facts.order_id, facts.platform)
    new_state, events = apply(state, facts)
    if new_state != state:
        await repository.save(conn, new_state)
    if events:
        await outbox.add_many(conn, events, correlation_id_var.get())
    return events
