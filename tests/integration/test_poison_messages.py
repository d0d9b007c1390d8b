"""Poison messages to every consuming service, as real processes: bytes that are not JSON, an
event of a schema version nobody speaks, and an event that fits the schema but holds a value the
service cannot store. Each lands in `<topic>.dlq` (named by the consumer that gave up), and a
valid event behind them on the same partition is still processed."""

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from shared.events import OrderPlaced, ReviewSubmitted
from shared.events.catalogue import serialize_event
from shared.events.envelope import EventEnvelope
from shared.events.orders import Customer, OrderItem, OrderPlacedPayload
from shared.events.reviews import ReviewSubmittedPayload
from shared.topics import CLASSIFIED, ORDERS, REVIEWS, dlq_name, topic_name
from tests.conftest import connect_as, service_env
from tests.support.kafka import eventually, produce, read_topic
from tests.support.responder import classified
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

SHOP = "poison-shop"
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def services(infra, module_database, module_prefix, tmp_path_factory) -> Iterator[None]:
    logs = tmp_path_factory.mktemp("poison-logs")
    procs = [
        ServiceProcess(name, service_env(name, infra, module_database, module_prefix), logs)
        for name in ("ingest", "survey", "notifier", "responder")
    ]
    try:
        for p in procs:
            p.start()
        for p in procs:
            p.wait_ready()
        yield
    finally:
        for p in procs:
            p.kill()


def order_placed(order_id: str) -> OrderPlaced:
    return OrderPlaced(
        shop_id=SHOP,
        occurred_at=NOW,
        payload=OrderPlacedPayload(
            order_id=order_id,
            platform="standard",
            placed_at=NOW,
            currency="EUR",
            customer=Customer(email="ana@example.com", name="Ana"),
            items=[OrderItem(product_id="p", name="Tea", quantity=1, unit_price=Decimal("4"))],
        ),
    )


def review_submitted(review_id: str) -> ReviewSubmitted:
    return ReviewSubmitted(
        shop_id=SHOP,
        occurred_at=NOW,
        payload=ReviewSubmittedPayload(
            review_id=review_id,
            source="survey",
            order_id="1001",
            rating=2,
            text="Late.",
            verified_purchase=True,
            submitted_at=NOW,
        ),
    )


@dataclass(frozen=True)
class Case:
    service: str
    consumer: str
    topic: str
    make: Any  # id -> a valid event
    # A path in the event's JSON and a value the schema allows but PostgreSQL cannot store.
    unstorable: tuple[tuple[str, ...], object]


NUL = "Ana\u0000"
CASES = [
    Case(
        "ingest",
        "ingest.survey-reviews",
        REVIEWS.name,
        review_submitted,
        (("payload", "text"), NUL),
    ),
    Case(
        "survey", "survey.orders", ORDERS.name, order_placed, (("payload", "customer", "name"), NUL)
    ),
    Case(
        "notifier",
        "notifier.events",
        CLASSIFIED.name,
        lambda i: classified(SHOP, f"generic:{i}", order_id=None),
        # The notifier keeps no names or texts; it does keep the topics.
        (("payload", "classification", "topics"), [{"name": NUL, "confidence": 0.5}]),
    ),
    Case(
        "responder",
        "responder.events",
        CLASSIFIED.name,
        lambda i: classified(SHOP, f"generic:{i}", order_id=None),
        (("payload", "reviewer_name"), NUL),
    ),
]


def as_dict(event: EventEnvelope[Any]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(serialize_event(event))
    return data


def with_value(data: dict[str, Any], path: tuple[str, ...], value: object) -> dict[str, Any]:
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize("case", CASES, ids=[c.service for c in CASES])
async def test_poison_goes_to_the_dlq_and_the_partition_keeps_flowing(
    services, infra, module_database, module_prefix, case: Case
) -> None:
    run = uuid.uuid4().hex[:6]
    topic = topic_name(case.topic, module_prefix)
    future = as_dict(case.make(f"v99-{run}"))
    future["schema_version"] = 99
    path, value = case.unstorable
    poison = [
        b"\xff\xfe\x00 not json at all",
        json.dumps(future).encode(),
        json.dumps(with_value(as_dict(case.make(f"nul-{run}")), path, value)).encode(),
    ]
    valid = case.make(f"ok-{run}")
    # One key: the poison and the valid event share a partition, in this order.
    key = f"{SHOP}:{run}".encode()
    for value_bytes in [*poison, serialize_event(valid)]:
        await produce(infra.kafka_bootstrap, topic, value_bytes, key=key)

    conn = await connect_as(infra, module_database, case.service)
    try:

        async def processed() -> bool:
            return bool(
                await conn.fetchval(
                    "SELECT count(*) FROM inbox WHERE consumer = $1 AND event_id = $2",
                    case.consumer,
                    valid.event_id,
                )
            )

        await eventually(processed, wait_s=60)
    finally:
        await conn.close()

    async def dead_letters() -> list[bytes]:
        records = await read_topic(infra.kafka_bootstrap, dlq_name(topic), expect=1, wait_s=5)
        return [
            r.value
            for r in records
            if dict(r.headers)["x-dlq-consumer"] == case.consumer.encode() and r.key == key
        ]

    async def all_three() -> list[bytes] | None:
        found = await dead_letters()
        return found if len(found) >= 3 else None

    dead = await eventually(all_three, wait_s=60, interval=1)
    # Exactly the three poison messages, as they were sent.
    assert sorted(dead) == sorted(poison)
