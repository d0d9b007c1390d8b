"""Two ingest fetch workers (as two replicas, each with its own database pool) never call one
shop's API more than INGEST_FETCH_MAX_PER_SHOP times at once: the calls hold leased slots in
ingest's schema. The same two without a tight cap overlap more, so the count can fail."""

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from services.ingest.app import MIGRATIONS
from services.ingest.fetch.worker import FetchWorker
from services.ingest.orders.facts import OrderFacts
from services.ingest.orders.service import apply_facts
from services.ingest.settings import IngestSettings
from services.ingest.shops import repository as shops
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool

pytestmark = pytest.mark.integration

ORDER = json.loads(
    (
        Path(__file__).resolve().parents[1] / "fixtures" / "platform_api" / "ecwid" / "order.json"
    ).read_text()
)
TOKEN = "ecwid-token-0123456789"
ORDERS = 16
ANSWER_DELAY_S = 0.15


class SlowShopApi:
    """Answers every Ecwid order GET after a pause, counting the calls open at once per store."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open: dict[str, int] = {}
        self.most: dict[str, int] = {}
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                store = self.path.split("/")[3]  # /api/v3/{store_id}/orders/{id}
                with api.lock:
                    api.open[store] = api.open.get(store, 0) + 1
                    api.most[store] = max(api.most.get(store, 0), api.open[store])
                try:
                    time.sleep(ANSWER_DELAY_S)
                    order_id = self.path.split("?")[0].rsplit("/", 1)[1]
                    data = json.dumps({**ORDER, "id": order_id, "orderNumber": 1}).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                finally:
                    with api.lock:
                        api.open[store] -= 1

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"


@pytest.fixture
def shop_api() -> Iterator[SlowShopApi]:
    api = SlowShopApi()
    api.thread.start()
    try:
        yield api
    finally:
        api.server.shutdown()
        api.server.server_close()


async def fetch_with_two_replicas(make_settings, api: SlowShopApi, per_shop: int) -> int:
    """Both workers tick until every order of two shops is fetched; the orders fetched."""

    def settings() -> IngestSettings:
        return make_settings(
            IngestSettings,
            fetch_max_per_shop=per_shop,
            fetch_concurrency=8,
            fetch_batch_size=8,
            fetch_interval_s=0.05,
            outbound_allow_private_networks=True,
        )

    pools = [await create_pool(settings()) for _ in range(2)]
    try:
        await apply_migrations(pools[0], "ingest", service_migrations("ingest", MIGRATIONS))
        async with pools[0].acquire() as conn:
            for shop, store in (("a", "1001"), ("b", "1002")):
                await shops.insert(conn, shop, "ecwid", shop, "en", "SI", "UTC", "s" * 16)
                credentials = {
                    "store_id": store,
                    "access_token": TOKEN,
                    "currency": "EUR",
                    "api_base_url": api.url,
                }
                await shops.set_api_credentials(conn, shop, credentials)
                for n in range(ORDERS):
                    async with conn.transaction():
                        facts = OrderFacts(f"{n}", "ecwid", datetime.now(UTC), needs_fetch=True)
                        await apply_facts(conn, shop, facts)

        async def replica(index: int) -> int:
            worker, applied = FetchWorker(settings()), 0
            deadline = time.monotonic() + 60
            while applied < 2 * ORDERS and time.monotonic() < deadline:
                applied += await worker.run_once(pools[index])
                async with pools[index].acquire() as conn:
                    done = await conn.fetchval(
                        "SELECT count(*) FROM orders WHERE fetched_at IS NOT NULL"
                    )
                if done == 2 * ORDERS:
                    break
                await asyncio.sleep(0.05)
            return applied

        return sum(await asyncio.gather(replica(0), replica(1)))
    finally:
        for pool in pools:
            await pool.close()


async def test_two_replicas_share_the_per_shop_cap(make_settings, shop_api) -> None:
    applied = await fetch_with_two_replicas(make_settings, shop_api, per_shop=2)
    assert applied == 2 * ORDERS  # each order fetched once, by one of the two
    assert shop_api.most == {"1001": 2, "1002": 2}


async def test_without_a_tight_cap_the_replicas_overlap(make_settings, shop_api) -> None:
    applied = await fetch_with_two_replicas(make_settings, shop_api, per_shop=16)
    assert applied == 2 * ORDERS
    assert max(shop_api.most.values()) > 2
