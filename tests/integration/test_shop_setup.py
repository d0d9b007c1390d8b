"""The readiness checklist (`GET /v1/admin/shops/{shop}/setup`) through a real ingest process,
PostgreSQL and Kafka: a new shop misses its first order until a signed webhook arrives, a shop
without an alert recipient is not ready, and reviews from a platform need the reply connector
the responder announces on `reviewloop.shops`."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from shared.events import serialize_event
from shared.events.shops import ShopConnectorChanged
from shared.topics import SHOPS, topic_name
from tests.conftest import connect_as, service_env
from tests.support.admin import ADMIN, create_shop
from tests.support.kafka import eventually, produce
from tests.support.platforms import (
    body_of,
    fixture,
    live_shopify_order,
    shopify_headers,
    standard_headers,
)
from tests.support.responder import BOOTSTRAP, user_with_key
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

WHSEC = "whsec_c2V0dXAtc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY="
SHOP = "setup-shop"


@pytest.fixture(scope="module")
def ingest(infra, module_database, module_prefix, tmp_path_factory) -> Iterator[ServiceProcess]:
    env = service_env("ingest", infra, module_database, module_prefix)
    proc = ServiceProcess("ingest", env, tmp_path_factory.mktemp("ingest-logs"))
    proc.start()
    try:
        proc.wait_ready()
        yield proc
    finally:
        proc.kill()


async def post(url: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as http:
        return await http.post(url, content=body, headers=headers)


async def setup_of(ingest: ServiceProcess, shop_id: str = SHOP) -> dict[str, Any]:
    async with httpx.AsyncClient(timeout=10) as http:
        r = await http.get(f"{ingest.url}/v1/admin/shops/{shop_id}/setup", headers=ADMIN)
    assert r.status_code == 200, r.text
    setup: dict[str, Any] = r.json()
    return setup


def item(setup: dict[str, Any], key: str) -> dict[str, Any]:
    (found,) = [i for i in setup["items"] if i["key"] == key]
    return found


async def connector_changed(
    infra, prefix: str, platform: str, connected: bool, at: datetime
) -> None:
    """What the responder's outbox publishes when a manager sets or removes a connector."""
    event = ShopConnectorChanged(
        shop_id=SHOP, occurred_at=at, payload={"platform": platform, "connected": connected}
    )
    await produce(
        infra.kafka_bootstrap,
        topic_name(SHOPS.name, prefix),
        serialize_event(event),
        key=event.partition_key().encode(),
    )


async def test_a_new_shop_is_ready_once_its_first_order_arrives(
    ingest, infra, module_prefix
) -> None:
    create_shop(ingest.url, SHOP, "shopify", WHSEC, contact_email="hello@setup.example")

    new = await setup_of(ingest)
    assert new["shop_id"] == SHOP and new["ready"] is False
    first = item(new, "first_webhook")
    assert (first["ok"], first["severity"]) == (False, "blocker")
    assert first["what"] == "no order has arrived yet"
    assert f"/webhooks/shopify/{SHOP}" in first["how_to_fix"]
    assert item(new, "alert_recipient")["ok"] and item(new, "contact")["ok"]
    assert item(new, "order_api_credentials")["ok"]  # Shopify sends the whole order
    # The test environment runs with the development defaults: a warning, not a blocker.
    secrets = item(new, "default_secrets")
    assert (secrets["ok"], secrets["severity"]) == (False, "warning")
    assert "admin_token" in secrets["what"] and "api_token" in secrets["what"]
    assert item(new, "review_connectors")["ok"]  # no reviews yet

    order = {**live_shopify_order("orders__create.captured_test_order"), "id": 9001}
    body = body_of(order)
    r = await post(
        f"{ingest.url}/webhooks/shopify/{SHOP}", body, shopify_headers(body, WHSEC, "orders/create")
    )
    assert r.status_code == 202, r.text

    after = await setup_of(ingest)
    assert item(after, "first_webhook")["ok"] is True
    assert after["ready"] is True


async def test_reviews_from_a_platform_need_the_connector_the_responder_announces(
    ingest, infra, module_database, module_prefix
) -> None:
    payload = fixture("trustpilot", "service-review-created")
    body = body_of(payload)
    r = await post(f"{ingest.url}/reviews/trustpilot/{SHOP}", body, standard_headers(body, WHSEC))
    assert r.status_code == 202, r.text

    missing = item(await setup_of(ingest), "review_connectors")
    assert (missing["ok"], missing["severity"]) == (False, "warning")
    assert "Trustpilot reviews (1)" in missing["what"]

    now = datetime.now(UTC)
    await connector_changed(infra, module_prefix, "trustpilot", True, now)

    async def connected() -> bool:
        return bool(item(await setup_of(ingest), "review_connectors")["ok"])

    await eventually(connected)

    # An older announcement arriving late (a replay of the shops topic) changes nothing; the
    # newer removal, published after it, does.
    await connector_changed(infra, module_prefix, "trustpilot", False, now - timedelta(hours=1))
    await connector_changed(infra, module_prefix, "google", True, now)  # a marker behind it

    async def marker_seen() -> bool:
        conn = await connect_as(infra, module_database, "ingest")
        try:
            return bool(
                await conn.fetchval(
                    "SELECT connected FROM shop_connectors WHERE shop_id = $1 AND platform = $2",
                    SHOP,
                    "google",
                )
            )
        finally:
            await conn.close()

    await eventually(marker_seen)
    assert item(await setup_of(ingest), "review_connectors")["ok"] is True

    await connector_changed(infra, module_prefix, "trustpilot", False, now + timedelta(seconds=1))

    async def removed() -> bool:
        return not item(await setup_of(ingest), "review_connectors")["ok"]

    await eventually(removed)


async def test_a_connector_set_at_the_responder_reaches_the_checklist(
    ingest, infra, module_database, module_prefix, tmp_path
) -> None:
    """The whole way: the registry announces the shop, the responder learns it, a manager
    connects the shop's signed webhook, the responder's outbox announces it on Kafka, and
    ingest's consumer turns the checklist's item ok."""
    shop_id = "linked-shop"
    responder = ServiceProcess(
        "responder", service_env("responder", infra, module_database, module_prefix), tmp_path
    )
    try:
        responder.start()
        responder.wait_ready()
        create_shop(ingest.url, shop_id, "shopify", WHSEC)
        async with httpx.AsyncClient(base_url=responder.url, timeout=10) as http:

            async def known() -> bool:
                r = await http.get("/v1/shops", headers=BOOTSTRAP)
                return shop_id in {s["shop_id"] for s in r.json()}

            await eventually(known)
            _, manager = await user_with_key(http, "manager", [shop_id])

            body = body_of(fixture("trustpilot", "service-review-created"))
            r = await post(
                f"{ingest.url}/reviews/trustpilot/{shop_id}", body, standard_headers(body, WHSEC)
            )
            assert r.status_code == 202, r.text
            assert not item(await setup_of(ingest, shop_id), "review_connectors")["ok"]

            # A host that does not resolve now is accepted (checked again at each delivery).
            r = await http.put(
                f"/v1/shops/{shop_id}/connector",
                json={"url": "http://replies.invalid/reviewloop"},
                headers=manager,
            )
            assert r.status_code == 200, r.text

        async def connected() -> bool:
            return bool(item(await setup_of(ingest, shop_id), "review_connectors")["ok"])

        await eventually(connected, wait_s=30)
    finally:
        responder.kill()


async def test_a_shop_without_an_alert_recipient_is_not_ready(
    ingest, infra, module_database
) -> None:
    shop_id = "silent-shop"
    create_shop(ingest.url, shop_id, "standard", WHSEC, contact_email="hello@silent.example")
    # Without alert recipients the contact address is alerted.
    async with httpx.AsyncClient(timeout=10) as http:
        r = await http.patch(
            f"{ingest.url}/v1/admin/shops/{shop_id}", json={"alert_recipients": []}, headers=ADMIN
        )
    assert r.status_code == 200, r.text
    fallback = item(await setup_of(ingest, shop_id), "alert_recipient")
    assert fallback["ok"] is True
    assert fallback["what"] == (
        "no alert recipients set: alerts go to the contact address hello@silent.example"
    )

    # The registry no longer lets a shop lose its contact, but shops registered before #18
    # could have none: such a shop, as its row stands.
    conn = await connect_as(infra, module_database, "ingest")
    try:
        await conn.execute(
            "UPDATE shops SET alert_recipients = '[]', contact_email = NULL WHERE shop_id = $1",
            shop_id,
        )
    finally:
        await conn.close()

    setup = await setup_of(ingest, shop_id)
    alert = item(setup, "alert_recipient")
    assert (alert["ok"], alert["severity"]) == (False, "blocker")
    assert "1-star review would alert nobody" in alert["why_it_matters"]
    assert alert["what"] == "no alert recipient and no contact address: alerts go to nobody"
    assert f"/v1/admin/shops/{shop_id}" in alert["how_to_fix"]
    assert item(setup, "contact")["ok"] is False
    assert setup["ready"] is False


def test_unknown_shops_and_missing_tokens_are_refused(ingest) -> None:
    r = httpx.get(f"{ingest.url}/v1/admin/shops/no-such-shop/setup", headers=ADMIN, timeout=10)
    assert r.status_code == 404 and r.json()["detail"] == "unknown shop"
    r = httpx.get(f"{ingest.url}/v1/admin/shops/{SHOP}/setup", timeout=10)
    assert r.status_code == 401
