"""The consumer runner against real Kafka and PostgreSQL: inbox, retries, dead letters, commits."""

import asyncio
import contextlib
import itertools
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import asyncpg
import pytest
from aiokafka.admin import AIOKafkaAdminClient

from services.survey.app import MIGRATIONS
from services.survey.settings import SurveySettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import Connection, Pool, create_pool
from shared.events import Event, OrderCancelled, serialize_event
from shared.kafka.admin import ensure_topics
from shared.kafka.consumer import ConsumerRunner, ConsumerSpec, Handler
from shared.kafka.handlers import Handlers
from shared.kafka.producer import create_producer
from shared.metrics import CONSUMER_MESSAGES
from shared.topics import ORDERS, dlq_name, topic_name
from tests.support.kafka import eventually, produce, read_topic

pytestmark = pytest.mark.integration


def cancelled(order_id: str) -> OrderCancelled:
    return OrderCancelled(
        shop_id="shop-1", payload={"order_id": order_id, "cancelled_at": datetime.now(UTC)}
    )


class Harness:
    """One consumer under test whose handler records every call in a table."""

    def __init__(self, settings: SurveySettings, pool: Pool, name: str) -> None:
        self.settings = settings
        self.pool = pool
        self.name = name
        self.failures_left: dict[str, int] = {}
        self.topic = topic_name(ORDERS.name, settings.kafka_topic_prefix)

    async def handler(self, conn: Connection, event: Event) -> None:
        order_id = event.payload.order_id
        await conn.execute("INSERT INTO handled (order_id) VALUES ($1)", order_id)
        if self.failures_left.get(order_id, 0) > 0:
            self.failures_left[order_id] -= 1
            raise ValueError(f"handler refuses {order_id}")

    def spec(self) -> ConsumerSpec:
        return ConsumerSpec(
            name=self.name,
            topics=(ORDERS,),
            handlers=Handlers().on(OrderCancelled, self.handler),
            retry_backoff_s=0.05,
        )

    async def handled(self) -> list[str]:
        rows = await self.pool.fetch("SELECT order_id FROM handled ORDER BY id")
        return [r["order_id"] for r in rows]

    async def send(self, value: bytes, key: bytes = b"shop-1:k") -> None:
        await produce(self.settings.kafka_bootstrap_servers, self.topic, value, key)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[ConsumerRunner]:
        producer = create_producer(self.settings)
        await producer.start()
        runner = ConsumerRunner(self.spec(), self.settings, self.pool, producer)
        task = asyncio.create_task(runner.run())
        try:
            yield runner
        finally:
            await runner.stop()
            await asyncio.wait_for(task, 10)
            await producer.stop()


@pytest.fixture
async def harness(make_settings) -> AsyncIterator[Harness]:
    settings = make_settings(SurveySettings)
    await ensure_topics(settings.kafka_bootstrap_servers, settings.kafka_topic_prefix, 2)
    pool = await create_pool(settings)
    await apply_migrations(pool, "survey", service_migrations("survey", MIGRATIONS))
    await pool.execute("CREATE TABLE handled (id serial PRIMARY KEY, order_id text NOT NULL)")
    try:
        yield Harness(settings, pool, "test.orders")
    finally:
        await pool.close()


def count(outcome: str) -> float:
    return CONSUMER_MESSAGES.labels("test.orders", outcome)._value.get()


async def test_poison_message_goes_to_the_dlq_and_the_next_one_is_processed(harness) -> None:
    good = cancelled("after-poison")
    async with harness.running():
        await harness.send(b'{"type": "order.cancelled", "truncated', key=b"shop-1:k")
        await harness.send(serialize_event(good), key=b"shop-1:k")
        await eventually(lambda: _has(harness, ["after-poison"]))

    dead = await read_topic(
        harness.settings.kafka_bootstrap_servers, dlq_name(harness.topic), expect=1
    )
    assert len(dead) == 1
    headers = dict(dead[0].headers)
    assert dead[0].value == b'{"type": "order.cancelled", "truncated'
    assert headers["x-dlq-error-type"] == b"ValidationError"
    assert headers["x-dlq-original-topic"] == harness.topic.encode()
    assert headers["x-dlq-consumer"] == b"test.orders"
    assert int(headers["x-dlq-original-offset"]) >= 0


async def test_redelivered_event_is_handled_once(harness) -> None:
    event = cancelled("twice")
    duplicates_before = count("duplicate")
    async with harness.running():
        await harness.send(serialize_event(event))
        await harness.send(serialize_event(event))  # same event_id, as after a producer retry
        await harness.send(serialize_event(cancelled("marker")))
        await eventually(lambda: _has(harness, ["twice", "marker"]))
    assert await harness.handled() == ["twice", "marker"]
    assert count("duplicate") - duplicates_before == 1


async def test_failing_handler_is_retried_then_dead_lettered_without_blocking(harness) -> None:
    harness.failures_left = {"flaky": 1, "broken": 99}
    async with harness.running():
        for order_id in ("flaky", "broken", "fine"):
            await harness.send(serialize_event(cancelled(order_id)))
        await eventually(lambda: _has(harness, ["flaky", "fine"]))

    # A failed attempt rolls back its insert: only successful handling leaves a row.
    assert await harness.handled() == ["flaky", "fine"]
    dead = await read_topic(
        harness.settings.kafka_bootstrap_servers, dlq_name(harness.topic), expect=1
    )
    assert len(dead) == 1
    headers = dict(dead[0].headers)
    assert headers["x-dlq-attempts"] == b"3"
    assert b"handler refuses broken" in headers["x-dlq-error"]


async def test_offsets_are_committed_after_processing_and_on_stop(harness) -> None:
    async with harness.running() as runner:
        for i in range(3):
            await harness.send(serialize_event(cancelled(f"c-{i}")))
        await eventually(lambda: _has(harness, ["c-0", "c-1", "c-2"]))
        group = runner.group_id

    admin = AIOKafkaAdminClient(bootstrap_servers=harness.settings.kafka_bootstrap_servers)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    assert sum(meta.offset for meta in offsets.values()) == 3

    # A new member of the group starts after the committed offsets: nothing is redelivered.
    duplicates_before = count("duplicate")
    async with harness.running():
        await harness.send(serialize_event(cancelled("c-3")))
        await eventually(lambda: _has(harness, ["c-0", "c-1", "c-2", "c-3"]))
    assert count("duplicate") == duplicates_before


async def _has(harness: Harness, order_ids: list[str]) -> bool:
    return await harness.handled() == order_ids


async def test_partitions_of_a_batch_are_handled_side_by_side_each_in_order(harness) -> None:
    """Each partition keeps its order; two partitions do not wait for each other (a handler
    spends most of its time waiting for the database)."""
    await harness.pool.execute(
        "CREATE TABLE spans (order_id text, started timestamptz, finished timestamptz)"
    )

    async def slow(conn: Connection, event: Event) -> None:
        started = await conn.fetchval("SELECT clock_timestamp()")
        await asyncio.sleep(0.4)
        await conn.execute(
            "INSERT INTO spans VALUES ($1, $2, clock_timestamp())", event.payload.order_id, started
        )

    harness.handler = slow  # type: ignore[method-assign]
    producer = create_producer(harness.settings)
    await producer.start()
    try:
        for i in range(3):
            for partition in (0, 1):
                await producer.send_and_wait(
                    harness.topic,
                    serialize_event(cancelled(f"p{partition}-{i}")),
                    key=f"shop-1:p{partition}".encode(),
                    partition=partition,
                )
    finally:
        await producer.stop()

    async def all_six() -> bool:
        return await harness.pool.fetchval("SELECT count(*) FROM spans") == 6

    async with harness.running():
        await eventually(all_six, wait_s=20)
    rows = await harness.pool.fetch("SELECT * FROM spans ORDER BY started")
    for partition in (0, 1):
        mine = [r for r in rows if r["order_id"].startswith(f"p{partition}-")]
        assert [r["order_id"] for r in mine] == [f"p{partition}-{i}" for i in range(3)]
        # In order and one after the other within the partition.
        assert all(a["finished"] <= b["started"] for a, b in itertools.pairwise(mine))
    p0 = [r for r in rows if r["order_id"].startswith("p0-")]
    p1 = [r for r in rows if r["order_id"].startswith("p1-")]
    overlapping = [
        (a["order_id"], b["order_id"])
        for a in p0
        for b in p1
        if a["started"] < b["finished"] and b["started"] < a["finished"]
    ]
    assert overlapping, "the two partitions were handled one after the other"


async def _send_to_partition_zero(harness: Harness, order_ids: list[str]) -> None:
    producer = create_producer(harness.settings)
    await producer.start()
    try:
        for order_id in order_ids:
            await producer.send_and_wait(
                harness.topic,
                serialize_event(cancelled(order_id)),
                key=b"shop-1:p0",
                partition=0,
            )
    finally:
        await producer.stop()


async def _run_on_partition_zero(
    harness: Harness, handler: Handler, order_ids: list[str]
) -> list[asyncpg.Record]:
    """Send the orders to one partition, consume them with `handler` (which writes one `txns`
    row per handled order) and return the rows in transaction order."""
    harness.handler = handler  # type: ignore[method-assign]
    await _send_to_partition_zero(harness, order_ids)

    async def all_handled() -> bool:
        return await harness.pool.fetchval("SELECT count(*) FROM txns") == len(order_ids)

    async with harness.running():
        await eventually(all_handled)
    return await harness.pool.fetch("SELECT order_id, txid::text AS txid FROM txns ORDER BY txid")


async def test_records_of_a_partition_share_a_transaction(harness) -> None:
    """One commit (one WAL flush) for a run of records, each still claimed in the inbox."""
    await harness.pool.execute("CREATE TABLE txns (order_id text, txid xid8)")

    async def record_txid(conn: Connection, event: Event) -> None:
        await conn.execute(
            "INSERT INTO txns VALUES ($1, pg_current_xact_id())", event.payload.order_id
        )

    order_ids = [f"t-{i}" for i in range(6)]
    rows = await _run_on_partition_zero(harness, record_txid, order_ids)
    assert sorted(r["order_id"] for r in rows) == order_ids
    assert len({r["txid"] for r in rows}) < len(order_ids), "every record had its own commit"
    claimed = await harness.pool.fetchval(
        "SELECT count(*) FROM inbox WHERE consumer = $1", harness.name
    )
    assert claimed == 6


async def test_a_deadlock_in_a_shared_transaction_falls_back_to_one_at_a_time(harness) -> None:
    """PostgreSQL refuses a shared transaction that met another's locks in the opposite order;
    the records are then handled one per transaction, in order, each once."""
    await harness.pool.execute("CREATE TABLE txns (order_id text, txid xid8)")
    refused: list[str] = []

    async def deadlocks_when_shared(conn: Connection, event: Event) -> None:
        order_id = event.payload.order_id
        shared = await conn.fetchval("SELECT count(*) FROM txns WHERE txid = pg_current_xact_id()")
        if order_id == "d-locked" and shared:
            refused.append(order_id)
            raise asyncpg.DeadlockDetectedError("deadlock detected")
        await conn.execute("INSERT INTO txns VALUES ($1, pg_current_xact_id())", order_id)

    order_ids = ["d-0", "d-locked", "d-2"]
    rows = await _run_on_partition_zero(harness, deadlocks_when_shared, order_ids)
    assert [r["order_id"] for r in rows] == order_ids
    assert len({r["txid"] for r in rows}) == 3
    assert refused == ["d-locked"]
    claimed = await harness.pool.fetchval(
        "SELECT count(*) FROM inbox WHERE consumer = $1", harness.name
    )
    assert claimed == 3
