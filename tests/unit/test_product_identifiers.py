"""Product identifiers (GTIN, MPN, brand) from the platforms' order lines, on their published
payloads (tests/fixtures/platforms, tests/fixtures/platform_api): what each platform's line
carries reaches `OrderItem`, and what it does not carry stays unset."""

import copy
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from services.ingest.fetch.bigcommerce import BigCommerceOrderData
from services.ingest.fetch.bigcommerce_mapping import order_facts as bc_facts
from services.ingest.fetch.ecwid_mapping import order_facts as ecwid_facts
from services.ingest.orders.document import OrderDocument
from services.ingest.webhooks.adapters import ADAPTERS
from services.ingest.webhooks.adapters.base import WebhookRequest
from services.ingest.webhooks.adapters.identifiers import identifier
from services.ingest.webhooks.adapters.shopify import ShopifyOrder
from shared.events.orders import OrderItem
from tests.support.platforms import (
    body_of,
    fixture,
    live_shopify_order,
    shopify_headers,
    woo_headers,
)

API = Path(__file__).resolve().parents[1] / "fixtures" / "platform_api"
SECRET = "test-secret-0123456789"


def api(platform: str, name: str) -> Any:
    return json.loads((API / platform / f"{name}.json").read_text(), parse_float=Decimal)


def request(headers: dict[str, str], body: bytes) -> WebhookRequest:
    return WebhookRequest({k.lower(): v for k, v in headers.items()}, body, datetime.now(UTC))


def shopify_items(payload: dict[str, Any]) -> tuple[OrderItem, ...]:
    body = body_of(payload)
    (facts,) = (
        ADAPTERS["shopify"]
        .parse(request(shopify_headers(body, SECRET, "orders/create"), body))
        .orders
    )
    assert facts.details is not None
    return facts.details.items


def woo_items(payload: dict[str, Any]) -> tuple[OrderItem, ...]:
    body = body_of(payload)
    (facts,) = (
        ADAPTERS["woocommerce"]
        .parse(request(woo_headers(body, SECRET, "order.created"), body))
        .orders
    )
    assert facts.details is not None
    return facts.details.items


def bc_items(products: list[dict[str, Any]]) -> tuple[OrderItem, ...]:
    data = BigCommerceOrderData(
        order=api("bigcommerce", "order"),
        products=products,
        shipping_addresses=api("bigcommerce", "order_shipping_addresses"),
        refunds=[],
    )
    details = bc_facts("250", data).details
    assert details is not None
    return details.items


def ids(item: OrderItem) -> tuple[str | None, str | None, str | None, str | None]:
    return (item.sku, item.gtin, item.mpn, item.brand)


def test_shopify_vendor_is_the_brand() -> None:
    # A captured order: the line's vendor "Kaweco", no SKU.
    (pen,) = shopify_items(live_shopify_order("orders__create.captured_test_order"))
    assert ids(pen) == (None, None, None, "Kaweco")
    # Shopify's docs example: vendor null, so no brand; a SKU. Shopify order lines carry no
    # barcode and no MPN.
    first, *_ = shopify_items(live_shopify_order("orders__create"))
    assert ids(first) == ("SKU2006-001", None, None, None)


def test_shopify_odd_vendor_is_no_brand_and_the_order_still_maps() -> None:
    payload = copy.deepcopy(live_shopify_order("orders__create.captured_test_order"))
    payload["line_items"][0]["vendor"] = {"name": "Kaweco"}
    (pen,) = shopify_items(payload)
    assert pen.brand is None and pen.name == "Classic Fountain Pen"
    payload["line_items"][0]["vendor"] = "   "
    assert shopify_items(payload)[0].brand is None


def test_woocommerce_global_unique_id_is_the_gtin() -> None:
    # The published REST example predates the field: no GTIN.
    payload = fixture("woocommerce", "order.created")
    assert [ids(i) for i in woo_items(payload)] == [(None, None, None, None), ("Bar3", *[None] * 3)]
    # WooCommerce 9.2+ has "GTIN, UPC, EAN or ISBN" (global_unique_id) on its products, and its
    # orders endpoint (the webhook's body) names it on every line item since woocommerce#54024.
    with_gtin = copy.deepcopy(payload)
    with_gtin["line_items"][0]["global_unique_id"] = "4006381333931"
    with_gtin["line_items"][1]["global_unique_id"] = ""
    first, second = woo_items(with_gtin)
    assert ids(first) == (None, "4006381333931", None, None)
    assert ids(second) == ("Bar3", None, None, None)


def test_bigcommerce_upc_is_the_gtin_and_brand_is_the_brand() -> None:
    # The documented order products: product 77 with UPC 1234567891112 and brand "BigCommerce"
    # (product 86 is part of a bundle, not an item).
    (towel,) = bc_items(api("bigcommerce", "order_products"))
    assert ids(towel) == ("S-ORAN", "1234567891112", None, "BigCommerce")
    products = copy.deepcopy(api("bigcommerce", "order_products"))
    products[0]["upc"] = ""
    products[0]["brand"] = None
    (towel,) = bc_items(products)
    assert ids(towel) == ("S-ORAN", None, None, None)


def test_ecwid_items_carry_only_the_sku() -> None:
    # Ecwid's order items have no GTIN, MPN or brand field in the documented answer.
    details = ecwid_facts("XJ12H", api("ecwid", "order"), "EUR").details
    assert details is not None
    assert [ids(i) for i in details.items] == [
        ("ABCA-IAC", None, None, None),
        ("001001", None, None, None),
    ]


def test_reviewloop_order_document_takes_all_identifiers() -> None:
    doc = OrderDocument.model_validate(
        {
            "order_id": "A-1",
            "placed_at": "2026-11-20T10:00:00Z",
            "currency": "EUR",
            "customer": {"email": "anna@example.com"},
            "items": [
                {
                    "product_id": "pot",
                    "name": "Teapot",
                    "quantity": 1,
                    "unit_price": "10.00",
                    "sku": "TP-1",
                    "gtin": "4006381333931",
                    "mpn": "TP-2026",
                    "brand": "Acme",
                }
            ],
        }
    )
    assert ids(doc.items[0]) == ("TP-1", "4006381333931", "TP-2026", "Acme")


def test_items_keep_identifiers_through_their_json() -> None:
    # Ingest stores the items as JSON and review.classified rebuilds them from it.
    item = OrderItem(
        product_id="pot",
        name="Teapot",
        quantity=1,
        unit_price=Decimal("10"),
        gtin="4006381333931",
        brand="Acme",
    )
    stored = item.model_dump(mode="json")
    assert stored["gtin"] == "4006381333931" and "mpn" not in stored
    assert OrderItem(**stored) == item


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("gtin", " 4006381333931 ", "4006381333931"),
        ("gtin", 4006381333931, "4006381333931"),
        ("gtin", "", None),
        ("gtin", None, None),
        ("gtin", True, None),
        ("gtin", 12.5, None),
        ("gtin", "1" * 51, None),  # cut, it would name another product
        ("mpn", "m" * 100, "m" * 100),
        ("mpn", "m" * 101, None),
        ("brand", "b" * 255, "b" * 255),
        ("brand", ["Acme"], None),
    ],
)
def test_identifier(name: Any, value: object, expected: str | None) -> None:
    assert identifier(name, value) == expected


def test_shopify_line_model_reads_vendor() -> None:
    order = ShopifyOrder.model_validate(live_shopify_order("orders__create.captured_test_order"))
    assert order.line_items[0].vendor == "Kaweco"
