"""The responder's consumer folds the analytics rollups once per transaction (shop, day, topic,
score), not once per record (analytics.repository.folded): through real Kafka, with several
partitions handled at once over the same shops and days, with every event delivered twice in
a row and the whole stream replayed afterwards, the rollups equal a GROUP BY of the rows (the
analytics' direct computation, tests/integration/test_responder_rollups.py) and no count is
doubled."""

import asyncio
import random
from collections.abc import AsyncIterator
from datetime import UTC
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from services.responder.analytics import repository as analytics
from services.responder.consumer import consumer
from shared.db.pool import Pool
from shared.events import serialize_event
from shared.events.envelope import EventEnvelope
from shared.kafka.admin import ensure_topics
from shared.kafka.consumer import ConsumerRunner
from shared.kafka.producer import create_producer
from shared.metrics import CONSUMER_MESSAGES
from shared.topics import CLASSIFIED, SURVEYS, topic_name
from tests.integration.test_responder_rollups import seed
from tests.support.clock import T0
from tests.support.kafka import eventually
from tests.support.responder import Responder, running_responder, shop_event

pytestmark = pytest.mark.integration

TABLES = ("review_days", "review_topic_days", "nps_days")
PARTITIONS = 4


class Recorder(Responder):
    """The rollup test's histories, kept instead of handled: they go through Kafka here."""

    events: list[EventEnvelope[Any]]

    async def feed(self, event: EventEnvelope[Any]) -> None:
        self.events.append(event)


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        await r.feed(shop_event("s1"))
        await r.feed(shop_event("s2"))
        await ensure_topics(
            r.settings.kafka_bootstrap_servers,
            r.settings.kafka_topic_prefix,
            PARTITIONS,
            consumer().topics,
        )
        yield r


async def histories(responder: Responder, seed_value: int) -> list[EventEnvelope[Any]]:
    recorder = Recorder(responder.settings, responder.pool)
    recorder.events = []
    await seed(recorder, random.Random(seed_value))
    return recorder.events


async def produce(responder: Responder, events: list[EventEnvelope[Any]], times: int) -> None:
    """Each event `times` times in a row, keyed as the outbox relay keys it (one review's or
    answer's events stay in order on one partition)."""
    prefix = responder.settings.kafka_topic_prefix
    producer = AIOKafkaProducer(
        bootstrap_servers=responder.settings.kafka_bootstrap_servers, enable_idempotence=True
    )
    await producer.start()
    try:
        for event in events:
            spec = SURVEYS if event.type == "survey.answered" else CLASSIFIED
            for _ in range(times):
                await producer.send(
                    topic_name(spec.name, prefix),
                    value=serialize_event(event),
                    key=event.partition_key().encode(),
                )
        await producer.flush()
    finally:
        await producer.stop()


async def handled(pool: Pool) -> int:
    return int(await pool.fetchval("SELECT count(*) FROM inbox WHERE consumer = $1", NAME))


NAME = consumer().name


async def rollups(pool: Pool) -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted(map(tuple, await pool.fetch(f"SELECT * FROM {t}"))) for t in TABLES}


def duplicates() -> float:
    return float(CONSUMER_MESSAGES.labels(NAME, "duplicate")._value.get())


async def test_folded_rollups_equal_the_rows_with_redeliveries(responder: Responder) -> None:
    events = await histories(responder, 7)
    kinds = {e.type for e in events}
    assert {"review.classified", "review.deleted", "survey.answered"} <= kinds
    duplicates_before = duplicates()
    producer = create_producer(responder.settings)
    await producer.start()
    runner = ConsumerRunner(consumer(), responder.settings, responder.pool, producer)
    task = asyncio.create_task(runner.run())
    try:
        await produce(responder, events, times=2)
        await eventually(lambda: _at_least(responder.pool, len(events)), wait_s=90)
        await eventually(lambda: _duplicates_at_least(duplicates_before + len(events)), 30)
        folded = await rollups(responder.pool)
        # The whole stream again (a consumer group reset, a replayed topic): nothing moves.
        await produce(responder, events, times=1)
        await eventually(lambda: _duplicates_at_least(duplicates_before + 2 * len(events)), 60)
        assert await rollups(responder.pool) == folded
    finally:
        await runner.stop()
        await asyncio.wait_for(task, 20)
        await producer.stop()
    assert await handled(responder.pool) == len(events)
    assert all(folded.values())
    async with responder.pool.acquire() as conn:
        for table, column in (("review_days", "volume"), ("review_topic_days", "n")):
            assert not await conn.fetchval(f"SELECT count(*) FROM {table} WHERE {column} = 0")
        reviews = await conn.fetchval("SELECT count(*) FROM reviews WHERE deleted_at IS NULL")
        assert await conn.fetchval("SELECT sum(volume) FROM review_days") == reviews
        await analytics.rebuild_rollups(conn, ["s1", "s2"])
    assert await rollups(responder.pool) == folded


async def test_a_fold_writes_nothing_when_its_transaction_fails(responder: Responder) -> None:
    """Deltas live only as long as their transaction: a failed batch (rolled back, then handled
    again one record at a time by the consumer) leaves no half of them behind."""
    review = analytics.Counted(created_at=T0, rating=2, sentiment="negative", topics=["x"])
    async with responder.pool.acquire() as conn:
        with pytest.raises(RuntimeError):
            async with conn.transaction(), analytics.folded(conn):
                await analytics.count_review(conn, "s1", review, 1)
                raise RuntimeError("a handler failed")
        assert await rollups(responder.pool) == {t: [] for t in TABLES}
        async with conn.transaction(), analytics.folded(conn):
            for _ in range(3):
                await analytics.count_review(conn, "s1", review, 1)
            await analytics.count_review(conn, "s2", review, 1)
            await analytics.count_review(conn, "s2", review, -1)
            # Outside the fold's connection nothing is held back.
            async with responder.pool.acquire() as other:
                await analytics.count_review(other, "s2", review, 1)
        day = T0.astimezone(UTC).date()
        assert await rollups(responder.pool) == {
            "review_days": [("s1", day, 3, 3, 6, 0, 0, 3), ("s2", day, 1, 1, 2, 0, 0, 1)],
            "review_topic_days": [("s1", day, "x", 3), ("s2", day, "x", 1)],
            "nps_days": [],
        }
        # A shop erased later in the same transaction: its earlier deltas go with it.
        async with conn.transaction(), analytics.folded(conn):
            await analytics.count_review(conn, "s1", review, 1)
            await analytics.forget_shop(conn, "s1")
        assert [r[0] for r in await conn.fetch("SELECT shop_id FROM review_days")] == ["s2"]


async def _at_least(pool: Pool, n: int) -> bool:
    return await handled(pool) >= n


async def _duplicates_at_least(n: float) -> bool:
    return duplicates() >= n
