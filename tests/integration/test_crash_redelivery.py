"""Kill the survey consumer between its database commit and its offset commit: after a restart
the event is redelivered and the inbox makes sure it is handled exactly once."""

import re
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from shared.events import OrderPlaced, serialize_event
from shared.kafka.consumer import CRASH_EXIT_CODE
from shared.topics import ORDERS, topic_name
from tests.conftest import connect_as, service_env
from tests.support.kafka import eventually, produce
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration


def order_placed() -> OrderPlaced:
    return OrderPlaced(
        shop_id="shop-1",
        payload={
            "order_id": "crash-1",
            "platform": "direct",
            # Recent: an order older than the shop's maximum age would not be surveyed.
            "placed_at": datetime.now(UTC) - timedelta(days=1),
            "currency": "EUR",
            "customer": {"email": "jane@example.com"},
            "items": [{"product_id": "p", "name": "Lamp", "quantity": 1, "unit_price": "30"}],
        },
    )


def duplicates_seen(metrics_text: str) -> float:
    m = re.search(
        r'reviewloop_consumer_messages_total\{consumer="survey.orders",outcome="duplicate"\} (\S+)',
        metrics_text,
    )
    return float(m.group(1)) if m else 0.0


async def test_event_is_handled_exactly_once_across_a_crash(infra, database, prefix, log_dir):
    env = service_env("survey", infra, database, prefix)
    # A short session lets the group notice the dead member quickly after the restart.
    env["SURVEY_KAFKA_SESSION_TIMEOUT_MS"] = "6000"
    survey = ServiceProcess("survey", env, log_dir)
    survey.start({"SURVEY_FAULT_CRASH_AFTER_DB_COMMIT": "true"})
    survey.wait_ready()

    event = order_placed()
    await produce(
        infra.kafka_bootstrap,
        topic_name(ORDERS.name, prefix),
        serialize_event(event),
        event.partition_key().encode(),
    )
    assert survey.wait_exit(timeout=60) == CRASH_EXIT_CODE, survey.log_tail()

    conn = await connect_as(infra, database, "survey")
    try:
        # The crash came after the database commit: the effects are there once already.
        assert await conn.fetchval("SELECT count(*) FROM surveys") == 1

        survey.start()  # same group, no fault this time
        try:
            survey.wait_ready()

            async def redelivered() -> bool:
                async with httpx.AsyncClient(timeout=5) as http:
                    text = (await http.get(survey.url + "/metrics")).text
                return duplicates_seen(text) == 1.0

            await eventually(redelivered, wait_s=60)
            assert await conn.fetchval("SELECT count(*) FROM surveys") == 1
            assert await conn.fetchval("SELECT count(*) FROM inbox") == 1
            assert (
                await conn.fetchval(
                    "SELECT count(*) FROM outbox WHERE event_type = 'survey.scheduled'"
                )
                == 1
            )
        finally:
            assert survey.terminate(), survey.log_tail()
    finally:
        await conn.close()
