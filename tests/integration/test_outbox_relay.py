"""The outbox relay publishes committed events, never rolled-back ones, and marks rows sent."""

import asyncio
from datetime import UTC, datetime

import pytest

from services.ingest.app import MIGRATIONS
from services.ingest.settings import IngestSettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool
from shared.events import OrderCancelled, parse_event
from shared.kafka.admin import ensure_topics
from shared.kafka.producer import create_producer
from shared.outbox import repository as outbox
from shared.outbox.relay import OutboxRelay
from shared.topics import ORDERS, topic_name
from tests.support.kafka import eventually, read_topic

pytestmark = pytest.mark.integration


def cancelled(order_id: str) -> OrderCancelled:
    return OrderCancelled(
        shop_id="shop-1", payload={"order_id": order_id, "cancelled_at": datetime.now(UTC)}
    )


async def test_relay_publishes_committed_events_keyed_and_in_order(make_settings, prefix) -> None:
    settings = make_settings(IngestSettings)
    await ensure_topics(settings.kafka_bootstrap_servers, prefix, partitions=2)
    pool = await create_pool(settings)
    producer = create_producer(settings)
    await producer.start()
    relay = OutboxRelay(pool, producer, "ingest", prefix, poll_interval=5.0)
    task = asyncio.create_task(relay.run())
    try:
        await apply_migrations(pool, "ingest", service_migrations("ingest", MIGRATIONS))
        events = [cancelled(f"o-{i}") for i in range(5)]
        async with pool.acquire() as conn:
            async with conn.transaction():
                for e in events:
                    await outbox.add(conn, e, "corr-1")
            rolled_back = cancelled("never")
            tx = conn.transaction()
            await tx.start()
            await outbox.add(conn, rolled_back, None)
            await tx.rollback()

        # poll_interval is 5 s: arrival well before that shows NOTIFY woke the relay.
        records = await read_topic(
            settings.kafka_bootstrap_servers, topic_name(ORDERS.name, prefix), expect=5, wait_s=4
        )
        got = [parse_event(r.value) for r in records]
        assert sorted(e.event_id for e in got) == sorted(e.event_id for e in events)
        for record, event in zip(records, got, strict=True):
            assert record.key == event.partition_key().encode()
            assert dict(record.headers)["correlation_id"] == b"corr-1"

        async def drained() -> bool:
            async with pool.acquire() as conn:
                return await outbox.count_unsent(conn) == 0

        await eventually(drained)
    finally:
        await relay.stop()
        await asyncio.wait_for(task, 10)
        await producer.stop()
        await pool.close()
