"""The order state machine: which events a set of facts adds to what was already announced.

Pure: no I/O, so every ordering of deliveries is a unit test. Facts only move forward: a
cancellation, a refund or a delivery, once announced, is never taken back by a later (or older)
message.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from services.ingest.orders.facts import OrderDetails, OrderFacts, RefundFact
from shared.events.envelope import EventEnvelope
from shared.events.orders import (
    OrderCancelled,
    OrderCancelledPayload,
    OrderDelivered,
    OrderDeliveredPayload,
    OrderFulfilled,
    OrderFulfilledPayload,
    OrderPaid,
    OrderPaidPayload,
    OrderPlaced,
    OrderPlacedPayload,
    OrderRefunded,
    OrderRefundedPayload,
    OrderReturned,
    OrderReturnedPayload,
    Platform,
)

# Event ids are uuid5 of the fact's identity in this namespace.
EVENT_NAMESPACE = uuid.UUID("6f1c3a52-9f0e-4a43-9d8e-3f1b2c7d5e10")


@dataclass(frozen=True)
class OrderState:
    shop_id: str
    order_id: str
    platform: Platform
    details: OrderDetails | None = None
    observed_at: datetime | None = None
    placed_emitted: bool = False
    paid_at: datetime | None = None
    partially_fulfilled_at: datetime | None = None
    fulfilled_at: datetime | None = None
    delivered_at: datetime | None = None
    cancelled_at: datetime | None = None
    refund_ids: frozenset[str] = frozenset()
    return_ids: frozenset[str] = frozenset()
    needs_fetch: bool = False


def new_state(shop_id: str, facts: OrderFacts) -> OrderState:
    return OrderState(shop_id=shop_id, order_id=facts.order_id, platform=facts.platform)


def event_id(shop_id: str, order_id: str, event_type: str, fact_key: str = "") -> uuid.UUID:
    return uuid.uuid5(EVENT_NAMESPACE, f"{shop_id}|{order_id}|{event_type}|{fact_key}")


def apply(state: OrderState, facts: OrderFacts) -> tuple[OrderState, list[EventEnvelope[Any]]]:
    """The new state and the events to publish, in the order they happened."""
    shop, order = state.shop_id, state.order_id
    events: list[EventEnvelope[Any]] = []

    details = state.details
    observed_at = state.observed_at
    fresher = observed_at is None or facts.observed_at >= observed_at
    if facts.details is not None and (details is None or fresher):
        details = facts.details
    if fresher:
        observed_at = facts.observed_at

    placed_emitted = state.placed_emitted
    if details is not None and not placed_emitted:
        placed_emitted = True
        events.append(
            OrderPlaced(
                event_id=event_id(shop, order, "order.placed"),
                occurred_at=details.placed_at,
                shop_id=shop,
                payload=OrderPlacedPayload(
                    order_id=order,
                    platform=state.platform,
                    placed_at=details.placed_at,
                    currency=details.currency,
                    customer=details.customer,
                    items=list(details.items),
                    shipping_country=details.shipping_country,
                    b2b=details.b2b,
                ),
            )
        )

    paid_at = state.paid_at
    if facts.paid_at is not None and paid_at is None:
        paid_at = facts.paid_at
        events.append(
            OrderPaid(
                event_id=event_id(shop, order, "order.paid"),
                occurred_at=paid_at,
                shop_id=shop,
                payload=OrderPaidPayload(order_id=order, paid_at=paid_at),
            )
        )

    partially_fulfilled_at = state.partially_fulfilled_at
    fulfilled_at = state.fulfilled_at
    if facts.partially_fulfilled_at is not None and partially_fulfilled_at is None:
        partially_fulfilled_at = facts.partially_fulfilled_at
        if fulfilled_at is None and facts.fulfilled_at is None:
            events.append(_fulfilled(shop, order, partially_fulfilled_at, partial=True))
    if facts.fulfilled_at is not None and fulfilled_at is None:
        fulfilled_at = facts.fulfilled_at
        events.append(_fulfilled(shop, order, fulfilled_at, partial=False))

    delivered_at = state.delivered_at
    if facts.delivered_at is not None and delivered_at is None:
        delivered_at = facts.delivered_at
        events.append(
            OrderDelivered(
                event_id=event_id(shop, order, "order.delivered"),
                occurred_at=delivered_at,
                shop_id=shop,
                payload=OrderDeliveredPayload(order_id=order, delivered_at=delivered_at),
            )
        )

    cancelled_at = state.cancelled_at
    if facts.cancelled_at is not None and cancelled_at is None:
        cancelled_at = facts.cancelled_at
        events.append(
            OrderCancelled(
                event_id=event_id(shop, order, "order.cancelled"),
                occurred_at=cancelled_at,
                shop_id=shop,
                payload=OrderCancelledPayload(order_id=order, cancelled_at=cancelled_at),
            )
        )

    refund_ids = set(state.refund_ids)
    for refund in facts.refunds:
        if refund.refund_id in refund_ids:
            continue
        refund_ids.add(refund.refund_id)
        events.append(
            OrderRefunded(
                event_id=event_id(shop, order, "order.refunded", refund.refund_id),
                occurred_at=refund.refunded_at,
                shop_id=shop,
                payload=OrderRefundedPayload(
                    order_id=order,
                    refund_id=refund.refund_id,
                    refunded_at=refund.refunded_at,
                    full=_is_full(refund, details),
                    items=list(refund.items),
                ),
            )
        )

    return_ids = set(state.return_ids)
    for ret in facts.returns:
        if ret.return_id in return_ids:
            continue
        return_ids.add(ret.return_id)
        events.append(
            OrderReturned(
                event_id=event_id(shop, order, "order.returned", ret.return_id),
                occurred_at=ret.returned_at,
                shop_id=shop,
                payload=OrderReturnedPayload(
                    order_id=order, return_id=ret.return_id, returned_at=ret.returned_at
                ),
            )
        )

    new = replace(
        state,
        details=details,
        observed_at=observed_at,
        placed_emitted=placed_emitted,
        paid_at=paid_at,
        partially_fulfilled_at=partially_fulfilled_at,
        fulfilled_at=fulfilled_at,
        delivered_at=delivered_at,
        cancelled_at=cancelled_at,
        refund_ids=frozenset(refund_ids),
        return_ids=frozenset(return_ids),
        needs_fetch=details is None and (state.needs_fetch or facts.needs_fetch),
    )
    return new, events


def _fulfilled(shop: str, order: str, at: datetime, partial: bool) -> OrderFulfilled:
    kind = "partial" if partial else "full"
    return OrderFulfilled(
        event_id=event_id(shop, order, "order.fulfilled", kind),
        occurred_at=at,
        shop_id=shop,
        payload=OrderFulfilledPayload(order_id=order, fulfilled_at=at, partial=partial),
    )


def _is_full(refund: RefundFact, details: OrderDetails | None) -> bool:
    """A refund's `full` flag when the message left it open: every ordered unit refunded."""
    if refund.full is not None:
        return refund.full
    if details is None or not refund.items:
        return False
    refunded: defaultdict[str, int] = defaultdict(int)
    for item in refund.items:
        refunded[item.product_id] += item.quantity
    return all(refunded[i.product_id] >= i.quantity for i in details.items)
