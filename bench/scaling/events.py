"""The events the scaling benchmark feeds to a service's consumers, built with the product's own
event contracts, and the Kafka side: publishing them, and watching a consumer group form."""

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from bench.ingest.kafka_watch import _partitions_of
from bench.survey.data import PRODUCTS
from shared.events import serialize_event
from shared.events.envelope import EventEnvelope
from shared.events.orders import OrderDelivered, OrderPlaced
from shared.events.reviews import ReviewClassified
from shared.events.shops import ShopUpdated
from shared.topics import topic_name

GROUP_POLL_S = 0.5


def order_events(shop_id: str, first: int, count: int, run: str) -> list[EventEnvelope[Any]]:
    """`order.placed` then `order.delivered` per order: what the survey's order consumer folds
    into its order view before it schedules an invitation (two transactions per order)."""
    now = datetime.now(UTC)
    events: list[EventEnvelope[Any]] = []
    for number in range(first, first + count):
        order_id = f"{run}-{number}"
        pid, name, category, price = PRODUCTS[number % len(PRODUCTS)]
        placed = now - timedelta(days=3, minutes=number % 600)
        events.append(
            OrderPlaced(
                shop_id=shop_id,
                occurred_at=placed,
                payload={
                    "order_id": order_id,
                    "platform": "standard",
                    "placed_at": placed,
                    "currency": "EUR",
                    "customer": {
                        "email": f"scaling{number}@example.com",
                        "name": "Ana Novak",
                        "country": "SI",
                    },
                    "items": [
                        {
                            "product_id": pid,
                            "name": name,
                            "category": category,
                            "quantity": 1,
                            "unit_price": price,
                        }
                    ],
                },
            )
        )
        events.append(
            OrderDelivered(
                shop_id=shop_id,
                occurred_at=placed + timedelta(days=2),
                payload={"order_id": order_id, "delivered_at": placed + timedelta(days=2)},
            )
        )
    return events


def shop_event(shop_id: str) -> ShopUpdated:
    return ShopUpdated(
        shop_id=shop_id,
        occurred_at=datetime.now(UTC) - timedelta(days=30),
        payload={
            "platform": "standard",
            "display_name": f"Shop {shop_id}",
            "locale": "en",
            "country": "SI",
            "timezone": "Europe/Ljubljana",
        },
    )


def review_events(shop_id: str, first: int, count: int, run: str) -> list[EventEnvelope[Any]]:
    """Positive reviews, classified: stored by the notifier and the responder; positive so no
    alert email is due (the benchmark has no SMTP sink)."""
    now = datetime.now(UTC)
    events: list[EventEnvelope[Any]] = []
    for number in range(first, first + count):
        created = now - timedelta(minutes=number % 1440)
        review_id = f"generic:{run}-{number}"
        events.append(
            ReviewClassified(
                shop_id=shop_id,
                occurred_at=created,
                payload={
                    "review_id": review_id,
                    "source": "generic",
                    "source_review_id": f"{run}-{number}",
                    "case_key": f"review:{review_id}",
                    "revision": 1,
                    "rating": 5,
                    "title": "Lovely",
                    "text": "Arrived quickly and works as described, thank you.",
                    "reviewer_name": "Ana Novak",
                    "product_id": "mug",
                    "verified": False,
                    "created_at": created,
                    "updated_at": created,
                    "classification": {
                        "model_version": "bench",
                        "language": "en",
                        "language_confidence": 0.9,
                        "sentiment": "positive",
                        "sentiment_confidence": 0.9,
                        "star_text_mismatch": False,
                        "severity": "low",
                        "severity_reasons": [],
                        "removal_candidate": False,
                        "topics": [{"name": "praise", "confidence": 0.8}],
                        "abuse": [],
                        "question": None,
                    },
                },
            )
        )
    return events


async def publish(bootstrap_servers: str, prefix: str, events: list[EventEnvelope[Any]]) -> float:
    """Every event, keyed like the outbox relay keys it; returns the seconds it took."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers, enable_idempotence=True, acks="all", linger_ms=5
    )
    await producer.start()
    started = time.monotonic()
    try:
        futures = [
            await producer.send(
                topic_name(e.topic.name, prefix),
                serialize_event(e),
                key=e.partition_key().encode(),
            )
            for e in events
        ]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return time.monotonic() - started


async def wait_group(bootstrap_servers: str, group: str, members: int, timeout_s: float) -> float:
    """Until `group` is Stable with `members` members (every process has its partitions);
    returns the seconds waited. Events published before that would be read by whichever
    process joined first, and a rebalance in the middle of the measurement would stall it."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    started = time.monotonic()
    seen: tuple[str, int] = ("", 0)
    try:
        while time.monotonic() - started < timeout_s:
            (response,) = await admin.describe_consumer_groups([group])
            # (error_code, group, state, protocol_type, protocol, members, ...)
            description = response.groups[0]
            seen = (description[2], len(description[5]))
            if seen == ("Stable", members):
                return time.monotonic() - started
            await asyncio.sleep(GROUP_POLL_S)
    finally:
        await admin.close()
    raise RuntimeError(
        f"consumer group {group} not Stable with {members} members in {timeout_s:.0f}s "
        f"(last seen: {seen[0] or 'unknown'}, {seen[1]} members)"
    )


async def group_lag(bootstrap_servers: str, group: str, topic: str) -> int:
    """End offsets minus the group's committed offsets, summed over the topic's partitions."""
    partitions = await _partitions_of(bootstrap_servers, topic)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        committed = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap_servers)
    await consumer.start()
    try:
        ends = await consumer.end_offsets(partitions)
    finally:
        await consumer.stop()
    lag = 0
    for tp, end in ends.items():
        done = committed.get(tp)
        lag += end - (done.offset if done is not None and done.offset >= 0 else 0)
    return int(lag)
