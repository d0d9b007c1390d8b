"""The JSON-lines review import against the real stack: the same store as review webhooks
(dedupe, updates, matching, classification, outbox), per-line results, nothing new on a second
run; and downstream, an old backfilled negative is counted but does not page staff while a
fresh one does."""

import asyncio
import json
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from deploy.local.stack import REPO_ROOT
from services.ingest.app import MIGRATIONS
from services.ingest.orders.document import OrderDocument
from services.ingest.orders.service import apply_facts
from services.ingest.reviews.backfill import Line, LineResult, import_reviews
from services.ingest.reviews.classify import ClassificationWorker
from services.ingest.reviews.service import store
from services.ingest.reviews.sources import generic
from services.ingest.settings import IngestSettings
from services.ingest.shops import repository as shops
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool
from shared.events import parse_event
from shared.events.reviews import ReviewClassified
from shared.topics import CLASSIFIED, topic_name
from tests.conftest import connect_as, service_env
from tests.integration.test_e2e_review_alert import mails_to, stack  # noqa: F401 (fixture)
from tests.integration.test_notifier import (  # noqa: F401 (fixture)
    T0,
    Notifier,
    classified,
    inbox,
    notifier,
    shop,
)
from tests.support.admin import create_shop
from tests.support.kafka import eventually, read_topic
from tests.support.platforms import fixture

pytestmark = pytest.mark.integration

SHOP = "backfill-shop"
TRUSTPILOT_ID = "trustpilot:53bffd360000640002975387"


@pytest.fixture
async def pool(make_settings) -> AsyncIterator[Pool]:
    pool = await create_pool(make_settings(IngestSettings))
    await apply_migrations(pool, "ingest", service_migrations("ingest", MIGRATIONS))
    async with pool.acquire() as conn, conn.transaction():
        await shops.insert(conn, SHOP, "standard", "Shop", "en", "SI", "Europe/Ljubljana", "s")
        order = OrderDocument.model_validate(
            {
                "order_id": "ABC-123-xyz",  # the Trustpilot sample's referenceId
                "placed_at": "2017-05-10T10:00:00Z",
                "currency": "EUR",
                "customer": {"email": "ana@example.com"},
                "items": [{"product_id": "tea", "name": "Tea", "quantity": 1, "unit_price": "4"}],
            }
        )
        await apply_facts(conn, SHOP, order.to_facts("direct", datetime.now(UTC)))
    yield pool
    await pool.close()


def review(review_id: str, kind: str = "review.created", **data: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "data": {"review_id": review_id, "created_at": "2017-06-01T08:00:00Z", **data},
    }


def google(review_id: str, stars: str, comment: str) -> dict[str, Any]:
    return {
        "reviewId": review_id,
        "starRating": stars,
        "comment": comment,
        "createTime": "2018-03-01T10:00:00Z",
    }


LIVE = review("live-1", rating=4, text="Nice")
EXPORT: list[Any] = [
    fixture("trustpilot", "service-review-created"),  # 1: matched by the order reference
    google("g-old", "ONE", "Rude staff, never again"),  # 2
    review(
        "x-1", rating=5, text="Good tea", reviewer={"email": "ANA@example.com"}, product_id="tea"
    ),  # 3: matched by email and product
    "{broken",  # 4
    "",  # 5: blank lines are skipped
    fixture("trustpilot", "service-review-created"),  # 6: a duplicate
    review(
        "x-1",
        "review.updated",
        rating=2,
        text="It broke after a month",
        updated_at="2017-07-01T08:00:00Z",
        reviewer={"email": "ana@example.com"},
        product_id="tea",
    ),  # 7: a newer version of line 3
    {"reviews": [google("g-2", "FIVE", "Lovely"), google("g-3", "FOUR", "Good")]},  # 8
    {"id": 1},  # 9: no known format
    review("nul", rating=3, text="a\u0000b"),  # 10: a text PostgreSQL cannot hold
    LIVE,  # 11: already received by webhook
    {"type": "review.deleted", "data": {"review_id": "live-1"}},  # 12
]


def lines(items: list[Any]) -> list[Line]:
    return [
        Line(n, (item if isinstance(item, str) else json.dumps(item)).encode() + b"\n")
        for n, item in enumerate(items, start=1)
    ]


async def run(pool: Pool, items: list[Any]) -> list[LineResult]:
    return [r async for r in import_reviews(pool, SHOP, lines(items))]


async def outbox(pool: Pool) -> list[Any]:
    async with pool.acquire() as conn:
        rows = await conn.fetch("SELECT body FROM outbox ORDER BY id")
    return [parse_event(r["body"]) for r in rows]


async def classify_all(pool: Pool) -> int:
    worker, total = ClassificationWorker("fast"), 0
    while handled := await worker.run_once(pool):
        total += handled
    return total


async def test_import_mixes_formats_reports_each_line_and_a_second_run_adds_nothing(pool) -> None:
    async with pool.acquire() as conn, conn.transaction():
        await store(conn, SHOP, generic.parse(LIVE, datetime.now(UTC)))

    results = await run(pool, EXPORT)
    assert [(r.line, r.status, r.review_id) for r in results] == [
        (1, "imported", TRUSTPILOT_ID),
        (2, "imported", "google:g-old"),
        (3, "imported", "generic:x-1"),
        (4, "rejected", None),
        (6, "unchanged", TRUSTPILOT_ID),
        (7, "updated", "generic:x-1"),
        (8, "imported", "google:g-2"),
        (8, "imported", "google:g-3"),
        (9, "rejected", None),
        (10, "rejected", None),
        (11, "unchanged", "generic:live-1"),
        (12, "deleted", "generic:live-1"),
    ]
    reasons = {r.line: r.reason or "" for r in results if r.status == "rejected"}
    assert "not valid JSON" in reasons[4]
    assert "not a review in a known format" in reasons[9]
    assert "refused by the database" in reasons[10]

    async with pool.acquire() as conn:
        rows = {
            r["review_id"]: r
            for r in await conn.fetch(
                "SELECT review_id, revision, rating, order_id, match_method, backfill, deleted_at"
                " FROM reviews"
            )
        }
    assert (rows[TRUSTPILOT_ID]["match_method"], rows[TRUSTPILOT_ID]["backfill"]) == (
        "reference",
        True,
    )
    x1 = rows["generic:x-1"]
    assert (x1["revision"], x1["rating"], x1["order_id"], x1["match_method"]) == (
        2,
        2,
        "ABC-123-xyz",
        "email_product",
    )
    assert rows["generic:live-1"]["deleted_at"] is not None
    assert "generic:nul" not in rows

    # A review arriving live during an import is classified (and alerted) first.
    async with pool.acquire() as conn, conn.transaction():
        fresh = review("fresh", rating=1, text="Broken", created_at=datetime.now(UTC).isoformat())
        await store(conn, SHOP, generic.parse(fresh, datetime.now(UTC)))
    assert await ClassificationWorker("fast", batch_size=1).run_once(pool) == 1
    await classify_all(pool)
    events = await outbox(pool)
    announced = [e for e in events if isinstance(e, ReviewClassified)]
    assert announced[0].payload.review_id == "generic:fresh"
    assert not announced[0].payload.backfill
    assert {e.payload.review_id: e.payload.revision for e in announced[1:]} == {
        TRUSTPILOT_ID: 1,
        "google:g-old": 1,
        "generic:x-1": 2,
        "google:g-2": 1,
        "google:g-3": 1,
    }
    assert all(e.payload.backfill for e in announced[1:])
    assert [e.type for e in events if e.type == "review.deleted"] == ["review.deleted"]

    again = await run(pool, EXPORT)
    assert {r.line for r in again if r.status == "rejected"} == {4, 9, 10}
    assert {r.status for r in again if r.status != "rejected"} == {"unchanged"}
    # The deleted review stays deleted: its old version in the export does not bring it back.
    assert await classify_all(pool) == 0
    assert len(await outbox(pool)) == len(events)


async def test_an_unknown_shop_is_refused_before_any_line(pool) -> None:
    with pytest.raises(LookupError, match="unknown shop"):
        [r async for r in import_reviews(pool, "nope", lines(EXPORT))]


def backfilled(event: ReviewClassified, at: datetime) -> ReviewClassified:
    return event.model_copy(
        update={"occurred_at": at, "payload": event.payload.model_copy(update={"backfill": True})}
    )


async def test_an_old_backfilled_negative_is_in_the_digest_but_pages_nobody(
    notifier: Notifier,  # noqa: F811 (the fixture imported above)
) -> None:
    support, boss = inbox(), inbox()
    await shop(notifier, "b1", alert_recipients=[support], escalation_recipients=[boss])
    await notifier.feed(backfilled(classified("b1", "g:old", created=T0 - timedelta(days=30)), T0))
    await notifier.feed(
        backfilled(classified("b1", "g:recent", created=T0 - timedelta(hours=2)), T0)
    )
    await notifier.deliver()
    # The recent one was imported to close a gap: it is news, alerted like a live review.
    (alert,) = notifier.mails_to(support)
    assert "/console/reviews/" in alert.get_body(("plain",)).get_content()
    assert "/g%3Arecent" in alert.get_body(("plain",)).get_content()
    async with notifier.pool.acquire() as conn:
        timed = await conn.fetch("SELECT DISTINCT subject FROM timers WHERE kind LIKE 'sla%'")
    assert [r["subject"] for r in timed] == ["g:recent"]

    await notifier.timers()  # schedules the digest
    notifier.clock.now = datetime(2026, 11, 18, 7, 1, tzinfo=UTC)  # 08:01 in Ljubljana
    await notifier.timers()
    await notifier.deliver()
    (escalation,) = notifier.mails_to(boss)
    assert "Review: g:recent" in escalation.get_body(("plain",)).get_content()
    (digest,) = [m for m in notifier.mails_to(support) if "DIGEST" in m["Subject"]]
    text = digest.get_body(("plain",)).get_content()
    # Never hidden: the old negative is listed among the unanswered ones with its age.
    assert "Unanswered negative reviews: 2" in text
    assert "g:old (trustpilot, 1★, 30 days old)" in text


def run_cli(env: dict[str, str], shop_id: str, path: Path) -> tuple[int, list[Any], Any]:
    """Exit status, the per-review results (stdout) and the totals (last line on stderr)."""
    done = subprocess.run(
        [sys.executable, "-m", "services.ingest.reviews.backfill", "--shop", shop_id, str(path)],
        cwd=REPO_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    results = [json.loads(line) for line in done.stdout.splitlines()]
    return done.returncode, results, json.loads(done.stderr.splitlines()[-1])


async def test_cli_import_through_the_running_stack_pages_only_for_the_fresh_negative(
    stack,  # noqa: F811
    infra,
    database,
    prefix,
    tmp_path,
) -> None:
    ingest = stack["ingest"]
    shop_id = f"bf-{uuid.uuid4().hex[:6]}"
    support = f"support-{uuid.uuid4().hex[:8]}@example.com"
    # Alert recipients are the registry's (#18): the contact address stands in for them.
    create_shop(ingest.url, shop_id, "standard", contact_email=support)

    now = datetime.now(UTC)
    old = {
        "reviewId": "old-1",
        "starRating": "ONE",
        "comment": "The package arrived damaged and the teapot was broken. Nobody answers.",
        "createTime": (now - timedelta(days=200)).isoformat(),
    }
    fresh = review(
        "fresh-1",
        rating=1,
        title="Broken and no answer",
        text="The teapot arrived broken and nobody answers my emails.",
        language="en",
        created_at=(now - timedelta(hours=1)).isoformat(),
    )
    export = tmp_path / "reviews.jsonl"
    export.write_text(json.dumps(old) + "\n" + json.dumps(fresh) + "\nnot json\n")
    env = service_env("ingest", infra, database, prefix)

    code, results, totals = run_cli(env, shop_id, export)
    assert code == 1  # a line was rejected; the others are in
    assert totals == {"lines": 3, "results": {"imported": 2, "rejected": 1}}
    assert [(r["line"], r["status"]) for r in results] == [
        (1, "imported"),
        (2, "imported"),
        (3, "rejected"),
    ]

    async def notifier_reviews() -> list[str]:
        conn = await connect_as(infra, database, "notifier")
        try:
            rows = await conn.fetch(
                "SELECT review_id FROM reviews WHERE shop_id = $1 ORDER BY review_id", shop_id
            )
        finally:
            await conn.close()
        return [r["review_id"] for r in rows] if len(rows) == 2 else []

    # Both are in notifier's read model (digests, alarms count them) ...
    assert await eventually(notifier_reviews, wait_s=60) == ["generic:fresh-1", "google:old-1"]

    async def mails() -> list[Any]:
        return mails_to(infra.maildir, support)

    await eventually(mails, wait_s=30)
    await asyncio.sleep(2)  # an alert about the old one would have arrived by now
    # ... but only the fresh one pages staff.
    (mail,) = mails_to(infra.maildir, support)
    assert "/generic%3Afresh-1" in mail.get_body(("plain",)).get_content()
    conn = await connect_as(infra, database, "notifier")
    try:
        timed = await conn.fetch(
            "SELECT DISTINCT subject FROM timers WHERE shop_id = $1 AND kind LIKE 'sla%'", shop_id
        )
    finally:
        await conn.close()
    assert [r["subject"] for r in timed] == ["generic:fresh-1"]

    topic = topic_name(CLASSIFIED.name, prefix)

    async def second_pass_done() -> bool:
        conn = await connect_as(infra, database, "ingest")
        try:
            waiting = await conn.fetchval(
                "SELECT count(*) FROM reviews WHERE shop_id = $1 AND needs_second_pass", shop_id
            )
        finally:
            await conn.close()
        return waiting == 0

    assert await eventually(second_pass_done, wait_s=60)
    # Announced by the fast model (not final); the second pass announces again only what it
    # reads differently or what may be answered automatically.
    before = [parse_event(r.value) for r in await read_topic(infra.kafka_bootstrap, topic, 2)]
    assert sorted(
        (e.payload.review_id, e.payload.backfill)
        for e in before
        if isinstance(e, ReviewClassified)
        and e.shop_id == shop_id
        and not e.payload.classification.final
    ) == [("generic:fresh-1", True), ("google:old-1", True)]

    code, results, totals = run_cli(env, shop_id, export)
    assert [r["status"] for r in results] == ["unchanged", "unchanged", "rejected"]
    assert totals["results"] == {"unchanged": 2, "rejected": 1}
    await asyncio.sleep(2)  # the classification worker and the relay would have sent it by now
    after = await read_topic(infra.kafka_bootstrap, topic, len(before) + 1, wait_s=3)
    assert len(after) == len(before)
    assert len(mails_to(infra.maildir, support)) == 1
