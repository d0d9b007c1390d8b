"""The shop registry owns the shop's profile (issue #18): creation asks for the contact and
defaults the rest, `GET`/`PATCH /v1/admin/shops/{shop}` read and change it by JSON Merge Patch
with `ETag`/`If-Match`, every change is audited and announced whole in `shop.updated` with its
version, and that version reaches every service, survives a restart and a replay of the shops
topic. Real ingest (and survey, notifier, responder) processes, PostgreSQL and Kafka."""

import asyncio
import json
import uuid
from collections.abc import Iterator
from typing import Any

import asyncpg
import httpx
import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient

from services.ingest.shops import repository as shops
from shared.events.catalogue import parse_event
from shared.events.shops import ShopUpdated
from shared.topics import SHOPS, topic_name
from tests.conftest import connect_as, service_env
from tests.support.admin import ADMIN, create_shop
from tests.support.kafka import eventually, read_topic
from tests.support.platforms import fixture
from tests.support.privacy import SECRET, post_shopify
from tests.support.services import ServiceProcess, running_services, smtp_env

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def ingest(infra, module_database, module_prefix, tmp_path_factory) -> Iterator[ServiceProcess]:
    env = service_env("ingest", infra, module_database, module_prefix)
    proc = ServiceProcess("ingest", env, tmp_path_factory.mktemp("ingest-logs"))
    proc.start()
    try:
        proc.wait_ready()
        yield proc
    finally:
        proc.kill()


def new_shop_id() -> str:
    return f"p-{uuid.uuid4().hex[:8]}"


def base(shop_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "shop_id": shop_id,
        "platform": "standard",
        "display_name": "Tea Shop",
        "country": "SI",
        "timezone": "Europe/Ljubljana",
        **fields,
    }


def get(ingest: ServiceProcess, shop_id: str) -> httpx.Response:
    return httpx.get(f"{ingest.url}/v1/admin/shops/{shop_id}", headers=ADMIN, timeout=10)


def patch(ingest: ServiceProcess, shop_id: str, body: Any, **headers: str) -> httpx.Response:
    return httpx.patch(
        f"{ingest.url}/v1/admin/shops/{shop_id}",
        json=body,
        headers={**ADMIN, **{k.replace("_", "-"): v for k, v in headers.items()}},
        timeout=10,
    )


def profile_of(shop: dict[str, Any]) -> dict[str, Any]:
    """The profile members of an answer: what must not change unless patched."""
    keep = (
        "display_name locale country timezone contact_email contact_url contact_phone "
        "alert_recipients escalation_recipients sla"
    ).split()
    return {k: shop[k] for k in keep}


def test_creation_needs_a_contact_and_defaults_the_rest(ingest) -> None:
    shop_id = new_shop_id()
    missing = httpx.post(
        f"{ingest.url}/v1/admin/shops", json=base(shop_id), headers=ADMIN, timeout=10
    )
    assert missing.status_code == 422, missing.text
    assert "contact_email is required" in missing.text
    both = httpx.post(
        f"{ingest.url}/v1/admin/shops", json=base(shop_id, country="ßß"), headers=ADMIN, timeout=10
    )
    assert both.status_code == 422
    # Every reason at once, each at its member.
    assert sorted(e["loc"][1] for e in both.json()["detail"]) == ["contact_email", "country"]
    assert get(ingest, shop_id).status_code == 404

    r = httpx.post(
        f"{ingest.url}/v1/admin/shops",
        json=base(shop_id, contact_email="hello@tea.example"),
        headers=ADMIN,
        timeout=10,
    )
    assert r.status_code == 201, r.text
    assert r.headers["ETag"] == '"1"'
    created = r.json()
    assert created["version"] == 1
    assert created["alert_recipients"] == ["hello@tea.example"]
    assert created["escalation_recipients"] == []
    assert created["sla"] == {
        "hours": 24,
        "due_soon_hours": 4,
        "business_hours_only": False,
        "business_start_hour": 9,
        "business_end_hour": 17,
    }
    assert created["contact_url"] is None and created["contact_phone"] is None

    shown = get(ingest, shop_id)
    assert shown.status_code == 200 and shown.headers["ETag"] == '"1"'
    assert profile_of(shown.json()) == profile_of(created)
    assert "webhook_secret" not in shown.json()


def test_creation_takes_the_whole_profile_within_bounds(ingest) -> None:
    shop_id = new_shop_id()
    full = base(
        shop_id,
        contact_email="hello@tea.example",
        contact_url="https://tea.example/contact",
        contact_phone="+386 1 234 56 78",
        alert_recipients=["ana@tea.example", "bo@tea.example"],
        escalation_recipients=["lead@tea.example"],
        sla={"hours": 8, "business_hours_only": True},
    )
    r = httpx.post(f"{ingest.url}/v1/admin/shops", json=full, headers=ADMIN, timeout=10)
    assert r.status_code == 201, r.text
    shop = r.json()
    assert shop["alert_recipients"] == ["ana@tea.example", "bo@tea.example"]
    assert shop["escalation_recipients"] == ["lead@tea.example"]
    assert (shop["sla"]["hours"], shop["sla"]["business_hours_only"]) == (8, True)
    assert shop["contact_phone"] == "+386 1 234 56 78"

    too_many = [f"a{i}@tea.example" for i in range(21)]
    for bad, where in [
        ({"sla": {"hours": 10**9}}, ["sla", "hours"]),
        ({"alert_recipients": too_many}, ["alert_recipients"]),
        ({"contact_phone": "call me"}, ["contact_phone"]),
        ({"contact_url": "ftp://tea.example"}, ["contact_url"]),
        ({"escalation_recipients": ["not an address"]}, ["escalation_recipients", 0]),
    ]:
        body = base(new_shop_id(), contact_email="hello@tea.example", **bad)
        r = httpx.post(f"{ingest.url}/v1/admin/shops", json=body, headers=ADMIN, timeout=10)
        assert r.status_code == 422, (bad, r.text)
        assert any(e["loc"][1:] == where for e in r.json()["detail"]), r.text


def test_a_partial_patch_keeps_every_other_member(ingest) -> None:
    shop_id = new_shop_id()
    created = create_shop(
        ingest.url,
        shop_id,
        "standard",
        contact_email="hello@tea.example",
        escalation_recipients=["lead@tea.example"],
        sla={"hours": 8},
    )
    r = patch(ingest, shop_id, {"timezone": "America/New_York", "sla": {"due_soon_hours": 2}})
    assert r.status_code == 200, r.text
    assert r.headers["ETag"] == '"2"'
    changed = r.json()
    assert changed["version"] == 2
    expected = profile_of(created)
    expected["timezone"] = "America/New_York"
    # sla merges member by member: its hours stay 8.
    expected["sla"] = {**expected["sla"], "due_soon_hours": 2}
    assert profile_of(changed) == expected
    assert profile_of(get(ingest, shop_id).json()) == expected
    assert get(ingest, shop_id).headers["ETag"] == '"2"'

    # `null` returns a member to its default.
    r = patch(ingest, shop_id, {"escalation_recipients": None, "sla": None})
    assert r.status_code == 200, r.text
    assert r.json()["escalation_recipients"] == []
    assert r.json()["sla"]["hours"] == 24
    assert r.json()["contact_email"] == "hello@tea.example"


def test_if_match_stale_is_412_and_changes_nothing(ingest) -> None:
    shop_id = new_shop_id()
    create_shop(ingest.url, shop_id, "standard", contact_email="hello@tea.example")
    assert patch(ingest, shop_id, {"locale": "de"}, If_Match='"1"').status_code == 200
    before = get(ingest, shop_id).json()

    stale = patch(ingest, shop_id, {"locale": "fr"}, If_Match='"1"')
    assert stale.status_code == 412, stale.text
    assert stale.headers["ETag"] == '"2"'
    assert "now version 2" in stale.json()["detail"]
    after = get(ingest, shop_id).json()
    assert after == before and after["locale"] == "de" and after["version"] == 2

    for tag in ('"2"', "*", '"7", "4"'):
        r = patch(ingest, shop_id, {"display_name": f"Tea {tag}"}, If_Match=tag)
        assert r.status_code == 200, (tag, r.text)
    assert get(ingest, shop_id).json()["version"] == 5

    # A weak tag never matches (RFC 9110 strong comparison).
    assert patch(ingest, shop_id, {"locale": "fr"}, If_Match='W/"5"').status_code == 412


def test_invalid_patches_are_refused_with_the_member(ingest) -> None:
    shop_id = new_shop_id()
    create_shop(ingest.url, shop_id, "standard", contact_email="hello@tea.example")
    before = get(ingest, shop_id).json()
    for body, where in [
        ({"sla": {"hours": 10**9}}, ["sla", "hours"]),
        ({"timezone": "Mars/Base"}, ["timezone"]),
        ({"contact_email": None}, ["contact_email"]),
        ({"sla": {"business_start_hour": 18}}, ["sla"]),
        ({"colour": "red"}, ["colour"]),
        ({"sla": {"minutes": 5}}, ["sla", "minutes"]),
    ]:
        r = patch(ingest, shop_id, body)
        assert r.status_code == 422, (body, r.text)
        locs = [e["loc"][1:] for e in r.json()["detail"]]
        assert where in locs, (body, r.text)
    for member, reason in [
        ("platform", "the platform is fixed at registration"),
        ("webhook_secret", "secrets/rotate"),
        ("shop_id", "the shop id is fixed"),
    ]:
        r = patch(ingest, shop_id, {member: "x"})
        assert r.status_code == 422 and reason in r.json()["detail"], r.text
    assert patch(ingest, shop_id, ["not", "an", "object"]).status_code == 422
    assert get(ingest, shop_id).json() == before
    assert patch(ingest, "no-such-shop", {"locale": "de"}).status_code == 404
    assert get(ingest, "no-such-shop").json() == {"detail": "unknown shop"}
    unauthorised = httpx.patch(f"{ingest.url}/v1/admin/shops/{shop_id}", json={}, timeout=10)
    assert unauthorised.status_code == 401


def test_the_trail_records_who_changed_what(ingest) -> None:
    shop_id = new_shop_id()
    create_shop(ingest.url, shop_id, "standard", contact_email="hello@tea.example")
    patch(ingest, shop_id, {"contact_email": "help@tea.example"}, Reviewloop_Actor="ana@ops")
    patch(ingest, shop_id, {"sla": {"hours": 12}})
    # Nothing changes: no version, no trail.
    same = patch(ingest, shop_id, {"sla": {"hours": 12}})
    assert same.status_code == 200 and same.headers["ETag"] == '"3"'

    r = httpx.get(f"{ingest.url}/v1/admin/shops/{shop_id}/changes", headers=ADMIN, timeout=10)
    assert r.status_code == 200, r.text
    newest, oldest = r.json()
    assert (newest["actor"], newest["version"], newest["entity"]) == (
        "admin-token",
        3,
        "shop_profile",
    )
    assert newest["before"] == {"sla": {**newest["before"]["sla"], "hours": 24}}
    assert newest["after"]["sla"]["hours"] == 12
    assert (oldest["actor"], oldest["version"]) == ("admin-token:ana@ops", 2)
    assert oldest["before"] == {"contact_email": "hello@tea.example"}
    assert oldest["after"] == {"contact_email": "help@tea.example"}
    limited = httpx.get(
        f"{ingest.url}/v1/admin/shops/{shop_id}/changes?limit=1", headers=ADMIN, timeout=10
    )
    assert [c["version"] for c in limited.json()] == [3]
    assert (
        httpx.get(
            f"{ingest.url}/v1/admin/shops/{shop_id}/changes?limit=100000",
            headers=ADMIN,
            timeout=10,
        ).status_code
        == 422
    )
    missing = httpx.get(f"{ingest.url}/v1/admin/shops/nope/changes", headers=ADMIN, timeout=10)
    assert missing.status_code == 404


async def test_every_change_is_announced_whole_with_its_version(
    ingest, infra, module_prefix
) -> None:
    shop_id = new_shop_id()
    create_shop(ingest.url, shop_id, "standard", contact_email="hello@tea.example")
    r = patch(
        ingest,
        shop_id,
        {"contact_url": "https://tea.example/help", "alert_recipients": ["ana@tea.example"]},
    )
    assert r.status_code == 200, r.text
    # A rotation changes no profile: nothing new to announce, the version stays.
    async with httpx.AsyncClient(timeout=10) as http:
        rotated = await http.post(
            f"{ingest.url}/v1/admin/shops/{shop_id}/secrets/rotate", headers=ADMIN
        )
    assert rotated.status_code == 200 and rotated.json()["version"] == 2

    async def both() -> list[ShopUpdated]:
        records = await read_topic(
            infra.kafka_bootstrap, topic_name(SHOPS.name, module_prefix), 1, 3
        )
        events = [parse_event(r.value) for r in records]
        return [e for e in events if isinstance(e, ShopUpdated) and e.shop_id == shop_id]

    first, second = await eventually(lambda: _at_least(both, 2), 30)
    assert first.payload.version == 1
    assert first.payload.alert_recipients == ["hello@tea.example"]
    assert second.payload.version == 2
    assert second.payload.model_dump(mode="json") == {
        "version": 2,
        "platform": "standard",
        "display_name": f"Shop {shop_id}",
        "locale": "en",
        "country": "SI",
        "timezone": "Europe/Ljubljana",
        "contact_email": "hello@tea.example",
        "contact_url": "https://tea.example/help",
        "contact_phone": None,
        "alert_recipients": ["ana@tea.example"],
        "escalation_recipients": [],
        "sla": {
            "hours": 24,
            "due_soon_hours": 4,
            "business_hours_only": False,
            "business_start_hour": 9,
            "business_end_hour": 17,
        },
    }
    assert second.payload.alert_to() == ["ana@tea.example"]


async def _at_least(found: Any, n: int) -> list[ShopUpdated] | None:
    events: list[ShopUpdated] = await found()
    return events if len(events) >= n else None


async def test_shop_redaction_forgets_the_trail(ingest, infra, module_database) -> None:
    shop_id = new_shop_id()
    create_shop(ingest.url, shop_id, "shopify", SECRET, contact_email="hello@tea.example")
    assert patch(ingest, shop_id, {"contact_phone": "+386 1 234"}).status_code == 200
    conn = await connect_as(infra, module_database, "ingest")
    try:
        count = "SELECT count(*) FROM settings_changes WHERE shop_id = $1"
        assert await conn.fetchval(count, shop_id) == 1
        post_shopify(ingest, shop_id, "shop/redact", fixture("shopify", "shop__redact"))
        assert await conn.fetchval(count, shop_id) == 0
    finally:
        await conn.close()


# -- the acceptance test: one change, every service, restart and replay ---------------------

LEARNERS = ("survey", "notifier", "responder")


@pytest.fixture
def stack(infra, database, prefix, log_dir) -> Iterator[dict[str, ServiceProcess]]:
    envs = {
        n: {**service_env(n, infra, database, prefix), **smtp_env(n, infra)}
        for n in ("ingest", *LEARNERS)
    }
    with running_services(envs, log_dir) as procs:
        yield procs


async def learned(db: asyncpg.Connection, service: str, shop_id: str) -> tuple[int, Any]:
    """The profile version and profile `service` keeps in its own schema (tests may look)."""
    row = await db.fetchrow(
        f"SELECT profile_version, profile FROM {service}.shops WHERE shop_id = $1", shop_id
    )
    return (-1, None) if row is None else (row["profile_version"], json.loads(row["profile"]))


async def all_learned(
    db: asyncpg.Connection, shop_id: str, version: int, services: tuple[str, ...] = LEARNERS
) -> dict[str, Any]:
    async def check() -> dict[str, Any] | None:
        found = {s: await learned(db, s, shop_id) for s in services}
        if all(v == version for v, _ in found.values()):
            return {s: p for s, (_, p) in found.items()}
        return None

    result: dict[str, Any] = await eventually(check, 60, 0.5)
    return result


async def rewind(bootstrap: str, group: str, topic: str) -> None:
    """What `kafka-consumer-groups --reset-offsets --to-earliest` does, for a stopped group:
    every partition the group has read of `topic` goes back to its first offset."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        committed = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()
    parts = [tp for tp in committed if tp.topic == topic]
    assert parts, (group, committed)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False
    )
    await consumer.start()
    try:
        consumer.assign(parts)
        await consumer.commit(await consumer.beginning_offsets(parts))
    finally:
        await consumer.stop()


async def test_a_change_reaches_every_service_survives_a_restart_and_a_replay(
    stack, infra, prefix, admin_db
) -> None:
    ingest, survey = stack["ingest"], stack["survey"]
    shop_id = new_shop_id()
    create_shop(ingest.url, shop_id, "standard", contact_email="hello@tea.example")
    await all_learned(admin_db, shop_id, 1)

    r = patch(
        ingest,
        shop_id,
        {"timezone": "America/New_York", "sla": {"hours": 8, "business_hours_only": True}},
        If_Match='"1"',
    )
    assert r.status_code == 200, r.text
    r = patch(
        ingest,
        shop_id,
        {"contact_email": "help@tea.example", "contact_phone": "+1 212 555 0100"},
        If_Match='"2"',
    )
    assert r.status_code == 200, r.text
    profiles = await all_learned(admin_db, shop_id, 3)
    for service, profile in profiles.items():
        assert profile["timezone"] == "America/New_York", service
        assert profile["contact_email"] == "help@tea.example", service
        assert profile["contact_phone"] == "+1 212 555 0100", service
        assert (profile["sla"]["hours"], profile["sla"]["business_hours_only"]) == (8, True)
        # Alert recipients were defaulted at creation, not moved with the contact.
        assert profile["alert_recipients"] == ["hello@tea.example"], service

    # Restart: a change made while the survey was down is learned when it comes back.
    assert survey.terminate(), survey.log_tail()
    r = patch(ingest, shop_id, {"timezone": "Asia/Tokyo"})
    assert r.status_code == 200 and r.json()["version"] == 4, r.text
    await all_learned(admin_db, shop_id, 4, ("notifier", "responder"))
    survey.start()
    survey.wait_ready()
    profiles = await all_learned(admin_db, shop_id, 4)
    assert {p["timezone"] for p in profiles.values()} == {"Asia/Tokyo"}

    # Replay: the survey reads the shops topic again from the start (its group starts at the
    # earliest offset) and its inbox forgets versions 1 to 3, so those arrive again after
    # version 4 and must not roll the stored profile back.
    assert survey.terminate(), survey.log_tail()
    newest = await admin_db.fetchval(
        "SELECT event_id FROM ingest.outbox WHERE event_type = 'shop.updated' "
        "AND partition_key = $1 ORDER BY id DESC LIMIT 1",
        shop_id,
    )
    forgotten = await admin_db.execute(
        "DELETE FROM survey.inbox WHERE consumer = 'survey.shops' AND event_type = "
        "'shop.updated' AND event_id <> $1",
        newest,
    )
    assert forgotten == "DELETE 3", forgotten
    await rewind(infra.kafka_bootstrap, f"{prefix}survey.shops", topic_name(SHOPS.name, prefix))
    survey.start()
    survey.wait_ready()

    async def replayed() -> bool:
        count = await admin_db.fetchval(
            "SELECT count(*) FROM survey.inbox WHERE consumer = 'survey.shops' "
            "AND event_type = 'shop.updated'"
        )
        return bool(count >= 4)

    await eventually(replayed, 60, 0.5)
    version, profile = await learned(admin_db, "survey", shop_id)
    assert version == 4, survey.log_tail()
    assert profile["timezone"] == "Asia/Tokyo"
    assert profile["contact_email"] == "help@tea.example"

    # Past the topic's retention a lost copy cannot be replayed: the registry announces the
    # shop again instead, at the same version.
    await admin_db.execute("DELETE FROM notifier.shops WHERE shop_id = $1", shop_id)
    assert (await learned(admin_db, "notifier", shop_id))[0] == -1
    async with httpx.AsyncClient(timeout=10) as http:
        r = await http.post(f"{ingest.url}/v1/admin/shops/{shop_id}/announce", headers=ADMIN)
    assert r.status_code == 200 and r.headers["etag"] == '"4"', r.text
    profiles = await all_learned(admin_db, shop_id, 4)
    assert {p["timezone"] for p in profiles.values()} == {"Asia/Tokyo"}


async def test_two_changes_against_one_version_one_wins(ingest) -> None:
    """Both staff members read version 1; the row lock makes the second see version 2."""
    shop_id = new_shop_id()
    create_shop(ingest.url, shop_id, "standard", contact_email="hello@tea.example")
    url = f"{ingest.url}/v1/admin/shops/{shop_id}"
    async with httpx.AsyncClient(timeout=10) as http:
        answers = await asyncio.gather(
            *(
                http.patch(url, json={"locale": locale}, headers={**ADMIN, "If-Match": '"1"'})
                for locale in ("de", "fr")
            )
        )
        assert sorted(r.status_code for r in answers) == [200, 412]
        (won,) = [r for r in answers if r.status_code == 200]
        shown = await http.get(url, headers=ADMIN)
    assert shown.json()["version"] == 2 and shown.json()["locale"] == won.json()["locale"]


def test_the_published_patch_body_names_the_profile(ingest) -> None:
    spec = httpx.get(f"{ingest.url}/openapi.json", timeout=10).json()
    body = spec["paths"]["/v1/admin/shops/{shop_id}"]["patch"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert "required" not in schema and {"timezone", "sla", "alert_recipients"} <= set(
        schema["properties"]
    )
    refs = {v for v in json.dumps(schema).split('"') if v.startswith("#/components/schemas/")}
    assert refs and all(r.rsplit("/", 1)[1] in spec["components"]["schemas"] for r in refs)


async def test_a_shop_registered_before_contacts_were_required_gets_one_with_its_next_change(
    ingest, infra, module_database
) -> None:
    shop_id = new_shop_id()
    conn = await connect_as(infra, module_database, "ingest")
    try:
        await shops.insert(conn, shop_id, "standard", "Old", "en", "SI", "UTC", "secret-0123456789")
    finally:
        await conn.close()
    async with httpx.AsyncClient(timeout=10) as http:
        url = f"{ingest.url}/v1/admin/shops/{shop_id}"
        old = (await http.get(url, headers=ADMIN)).json()
        assert (old["version"], old["contact_email"], old["sla"]["hours"]) == (1, None, 24)
        refused = await http.patch(url, json={"locale": "de"}, headers=ADMIN)
        assert refused.status_code == 422
        assert "contact_email is required" in refused.text
        r = await http.patch(
            url, json={"locale": "de", "contact_email": "hello@old.example"}, headers=ADMIN
        )
        assert r.status_code == 200, r.text
        assert (r.json()["version"], r.json()["contact_email"]) == (2, "hello@old.example")
        # Its alert recipients stay empty: alerts go to the contact (ShopUpdatedPayload.alert_to).
        assert r.json()["alert_recipients"] == []
