"""The bounds of shared/time_bounds.py and where ingest applies them: every time a platform or
a review source sends (an order placed, paid, refunded; a review written) is refused with the
field named when it lies before 2000 or more than a year ahead, so year 0001 or 9999 never
becomes an event that a consumer cannot add a delay to."""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from services.ingest.orders.document import OrderDocument
from services.ingest.reviews.sources import PARSERS
from services.ingest.webhooks.adapters import ADAPTERS
from services.ingest.webhooks.adapters.base import PayloadError, WebhookRequest
from shared.time_bounds import (
    EARLIEST,
    LATEST,
    DelayDays,
    FactTime,
    TimeOutOfBounds,
    WindowTime,
    check_window,
)
from tests.support.platforms import live_shopify_order

NOW = datetime.now(UTC)
ORDER: dict[str, Any] = {
    "order_id": "B-1",
    "placed_at": "2026-11-18T10:00:00+01:00",
    "currency": "EUR",
    "customer": {"email": "ana@example.com", "name": "Ana", "country": "SI"},
    "items": [{"product_id": "p", "name": "Tea", "quantity": 1, "unit_price": "4.50"}],
}
REVIEW: dict[str, Any] = {
    "type": "review.created",
    "data": {
        "review_id": "r-1",
        "rating": 2,
        "text": "Late.",
        "created_at": "2026-11-20T08:00:00Z",
    },
}
OUT = [
    "9999-12-20T00:00:00Z",
    "0001-01-01T00:00:00Z",
    "1999-12-31T23:59:59Z",
    "2100-01-01T00:00:00Z",
]


class Times(BaseModel):
    fact: FactTime | None = None
    window: WindowTime | None = None
    delay: DelayDays = 0


def standard(data: dict[str, Any]) -> bytes:
    return json.dumps({"type": "order.updated", "data": data}).encode()


@pytest.mark.parametrize("value", OUT)
@pytest.mark.parametrize("field", ["placed_at", "paid_at", "delivered_at", "cancelled_at"])
def test_a_standard_order_time_out_of_bounds_is_refused_naming_the_field(field, value) -> None:
    body = standard({**ORDER, field: value})
    with pytest.raises(PayloadError, match=field):
        ADAPTERS["standard"].parse(WebhookRequest({"webhook-id": "m"}, body, NOW))
    with pytest.raises(ValidationError, match=field):
        OrderDocument.model_validate({**ORDER, field: value})


@pytest.mark.parametrize("value", OUT)
def test_a_refund_time_out_of_bounds_is_refused(value) -> None:
    refund = {"refund_id": "r", "refunded_at": value, "full": True}
    body = standard({**ORDER, "refunds": [refund]})
    with pytest.raises(PayloadError, match="refunded_at"):
        ADAPTERS["standard"].parse(WebhookRequest({"webhook-id": "m"}, body, NOW))


@pytest.mark.parametrize("value", ["9999-12-20T00:00:00Z", "0001-01-01T00:00:00Z"])
def test_a_shopify_order_of_year_9999_or_1_is_refused(value) -> None:
    order = live_shopify_order("orders__create")
    order["created_at"] = value
    headers = {"x-shopify-topic": "orders/create", "x-shopify-event-id": "1"}
    request = WebhookRequest(headers, json.dumps(order).encode(), NOW)
    with pytest.raises(PayloadError, match="placed_at"):
        ADAPTERS["shopify"].parse(request)


@pytest.mark.parametrize("value", OUT)
def test_a_review_time_out_of_bounds_is_refused(value) -> None:
    with pytest.raises(PayloadError, match="created_at"):
        PARSERS["generic"]({**REVIEW, "data": {**REVIEW["data"], "created_at": value}}, NOW)


def test_times_within_the_bounds_are_taken() -> None:
    body = standard(
        {**ORDER, "placed_at": "2000-01-01T00:00:00Z", "paid_at": "2000-01-02T00:00:00Z"}
    )
    assert ADAPTERS["standard"].parse(WebhookRequest({"webhook-id": "m"}, body, NOW)).orders
    soon = (NOW + timedelta(days=300)).isoformat()
    assert PARSERS["generic"]({**REVIEW, "data": {**REVIEW["data"], "created_at": soon}}, NOW)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    value=st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
    )
    | st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    delay=st.integers(min_value=-(10**12), max_value=10**12),
)
def test_any_time_is_either_refused_or_safe_to_add_a_bounded_delay_to(value, delay) -> None:
    """What passes leaves room for a year of delay plus a year-long period either way."""
    for name in ("fact", "window"):
        try:
            checked = getattr(Times.model_validate({name: value}), name)
        except ValidationError:
            continue
        assert EARLIEST <= checked < LATEST
        checked + timedelta(days=2 * 366)
        checked - timedelta(days=2 * 366)
    try:
        days = Times.model_validate({"delay": delay}).delay
    except ValidationError:
        return
    assert timedelta(days=days) <= timedelta(days=365)


def test_check_window_names_the_parameter() -> None:
    with pytest.raises(TimeOutOfBounds, match=r"^to: must lie between"):
        check_window(("from", None), ("to", datetime(1, 1, 1, tzinfo=UTC)))
    with pytest.raises(TimeOutOfBounds, match=r"^from: needs a UTC offset"):
        check_window(("from", datetime(2026, 1, 1)))
    check_window(("from", datetime(2026, 1, 1, tzinfo=UTC)), ("to", None))
