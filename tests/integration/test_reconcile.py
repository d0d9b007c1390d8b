"""Reconciliation of an order export emits only the events that were never announced."""

import json
from datetime import UTC, datetime

import pytest

from services.ingest.app import MIGRATIONS
from services.ingest.orders.service import apply_facts
from services.ingest.reconcile import reconcile
from services.ingest.settings import IngestSettings
from services.ingest.shops import repository as shops
from services.ingest.webhooks.adapters import woocommerce
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool
from tests.support.platforms import fixture

pytestmark = pytest.mark.integration


async def test_export_after_lost_webhooks_adds_only_what_is_new(make_settings) -> None:
    pool = await create_pool(make_settings(IngestSettings))
    try:
        await apply_migrations(pool, "ingest", service_migrations("ingest", MIGRATIONS))
        async with pool.acquire() as conn:
            await shops.insert(conn, "woo", "woocommerce", "Woo", "en", "US", "UTC", "secret")
        created = fixture("woocommerce", "order.created")
        # The order.created webhook arrived; the order.updated (completed) one was lost.
        order = woocommerce.WooOrder.model_validate(created)
        async with pool.acquire() as conn, conn.transaction():
            await apply_facts(conn, "woo", woocommerce.order_facts(order, datetime.now(UTC)))

        second = {**created, "id": 728, "billing": {**created["billing"], "email": "b@example.com"}}
        export = [
            json.dumps(fixture("woocommerce", "order.updated")),  # 727, now completed
            json.dumps(second),  # never seen
            "{broken",
            json.dumps({"id": 729}),  # not an order
        ]
        report = await reconcile(pool, "woo", export)
        assert report.lines == 4 and report.orders == 2
        assert report.events == {"order.fulfilled": 1, "order.placed": 1, "order.paid": 1}
        assert [n for n, _ in report.errors] == [3, 4]
        assert "not valid JSON" in report.errors[0][1]

        again = await reconcile(pool, "woo", export)
        assert again.events == {}
    finally:
        await pool.close()
