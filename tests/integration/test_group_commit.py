"""Group commit of webhook deliveries against the real, migrated ingest schema: a batch must
have exactly the effects of its deliveries written one after the other."""

import asyncio
import json
from collections import Counter
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, cast

import asyncpg
import pytest

from services.ingest.app import MIGRATIONS
from services.ingest.settings import IngestSettings
from services.ingest.shops import repository as shops
from services.ingest.webhooks.adapters.base import WebhookRequest
from services.ingest.webhooks.adapters.shopify import ShopifyAdapter
from services.ingest.webhooks.group_commit import GroupCommit, Pending
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool
from shared.runtime import Runtime
from tests.support.platforms import body_of, fixture, live_shopify_order, shopify_headers

SECRET = "group-commit-secret-0123"


@pytest.fixture
async def pool(make_settings) -> Any:
    pool = await create_pool(make_settings(IngestSettings))
    try:
        await apply_migrations(pool, "ingest", service_migrations("ingest", MIGRATIONS))
        async with pool.acquire() as conn:
            await shops.insert(conn, "s", "shopify", "S", "en", "US", "UTC", SECRET)
        yield pool
    finally:
        await pool.close()


def commits(pool: Pool, max_in_flight: int = 1) -> GroupCommit:
    runtime = cast(Runtime, SimpleNamespace(db=pool))
    return GroupCommit(runtime, max_batch=100, max_in_flight=max_in_flight)


def pending(topic: str, payload: dict[str, Any], event_id: str, shop_id: str = "s") -> Pending:
    body = body_of(payload)
    headers = {k.lower(): v for k, v in shopify_headers(body, SECRET, topic, event_id).items()}
    delivery = ShopifyAdapter().parse(WebhookRequest(headers, body, datetime.now(UTC)))
    return Pending(shop_id, "shopify", delivery, body, correlation_id=f"corr-{event_id}")


def order(order_id: int, email: str) -> dict[str, Any]:
    data = live_shopify_order("orders__create")
    data["id"] = order_id
    data["email"] = email
    # One event per new order (order.placed): the published sample is a cancelled order.
    data["financial_status"] = "pending"
    data["cancelled_at"] = data["cancel_reason"] = None
    data["customer"] = {**data["customer"], "id": order_id + 1, "email": email}
    return data


async def outbox(pool: Pool) -> list[asyncpg.Record]:
    async with pool.acquire() as conn:
        return await conn.fetch(
            "SELECT event_type, partition_key, correlation_id, body FROM outbox ORDER BY id"
        )


async def test_one_batch_has_the_effects_of_its_deliveries_one_by_one(pool: Pool) -> None:
    paid = order(1001, "a@example.com")
    paid["financial_status"] = "paid"
    cancelled = order(1001, "a@example.com")
    cancelled["cancelled_at"] = "2026-11-21T10:00:00Z"
    cancelled["cancel_reason"] = "customer"
    batch = [
        pending("orders/create", order(1001, "a@example.com"), "e1"),
        pending("orders/create", order(1002, "b@example.com"), "e2"),
        pending("orders/create", order(1001, "a@example.com"), "e1"),  # the same delivery again
        pending("orders/paid", paid, "e3"),
        pending("orders/cancelled", cancelled, "e4"),
    ]
    group = commits(pool)
    # Queued before the flusher first runs: all five go into one transaction.
    results = await asyncio.gather(*(group.submit(p) for p in batch))

    assert results[2] is None, "the repeated delivery is a duplicate"
    assert all(r is not None and r > 0 for i, r in enumerate(results) if i != 2), results
    rows = await outbox(pool)
    per_order = Counter((r["partition_key"], r["event_type"]) for r in rows)
    assert per_order == Counter(
        {
            ("s:1001", "order.placed"): 1,
            ("s:1001", "order.paid"): 1,
            ("s:1001", "order.cancelled"): 1,
            ("s:1002", "order.placed"): 1,
        }
    ), per_order
    assert sum(r for r in results if r is not None) == len(rows)
    # Each event carries the correlation id of the request that caused it.
    by_type = {(r["partition_key"], r["event_type"]): r["correlation_id"] for r in rows}
    assert by_type[("s:1001", "order.placed")] == "corr-e1"
    assert by_type[("s:1002", "order.placed")] == "corr-e2"
    assert by_type[("s:1001", "order.cancelled")] == "corr-e4"
    async with pool.acquire() as conn:
        stored = await conn.fetch("SELECT dedupe_key, payload FROM webhook_deliveries")
        state = await conn.fetchrow(
            "SELECT cancelled_at, paid_at FROM orders WHERE order_id='1001'"
        )
    assert len(stored) == 4
    # The body is stored byte for byte as it came.
    bodies = {r["dedupe_key"]: bytes(r["payload"]) for r in stored}
    assert bodies["orders/create:e2"] == batch[1].body
    assert state["cancelled_at"] is not None and state["paid_at"] is not None


async def test_a_bad_delivery_fails_alone(pool: Pool) -> None:
    good = pending("orders/create", order(2001, "c@example.com"), "g1")
    # No such shop: the delivery log's foreign key refuses it, and with it the whole batch.
    bad = pending("orders/create", order(2002, "d@example.com"), "b1", shop_id="nope")
    other = pending("orders/create", order(2003, "e@example.com"), "g2")
    group = commits(pool)
    results = await asyncio.gather(
        *(group.submit(p) for p in (good, bad, other)), return_exceptions=True
    )

    assert isinstance(results[1], asyncpg.ForeignKeyViolationError), results
    assert results[0] == 1 and results[2] == 1, results
    keys = sorted(r["partition_key"] for r in await outbox(pool))
    assert keys == ["s:2001", "s:2003"]


async def test_a_redaction_in_a_batch_sees_the_orders_before_it(pool: Pool) -> None:
    redact = fixture("shopify", "customers__redact")
    redact["customer"]["email"] = "f@example.com"
    redact["orders_to_redact"] = [3001]
    batch = [
        pending("orders/create", order(3001, "f@example.com"), "r1"),
        pending("customers/redact", redact, "r2"),
        pending("orders/create", order(3002, "g@example.com"), "r3"),
    ]
    group = commits(pool)
    results = await asyncio.gather(*(group.submit(p) for p in batch))

    assert results == [1, 1, 1], results
    async with pool.acquire() as conn:
        rows = {
            r["order_id"]: r
            for r in await conn.fetch("SELECT order_id, customer_email, details FROM orders")
        }
    assert rows["3001"]["customer_email"] is None
    assert "f@example.com" not in json.dumps(rows["3001"]["details"])
    assert rows["3002"]["customer_email"] == "g@example.com"
    types = [r["event_type"] for r in await outbox(pool)]
    assert types == ["order.placed", "customer.redact_requested", "order.placed"]


async def test_flushers_in_flight_never_exceed_the_limit(pool: Pool) -> None:
    group = commits(pool, max_in_flight=2)
    batch = [
        pending("orders/create", order(4000 + i, f"h{i}@example.com"), f"p{i}") for i in range(40)
    ]
    peak = 0

    async def watch() -> None:
        nonlocal peak
        while True:
            peak = max(peak, group._flushers)
            await asyncio.sleep(0)

    watcher = asyncio.create_task(watch())
    try:
        results = await asyncio.gather(*(group.submit(p) for p in batch))
    finally:
        watcher.cancel()
    assert results == [1] * 40
    assert 1 <= peak <= 2
    assert group._flushers == 0
