"""Platform adapters on the platforms' own published payloads (tests/fixtures/platforms)."""

from datetime import UTC, datetime

import pytest

from services.ingest.webhooks.adapters import ADAPTERS
from services.ingest.webhooks.adapters.base import PayloadError, WebhookRequest
from tests.support.platforms import (
    body_of,
    ecwid_headers,
    fixture,
    live_shopify_order,
    shopify_headers,
    standard_headers,
    woo_headers,
)

SECRET = "test-secret-0123456789"
WHSEC = "whsec_dGVzdC1zZWNyZXQtMDEyMzQ1Njc4OWFiY2RlZg=="


def request(headers: dict[str, str], body: bytes) -> WebhookRequest:
    # Received now, not at import: the Standard Webhooks replay window is checked against it,
    # and a slow run may start a test minutes after collecting it.
    return WebhookRequest({k.lower(): v for k, v in headers.items()}, body, datetime.now(UTC))


def shopify(topic: str, name: str | None = None, payload: dict | None = None):
    if payload is None:
        payload = fixture("shopify", name or topic.replace("/", "__"))
        # Shopify's published examples are test orders: as a real purchase here.
        payload = {**payload, "test": False} if "test" in payload else payload
    body = body_of(payload)
    req = request(shopify_headers(body, SECRET, topic), body)
    adapter = ADAPTERS["shopify"]
    assert adapter.verify(req, [SECRET])
    return adapter.parse(req)


@pytest.mark.parametrize(
    "topic",
    ["orders/create", "orders/updated", "orders/paid", "orders/fulfilled", "orders/cancelled"],
)
def test_shopify_order_topics_map_to_a_full_snapshot(topic: str) -> None:
    delivery = shopify(topic)
    (facts,) = delivery.orders
    assert facts.order_id == "820982911946154500"
    assert facts.details is not None
    assert facts.details.customer.email == "jon@example.com"
    assert facts.details.customer.locale == "en"
    assert facts.details.currency == "USD"
    lines = live_shopify_order("orders__create")["line_items"]
    assert [i.name for i in facts.details.items] == [line["title"] for line in lines]
    assert [i.quantity for i in facts.details.items] == [line["quantity"] for line in lines]
    assert facts.details.items[0].sku == "SKU2006-001"
    assert facts.details.shipping_country == "US"
    # The docs' example order is voided and cancelled: cancelled, never paid.
    assert facts.cancelled_at is not None
    assert facts.paid_at is None


def test_shopify_captured_test_order_is_paid() -> None:
    delivery = shopify("orders/create", "orders__create.captured_test_order")
    (facts,) = delivery.orders
    assert facts.paid_at is not None and facts.cancelled_at is None
    assert facts.details is not None and facts.details.shipping_country == "AU"


def test_a_shopify_test_order_is_ignored() -> None:
    # "Send test notification" and the test gateway post `"test": true`: a walk's checkout
    # test was queued for a survey 14 days on.
    for name in ("orders__create", "orders__create.captured_test_order"):
        delivery = shopify("orders/create", payload=fixture("shopify", name))
        assert delivery.outcome == "ignored" and delivery.orders == ()


def test_shopify_fulfillment_and_delivery() -> None:
    payload = fixture("shopify", "fulfillments__create")
    (facts,) = shopify("fulfillments/create", payload=payload).orders
    assert facts.order_id == "820982911946154500"
    assert facts.partially_fulfilled_at is not None and facts.delivered_at is None
    delivered = {**payload, "shipment_status": "delivered", "updated_at": "2026-11-22T09:00:00Z"}
    (facts,) = shopify("fulfillments/update", payload=delivered).orders
    assert facts.delivered_at == datetime(2026, 11, 22, 9, tzinfo=UTC)


def test_shopify_refund_names_its_lines() -> None:
    (facts,) = shopify("refunds/create").orders
    (refund,) = facts.refunds
    assert refund.refund_id == "890088186047892400"
    lines = fixture("shopify", "refunds__create")["refund_line_items"]
    assert [i.quantity for i in refund.items] == [line["quantity"] for line in lines]
    assert refund.items[0].product_id == str(lines[0]["line_item"]["product_id"])


@pytest.mark.parametrize(
    ("topic", "kind"),
    [
        ("customers/redact", "customer.redact"),
        ("customers/data_request", "customer.data_request"),
        ("shop/redact", "shop.redact"),
    ],
)
def test_shopify_privacy_topics(topic: str, kind: str) -> None:
    delivery = shopify(topic)
    assert delivery.privacy is not None and delivery.privacy.kind == kind
    if kind != "shop.redact":
        assert delivery.privacy.email == "john@example.com"
        assert delivery.privacy.customer_id == "191167"
        assert delivery.privacy.order_ids == ("299938", "280263", "220458")


def test_shopify_unknown_topic_is_ignored_and_missing_headers_are_422() -> None:
    assert shopify("products/update", payload={"id": 1}).outcome == "ignored"
    body = b"{}"
    headers = shopify_headers(body, SECRET, "orders/create")
    del headers["X-Shopify-Topic"]
    with pytest.raises(PayloadError, match="X-Shopify-Topic"):
        ADAPTERS["shopify"].parse(request(headers, body))


def test_shopify_order_without_line_items_is_422_with_the_field() -> None:
    payload = {**live_shopify_order("orders__create"), "line_items": []}
    with pytest.raises(PayloadError, match="line_items"):
        shopify("orders/create", payload=payload)


def woo(topic: str, payload: dict):
    body = body_of(payload)
    req = request(woo_headers(body, SECRET, topic), body)
    assert ADAPTERS["woocommerce"].verify(req, [SECRET])
    return ADAPTERS["woocommerce"].parse(req)


def test_woocommerce_created_and_completed() -> None:
    created = woo("order.created", fixture("woocommerce", "order.created"))
    (facts,) = created.orders
    assert facts.order_id == "727"
    assert facts.details is not None and facts.details.customer.email == "john.doe@example.com"
    assert facts.details.placed_at == datetime(2017, 3, 22, 19, 28, 2, tzinfo=UTC)
    assert facts.paid_at is not None and facts.fulfilled_at is None
    updated = woo("order.updated", fixture("woocommerce", "order.updated"))
    (facts,) = updated.orders
    assert facts.fulfilled_at == datetime(2017, 3, 22, 19, 30, 35, tzinfo=UTC)
    # Deduplicated on (order id, date_modified): the delivery id changes on every send.
    assert created.dedupe_key != updated.dedupe_key
    assert woo("order.updated", fixture("woocommerce", "order.updated")).dedupe_key == (
        updated.dedupe_key
    )
    # Two saves in one second (date_modified_gmt has whole seconds) are two changes: a walk's
    # "completed" sent in the second of "created" was answered "duplicate" and lost.
    same_second = {
        **fixture("woocommerce", "order.created"),
        "status": "completed",
        "date_completed_gmt": "2017-03-22T19:28:02",
    }
    completed = woo("order.updated", same_second)
    assert completed.dedupe_key != created.dedupe_key
    (facts,) = completed.orders
    assert facts.fulfilled_at is not None


def test_woocommerce_refunded_and_deleted() -> None:
    refunded = {**fixture("woocommerce", "order.updated"), "status": "refunded"}
    (facts,) = woo("order.updated", refunded).orders
    assert any(r.full for r in facts.refunds)
    (facts,) = woo("order.deleted", {"id": 727}).orders
    assert facts.cancelled_at is not None


def test_woocommerce_ping_is_recognised_only_unsigned_and_form_encoded() -> None:
    adapter = ADAPTERS["woocommerce"]
    assert adapter.is_ping(
        request({"Content-Type": "application/x-www-form-urlencoded"}, b"webhook_id=12")
    )
    assert not adapter.is_ping(request({}, b"webhook_id=12&x=1"))
    assert not adapter.is_ping(request({"X-WC-Webhook-Signature": "x"}, b"webhook_id=12"))


@pytest.mark.parametrize(
    ("name", "expect"),
    [
        ("store__order__created", set()),
        ("store__order__statusUpdated", {"paid_at"}),  # 11: awaiting fulfillment
        ("store__order__refund__created", {"refunds"}),
        ("store__shipment__created", {"partially_fulfilled_at"}),
    ],
)
def test_bigcommerce_thin_payloads(name: str, expect: set[str]) -> None:
    payload = fixture("bigcommerce", name)
    body = body_of(payload)
    req = request(standard_headers(body, WHSEC), body)
    adapter = ADAPTERS["bigcommerce"]
    assert adapter.verify(req, [WHSEC])
    delivery = adapter.parse(req)
    assert delivery.outcome == "needs_fetch"
    assert delivery.dedupe_key == f"hash:{payload['hash']}"
    (facts,) = delivery.orders
    assert facts.needs_fetch and facts.details is None
    present = {
        f
        for f in ("paid_at", "partially_fulfilled_at", "cancelled_at", "refunds")
        if getattr(facts, f)
    }
    assert present == expect
    assert facts.order_id == ("251" if "shipment" in name else "250")


@pytest.mark.parametrize("name", ["order.created", "order.updated", "order.created.legacy"])
def test_ecwid_records_the_event_and_asks_for_a_fetch(name: str) -> None:
    payload = fixture("ecwid", name)
    body = body_of(payload)
    req = request(ecwid_headers(payload, SECRET), body)
    adapter = ADAPTERS["ecwid"]
    assert adapter.verify(req, [SECRET])
    delivery = adapter.parse(req)
    assert delivery.outcome == "needs_fetch"
    assert delivery.dedupe_key == f"event:{payload['eventId']}"
    (facts,) = delivery.orders
    assert facts.order_id == str(payload["data"].get("orderId") or payload["entityId"])
    # Nothing unsigned becomes a fact.
    assert facts.paid_at is None and facts.fulfilled_at is None


def test_ecwid_signature_does_not_depend_on_the_unsigned_body() -> None:
    payload = fixture("ecwid", "order.created")
    tampered = {**payload, "data": {"orderId": "OTHER"}}
    req = request(ecwid_headers(payload, SECRET), body_of(tampered))
    # Accepted: Ecwid signs only eventCreated.eventId; the order is confirmed by a fetch.
    assert ADAPTERS["ecwid"].verify(req, [SECRET])
    forged = {**payload, "eventId": "another"}
    assert not ADAPTERS["ecwid"].verify(
        request(ecwid_headers(payload, SECRET), body_of(forged)), [SECRET]
    )


def test_standard_documents_map_every_fact() -> None:
    payload = {
        "type": "order.updated",
        "timestamp": "2026-11-20T10:00:00Z",
        "data": {
            "order_id": "A-1",
            "placed_at": "2026-11-18T10:00:00+01:00",
            "currency": "eur",
            "customer": {"email": "ana@example.com", "locale": "sl", "country": "SI"},
            "items": [{"product_id": "p", "name": "Tea", "quantity": 1, "unit_price": "4.50"}],
            "paid_at": "2026-11-18T10:05:00Z",
            "delivered_at": "2026-11-20T09:00:00Z",
            "refunds": [{"refund_id": "r", "refunded_at": "2026-11-20T09:30:00Z", "full": True}],
        },
    }
    body = body_of(payload)
    req = request(standard_headers(body, WHSEC), body)
    assert ADAPTERS["standard"].verify(req, [WHSEC])
    (facts,) = ADAPTERS["standard"].parse(req).orders
    assert facts.details is not None and facts.details.currency == "EUR"
    assert facts.delivered_at is not None and facts.refunds[0].full is True


def test_invalid_json_and_deep_nesting_are_payload_errors() -> None:
    for body in (b"{not json", b"[" * 100_000 + b"]" * 100_000):
        req = request(shopify_headers(body, SECRET, "orders/create"), body)
        with pytest.raises(PayloadError):
            ADAPTERS["shopify"].parse(req)
