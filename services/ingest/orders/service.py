"""Accepting an order: store it and announce it in one transaction."""

from services.ingest.orders import repository
from services.ingest.orders.schemas import OrderAccepted, OrderIn
from shared.db.pool import Pool
from shared.events.catalogue import OrderPlaced, OrderPlacedPayload
from shared.logging import correlation_id_var
from shared.outbox import repository as outbox


async def accept_order(pool: Pool, shop_id: str, order: OrderIn) -> OrderAccepted:
    event = OrderPlaced(
        shop_id=shop_id,
        payload=OrderPlacedPayload(platform="direct", **order.model_dump()),
    )
    async with pool.acquire() as conn, conn.transaction():
        is_new = await repository.insert_if_new(
            conn,
            shop_id,
            order.order_id,
            "direct",
            "placed",
            order.placed_at,
            order.model_dump(mode="json"),
        )
        if not is_new:
            return OrderAccepted(status="duplicate", order_id=order.order_id, event_id=None)
        await outbox.add(conn, event, correlation_id_var.get())
    return OrderAccepted(status="accepted", order_id=order.order_id, event_id=event.event_id)
