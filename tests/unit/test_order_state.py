"""The order state machine: every ordering of facts yields each event once."""

import itertools
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from services.ingest.orders.facts import OrderDetails, OrderFacts, RefundFact, ReturnFact
from services.ingest.orders.state import apply, new_state
from shared.events.orders import Customer, OrderItem, RefundedItem

T0 = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)


def details(email: str = "jane@example.com") -> OrderDetails:
    return OrderDetails(
        placed_at=T0,
        currency="EUR",
        customer=Customer(email=email),
        items=(
            OrderItem(product_id="a", name="A", quantity=2, unit_price=Decimal("5")),
            OrderItem(product_id="b", name="B", quantity=1, unit_price=Decimal("9")),
        ),
    )


def facts(hours: int, **kw) -> OrderFacts:
    return OrderFacts(
        order_id="o1", platform="standard", observed_at=T0 + timedelta(hours=hours), **kw
    )


def run(sequence: list[OrderFacts]) -> list[str]:
    state = new_state("shop", sequence[0])
    types: list[str] = []
    for f in sequence:
        state, events = apply(state, f)
        types += [e.type for e in events]
    return types


def test_a_normal_lifecycle_announces_each_step_once() -> None:
    seq = [
        facts(0, details=details()),
        facts(1, details=details(), paid_at=T0),
        facts(2, details=details(), paid_at=T0, fulfilled_at=T0 + timedelta(hours=2)),
        facts(3, delivered_at=T0 + timedelta(days=2)),
        facts(3, delivered_at=T0 + timedelta(days=2)),  # duplicate delivery
    ]
    assert run(seq) == ["order.placed", "order.paid", "order.fulfilled", "order.delivered"]


def test_every_ordering_of_the_facts_gives_the_same_set_of_events() -> None:
    pieces = [
        facts(0, details=details()),
        facts(1, paid_at=T0),
        facts(2, fulfilled_at=T0 + timedelta(hours=2)),
        facts(3, delivered_at=T0 + timedelta(days=1)),
        facts(4, refunds=(RefundFact("r1", T0 + timedelta(days=3)),)),
        facts(5, cancelled_at=T0 + timedelta(days=4)),
        facts(6, returns=(ReturnFact("x1", T0 + timedelta(days=5)),)),
    ]
    expected = sorted(
        [
            "order.placed",
            "order.paid",
            "order.fulfilled",
            "order.delivered",
            "order.refunded",
            "order.cancelled",
            "order.returned",
        ]
    )
    for ordering in itertools.permutations(pieces):
        assert sorted(run(list(ordering))) == expected


def test_event_ids_are_derived_from_the_fact_not_the_delivery() -> None:
    _, events_a = apply(new_state("shop", facts(0)), facts(0, details=details()))
    _, events_b = apply(new_state("shop", facts(5)), facts(5, details=details()))
    assert events_a[0].event_id == events_b[0].event_id
    _, other_shop = apply(new_state("shop2", facts(0)), facts(0, details=details()))
    assert other_shop[0].event_id != events_a[0].event_id


def test_stale_details_do_not_overwrite_newer_ones() -> None:
    state = new_state("shop", facts(0))
    state, _ = apply(state, facts(5, details=details("new@example.com")))
    state, events = apply(state, facts(1, details=details("old@example.com")))
    assert events == []
    assert state.details is not None and state.details.customer.email == "new@example.com"


def test_refund_fullness_is_decided_from_the_items_when_not_stated() -> None:
    state, _ = apply(new_state("shop", facts(0)), facts(0, details=details()))
    partial = RefundFact("r1", T0, items=(RefundedItem(product_id="a", quantity=2),))
    state, events = apply(state, facts(1, refunds=(partial,)))
    assert events[0].payload.full is False
    everything = RefundFact(
        "r2",
        T0,
        items=(RefundedItem(product_id="a", quantity=2), RefundedItem(product_id="b", quantity=1)),
    )
    _, events = apply(state, facts(2, refunds=(everything,)))
    assert events[0].payload.full is True


def test_partial_then_full_fulfillment_are_two_events() -> None:
    seq = [
        facts(0, details=details()),
        facts(1, partially_fulfilled_at=T0 + timedelta(hours=1)),
        facts(2, fulfilled_at=T0 + timedelta(hours=2)),
    ]
    state = new_state("shop", seq[0])
    partials = []
    for f in seq:
        state, events = apply(state, f)
        partials += [e.payload.partial for e in events if e.type == "order.fulfilled"]
    assert partials == [True, False]


def test_thin_facts_mark_the_order_for_a_fetch_until_details_arrive() -> None:
    state, events = apply(new_state("shop", facts(0)), facts(0, cancelled_at=T0, needs_fetch=True))
    assert state.needs_fetch and [e.type for e in events] == ["order.cancelled"]
    state, events = apply(state, facts(1, details=details()))
    assert not state.needs_fetch and [e.type for e in events] == ["order.placed"]
