"""The `reviewloop` operator command, run as a process (`python -m services.cli`) against real
Kafka, PostgreSQL and service processes."""

import asyncio
import contextlib
import json
import os
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from deploy.local.stack import REPO_ROOT
from services.ingest.shops import repository as shops
from services.survey.settings import SurveySettings
from shared.db.migrations import service_migrations
from shared.db.pool import Connection, create_pool
from shared.events import Event, OrderCancelled, serialize_event
from shared.kafka.admin import ensure_topics
from shared.kafka.consumer import ConsumerRunner, ConsumerSpec
from shared.kafka.handlers import Handlers
from shared.kafka.producer import create_producer
from shared.settings import dev_secret
from shared.topics import ORDERS, PRIVACY, SHOPS, dlq_name, dlq_of, topic_name
from tests.conftest import connect_as, service_env
from tests.support.kafka import eventually, produce, read_topic
from tests.support.platforms import body_of, fixture, live_shopify_order, shopify_headers
from tests.support.responder import shop_event
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

SERVICES = ("ingest", "survey", "notifier", "responder")
ADMIN_TOKEN = dev_secret("admin-token").get_secret_value()
BOOTSTRAP_KEY = dev_secret("bootstrap-admin-key").get_secret_value()


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli_env(infra, database, prefix) -> dict[str, str]:
    """What an operator's shell would hold: every service's database settings, the brokers
    and the topic prefix."""
    env: dict[str, str] = {}
    for service in SERVICES:
        env |= service_env(service, infra, database, prefix)
    return env | {
        "REVIEWLOOP_KAFKA_BOOTSTRAP_SERVERS": infra.kafka_bootstrap,
        "REVIEWLOOP_KAFKA_TOPIC_PREFIX": prefix,
    }


async def cli(env: dict[str, str], *args: str) -> Result:
    base = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWLOOP_")}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "services.cli",
        *args,
        cwd=REPO_ROOT,
        env=base | env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    result = Result(proc.returncode or 0, out.decode(), err.decode())
    # Expected failures end with one line, never a traceback; no progress bar off a terminal.
    assert "Traceback" not in result.err, result.err
    assert "\r" not in result.err
    return result


async def cli_into_head(env: dict[str, str], *args: str) -> tuple[Result, str]:
    """`reviewloop <args> | head -1`: the command, and the one line head printed."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWLOOP_")}
    read, write = os.pipe()
    try:
        head = await asyncio.create_subprocess_exec(
            "head", "-1", stdin=read, stdout=asyncio.subprocess.PIPE
        )
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "services.cli", *args,
            cwd=REPO_ROOT, env=base | env, stdin=asyncio.subprocess.DEVNULL,
            stdout=write, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
    finally:
        # Only the two processes hold the pipe: head's exit is what closes it.
        os.close(read)
        os.close(write)
    line, _ = await asyncio.wait_for(head.communicate(), 120)
    _, err = await asyncio.wait_for(proc.communicate(), 120)
    return Result(proc.returncode or 0, "", err.decode()), line.decode()


def fields_of(out: str) -> dict[str, str]:
    """The `name  value` lines the command prints for one object."""
    return dict(line.split(None, 1) for line in out.splitlines() if line.strip())


def failed_with(result: Result, *fragments: str) -> bool:
    lines = result.err.strip().splitlines()
    return (
        result.code == 1
        and lines[-1].startswith("reviewloop: error: ")
        and all(f in lines[-1] for f in fragments)
    )


# -- migrate --------------------------------------------------------------------------------


async def test_migrate_applies_every_service_once(cli_env, infra, database) -> None:
    first = await cli(cli_env, "migrate")
    assert first.code == 0, first.err
    for service in SERVICES:
        total = len(service_migrations(service, REPO_ROOT / "services" / service / "migrations"))
        assert f"{service}: applied {total} of {total} migration(s)" in first.out
        conn = await connect_as(infra, database, service)
        try:
            assert await conn.fetchval("SELECT count(*) FROM schema_migrations") == total
        finally:
            await conn.close()

    again = await cli(cli_env, "migrate", "--service", "all")
    assert again.code == 0, again.err
    assert "applied" not in again.out
    assert again.out.count("up to date") == len(SERVICES)
    one = await cli(cli_env, "migrate", "--service", "ingest")
    assert one.code == 0 and one.out.startswith("ingest: up to date")

    wrong = await cli(cli_env | {"SURVEY_DB_PASSWORD": "wrong"}, "migrate", "--service", "survey")
    assert failed_with(wrong, "survey: cannot connect to survey@")


# -- dlq replay -----------------------------------------------------------------------------


class FlakyConsumer:
    """A real consumer runner whose handler refuses every event while `broken` is set (so its
    events are dead-lettered) and records the event ids it handled otherwise."""

    def __init__(self, settings: SurveySettings) -> None:
        self.settings = settings
        self.broken = True
        self.handled: list[str] = []

    async def handler(self, conn: Connection, event: Event) -> None:
        if self.broken:
            raise ValueError(f"handler refuses {event.payload.order_id}")
        self.handled.append(str(event.event_id))

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        pool = await create_pool(self.settings)
        producer = create_producer(self.settings)
        await producer.start()
        spec = ConsumerSpec(
            name="cli.orders",
            topics=(ORDERS,),
            handlers=Handlers().on(OrderCancelled, self.handler),
            retry_backoff_s=0.05,
        )
        runner = ConsumerRunner(spec, self.settings, pool, producer)
        task = asyncio.create_task(runner.run())
        try:
            yield
        finally:
            await runner.stop()
            await asyncio.wait_for(task, 15)
            await producer.stop()
            await pool.close()


async def committed_offsets(bootstrap: str, group: str) -> dict[TopicPartition, int]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    return {tp: om.offset for tp, om in offsets.items() if om.offset >= 0}


async def test_dlq_replay_dry_run_changes_nothing_and_execute_replays_each_once(
    cli_env, make_settings, prefix
) -> None:
    settings = make_settings(SurveySettings)
    bootstrap = settings.kafka_bootstrap_servers
    assert (await cli(cli_env, "migrate", "--service", "survey")).code == 0
    await ensure_topics(bootstrap, prefix, 2, topics=(ORDERS, dlq_of(ORDERS)))
    topic = topic_name(ORDERS.name, prefix)
    dlq = dlq_name(topic)
    events = [
        OrderCancelled(
            shop_id="shop-1", payload={"order_id": f"o{i}", "cancelled_at": datetime.now(UTC)}
        )
        for i in range(3)
    ]
    consumer = FlakyConsumer(settings)
    async with consumer.running():
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True)
        await producer.start()
        try:
            for event in events:
                await producer.send_and_wait(
                    topic,
                    serialize_event(event),
                    key=event.partition_key().encode(),
                    headers=[("event_type", b"order.cancelled"), ("x-correlation-id", b"c1")],
                )
        finally:
            await producer.stop()
        dead = await read_topic(bootstrap, dlq, expect=3, wait_s=30)
        assert len(dead) == 3

        dry = await cli(cli_env, "dlq", "replay", "--topic", "reviewloop.orders")
        assert dry.code == 0, dry.err
        assert "3 dead letter(s) not yet replayed" in dry.out
        assert dry.out.count("consumer=cli.orders  error=ValueError: handler refuses") == 3
        for event in events:
            assert f"key={event.partition_key()}" in dry.out
        assert "dry run: nothing was produced or committed" in dry.out
        listed = json.loads((await cli(cli_env, "dlq", "replay", "--topic", ORDERS.name,
                                       "--json")).out)  # fmt: skip
        assert listed["pending"] == 3 and not listed["executed"]
        assert sorted(r["key"] for r in listed["records"]) == sorted(
            e.partition_key() for e in events
        )
        assert {r["consumer"] for r in listed["records"]} == {"cli.orders"}
        # Nothing changed: no copies, no offsets, nothing handled.
        assert len(await read_topic(bootstrap, topic, expect=4, wait_s=2)) == 3
        assert await committed_offsets(bootstrap, f"{prefix}ops.dlq-replay") == {}
        assert consumer.handled == []

        consumer.broken = False
        part = await cli(cli_env, "dlq", "replay", "--topic", "reviewloop.orders.dlq",
                         "--execute", "--limit", "2")  # fmt: skip
        assert part.code == 0, part.err
        assert "replayed 2 message(s)" in part.out
        rest = await cli(cli_env, "dlq", "replay", "--topic", "reviewloop.orders", "--execute")
        assert rest.code == 0, rest.err
        assert "1 dead letter(s) not yet replayed" in rest.out
        assert "replayed 1 message(s)" in rest.out

        wanted = sorted(str(e.event_id) for e in events)

        async def all_handled() -> bool:
            return sorted(consumer.handled) == wanted

        await eventually(all_handled, wait_s=30)

        again = await cli(cli_env, "dlq", "replay", "--topic", "reviewloop.orders", "--execute")
        assert again.code == 0, again.err
        assert "0 dead letter(s) not yet replayed" in again.out
        assert "replayed 0 message(s)" in again.out
        await asyncio.sleep(1.0)
        assert sorted(consumer.handled) == wanted  # each exactly once

    records = await read_topic(bootstrap, topic, expect=7, wait_s=3)
    # The 3 originals and exactly one copy of each: same key and value, the original headers
    # and none of the DLQ's.
    assert len(records) == 6
    for event in events:
        same = [r for r in records if r.value == serialize_event(event)]
        assert len(same) == 2
        assert {r.key for r in same} == {event.partition_key().encode()}
    for record in records:
        assert not any(name.startswith("x-dlq-") for name, _ in record.headers)
        assert ("x-correlation-id", b"c1") in record.headers
    offsets = await committed_offsets(bootstrap, f"{prefix}ops.dlq-replay")
    assert sum(offsets.values()) == 3
    assert len(await read_topic(bootstrap, dlq, expect=4, wait_s=2)) == 3


async def test_dlq_replay_of_a_missing_topic_fails_in_one_line(cli_env) -> None:
    result = await cli(cli_env, "dlq", "replay", "--topic", "reviewloop.shops", "--execute")
    assert failed_with(result, "reviewloop.shops.dlq does not exist")
    unknown = await cli(cli_env, "dlq", "replay", "--topic", "orders")
    assert failed_with(unknown, "unknown topic 'orders'")


# -- status ---------------------------------------------------------------------------------


async def test_status_shows_consumer_lag_and_outbox_backlog(
    cli_env, infra, database, prefix
) -> None:
    bootstrap = infra.kafka_bootstrap
    await ensure_topics(bootstrap, prefix, 2, topics=(ORDERS,))
    topic = topic_name(ORDERS.name, prefix)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        for i in range(5):
            await producer.send_and_wait(topic, b"x%d" % i, partition=0)
        for i in range(3):
            await producer.send_and_wait(topic, b"y%d" % i, partition=1)
    finally:
        await producer.stop()
    # A Reviewloop group that committed on partition 0 only, and a probe's group beside it.
    group = f"{prefix}survey.orders"
    for name in (group, f"{prefix}probe"):
        consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, group_id=name, enable_auto_commit=False
        )
        await consumer.start()
        try:
            tp = TopicPartition(topic, 0)
            consumer.assign([tp])
            await consumer.commit({tp: 2})
        finally:
            await consumer.stop()

    assert (await cli(cli_env, "migrate", "--service", "ingest")).code == 0
    conn = await connect_as(infra, database, "ingest")
    try:
        for _ in range(2):
            await conn.execute(
                """
                INSERT INTO outbox (event_id, event_type, topic, partition_key, body, created_at)
                VALUES ($1, 'order.placed', 'reviewloop.orders', 'k', '\\x00',
                        now() - interval '1 hour')
                """,
                uuid.uuid4(),
            )
    finally:
        await conn.close()

    result = await cli(cli_env, "status", "--json")
    assert result.code == 0, result.err
    status = json.loads(result.out)
    assert [r for r in status["consumer_lag"] if r["topic"] == topic] == [
        {"group": group, "topic": topic, "partition": 0, "committed": 2, "end": 5, "lag": 3},
        # Never committed: counted from the start of the log, where the consumer would begin.
        {"group": group, "topic": topic, "partition": 1, "committed": None, "end": 3, "lag": 3},
    ]
    outbox = {b["service"]: b for b in status["outbox"]}
    assert outbox["ingest"]["unsent"] == 2
    assert 3600 <= outbox["ingest"]["oldest_age_s"] < 3600 + 120
    assert outbox["survey"]["note"] == "not migrated"

    text = await cli(cli_env, "status", "--group", "survey.orders", "--service", "ingest")
    assert text.code == 0, text.err
    rows = [line.split() for line in text.out.splitlines() if line.startswith(group)]
    assert rows == [[group, topic, "0", "2", "5", "3"], [group, topic, "1", "-", "3", "3"]]
    assert f"total lag: {group}=6" in text.out
    ingest_row = next(line.split() for line in text.out.splitlines() if line.startswith("ingest"))
    assert ingest_row[:3] == ["ingest", "2", "1h"]
    # Another application's group only when asked for by name.
    probe = await cli(cli_env, "status", "--group", "probe", "--service", "ingest", "--json")
    assert {r["group"] for r in json.loads(probe.out)["consumer_lag"]} == {f"{prefix}probe"}

    # For scripts: exit 1 when a group's total lag is above the limit.
    args = ("status", "--group", "survey.orders", "--service", "ingest", "--fail-on-lag")
    over = await cli(cli_env, *args, "5")
    assert failed_with(over, f"lag above 5: {group}=6")
    assert (await cli(cli_env, *args, "6")).code == 0

    down = await cli(cli_env | {"REVIEWLOOP_KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1"}, "status")
    assert failed_with(down, "status incomplete: kafka 127.0.0.1:1")
    assert "ingest     2" in down.out  # the outbox part is still shown


async def test_status_into_head_ends_quietly(cli_env) -> None:
    """`reviewloop status | head -1`: head takes the title and leaves; no traceback."""
    assert (await cli(cli_env, "migrate")).code == 0
    headed, first = await cli_into_head(cli_env, "status")
    assert first == "Consumer lag (committed offset vs. end of log)\n"
    assert headed.err == "" and headed.code in (0, 141)


# -- shops and customer redaction (ingest's operator API) -----------------------------------


@pytest.fixture
def ingest(infra, database, prefix, log_dir) -> Iterator[ServiceProcess]:
    proc = ServiceProcess("ingest", service_env("ingest", infra, database, prefix), log_dir)
    try:
        proc.start()
        proc.wait_ready()
        yield proc
    finally:
        proc.kill()


SECRET = "cli-shop-secret-0123456789"


async def test_shops_and_customer_redaction_through_the_admin_api(
    cli_env, ingest, infra, database, prefix
) -> None:
    env = cli_env | {"REVIEWLOOP_INGEST_URL": ingest.url, "INGEST_ADMIN_TOKEN": ADMIN_TOKEN}
    created = await cli(
        env, "shops", "create", "eu-shop", "--platform", "shopify", "--name", "EU shop",
        "--country", "si", "--timezone", "Europe/Ljubljana", "--webhook-secret", SECRET,
        "--contact-email", "hello@eu-shop.example",
    )  # fmt: skip
    assert created.code == 0, created.err
    shop = fields_of(created.out)
    assert shop["webhook_secret"] == SECRET and shop["country"] == "SI"
    taken = await cli(
        env, "shops", "create", "eu-shop", "--platform", "shopify", "--name", "EU shop",
        "--country", "SI", "--timezone", "Europe/Ljubljana", "--contact-email", "a@b.example",
    )  # fmt: skip
    assert failed_with(taken, "(409)", "shop id already registered")
    invalid = await cli(
        env, "shops", "create", "other", "--platform", "shopify", "--name", "x",
        "--country", "SI", "--timezone", "Mars/Base", "--contact-email", "a@b.example",
    )  # fmt: skip
    assert failed_with(invalid, "(422)", "timezone")
    listed = await cli(env, "shops", "list", "--json")
    assert [s["shop_id"] for s in json.loads(listed.out)] == ["eu-shop"]
    table = await cli(env, "shops", "list")
    assert table.out.splitlines()[1].split()[:2] == ["eu-shop", "shopify"]
    rotated = await cli(env, "shops", "rotate-secret", "eu-shop")
    assert rotated.code == 0, rotated.err
    rotated_shop = fields_of(rotated.out)
    assert rotated_shop["webhook_secret"] != SECRET and rotated_shop["has_previous_secret"] == "yes"
    unauthorised = await cli(env | {"INGEST_ADMIN_TOKEN": "wrong"}, "shops", "list")
    assert failed_with(unauthorised, "(401)", "missing or invalid admin token")

    # A listing longer than a pipe holds, read by `head -1`: it ends quietly when head leaves.
    conn = await connect_as(infra, database, "ingest")
    try:
        async with conn.transaction():
            for n in range(2_000):
                await shops.insert(
                    conn, f"many-{n:04}", "standard", f"Shop {n}", "en", "SI", "UTC", SECRET
                )
    finally:
        await conn.close()
    headed, first = await cli_into_head(env, "shops", "list")
    assert first.split() == ["SHOP", "PLATFORM", "NAME", "COUNTRY", "TIMEZONE", "API", "CREDS",
                             "PREV", "SECRET"]  # fmt: skip
    assert headed.err == "" and headed.code == 141

    # An order with the customer's email arrives (signed with the previous secret, which
    # still verifies after the rotation), then the operator redacts the customer.
    order = {**live_shopify_order("orders__create.captured_test_order"), "id": 4711}
    order["email"] = order["contact_email"] = "jane@example.com"
    body = body_of(order)
    async with httpx.AsyncClient(timeout=10) as http:
        r = await http.post(
            f"{ingest.url}/webhooks/shopify/eu-shop",
            content=body,
            headers=shopify_headers(body, SECRET, "orders/create"),
        )
    assert r.status_code == 202, r.text
    conn = await connect_as(infra, database, "ingest")
    try:
        assert await conn.fetchval("SELECT customer_email FROM orders") == "jane@example.com"

        unconfirmed = await cli(env, "redact-customer", "--shop", "eu-shop", "--email", "j@x.io")
        assert failed_with(unconfirmed, "pass --yes")
        redact = ("redact-customer", "--shop", "eu-shop", "--email", "jane@example.com")
        done = await cli(env, *redact, "--request-id", "ticket-17", "--yes")
        assert done.code == 0, done.err
        assert fields_of(done.out)["request_id"] == "ticket-17"
        assert await conn.fetchval("SELECT customer_email FROM orders") is None
        assert await conn.fetchval("SELECT redacted_at IS NOT NULL FROM orders")

        twice = await cli(env, *redact, "--request-id", "ticket-17", "--yes")
        assert failed_with(twice, "(409)", "ticket-17", "already used")
        elsewhere = await cli(
            env, "redact-customer", "--shop", "no-shop", "--customer-id", "1", "--yes"
        )
        assert failed_with(elsewhere, "(404)", "unknown shop")
        nobody = await cli(env, "redact-customer", "--shop", "eu-shop", "--yes")
        assert failed_with(nobody, "--email and/or --customer-id")
    finally:
        await conn.close()

    # The same event a platform's customers/redact produces, for every other service.
    privacy = await read_topic(infra.kafka_bootstrap, topic_name(PRIVACY.name, prefix), expect=1)
    events = [json.loads(r.value) for r in privacy]
    (redaction,) = [e for e in events if e["type"] == "customer.redact_requested"]
    assert redaction["shop_id"] == "eu-shop"
    assert redaction["payload"]["request_id"] == "ticket-17"
    assert redaction["payload"]["email"] == "jane@example.com"
    assert redaction["payload"]["order_ids"] == ["4711"]


def checklist_rows(out: str) -> dict[str, list[str]]:
    """`CHECK  STATUS  SEVERITY  WHAT` rows of `shops show`: status and severity per check."""
    return {
        line.split()[0]: line.split()[1:3]
        for line in out.splitlines()
        if line.split()[1:2] in (["ok"], ["MISSING"])
    }


async def test_shops_show_prints_the_checklist_and_exits_1_while_a_blocker_fails(
    cli_env, ingest
) -> None:
    env = cli_env | {"REVIEWLOOP_INGEST_URL": ingest.url, "INGEST_ADMIN_TOKEN": ADMIN_TOKEN}
    created = await cli(
        env, "shops", "create", "new-shop", "--platform", "shopify", "--name", "New shop",
        "--country", "SI", "--timezone", "Europe/Ljubljana", "--webhook-secret", SECRET,
        "--contact-email", "hello@new-shop.example",
    )  # fmt: skip
    assert created.code == 0, created.err

    waiting = await cli(env, "shops", "show", "new-shop")
    assert failed_with(waiting, "shop new-shop is not ready: first_webhook")
    assert fields_of(waiting.out)["display_name"] == "New shop"  # the profile comes first
    rows = checklist_rows(waiting.out)
    assert rows["first_webhook"] == ["MISSING", "blocker"]
    assert rows["alert_recipient"] == ["ok", "blocker"]
    assert rows["default_secrets"] == ["MISSING", "warning"]
    assert (
        "  fix: subscribe the store's order webhooks to /webhooks/shopify/new-shop" in waiting.out
    )

    as_json = await cli(env, "shops", "show", "new-shop", "--json")
    assert failed_with(as_json, "not ready: first_webhook")
    shown = json.loads(as_json.out)
    assert shown["setup"]["shop_id"] == "new-shop" and shown["setup"]["ready"] is False
    assert shown["profile"]["shop_id"] == "new-shop"
    assert shown["profile"]["contact_email"] == "hello@new-shop.example"

    order = {**live_shopify_order("orders__create.captured_test_order"), "id": 4712}
    body = body_of(order)
    async with httpx.AsyncClient(timeout=10) as http:
        r = await http.post(
            f"{ingest.url}/webhooks/shopify/new-shop",
            content=body,
            headers=shopify_headers(body, SECRET, "orders/create"),
        )
    assert r.status_code == 202, r.text
    ready = await cli(env, "shops", "show", "new-shop")
    assert ready.code == 0, ready.err
    assert "# shop new-shop is ready (warnings: default_secrets)" in ready.err
    assert checklist_rows(ready.out)["first_webhook"] == ["ok", "blocker"]

    unknown = await cli(env, "shops", "show", "no-shop")
    assert failed_with(unknown, "(404)", "unknown shop")

    announced = await cli(env, "shops", "announce", "new-shop", "--json")
    assert announced.code == 0, announced.err
    assert json.loads(announced.out) == [{"shop_id": "new-shop", "version": 1}]
    everyone = await cli(env, "shops", "announce")
    assert everyone.code == 0 and "new-shop" in everyone.out, everyone.err
    assert failed_with(await cli(env, "shops", "announce", "no-shop"), "(404)", "unknown shop")


# -- users and keys (responder) -------------------------------------------------------------


async def test_users_and_api_keys_through_the_responder_api(
    cli_env, infra, database, prefix, log_dir
) -> None:
    responder = ServiceProcess(
        "responder", service_env("responder", infra, database, prefix), log_dir
    )
    try:
        responder.start()
        responder.wait_ready()
        env = cli_env | {
            "REVIEWLOOP_RESPONDER_URL": responder.url,
            "RESPONDER_BOOTSTRAP_ADMIN_KEY": BOOTSTRAP_KEY,
        }
        # Shops reach the responder as `shop.updated` events, as from ingest.
        for shop in ("eu-shop", "us-shop"):
            event = shop_event(shop)
            await produce(
                infra.kafka_bootstrap,
                topic_name(SHOPS.name, prefix),
                serialize_event(event),
                key=event.partition_key().encode(),
            )

        async def known() -> bool:
            async with httpx.AsyncClient(timeout=10) as http:
                r = await http.get(
                    f"{responder.url}/v1/shops",
                    headers={"Authorization": f"Bearer {BOOTSTRAP_KEY}"},
                )
            return {s["shop_id"] for s in r.json()} == {"eu-shop", "us-shop"}

        await eventually(known)
        # A shop the responder never heard of (a typo) is refused before anything is made.
        typo = await cli(
            env, "users", "create", "--name", "Ana", "--role", "manager",
            "--shop", "eu-shop", "--shop", "eu-shp",
        )  # fmt: skip
        assert failed_with(typo, "unknown shop eu-shp", "shops list")
        created = await cli(
            env, "users", "create", "--name", "Ana", "--email", "ana@example.com",
            "--role", "manager", "--shop", "eu-shop", "--shop", "us-shop",
        )  # fmt: skip
        assert created.code == 0, created.err
        user = fields_of(created.out)
        assert user["role"] == "manager" and user["shop_ids"] == "eu-shop, us-shop"
        key = await cli(env, "keys", "create", "--user", user["id"], "--name", "laptop")
        assert key.code == 0, key.err
        api_key = fields_of(key.out)["key"]
        async with httpx.AsyncClient(timeout=10) as http:
            me = await http.get(
                f"{responder.url}/v1/users/me", headers={"Authorization": f"Bearer {api_key}"}
            )
        assert me.status_code == 200 and me.json()["name"] == "Ana"
        listed = await cli(env, "users", "list", "--json")
        assert [u["email"] for u in json.loads(listed.out)] == ["ana@example.com"]

        # An agent's key cannot create users: the refusal is one line.
        agent = await cli(env | {"REVIEWLOOP_RESPONDER_TOKEN": api_key}, "users", "create",
                          "--name", "Bo", "--role", "admin", "--shop", "eu-shop")  # fmt: skip
        assert failed_with(agent, "(403)")
        missing = await cli(env, "keys", "create", "--user", "999")
        assert failed_with(missing, "(404)")
    finally:
        responder.kill()


# -- reconcile ------------------------------------------------------------------------------


async def add_woo_shop(make_settings) -> None:
    from services.ingest.settings import IngestSettings

    pool = await create_pool(make_settings(IngestSettings))
    try:
        async with pool.acquire() as conn:
            await shops.insert(conn, "woo", "woocommerce", "Woo", "en", "US", "UTC", "secret")
    finally:
        await pool.close()


async def test_reconcile_wraps_the_ingest_reconciliation(
    cli_env, make_settings, tmp_path: Path
) -> None:

    assert (await cli(cli_env, "migrate", "--service", "ingest")).code == 0
    await add_woo_shop(make_settings)
    export = tmp_path / "orders.jsonl"
    export.write_text(json.dumps(fixture("woocommerce", "order.created")) + "\n")

    first = await cli(cli_env, "reconcile", "--shop", "woo", str(export))
    assert first.code == 0, first.err
    assert "lines: 1  orders applied: 1" in first.out
    assert "order.placed" in first.out
    again = await cli(cli_env, "reconcile", "--shop", "woo", str(export))
    assert again.code == 0 and "events emitted: none" in again.out

    export.write_text("{broken\n")
    broken = await cli(cli_env, "reconcile", "--shop", "woo", str(export))
    assert failed_with(broken, "1 line(s) could not be read")
    assert "line 1: " in broken.out
    unknown = await cli(cli_env, "reconcile", "--shop", "nope", str(export))
    assert failed_with(unknown, "unknown shop 'nope'")
    missing = await cli(cli_env, "reconcile", "--shop", "woo", str(tmp_path / "none.jsonl"))
    assert failed_with(missing, "cannot read")


async def test_migrate_and_reconcile_print_json(cli_env, make_settings, tmp_path: Path) -> None:
    migrated = await cli(cli_env, "migrate", "--service", "ingest", "--json")
    assert migrated.code == 0, migrated.err
    (ingest,) = json.loads(migrated.out)
    assert ingest["service"] == "ingest" and ingest["total"] == len(ingest["applied"]) > 0
    again = json.loads((await cli(cli_env, "migrate", "--service", "ingest", "--json")).out)
    assert again == [{"service": "ingest", "applied": [], "total": ingest["total"]}]

    await add_woo_shop(make_settings)
    export = tmp_path / "orders.jsonl"
    export.write_text(json.dumps(fixture("woocommerce", "order.created")) + "\n{broken\n")
    result = await cli(cli_env, "reconcile", "--shop", "woo", str(export), "--json")
    assert failed_with(result, "1 line(s) could not be read")
    report = json.loads(result.out)
    assert report["lines"] == 2 and report["orders"] == 1
    assert report["events"]["order.placed"] == 1
    assert [e["line"] for e in report["errors"]] == [2]
