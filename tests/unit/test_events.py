from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from shared.events import OrderCancelled, OrderPlaced, SurveyScheduled, parse_event, serialize_event
from shared.topics import ORDERS, SURVEYS

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def placed(**overrides: object) -> OrderPlaced:
    payload = {
        "order_id": "1001",
        "platform": "direct",
        "placed_at": NOW,
        "currency": "EUR",
        "customer": {"email": "jane@example.com", "country": "SI"},
        "items": [{"product_id": "p1", "name": "Mug", "quantity": 2, "unit_price": "9.90"}],
    }
    payload.update(overrides)
    return OrderPlaced(shop_id="shop-1", payload=payload)


def test_round_trip_through_the_one_adapter_keeps_type_and_values() -> None:
    event = placed()
    parsed = parse_event(serialize_event(event))
    assert isinstance(parsed, OrderPlaced)
    assert parsed == event
    assert parsed.payload.items[0].unit_price == event.payload.items[0].unit_price


def test_discriminator_picks_the_model_from_type() -> None:
    cancelled = OrderCancelled(
        shop_id="shop-1", payload={"order_id": "1001", "cancelled_at": NOW + timedelta(hours=1)}
    )
    assert isinstance(parse_event(serialize_event(cancelled)), OrderCancelled)


def test_all_events_of_one_order_share_a_key_and_topic() -> None:
    cancelled = OrderCancelled(shop_id="shop-1", payload={"order_id": "1001", "cancelled_at": NOW})
    assert placed().partition_key() == cancelled.partition_key() == "shop-1:1001"
    assert placed().topic is ORDERS
    scheduled = SurveyScheduled(
        shop_id="shop-1", payload={"survey_id": 1, "order_id": "1001", "due_at": NOW}
    )
    assert scheduled.topic is SURVEYS and scheduled.partition_key() == "shop-1:1001"


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b"{}",
        b'{"type": "order.unknown", "shop_id": "s", "payload": {}}',
        # payload of another type under order.placed
        b'{"type": "order.placed", "shop_id": "s", "payload": {"order_id": "1", "cancelled_at":'
        b' "2026-01-01T00:00:00Z"}}',
    ],
)
def test_anything_but_a_valid_known_event_is_rejected(raw: bytes) -> None:
    with pytest.raises(ValidationError):
        parse_event(raw)


def test_naive_timestamps_and_bad_shop_ids_are_rejected() -> None:
    with pytest.raises(ValidationError):
        placed(placed_at=datetime(2026, 1, 1))  # no timezone
    with pytest.raises(ValidationError):
        OrderCancelled(shop_id="../etc", payload={"order_id": "1", "cancelled_at": NOW})


def test_envelope_fields_are_present_on_the_wire() -> None:
    body = serialize_event(placed()).decode()
    for field in ("event_id", "type", "schema_version", "occurred_at", "shop_id", "payload"):
        assert f'"{field}"' in body
