"""Ingest's second classification pass against a real migrated database: it leases its batch
instead of locking it, so an edit made while e5 reads a review neither waits nor is
overwritten; a lease that runs out makes the review claimable again; an unchanged negative
is stored but not announced twice, a changed reading (or a topic only e5 found) is announced
as final."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from services.ingest.app import MIGRATIONS
from services.ingest.reviews import repository
from services.ingest.reviews.classify import ClassificationWorker
from services.ingest.reviews.service import store
from services.ingest.reviews.sources import generic
from services.ingest.settings import IngestSettings
from services.ingest.shops import repository as shops
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool
from shared.events import parse_event
from shared.events.reviews import ReviewClassified

pytestmark = pytest.mark.integration

SHOP = "second-pass-shop"
ANGRY = "Honestly a joke of a product, it stopped charging after two days."


@pytest.fixture
async def pool(make_settings) -> AsyncIterator[Pool]:
    pool = await create_pool(make_settings(IngestSettings))
    await apply_migrations(pool, "ingest", service_migrations("ingest", MIGRATIONS))
    async with pool.acquire() as conn, conn.transaction():
        await shops.insert(conn, SHOP, "standard", "Shop", "en", "SI", "Europe/Ljubljana", "s")
    yield pool
    await pool.close()


async def post(pool: Pool, review_id: str, updated: datetime, **data: Any) -> None:
    body = {
        "type": "review.updated",
        "data": {
            "review_id": review_id,
            "created_at": "2026-12-01T08:00:00Z",
            "updated_at": updated.isoformat(),
            **data,
        },
    }
    async with pool.acquire() as conn, conn.transaction():
        await store(conn, SHOP, generic.parse(body, datetime.now(UTC)))


async def announced(pool: Pool, review_id: str) -> list[ReviewClassified]:
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT body FROM outbox WHERE event_type = 'review.classified' ORDER BY id"
        )
    events = [parse_event(bytes(r["body"])) for r in rows]
    return [
        e for e in events if isinstance(e, ReviewClassified) and e.payload.review_id == review_id
    ]


FIRST = ClassificationWorker("fast", second_pass_follows=True)
SECOND = ClassificationWorker("embedding", batch_size=4, second_pass=True)
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def test_an_edit_during_the_second_pass_neither_waits_nor_is_overwritten(pool) -> None:
    await post(pool, "edited", T0, rating=5, text=ANGRY)
    assert await FIRST.run_once(pool) == 1
    async with pool.acquire() as conn, conn.transaction():
        (leased,) = await repository.claim_for_second_pass(conn, 4, timedelta(minutes=10))
        # Leased, not locked: another claim skips it, and no row lock is held after commit.
        assert await repository.claim_for_second_pass(conn, 4, timedelta(minutes=10)) == []
    # The reviewer edits the review while e5 would be reading it: the edit does not wait.
    await asyncio.wait_for(post(pool, "edited", T0 + timedelta(hours=1), rating=5, text="Great"), 5)
    async with pool.acquire() as conn:
        stale = await repository.save_second_pass(
            conn, SHOP, leased.review_id, leased.revision, {"sentiment": "negative"}, "x"
        )
        assert not stale  # read at revision 1, the review is at revision 2 now
        row = await conn.fetchrow(
            "SELECT revision, needs_classification, classification FROM reviews"
            " WHERE review_id = $1",
            leased.review_id,
        )
    assert row["revision"] == 2 and row["needs_classification"]
    # Still the fast reading of revision 1: the stale second reading was not stored.
    assert row["classification"]["model_version"].startswith("fast-")


async def test_a_changed_reading_is_announced_final_and_an_unchanged_one_is_not(pool) -> None:
    await post(pool, "angry", T0, rating=5, text=ANGRY)
    await post(pool, "broken", T0, rating=1, text="Arrived broken, the box was crushed.")
    assert await FIRST.run_once(pool) == 2
    assert await SECOND.run_once(pool) == 2
    assert await SECOND.run_once(pool) == 0  # nothing left, nothing leased twice
    angry = await announced(pool, "generic:angry")
    assert [e.payload.classification.final for e in angry] == [False, True]
    assert angry[0].payload.classification.sentiment == "positive"
    final = angry[1].payload.classification
    assert (final.sentiment, final.star_text_mismatch) == ("negative", True)
    assert final.model_version.startswith("embedding-")
    # The final word carries the fast pass's reading (the responder's policy leaves a review
    # the two passes disagree on to a person); the fast one has none to carry.
    assert angry[0].payload.classification.first_pass_sentiment is None
    assert final.first_pass_sentiment == "positive"
    # Negative both times: stored as the second pass's, announced once.
    broken = await announced(pool, "generic:broken")
    assert [e.payload.classification.final for e in broken] == [False]
    async with pool.acquire() as conn:
        version = await conn.fetchval(
            "SELECT model_version FROM reviews WHERE review_id = 'generic:broken'"
        )
    assert version.startswith("embedding-")


async def test_a_topic_only_the_second_pass_found_is_announced(pool) -> None:
    # No topic list has a word of it; the e5 topic head reads it as a size complaint.
    text = "The trousers would fit a giant, I am a normal medium."
    await post(pool, "giant", T0, rating=2, text=text)
    assert await FIRST.run_once(pool) == 1
    assert await SECOND.run_once(pool) == 1
    events = await announced(pool, "generic:giant")
    assert [e.payload.classification.final for e in events] == [False, True]
    first, final = (e.payload.classification for e in events)
    assert first.sentiment == final.sentiment == "negative"
    assert [t.name for t in first.topics] == []
    assert [t.name for t in final.topics] == ["size_fit"]


async def test_a_lease_that_ran_out_is_claimed_again(pool) -> None:
    await post(pool, "crashed", T0, rating=4, text="Fine")
    assert await FIRST.run_once(pool) == 1
    async with pool.acquire() as conn, conn.transaction():
        assert len(await repository.claim_for_second_pass(conn, 4, timedelta(minutes=10))) == 1
    assert await SECOND.run_once(pool) == 0  # leased by a replica that then crashed
    async with pool.acquire() as conn:
        await conn.execute(
            "UPDATE reviews SET second_pass_lease_until = now() - interval '1 second'"
        )
    assert await SECOND.run_once(pool) == 1
