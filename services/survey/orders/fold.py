"""Folding order events into survey's view of the order. Pure; any order of events gives the
same view (each event is applied once, thanks to the consumer's inbox)."""

from dataclasses import replace
from datetime import datetime

from services.survey.orders.view import Item, OrderView
from shared.events.orders import (
    OrderCancelled,
    OrderDelivered,
    OrderFulfilled,
    OrderPlaced,
    OrderRefunded,
    OrderReturned,
)

OrderEvent = (
    OrderPlaced | OrderFulfilled | OrderDelivered | OrderCancelled | OrderRefunded | OrderReturned
)


def _earliest(current: datetime | None, new: datetime) -> datetime:
    return new if current is None or new < current else current


def fold(view: OrderView, event: OrderEvent) -> OrderView:
    if isinstance(event, OrderPlaced):
        p = event.payload
        return replace(
            view,
            # A redacted customer stays redacted, whatever arrives later.
            customer_email=None
            if view.redacted
            else (str(p.customer.email) if p.customer.email else None),
            customer_name=None if view.redacted else p.customer.name,
            locale=p.customer.locale,
            country=p.customer.country or p.shipping_country,
            shipping_country=p.shipping_country,
            b2b=p.b2b,
            marketing_consent=p.customer.marketing_consent,
            items=tuple(
                Item(i.product_id, i.name, i.category, i.quantity, i.unit_price, line)
                for line, i in enumerate(p.items)
            ),
            placed_at=p.placed_at,
        )
    if isinstance(event, OrderFulfilled):
        # The first shipment is when the goods started travelling.
        return replace(view, fulfilled_at=_earliest(view.fulfilled_at, event.payload.fulfilled_at))
    if isinstance(event, OrderDelivered):
        return replace(view, delivered_at=_earliest(view.delivered_at, event.payload.delivered_at))
    if isinstance(event, OrderCancelled):
        return replace(view, cancelled_at=_earliest(view.cancelled_at, event.payload.cancelled_at))
    if isinstance(event, OrderReturned):
        return replace(view, returned=True)
    if isinstance(event, OrderRefunded):
        if event.payload.full:
            return replace(view, fully_refunded=True)
        refunded = dict(view.refunded)
        for item in event.payload.items:
            refunded[item.product_id] = refunded.get(item.product_id, 0) + item.quantity
        return replace(view, refunded=refunded)
    raise TypeError(f"not an order event survey folds: {event.type}")
