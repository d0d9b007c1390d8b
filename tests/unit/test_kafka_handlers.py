"""The consumer's handler registry: keyed by the event class's own type string, one handler
per type, and a handler only ever called with the class it was registered for."""

from typing import Any

import pytest

from shared.events.envelope import EventEnvelope
from shared.events.orders import OrderCancelled, OrderDelivered
from shared.kafka.handlers import Handlers, type_of

AT = "2026-01-01T00:00:00Z"


async def _ignore(conn: Any, event: OrderCancelled) -> None:
    return None


def test_handlers_are_filed_under_the_class_type_string() -> None:
    handlers = Handlers().on(OrderCancelled, _ignore)
    assert type_of(OrderCancelled) == "order.cancelled"
    assert list(handlers) == ["order.cancelled"]
    assert "shop.updated" not in handlers
    assert handlers.get("shop.updated") is None


def test_registering_returns_a_new_registry() -> None:
    empty = Handlers()
    one = empty.on(OrderCancelled, _ignore)
    assert len(empty) == 0
    assert len(one) == 1


def test_a_second_handler_for_one_type_is_refused() -> None:
    with pytest.raises(ValueError, match=r"order\.cancelled"):
        Handlers().on(OrderCancelled, _ignore).on(OrderCancelled, _ignore)


def test_an_abstract_envelope_has_no_type_string() -> None:
    with pytest.raises(TypeError):
        type_of(EventEnvelope)


async def test_the_handler_gets_the_event_it_was_registered_for() -> None:
    seen: list[OrderCancelled] = []

    async def record(conn: Any, event: OrderCancelled) -> None:
        seen.append(event)

    handlers = Handlers().on(OrderCancelled, record)
    event = OrderCancelled.model_validate(
        {"shop_id": "shop-1", "payload": {"order_id": "o-1", "cancelled_at": AT}}
    )
    await handlers["order.cancelled"](None, event)
    assert seen == [event]


async def test_an_event_of_another_class_is_refused() -> None:
    handlers = Handlers().on(OrderCancelled, _ignore)
    other = OrderDelivered.model_validate(
        {"shop_id": "shop-1", "payload": {"order_id": "o-1", "delivered_at": AT}}
    )
    with pytest.raises(TypeError):
        await handlers["order.cancelled"](None, other)
