"""A database that cannot be reached gives 503 with Retry-After, never a 500; Kafka that cannot
be reached leaves every service ready, writing into its outbox."""

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from services.ingest.app import build
from services.ingest.settings import IngestSettings
from services.notifier.app import build as build_notifier
from services.notifier.settings import NotifierSettings
from services.responder.app import build as build_responder
from services.responder.settings import ResponderSettings
from services.survey.app import build as build_survey
from services.survey.settings import SurveySettings
from shared.db.pool import create_pool
from shared.topics import ORDERS, REPLIES, SHOPS, SURVEYS, TopicSpec, topic_name
from tests.conftest import connect_as, service_env
from tests.support.admin import API, create_shop
from tests.support.kafka import read_topic
from tests.support.platforms import body_of, live_shopify_order, shopify_headers
from tests.support.services import ServiceProcess, free_port

pytestmark = pytest.mark.integration

SECRET = "shop-secret-0123456789"


async def test_closed_pool_answers_503(make_settings) -> None:
    settings = make_settings(IngestSettings)
    app, runtime = build(settings)
    runtime.pool = await create_pool(settings)
    await runtime.pool.close()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://ingest") as http:
        r = await http.post("/v1/shops/any/orders", json={}, headers=API)
        # Validation runs first: a bad body is still the caller's 422.
        assert r.status_code == 422
        order = {
            "order_id": "1",
            "placed_at": "2026-11-20T10:00:00Z",
            "currency": "EUR",
            "customer": {},
            "items": [{"product_id": "p", "name": "n", "quantity": 1, "unit_price": "1"}],
        }
        r = await http.post("/v1/shops/any/orders", json=order, headers=API)
        assert r.status_code == 503
        assert r.headers["Retry-After"] == "5"
        ready = await http.get("/readyz")
        assert ready.status_code == 503 and ready.json()["checks"]["postgres"] is False


async def _forward(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except OSError:
        pass
    finally:
        writer.close()


@contextlib.asynccontextmanager
async def kafka_comes_back_on(port: int, kafka_bootstrap: str) -> AsyncIterator[None]:
    """From now on, `port` leads to the real broker: the bootstrap address ingest was given
    answers at last (the broker then advertises its own listener, which clients use next)."""
    host, _, kafka_port = kafka_bootstrap.rpartition(":")

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(host, int(kafka_port))
        await asyncio.gather(_forward(reader, up_writer), _forward(up_reader, writer))

    server = await asyncio.start_server(pipe, "127.0.0.1", port)
    try:
        yield
    finally:
        server.close()


async def test_ingest_is_ready_and_accepts_webhooks_while_kafka_is_unreachable(
    infra, database, prefix, log_dir
) -> None:
    kafka_port = free_port()  # nothing listens there yet
    env = service_env("ingest", infra, database, prefix)
    env["INGEST_KAFKA_BOOTSTRAP_SERVERS"] = f"127.0.0.1:{kafka_port}"
    proc = ServiceProcess("ingest", env, log_dir).start()
    try:
        await asyncio.to_thread(proc.wait_ready, 60.0, False)
        async with httpx.AsyncClient(base_url=proc.url, timeout=10) as http:
            ready = await http.get("/readyz")
            assert ready.status_code == 200, ready.text
            assert ready.json()["checks"] == {"postgres": True, "kafka": False}
            assert ready.json()["required"] == ["postgres"]
            assert ready.json()["service"] == "ingest"
            assert (await http.get("/healthz")).status_code == 200

            await asyncio.to_thread(create_shop, proc.url, "shop-1", "shopify", SECRET)
            order = live_shopify_order("orders__create.captured_test_order")
            body = body_of(order)
            r = await http.post(
                "/webhooks/shopify/shop-1",
                content=body,
                headers=shopify_headers(body, SECRET, "orders/create", event_id="evt-1"),
            )
            assert r.status_code == 202, r.text
            accepted = r.json()["events"]
            assert accepted >= 1

            conn = await connect_as(infra, database, "ingest")
            try:
                unsent = await conn.fetch(
                    "SELECT event_type, topic FROM ingest.outbox WHERE sent_at IS NULL"
                )
                orders = [row["event_type"] for row in unsent if row["topic"] == ORDERS.name]
                assert len(orders) == accepted and "order.placed" in orders
                # The shop's registration waits there too.
                assert {row["topic"] for row in unsent} == {ORDERS.name, SHOPS.name}
                # Still not published a few relay rounds later: the events wait for Kafka.
                await asyncio.sleep(3)
                assert await conn.fetchval(
                    "SELECT count(*) FROM ingest.outbox WHERE sent_at IS NULL"
                ) == len(unsent)

                # Kafka comes back: the background setup finds it, the relay drains the outbox.
                async with kafka_comes_back_on(kafka_port, infra.kafka_bootstrap):
                    deadline = time.monotonic() + 60
                    while (await http.get("/readyz")).json()["checks"]["kafka"] is not True:
                        assert time.monotonic() < deadline, proc.log_tail()
                        await asyncio.sleep(0.5)
                    records = await read_topic(
                        infra.kafka_bootstrap, topic_name(ORDERS.name, prefix), accepted
                    )
                    assert len(records) == accepted
                    assert (
                        await conn.fetchval(
                            "SELECT count(*) FROM ingest.outbox WHERE sent_at IS NULL"
                        )
                        == 0
                    )
            finally:
                await conn.close()
    finally:
        proc.kill()


def test_ingest_stops_promptly_while_kafka_is_unreachable(infra, database, prefix, log_dir):
    env = service_env("ingest", infra, database, prefix)
    env["INGEST_KAFKA_BOOTSTRAP_SERVERS"] = f"127.0.0.1:{free_port()}"
    proc = ServiceProcess("ingest", env, log_dir).start()
    try:
        proc.wait_ready(60.0, kafka=False)
        # The background setup is retrying: SIGTERM cuts it and the pod's grace period holds.
        time.sleep(2)
        started = time.monotonic()
        assert proc.terminate(timeout=15), proc.log_tail()
        assert time.monotonic() - started < 10
        assert "kafka not reachable; retrying in the background" in proc.log_tail(200)
    finally:
        proc.kill()


async def test_every_service_is_ready_on_postgresql_alone(make_settings) -> None:
    for build_service, settings_class in (
        (build, IngestSettings),
        (build_survey, SurveySettings),
        (build_notifier, NotifierSettings),
        (build_responder, ResponderSettings),
    ):
        _, runtime = build_service(make_settings(settings_class))
        assert runtime.readiness_checks() == ("postgres",), settings_class.__name__


@pytest.mark.parametrize(
    ("service", "topic"), [("survey", SURVEYS), ("notifier", SURVEYS), ("responder", REPLIES)]
)
async def test_stays_ready_while_kafka_is_away_and_drains_its_outbox_after(
    service: str, topic: TopicSpec, infra, database, prefix, log_dir
) -> None:
    """Survey links, the staff API and the notifier's settings keep answering through a Kafka
    outage; what they wrote meanwhile waits in the outbox and is published once Kafka is back,
    and Kafka's state shows in /readyz (reported, not required) and in reviewloop_kafka_up."""
    kafka_port = free_port()  # nothing listens there yet
    env = service_env(service, infra, database, prefix)
    env[f"{service.upper()}_KAFKA_BOOTSTRAP_SERVERS"] = f"127.0.0.1:{kafka_port}"
    proc = ServiceProcess(service, env, log_dir).start()
    try:
        await asyncio.to_thread(proc.wait_ready, 60.0, False)
        async with httpx.AsyncClient(base_url=proc.url, timeout=10) as http:
            ready = await http.get("/readyz")
            assert ready.status_code == 200, ready.text
            assert ready.json()["checks"] == {"postgres": True, "kafka": False}
            assert ready.json()["required"] == ["postgres"]
            assert ready.json()["service"] == service
            assert (await http.get("/healthz")).status_code == 200
            metrics = (await http.get("/metrics")).text
            assert f'reviewloop_kafka_up{{service="{service}"}} 0.0' in metrics

            # What a request wrote while Kafka is away (the row an answered survey, a
            # published reply or a setting would leave in the outbox).
            event_id = uuid.uuid4()
            conn = await connect_as(infra, database, service)
            try:
                await conn.execute(
                    """
                    INSERT INTO outbox (event_id, event_type, topic, partition_key, body)
                    VALUES ($1, 'test.outage', $2, 'k', $3)
                    """,
                    event_id,
                    topic.name,
                    b'{"written": "during the outage"}',
                )
                await asyncio.sleep(3)
                unsent = "SELECT count(*) FROM outbox WHERE event_id = $1 AND sent_at IS NULL"
                assert await conn.fetchval(unsent, event_id) == 1

                async with kafka_comes_back_on(kafka_port, infra.kafka_bootstrap):
                    deadline = time.monotonic() + 60
                    while (await http.get("/readyz")).json()["checks"]["kafka"] is not True:
                        assert time.monotonic() < deadline, proc.log_tail()
                        await asyncio.sleep(0.5)
                    metrics = (await http.get("/metrics")).text
                    assert f'reviewloop_kafka_up{{service="{service}"}} 1.0' in metrics
                    records = await read_topic(
                        infra.kafka_bootstrap, topic_name(topic.name, prefix), 1
                    )
                    assert [r.value for r in records] == [b'{"written": "during the outage"}']
                    deadline = time.monotonic() + 30
                    while await conn.fetchval(unsent, event_id):
                        assert time.monotonic() < deadline, proc.log_tail()
                        await asyncio.sleep(0.2)
            finally:
                await conn.close()
    finally:
        proc.kill()
