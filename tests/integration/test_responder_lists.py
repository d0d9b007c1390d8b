"""The review list reads a page's ids from covering indexes, then their rows; a full-text
search first walks the sort order, then asks the GIN index. Whatever path a query takes, the
page must be the one the definition gives: every filter, the sort order, the cursor. Checked
against a computation in Python over all of a shop's rows, on enough reviews that a common
word fills a page from the walk, a rare one does not, and a missing one finds nothing."""

import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from services.responder.cases import service as cases
from services.responder.reviews import repository as reviews
from services.responder.reviews.query import ReviewFilter, sla_state
from shared.events import ReviewDeleted
from tests.support.responder import Responder, classified, running_responder, shop_event

pytestmark = pytest.mark.integration

NOW = datetime(2026, 6, 30, 12, tzinfo=UTC)
DUE_SOON = timedelta(hours=4)
TOPICS = ("delivery_delay", "praise", "product_quality", "size_fit")


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        await r.feed(shop_event("s1"))
        await r.feed(shop_event("s2"))
        yield r


async def seed(responder: Responder, rng: random.Random) -> None:
    for shop_id, count in (("s1", 1400), ("s2", 200)):
        for n in range(count):
            review_id = f"{shop_id}-{n:04d}"
            words = ["common"] if rng.random() < 0.5 else []
            if rng.random() < 0.02:
                words.append("rare")
            created = NOW - timedelta(minutes=rng.randrange(60 * 24 * 60))
            await responder.feed(
                classified(
                    shop_id,
                    review_id,
                    sentiment=rng.choice(("positive", "positive", "neutral", "negative")),
                    severity="high" if rng.random() < 0.05 else "low",
                    rating=rng.choice((1, 3, 5)),
                    created=created,
                    topics=tuple(rng.sample(TOPICS, rng.choice((0, 1, 2)))),
                    text=" ".join(["Tea", *words, "pot"]),
                    order_id=review_id,
                )
            )
            async with responder.pool.acquire() as conn, conn.transaction():
                if rng.random() < 0.05:
                    await reviews.mark_deleted(conn, shop_id, review_id, created)
                    continue
                if rng.random() < 0.5:
                    replied = created + timedelta(hours=rng.randrange(1, 48))
                    if replied < NOW:
                        await reviews.mark_replied(conn, shop_id, review_id, replied)
                review = await reviews.get(conn, shop_id, review_id)
                assert review is not None
                if review["case_id"] is not None and rng.random() < 0.5:
                    await cases.transition(conn, shop_id, review, "in_progress", "system", created)
    # A deletion through the handler too (it is what lists hide).
    await responder.feed(
        ReviewDeleted(
            shop_id="s1",
            payload={"review_id": "s1-0000", "source": "trustpilot", "deleted_at": NOW},
        )
    )


def key(row: dict[str, Any], sort: str) -> tuple[Any, ...]:
    if sort == "urgency":
        return (row["urgency"], row["sla_due_at"], row["review_id"])
    # Newest first: the negated order, as a key that sorts ascending.
    return (-row["created_at"].timestamp(), _desc(row["review_id"]))


def _desc(text: str) -> tuple[int, ...]:
    return (*(-ord(c) for c in text), 1)


def expected(rows: list[dict[str, Any]], matches: set[str] | None, f: ReviewFilter) -> list[str]:
    def keep(r: dict[str, Any]) -> bool:
        if r["deleted_at"] is not None:
            return False
        if f.sentiments and r["sentiment"] not in f.sentiments:
            return False
        if f.topics and not set(f.topics) & set(r["topics"]):
            return False
        if matches is not None and r["review_id"] not in matches:
            return False
        if f.statuses:
            status = r["case_status"] or "none"
            if status not in f.statuses:
                return False
        if f.sla:
            state = sla_state(r["sla_due_at"], r["first_replied_at"], f.now, f.due_soon)
            if state not in f.sla:
                return False
        return True

    kept = sorted((r for r in rows if keep(r)), key=lambda r: key(r, f.sort))
    if f.after is not None:
        if f.sort == "urgency":
            kept = [r for r in kept if key(r, "urgency") > f.after]
        else:
            created, review_id = f.after
            kept = [r for r in kept if (r["created_at"], r["review_id"]) < (created, review_id)]
    return [r["review_id"] for r in kept[: f.limit]]


async def test_list_pages_equal_the_definition(responder: Responder) -> None:
    await seed(responder, random.Random(11))
    shapes: list[dict[str, Any]] = [
        {},
        {"sentiments": ["negative"]},
        {"topics": ["size_fit"]},
        {"statuses": ["in_progress"]},
        {"statuses": ["new", "none"]},
        {"sla": ["overdue"]},
        {"text": "common"},  # fills a page while walking the sort order
        {"text": "rare"},  # does not: the GIN index answers
        {"text": "absent"},
        {"text": "common", "topics": ["praise"], "sentiments": ["positive"]},
        {"text": "rare", "statuses": ["none"]},
    ]
    compared = 0
    async with responder.pool.acquire() as conn:
        rows = {
            shop_id: [
                dict(r)
                for r in await conn.fetch(
                    """
                    SELECT r.*, c.status AS case_status FROM reviews r
                    LEFT JOIN cases c ON c.shop_id = r.shop_id AND c.case_key = r.case_key
                    WHERE r.shop_id = $1
                    """,
                    shop_id,
                )
            ]
            for shop_id in ("s1", "s2")
        }
        for shop_id in ("s1", "s2"):
            for shape in shapes:
                matches = None
                if "text" in shape:
                    matches = {
                        r["review_id"]
                        for r in await conn.fetch(
                            "SELECT review_id FROM reviews WHERE shop_id = $1"
                            " AND search @@ plainto_tsquery('simple', $2)",
                            shop_id,
                            shape["text"],
                        )
                    }
                for sort in ("urgency", "newest"):
                    after = None
                    for _ in range(3):  # three pages through the cursor
                        f = ReviewFilter(
                            shop_id=shop_id,
                            now=NOW,
                            due_soon=DUE_SOON,
                            sort=sort,  # type: ignore[arg-type]
                            after=after,
                            limit=51,
                            **shape,
                        )
                        got = await reviews.search(conn, f)
                        want = expected(rows[shop_id], matches, f)
                        assert [r["review_id"] for r in got] == want, (shop_id, shape, sort)
                        compared += 1
                        if len(got) < 51:
                            break
                        last = got[-1]
                        after = (
                            (last["urgency"], last["sla_due_at"], last["review_id"])
                            if sort == "urgency"
                            else (last["created_at"], last["review_id"])
                        )
        # The cases the search paths exist for are present in this data.
        common = await conn.fetchval(
            "SELECT count(*) FROM reviews WHERE shop_id = 's1' AND deleted_at IS NULL"
            " AND search @@ plainto_tsquery('simple', 'common')"
        )
        rare = await conn.fetchval(
            "SELECT count(*) FROM reviews WHERE shop_id = 's1' AND deleted_at IS NULL"
            " AND search @@ plainto_tsquery('simple', 'rare')"
        )
    assert common > 3 * 51 and 0 < rare < 51
    assert compared > 60
