"""Marketing consent as the platforms' own payloads carry it (issue #18): Shopify's
`customer.email_marketing_consent.state`, else its older `buyer_accepts_marketing` /
`customer.accepts_marketing`; Ecwid's `acceptMarketing`. WooCommerce and BigCommerce orders
carry no such field: their customers' consent is "unknown"."""

import copy
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from services.ingest.fetch.bigcommerce_mapping import order_facts as bc_facts
from services.ingest.fetch.ecwid_mapping import order_facts as ecwid_facts
from services.ingest.orders.document import OrderDocument
from shared.events.orders import Customer
from tests.support.platforms import fixture, live_shopify_order
from tests.unit.test_adapters import shopify, woo
from tests.unit.test_fetch_mapping import bc_data

API = Path(__file__).resolve().parents[1] / "fixtures" / "platform_api"


def shopify_consent(payload: dict[str, Any]) -> str:
    (facts,) = shopify("orders/create", payload=payload).orders
    assert facts.details is not None
    return facts.details.customer.marketing_consent


def order_with(state: str | None, buyer: bool | None, customer_flag: bool | None) -> dict:
    order = copy.deepcopy(live_shopify_order("orders__create"))
    order.pop("buyer_accepts_marketing", None)
    if buyer is not None:
        order["buyer_accepts_marketing"] = buyer
    if state is not None:
        order["customer"]["email_marketing_consent"] = {
            "state": state,
            "opt_in_level": "single_opt_in",
            "consent_updated_at": "2026-11-01T10:00:00-05:00",
        }
    if customer_flag is not None:
        order["customer"]["accepts_marketing"] = customer_flag
    return order


def test_the_published_shopify_examples_map_their_marketing_flags() -> None:
    # The 2026-01 docs example: buyer_accepts_marketing true, no consent record.
    assert shopify_consent(live_shopify_order("orders__create")) == "granted"
    # The captured (older shape) test order: both booleans false. An unticked box is no
    # consent, but no objection either.
    captured = live_shopify_order("orders__create.captured_test_order")
    assert captured["buyer_accepts_marketing"] is False
    assert shopify_consent(captured) == "unknown"


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("subscribed", "granted"),
        ("SUBSCRIBED", "granted"),
        ("unsubscribed", "denied"),
        ("redacted", "denied"),
        ("not_subscribed", "unknown"),
        ("pending", "unknown"),
        ("invalid", "unknown"),
        ("something_new", "unknown"),
    ],
)
def test_the_shopify_consent_record_wins_over_the_older_booleans(state, expected) -> None:
    # The booleans say yes; the current record is what counts.
    assert shopify_consent(order_with(state, True, True)) == expected


def test_shopify_without_a_record_falls_back_to_the_booleans() -> None:
    assert shopify_consent(order_with(None, None, True)) == "granted"
    assert shopify_consent(order_with(None, False, None)) == "unknown"
    assert shopify_consent(order_with(None, None, None)) == "unknown"


def test_ecwid_accept_marketing() -> None:
    order = json.loads((API / "ecwid" / "order.json").read_text(), parse_float=Decimal)
    assert order["acceptMarketing"] is True
    details = ecwid_facts("XJ12H", order, "EUR").details
    assert details is not None and details.customer.marketing_consent == "granted"
    for unticked in ({"acceptMarketing": False}, {"acceptMarketing": None}):
        details = ecwid_facts("XJ12H", {**order, **unticked}, "EUR").details
        assert details is not None and details.customer.marketing_consent == "unknown"
    without = {k: v for k, v in order.items() if k != "acceptMarketing"}
    details = ecwid_facts("XJ12H", without, "EUR").details
    assert details is not None and details.customer.marketing_consent == "unknown"


def test_woocommerce_and_bigcommerce_orders_carry_no_consent() -> None:
    (facts,) = woo("order.created", fixture("woocommerce", "order.created")).orders
    assert facts.details is not None and facts.details.customer.marketing_consent == "unknown"
    details = bc_facts("250", bc_data()).details
    assert details is not None and details.customer.marketing_consent == "unknown"


def test_events_from_before_the_field_stay_valid() -> None:
    old = Customer.model_validate({"email": "a@example.com", "country": "DE"})
    assert old.marketing_consent == "unknown"


def test_the_standard_order_document_takes_the_consent_as_sent() -> None:
    order = {
        "order_id": "B-1",
        "placed_at": "2026-11-18T10:00:00+01:00",
        "currency": "EUR",
        "customer": {"email": "ana@example.com", "country": "DE", "marketing_consent": "denied"},
        "items": [{"product_id": "p", "name": "Tea", "quantity": 1, "unit_price": "4.50"}],
    }
    facts = OrderDocument.model_validate(order).to_facts("standard", datetime.now(UTC))
    assert facts.details is not None and facts.details.customer.marketing_consent == "denied"
    order["customer"]["marketing_consent"] = "maybe"
    with pytest.raises(ValidationError, match="marketing_consent"):
        OrderDocument.model_validate(order)


def test_the_shopify_customer_country_is_the_billing_country() -> None:
    order = copy.deepcopy(live_shopify_order("orders__create"))
    order["billing_address"]["country_code"] = "DE"
    order["shipping_address"]["country_code"] = "AT"
    (facts,) = shopify("orders/create", payload=order).orders
    assert facts.details is not None
    assert (facts.details.customer.country, facts.details.shipping_country) == ("DE", "AT")
    order.pop("billing_address")
    (facts,) = shopify("orders/create", payload=order).orders
    assert facts.details is not None and facts.details.customer.country == "AT"
