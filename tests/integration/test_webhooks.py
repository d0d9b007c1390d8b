"""Platform webhooks through a real ingest process into real Kafka and PostgreSQL."""

import json
import time
from collections.abc import Iterator

import httpx
import pytest

from shared.events import parse_event
from shared.topics import ORDERS, PRIVACY, topic_name
from tests.conftest import connect_as, service_env
from tests.support.admin import ADMIN, create_shop
from tests.support.kafka import read_topic
from tests.support.platforms import (
    body_of,
    ecwid_headers,
    fixture,
    live_shopify_order,
    shopify_headers,
    standard_headers,
    woo_headers,
)
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

SECRET = "shop-secret-0123456789"
WHSEC = "whsec_c2hvcC1zZWNyZXQtMDEyMzQ1Njc4OWFiY2RlZg=="


@pytest.fixture(scope="module")
def ingest(infra, module_database, module_prefix, tmp_path_factory) -> Iterator[ServiceProcess]:
    env = service_env("ingest", infra, module_database, module_prefix)
    proc = ServiceProcess("ingest", env, tmp_path_factory.mktemp("ingest-logs"))
    proc.start()
    try:
        proc.wait_ready()
        for platform in ("shopify", "woocommerce", "ecwid"):
            create_shop(proc.url, f"{platform}-shop", platform, SECRET)
        for platform in ("bigcommerce", "standard"):
            create_shop(proc.url, f"{platform}-shop", platform, WHSEC)
        yield proc
    finally:
        proc.kill()


def post(ingest: ServiceProcess, platform: str, body: bytes, headers: dict[str, str], shop=None):
    shop = shop or f"{platform}-shop"
    return httpx.post(
        f"{ingest.url}/webhooks/{platform}/{shop}", content=body, headers=headers, timeout=10
    )


async def order_events(infra, prefix: str, expect: int) -> list:
    records = await read_topic(infra.kafka_bootstrap, topic_name(ORDERS.name, prefix), expect)
    return [parse_event(r.value) for r in records]


async def test_shopify_order_lifecycle_reaches_kafka_once(ingest, infra, module_prefix) -> None:
    order = live_shopify_order("orders__create.captured_test_order")
    order_id = str(order["id"])
    body = body_of(order)
    headers = shopify_headers(body, SECRET, "orders/create", event_id="evt-1")

    started = time.monotonic()
    first = post(ingest, "shopify", body, headers)
    elapsed = time.monotonic() - started
    assert first.status_code == 202, first.text
    assert first.json() == {"status": "accepted", "events": 2}  # placed + paid
    assert elapsed < 1.0

    # Shopify retries with the same event id; a second send changes nothing. The URL with a
    # trailing slash (pasted so into the platform) is the same endpoint, not a 307.
    again = post(ingest, "shopify", body, headers, shop="shopify-shop/")
    assert again.status_code == 200 and again.json()["status"] == "duplicate", again.text
    # The same facts under another topic are no new events either.
    updated = post(ingest, "shopify", body, shopify_headers(body, SECRET, "orders/updated"))
    assert updated.status_code == 202 and updated.json()["events"] == 0

    fulfillment = {
        **fixture("shopify", "fulfillments__update"),
        "order_id": order["id"],
        "shipment_status": "delivered",
        "updated_at": "2026-11-22T09:00:00Z",
    }
    fbody = body_of(fulfillment)
    delivered = post(
        ingest, "shopify", fbody, shopify_headers(fbody, SECRET, "fulfillments/update")
    )
    assert delivered.status_code == 202 and delivered.json()["events"] == 2

    events = [e for e in await order_events(infra, module_prefix, 4) if e.shop_id == "shopify-shop"]
    assert [e.type for e in events] == [
        "order.placed",
        "order.paid",
        "order.fulfilled",
        "order.delivered",
    ]
    assert all(e.payload.order_id == order_id for e in events)
    placed = events[0]
    assert placed.payload.customer.email == "name@example.com"
    assert placed.payload.platform == "shopify"


async def test_woocommerce_created_then_completed(ingest, infra, module_prefix) -> None:
    ping = post(
        ingest,
        "woocommerce",
        b"webhook_id=42",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert ping.status_code == 200 and ping.json()["status"] == "ping"

    for topic, name, events in (
        ("order.created", "order.created", 2),  # placed + paid
        ("order.updated", "order.updated", 1),  # fulfilled
    ):
        body = body_of(fixture("woocommerce", name))
        # Every WooCommerce send has a new delivery id: still deduplicated.
        for attempt in range(2):
            r = post(ingest, "woocommerce", body, woo_headers(body, SECRET, topic))
            expected = (202, events) if attempt == 0 else (200, 0)
            assert (r.status_code, r.json()["events"]) == expected, r.text

    woo = [
        e.type
        for e in await order_events(infra, module_prefix, 7)
        if e.shop_id == "woocommerce-shop"
    ]
    assert woo == ["order.placed", "order.paid", "order.fulfilled"]


async def test_thin_platforms_are_accepted_and_recorded(ingest, infra, module_database) -> None:
    status = fixture("bigcommerce", "store__order__statusUpdated")
    body = body_of({**status, "data": {**status["data"], "status": {"new_status_id": 5}}})
    r = post(ingest, "bigcommerce", body, standard_headers(body, WHSEC))
    assert r.status_code == 202 and r.json()["events"] == 1  # order.cancelled
    replay = post(ingest, "bigcommerce", body, standard_headers(body, WHSEC))
    assert replay.json()["status"] == "duplicate"  # same hash

    payload = fixture("ecwid", "order.created")
    r = post(ingest, "ecwid", body_of(payload), ecwid_headers(payload, SECRET))
    assert r.status_code == 202 and r.json()["events"] == 0

    conn = await connect_as(infra, module_database, "ingest")
    try:
        rows = await conn.fetch(
            "SELECT shop_id, order_id FROM orders WHERE needs_fetch ORDER BY shop_id"
        )
        assert [(r["shop_id"], r["order_id"]) for r in rows] == [
            ("bigcommerce-shop", "250"),
            ("ecwid-shop", "XJ12H"),
        ]
    finally:
        await conn.close()


def test_standard_webhook_and_replay_window(ingest) -> None:
    payload = {
        "type": "order.created",
        "data": {
            "order_id": "S-1",
            "placed_at": "2026-11-18T10:00:00+01:00",
            "currency": "EUR",
            "customer": {"email": "ana@example.com"},
            "items": [{"product_id": "p", "name": "Tea", "quantity": 1, "unit_price": "4.50"}],
        },
    }
    body = body_of(payload)
    assert post(ingest, "standard", body, standard_headers(body, WHSEC)).status_code == 202
    stale = standard_headers(body, WHSEC, timestamp=int(time.time()) - 600)
    r = post(ingest, "standard", body, stale)
    assert r.status_code == 401 and r.json() == {"detail": "invalid signature"}


@pytest.mark.parametrize(
    ("case", "status", "reason"),
    [
        ("bad signature", 401, "invalid signature"),
        ("no signature", 401, "invalid signature"),
        ("bad signature on customers/redact", 401, "invalid signature"),
        ("unknown shop", 404, "unknown webhook endpoint"),
        ("shop of another platform", 404, "unknown webhook endpoint"),
        ("unknown platform", 404, "unknown webhook endpoint"),
        ("not json content type", 415, "application/json"),
        ("broken json", 422, "not valid JSON"),
        ("order without line items", 422, "line_items"),
        ("body over 1 MiB", 413, "larger than"),
    ],
)
def test_every_error_status_with_a_clear_reason(ingest, case, status, reason) -> None:
    order = live_shopify_order("orders__create")
    body = body_of(order)
    headers = shopify_headers(body, SECRET, "orders/create")
    platform, shop = "shopify", None
    if case == "bad signature":
        headers["X-Shopify-Hmac-Sha256"] = "AAAA"
    elif case == "no signature":
        del headers["X-Shopify-Hmac-Sha256"]
    elif case == "bad signature on customers/redact":
        body = body_of(fixture("shopify", "customers__redact"))
        headers = shopify_headers(body, "wrong-secret", "customers/redact")
    elif case == "unknown shop":
        shop = "no-such-shop"
    elif case == "shop of another platform":
        shop = "woocommerce-shop"
    elif case == "unknown platform":
        platform, shop = "magento", "shopify-shop"
    elif case == "not json content type":
        headers["Content-Type"] = "text/plain"
    elif case == "broken json":
        body = b'{"id": 1,'
        headers = shopify_headers(body, SECRET, "orders/create")
    elif case == "order without line items":
        body = body_of({**order, "line_items": []})
        headers = shopify_headers(body, SECRET, "orders/create")
    elif case == "body over 1 MiB":
        body = body_of({**order, "note": "x" * (1024 * 1024)})
        headers = shopify_headers(body, SECRET, "orders/create")
    r = post(ingest, platform, body, headers, shop)
    assert r.status_code == status, r.text
    assert reason in r.text
    assert httpx.get(f"{ingest.url}/healthz").status_code == 200


def test_secret_rotation_keeps_both_secrets_valid_until_retired(ingest) -> None:
    create_shop(ingest.url, "rotating-shop", "shopify", "old-secret-0123456789")
    rotated = httpx.post(
        f"{ingest.url}/v1/admin/shops/rotating-shop/secrets/rotate",
        json={"webhook_secret": "new-secret-0123456789"},
        headers=ADMIN,
    )
    assert rotated.status_code == 200 and rotated.json()["has_previous_secret"] is True
    body = body_of(live_shopify_order("orders__create"))
    for secret in ("old-secret-0123456789", "new-secret-0123456789"):
        headers = shopify_headers(body, secret, "orders/create")
        assert post(ingest, "shopify", body, headers, "rotating-shop").status_code in (200, 202)
    retired = httpx.delete(
        f"{ingest.url}/v1/admin/shops/rotating-shop/secrets/previous", headers=ADMIN
    )
    assert retired.status_code == 200
    headers = shopify_headers(body, "old-secret-0123456789", "orders/create")
    assert post(ingest, "shopify", body, headers, "rotating-shop").status_code == 401
    # Secrets are never listed.
    listing = httpx.get(f"{ingest.url}/v1/admin/shops", headers=ADMIN).text
    assert "secret-0123456789" not in listing
    assert httpx.get(f"{ingest.url}/v1/admin/shops").status_code == 401


async def test_nul_characters_are_dropped_not_the_order(ingest, infra, module_database) -> None:
    """PostgreSQL cannot store NUL in text or jsonb: the character goes, the order stays."""
    order = live_shopify_order("orders__create")
    order["id"] = 777000111
    order["customer"]["first_name"] = "Jo\u0000hn"
    order["note"] = "\u0000"
    body = body_of(order)
    assert b"\\u0000" in body
    r = post(ingest, "shopify", body, shopify_headers(body, SECRET, "orders/create"))
    assert r.status_code == 202, r.text
    conn = await connect_as(infra, module_database, "ingest")
    try:
        details = await conn.fetchval(
            "SELECT details FROM orders WHERE shop_id = 'shopify-shop' AND order_id = '777000111'"
        )
        stored = await conn.fetchval(
            "SELECT payload FROM webhook_deliveries WHERE order_id = '777000111'"
        )
    finally:
        await conn.close()
    assert json.loads(details)["customer"]["name"].startswith("John")
    # The raw delivery keeps the bytes exactly as sent.
    assert bytes(stored) == body


async def test_customer_redaction_removes_personal_data_from_ingest(
    ingest, infra, module_database, module_prefix
) -> None:
    create_shop(ingest.url, "gdpr-shop", "shopify", SECRET)
    order = {
        **live_shopify_order("orders__create"),
        "id": 299938,
        "email": "john@example.com",
        "note": "call John on +1-555-0100",
    }
    body = body_of(order)
    assert (
        post(
            ingest, "shopify", body, shopify_headers(body, SECRET, "orders/create"), "gdpr-shop"
        ).status_code
        == 202
    )

    redact = fixture("shopify", "customers__redact")
    rbody = body_of(redact)
    r = post(
        ingest, "shopify", rbody, shopify_headers(rbody, SECRET, "customers/redact"), "gdpr-shop"
    )
    assert r.status_code == 202, r.text

    conn = await connect_as(infra, module_database, "ingest")
    try:
        rows = await conn.fetch(
            "SELECT details, customer_email, customer_id FROM orders WHERE shop_id = 'gdpr-shop'"
        )
        assert rows and all(r["customer_email"] is None for r in rows)
        payloads = await conn.fetch(
            "SELECT payload FROM webhook_deliveries WHERE shop_id = 'gdpr-shop' "
            "AND order_id = '299938'"
        )
        dump = json.dumps([dict(r) for r in rows], default=str) + "".join(
            (r["payload"] or b"").decode() for r in payloads
        )
        assert "john@example.com" not in dump
        assert "Smith" not in dump and "555-0100" not in dump
    finally:
        await conn.close()

    records = await read_topic(infra.kafka_bootstrap, topic_name(PRIVACY.name, module_prefix), 1)
    events = [parse_event(r.value) for r in records if b"gdpr-shop" in r.value]
    assert [e.type for e in events] == ["customer.redact_requested"]
    assert "299938" in events[0].payload.order_ids
