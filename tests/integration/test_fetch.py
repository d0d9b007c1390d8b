"""Thin webhooks (BigCommerce, Ecwid) through a real ingest process: its fetch worker asks a
local stand-in for the platform APIs (serving the documented answers in
tests/fixtures/platform_api) and the fetched orders reach Kafka as order events, once each."""

import copy
import json
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from services.ingest.app import MIGRATIONS
from services.ingest.orders import repository as orders
from services.ingest.orders.facts import OrderFacts
from services.ingest.orders.service import apply_facts
from services.ingest.settings import IngestSettings
from services.ingest.shops import repository as shops
from services.ingest.webhooks import repository as deliveries
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool
from shared.events import parse_event
from shared.topics import ORDERS, topic_name
from tests.conftest import connect_as, service_env
from tests.support.admin import ADMIN, create_shop
from tests.support.kafka import eventually
from tests.support.platforms import body_of, ecwid_headers, fixture, standard_headers
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

API_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "platform_api"
SECRET = "shop-secret-0123456789"
WHSEC = "whsec_c2hvcC1zZWNyZXQtMDEyMzQ1Njc4OWFiY2RlZg=="
BC_TOKEN = "bc-token-0123456789"
ECWID_TOKEN = "ecwid-token-0123456789"
STORE_HASH = "abc123"
ECWID_STORE = "1003"


def api_fixture(platform: str, name: str) -> Any:
    return json.loads((API_FIXTURES / platform / f"{name}.json").read_text())


class PlatformApi:
    """Stands in for the BigCommerce and Ecwid REST APIs: answers GETs with the JSON the test
    put under the request's path (None: 204), 404 for anything else, 401 without the token."""

    def __init__(self) -> None:
        self.answers: dict[str, Any] = {}
        self.requests: list[str] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                api.requests.append(path)
                if path.startswith("/stores/"):
                    authorised = self.headers.get("X-Auth-Token") == BC_TOKEN
                else:
                    authorised = self.headers.get("Authorization") == f"Bearer {ECWID_TOKEN}"
                if not authorised:
                    self._answer(401, {"errorMessage": "unauthorised"})
                elif path not in api.answers:
                    self._answer(404, {"errorMessage": "not found"})
                elif api.answers[path] is None:
                    self._answer(204, None)
                else:
                    self._answer(200, api.answers[path])

            def _answer(self, status: int, body: Any) -> None:
                data = b"" if body is None else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"


@pytest.fixture(scope="module")
def platform_api() -> Iterator[PlatformApi]:
    api = PlatformApi()
    api.thread.start()
    try:
        yield api
    finally:
        api.server.shutdown()
        api.server.server_close()


def put_credentials(ingest_url: str, shop_id: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.put(
        f"{ingest_url}/v1/admin/shops/{shop_id}/api-credentials",
        json=body,
        headers=ADMIN,
        timeout=10,
    )


def ecwid_credentials(api: PlatformApi, store_id: str = ECWID_STORE) -> dict[str, Any]:
    return {
        "store_id": store_id,
        "access_token": ECWID_TOKEN,
        "currency": "EUR",
        "api_base_url": api.url,
    }


@pytest.fixture(scope="module")
def ingest(
    infra, module_database, module_prefix, tmp_path_factory, platform_api
) -> Iterator[ServiceProcess]:
    env = {
        **service_env("ingest", infra, module_database, module_prefix),
        "INGEST_FETCH_INTERVAL_S": "0.2",
        "INGEST_FETCH_RETRY_BASE_S": "0.5",
        # The platform API stand-in listens on loopback.
        "INGEST_OUTBOUND_ALLOW_PRIVATE_NETWORKS": "true",
    }
    proc = ServiceProcess("ingest", env, tmp_path_factory.mktemp("ingest-logs"))
    proc.start()
    try:
        proc.wait_ready()
        create_shop(proc.url, "bc-shop", "bigcommerce", WHSEC)
        create_shop(proc.url, "ecwid-shop", "ecwid", SECRET)
        bc = {"store_hash": STORE_HASH, "access_token": BC_TOKEN, "api_base_url": platform_api.url}
        assert put_credentials(proc.url, "bc-shop", bc).status_code == 200
        assert put_credentials(proc.url, "ecwid-shop", ecwid_credentials(platform_api)).is_success
        yield proc
    finally:
        proc.kill()


def post(ingest: ServiceProcess, platform: str, shop: str, body: bytes, headers: dict[str, str]):
    r = httpx.post(
        f"{ingest.url}/webhooks/{platform}/{shop}", content=body, headers=headers, timeout=10
    )
    assert r.status_code == 202, r.text
    return r


def post_ecwid(ingest: ServiceProcess, shop: str, name: str, event_id: str, order_id: str):
    payload = fixture("ecwid", name)
    payload = {**payload, "eventId": event_id, "data": {**payload["data"], "orderId": order_id}}
    return post(ingest, "ecwid", shop, body_of(payload), ecwid_headers(payload, SECRET))


def post_bigcommerce(ingest: ServiceProcess, payload: dict[str, Any]):
    body = body_of(payload)
    return post(ingest, "bigcommerce", "bc-shop", body, standard_headers(body, WHSEC))


async def order_row(infra, database: str, shop: str, order: str) -> asyncpg.Record | None:
    conn = await connect_as(infra, database, "ingest")
    try:
        return await conn.fetchrow(
            """
            SELECT *, fetch_after > now() + interval '5 minutes' AS deferred
            FROM orders WHERE shop_id = $1 AND order_id = $2
            """,
            shop,
            order,
        )
    finally:
        await conn.close()


async def row_when(infra, database: str, shop: str, order: str, condition) -> asyncpg.Record:
    async def check() -> asyncpg.Record | None:
        row = await order_row(infra, database, shop, order)
        return row if row is not None and condition(row) else None

    return await eventually(check, wait_s=30)


async def published_events(infra, database: str, prefix: str, shop: str) -> list:
    """Every order event of the shop on Kafka, once the outbox has published all it holds."""

    async def outbox_drained() -> bool:
        conn = await connect_as(infra, database, "ingest")
        try:
            return await conn.fetchval("SELECT count(*) = 0 FROM outbox WHERE sent_at IS NULL")
        finally:
            await conn.close()

    await eventually(outbox_drained, wait_s=30)
    records = await read_everything(infra.kafka_bootstrap, topic_name(ORDERS.name, prefix))
    events = [parse_event(r.value) for r in records]
    return [e for e in events if e.shop_id == shop]


async def read_everything(bootstrap: str, topic: str) -> list:
    """The topic's records up to its current end. Without a consumer group every partition is
    assigned at once: no group join to wait for."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    try:
        partitions = await eventually(consumer_assignment(consumer), wait_s=10, interval=0.05)
        await consumer.seek_to_beginning(*partitions)
        end = await consumer.end_offsets(partitions)
        records: list = []
        while [tp for tp in partitions if await consumer.position(tp) < end[tp]]:
            batch = await consumer.getmany(*partitions, timeout_ms=500)
            for part in batch.values():
                records.extend(part)
        return records
    finally:
        await consumer.stop()


def consumer_assignment(consumer: AIOKafkaConsumer):
    async def check() -> list[TopicPartition]:
        return sorted(consumer.assignment())

    return check


def test_api_credentials_are_checked_per_platform_and_never_shown(ingest) -> None:
    create_shop(ingest.url, "creds-bc", "bigcommerce", WHSEC)
    create_shop(ingest.url, "creds-shopify", "shopify", SECRET)
    bc = {"store_hash": "abc123", "access_token": "very-secret-token-987"}
    ecwid = {"store_id": "1003", "access_token": "very-secret-token-987", "currency": "EUR"}
    url = f"{ingest.url}/v1/admin/shops/creds-bc/api-credentials"
    assert httpx.put(url, json=bc).status_code == 401
    assert put_credentials(ingest.url, "no-such-shop", bc).status_code == 404
    mismatch = put_credentials(ingest.url, "creds-bc", ecwid)
    assert mismatch.status_code == 422 and "store_hash" in mismatch.text
    needless = put_credentials(ingest.url, "creds-shopify", ecwid)
    assert needless.status_code == 422 and "need no API credentials" in needless.text
    bad_url = put_credentials(ingest.url, "creds-bc", {**bc, "api_base_url": "ftp://x"})
    assert bad_url.status_code == 422

    ok = put_credentials(ingest.url, "creds-bc", bc)
    assert ok.status_code == 200, ok.text
    assert ok.json()["has_api_credentials"] is True
    listing = httpx.get(f"{ingest.url}/v1/admin/shops", headers=ADMIN, timeout=10)
    assert "very-secret-token-987" not in ok.text + listing.text
    shops = {s["shop_id"]: s["has_api_credentials"] for s in listing.json()}
    assert shops["creds-bc"] is True and shops["creds-shopify"] is False


async def test_bigcommerce_order_is_fetched_and_announced_once(
    ingest, platform_api, infra, module_database, module_prefix
) -> None:
    store = f"/stores/{STORE_HASH}/v2/orders/250"
    order = {
        **api_fixture("bigcommerce", "order"),
        "id": 250,
        "status_id": 2,  # Shipped
        "date_shipped": "Wed, 13 Mar 2019 10:00:00 +0000",
    }
    platform_api.answers.update(
        {
            store: order,
            f"{store}/products": api_fixture("bigcommerce", "order_products"),
            f"{store}/shipping_addresses": api_fixture("bigcommerce", "order_shipping_addresses"),
        }
    )
    created = fixture("bigcommerce", "store__order__created")
    assert post_bigcommerce(ingest, created).json()["events"] == 0  # only the id is known
    await row_when(infra, module_database, "bc-shop", "250", lambda r: r["placed_emitted"])

    # A status change afterwards: its own facts were announced already, and the fetch it asks
    # for finds nothing new either.
    status = fixture("bigcommerce", "store__order__statusUpdated")
    status = {**status, "data": {**status["data"], "status": {"new_status_id": 2}}}
    post_bigcommerce(ingest, status)
    row = await row_when(
        infra,
        module_database,
        "bc-shop",
        "250",
        lambda r: r["fetch_requests"] == r["fetch_requests_served"] == 1,
    )
    assert row["fetch_error"] is None and not row["needs_fetch"]

    events = await published_events(infra, module_database, module_prefix, "bc-shop")
    assert sorted(Counter(e.type for e in events).items()) == [
        ("order.fulfilled", 1),
        ("order.paid", 1),
        ("order.placed", 1),
    ]
    placed = next(e for e in events if e.type == "order.placed")
    assert placed.payload.order_id == "250" and placed.payload.platform == "bigcommerce"
    assert placed.payload.customer.email == "janedoe@example.com"
    assert placed.payload.currency == "USD"
    assert [(i.product_id, i.quantity) for i in placed.payload.items] == [("77", 1)]
    fulfilled = next(e for e in events if e.type == "order.fulfilled")
    assert fulfilled.payload.fulfilled_at.isoformat() == "2019-03-13T10:00:00+00:00"


async def test_ecwid_order_is_fetched_again_when_it_changes(
    ingest, platform_api, infra, module_database, module_prefix
) -> None:
    path = f"/api/v3/{ECWID_STORE}/orders/XJ12H"
    placed = {
        **api_fixture("ecwid", "order"),
        "paymentStatus": "AWAITING_PAYMENT",
        "fulfillmentStatus": "AWAITING_PROCESSING",
        "refunds": [],
    }
    platform_api.answers[path] = placed
    post_ecwid(ingest, "ecwid-shop", "order.created", "evt-created", "XJ12H")
    await row_when(infra, module_database, "ecwid-shop", "XJ12H", lambda r: r["placed_emitted"])

    platform_api.answers[path] = {
        **copy.deepcopy(placed),
        "paymentStatus": "PAID",
        "fulfillmentStatus": "DELIVERED",
        "updateDate": "2018-06-02 09:00:00 +0000",
    }
    post_ecwid(ingest, "ecwid-shop", "order.updated", "evt-updated", "XJ12H")
    await row_when(
        infra, module_database, "ecwid-shop", "XJ12H", lambda r: r["delivered_at"] is not None
    )

    events = await published_events(infra, module_database, module_prefix, "ecwid-shop")
    assert [e.type for e in events if e.payload.order_id == "XJ12H"] == [
        "order.placed",
        "order.paid",
        "order.fulfilled",
        "order.delivered",
    ]
    first = events[0]
    assert first.payload.currency == "EUR"
    assert first.payload.customer.email == "name@example.com"
    assert [i.unit_price for i in first.payload.items] == [Decimal("1060"), Decimal("16.64")]


async def test_an_order_the_platform_does_not_know_records_the_error(
    ingest, platform_api, infra, module_database, module_prefix
) -> None:
    post_ecwid(ingest, "ecwid-shop", "order.created", "evt-gone", "GONE1")
    row = await row_when(
        infra, module_database, "ecwid-shop", "GONE1", lambda r: r["fetch_error"] is not None
    )
    assert "404" in row["fetch_error"]
    assert row["needs_fetch"] and not row["placed_emitted"] and row["fetch_attempts"] >= 1
    assert f"/api/v3/{ECWID_STORE}/orders/GONE1" in platform_api.requests
    events = await published_events(infra, module_database, module_prefix, "ecwid-shop")
    assert not [e for e in events if e.payload.order_id == "GONE1"]


async def test_orders_wait_for_credentials_without_using_up_attempts(
    ingest, platform_api, infra, module_database, module_prefix
) -> None:
    create_shop(ingest.url, "ecwid-later", "ecwid", SECRET)
    post_ecwid(ingest, "ecwid-later", "order.created", "evt-later", "LATER1")
    row = await row_when(
        infra, module_database, "ecwid-later", "LATER1", lambda r: r["fetch_error"] is not None
    )
    assert "no API credentials" in row["fetch_error"]
    assert row["fetch_attempts"] == 0 and row["deferred"]

    platform_api.answers["/api/v3/2002/orders/LATER1"] = api_fixture("ecwid", "order")
    r = put_credentials(ingest.url, "ecwid-later", ecwid_credentials(platform_api, "2002"))
    assert r.status_code == 200
    # Setting credentials wakes the waiting orders: no ten-minute wait.
    row = await row_when(
        infra, module_database, "ecwid-later", "LATER1", lambda r: r["placed_emitted"]
    )
    assert row["fetch_error"] is None
    events = await published_events(infra, module_database, module_prefix, "ecwid-later")
    assert Counter(e.type for e in events)["order.placed"] == 1


async def test_claims_lease_back_off_give_up_and_wake_on_new_deliveries(make_settings) -> None:
    """The claim query alone, against a fresh database (no worker running)."""
    pool = await create_pool(make_settings(IngestSettings))
    now = datetime.now(UTC)

    async def claim(conn, limit: int = 10) -> list[str]:
        claims = await orders.claim_fetches(conn, limit, 100.0, 250.0, 3)
        return sorted(c.order_id for c in claims)

    async def make_due(conn) -> None:
        await conn.execute("UPDATE orders SET fetch_after = now()")

    try:
        await apply_migrations(pool, "ingest", service_migrations("ingest", MIGRATIONS))
        async with pool.acquire() as conn:
            await shops.insert(conn, "s", "ecwid", "S", "en", "SI", "UTC", "secret-0123456789")
            for order_id in ("o1", "o2", "o3"):
                async with conn.transaction():
                    facts = OrderFacts(order_id, "ecwid", now, needs_fetch=True)
                    await apply_facts(conn, "s", facts)

        # Replicas claiming together get disjoint orders.
        async with pool.acquire() as a, pool.acquire() as b:
            async with a.transaction():
                first = await claim(a, limit=2)
                second = await claim(b)
            assert first == ["o1", "o2"] and second == ["o3"]
            # Claimed orders are leased: nothing is due now.
            assert await claim(b) == []
            leases = await b.fetch(
                "SELECT fetch_after - now() AS wait, fetch_attempts FROM orders ORDER BY order_id"
            )
            assert all(r["fetch_attempts"] == 1 for r in leases)
            assert all(99 <= r["wait"].total_seconds() <= 101 for r in leases)

            # Each further attempt waits twice as long, up to the cap; then the worker gives up.
            waits = []
            for _ in range(2):
                await make_due(b)
                assert await claim(b) == ["o1", "o2", "o3"]
                waits.append(
                    await b.fetchval("SELECT fetch_after - now() FROM orders WHERE order_id='o1'")
                )
            assert [round(w.total_seconds()) for w in waits] == [200, 250]
            await make_due(b)
            assert await claim(b) == []  # three attempts were the maximum

            # A new thin delivery for o1 starts its attempts again.
            async with b.transaction():
                await deliveries.record_many(
                    b,
                    [
                        deliveries.DeliveryRow(
                            "s", "ecwid", "event:2", "order.updated", "o1", "needs_fetch", b"{}"
                        )
                    ],
                )
            assert await claim(b) == ["o1"]

            # A fetched order drops out; a delivery after its fetch brings it back, once.
            async with b.transaction():
                await apply_facts(b, "s", OrderFacts("o4", "ecwid", now, needs_fetch=True))
            await b.execute("UPDATE orders SET needs_fetch = false WHERE order_id = 'o4'")
            await orders.fetch_succeeded(b, "s", "o4", 0)
            assert "o4" not in await claim(b)
            async with b.transaction():
                await deliveries.record_many(
                    b,
                    [
                        deliveries.DeliveryRow(
                            "s", "ecwid", "event:3", "order.updated", "o4", "needs_fetch", b"{}"
                        )
                    ],
                )
            (claimed,) = await orders.claim_fetches(b, 10, 100.0, 250.0, 3)
            assert (claimed.order_id, claimed.requests) == ("o4", 1)
            await orders.fetch_succeeded(b, "s", "o4", claimed.requests)
            await make_due(b)
            assert "o4" not in await claim(b)

            # Redacted orders are never fetched again.
            await b.execute("UPDATE orders SET redacted_at = now(), fetch_attempts = 0")
            await make_due(b)
            assert await claim(b) == []
    finally:
        await pool.close()
