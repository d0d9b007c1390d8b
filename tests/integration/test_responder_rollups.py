"""Analytics read from the daily rollups (whole UTC days) and the rows (the partial days at the
ends) must answer exactly what the direct computation over the rows answers, for any period:
periods on and off UTC midnight, in other time zones, shorter than a day, a year; after edits
that change sentiment, rating and topics, deletions, restorations, late old revisions, NPS
answers edited across days. The reference queries below are the analytics queries as they
were before the rollups."""

import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from services.responder.analytics import repository as analytics
from services.responder.reviews import repository as reviews
from shared.events import ReviewDeleted, SurveyAnswered
from tests.support.responder import Responder, classified, running_responder, shop_event

pytestmark = pytest.mark.integration

DAY = timedelta(days=1)
START = datetime(2026, 3, 1, tzinfo=UTC)
DAYS = 12
NOW = START + (DAYS + 2) * DAY
TOPICS = ("delivery_delay", "praise", "product_quality", "size_fit", "customer_service")
SENTIMENTS = ("positive", "neutral", "negative")
CET = timezone(timedelta(hours=1))
LJUBLJANA_SUMMER = timezone(timedelta(hours=2))
NEW_YORK = timezone(timedelta(hours=-5))

REFERENCE_STATS = """
    SELECT
        count(*) AS volume,
        count(rating) AS rated,
        avg(rating)::float8 AS average_rating,
        count(*) FILTER (WHERE sentiment = 'positive') AS positive,
        count(*) FILTER (WHERE sentiment = 'neutral') AS neutral,
        count(*) FILTER (WHERE sentiment = 'negative') AS negatives,
        count(first_replied_at) FILTER (WHERE sentiment = 'negative') AS negatives_answered,
        count(*) FILTER (WHERE sentiment = 'negative'
                         AND (first_replied_at IS NOT NULL OR sla_due_at <= $4))
            AS negatives_due,
        count(*) FILTER (WHERE sentiment = 'negative' AND first_replied_at <= sla_due_at)
            AS within_sla,
        percentile_cont(0.5) WITHIN GROUP (
            ORDER BY extract(epoch FROM first_replied_at - created_at))
            FILTER (WHERE sentiment = 'negative' AND first_replied_at IS NOT NULL) AS median_s,
        percentile_cont(0.9) WITHIN GROUP (
            ORDER BY extract(epoch FROM first_replied_at - created_at))
            FILTER (WHERE sentiment = 'negative' AND first_replied_at IS NOT NULL) AS p90_s
    FROM reviews
    WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3 AND deleted_at IS NULL
"""
REFERENCE_TOPICS = """
    SELECT topic, count(*) AS n FROM reviews, unnest(topics) AS topic
    WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3 AND deleted_at IS NULL
    GROUP BY topic
"""
REFERENCE_NPS = """
    SELECT nps, count(*) AS n FROM survey_answers
    WHERE shop_id = $1 AND answered_at >= $2 AND answered_at < $3 AND nps IS NOT NULL
    GROUP BY nps
"""


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        await r.feed(shop_event("s1"))
        await r.feed(shop_event("s2"))
        yield r


def created_time(rng: random.Random) -> datetime:
    """Every fifth review sits on a UTC day boundary or a microsecond before one."""
    day = START + rng.randrange(DAYS) * DAY
    edge = rng.random()
    if edge < 0.1:
        return day
    if edge < 0.2:
        return day + DAY - timedelta(microseconds=1)
    return day + timedelta(seconds=rng.randrange(86_400), microseconds=rng.randrange(10**6))


def topics_of(rng: random.Random) -> tuple[str, ...]:
    return tuple(rng.sample(TOPICS, rng.choice((0, 1, 1, 2, 3))))


async def seed(responder: Responder, rng: random.Random) -> None:
    feed = responder.feed
    for shop_id in ("s1", "s2"):
        for n in range(160):
            review_id = f"{shop_id}-r{n}"
            created = created_time(rng)
            sentiment = rng.choice(SENTIMENTS)
            rating = rng.choice((None, 1, 2, 3, 4, 5))
            await feed(
                classified(
                    shop_id,
                    review_id,
                    sentiment=sentiment,
                    rating=rating,
                    created=created,
                    topics=topics_of(rng),
                    order_id=review_id,
                )
            )
            roll = rng.random()
            if roll < 0.25:
                # An edit: another sentiment, rating and topics (same creation time).
                await feed(
                    classified(
                        shop_id,
                        review_id,
                        revision=2,
                        sentiment=rng.choice(SENTIMENTS),
                        rating=rng.choice((None, 1, 5)),
                        created=created,
                        topics=topics_of(rng),
                        order_id=review_id,
                    )
                )
                if rng.random() < 0.3:
                    # The first revision arriving late changes nothing.
                    await feed(
                        classified(
                            shop_id, review_id, sentiment=sentiment, created=created,
                            topics=("praise",), order_id=review_id,
                        )
                    )  # fmt: skip
            elif roll < 0.4:
                await feed(
                    ReviewDeleted(
                        shop_id=shop_id,
                        payload={
                            "review_id": review_id,
                            "source": "trustpilot",
                            "deleted_at": created + DAY,
                        },
                    )
                )
                if rng.random() < 0.3:
                    # Deleted twice (a redelivery from the platform): counted once.
                    await feed(
                        ReviewDeleted(
                            shop_id=shop_id,
                            payload={
                                "review_id": review_id,
                                "source": "trustpilot",
                                "deleted_at": created + 2 * DAY,
                            },
                        )
                    )
                elif rng.random() < 0.5:
                    # A newer revision after the deletion brings the review back.
                    await feed(
                        classified(
                            shop_id,
                            review_id,
                            revision=3,
                            sentiment="negative",
                            rating=2,
                            created=created,
                            topics=("delivery_delay", "size_fit"),
                            order_id=review_id,
                        )
                    )
            if rng.random() < 0.6:
                async with responder.pool.acquire() as conn:
                    replied = created + timedelta(seconds=rng.randrange(1, 3 * 86_400))
                    await reviews.mark_replied(conn, shop_id, review_id, replied)
        for survey_id in range(120):
            answered = created_time(rng)
            await feed(answer(shop_id, survey_id, rng.choice((None, *range(11))), answered))
            if rng.random() < 0.3:
                # Edited, sometimes onto the next day; an older edit arriving late is ignored.
                later = answered + timedelta(hours=rng.choice((1, 20, 30)))
                await feed(answer(shop_id, survey_id, rng.choice((None, 0, 9, 10)), later))
                await feed(answer(shop_id, survey_id, 5, answered - timedelta(minutes=1)))


def answer(shop_id: str, survey_id: int, nps: int | None, at: datetime) -> SurveyAnswered:
    return SurveyAnswered(
        shop_id=shop_id,
        occurred_at=at,
        payload={
            "survey_id": survey_id,
            "order_id": f"o{survey_id}",
            "nps": nps,
            "answered_at": at,
        },
    )


def periods(rng: random.Random) -> list[tuple[datetime, datetime]]:
    fixed = [
        (START, START + DAYS * DAY),  # whole UTC days only
        (START - 30 * DAY, NOW),  # beyond the data on both sides
        (START + 2 * DAY, START + 3 * DAY),  # exactly one UTC day
        (START + 2 * DAY, START + 2 * DAY + timedelta(hours=5)),  # inside one day
        (START + 3 * DAY - timedelta(microseconds=1), START + 3 * DAY),  # the last microsecond
        (START + 3 * DAY, START + 3 * DAY + timedelta(microseconds=1)),  # the first one
        (START + DAY + timedelta(hours=13), START + 2 * DAY + timedelta(hours=2)),  # no whole day
        # Local midnights: the whole days are UTC days, the local ones are not.
        (datetime(2026, 3, 3, tzinfo=CET), datetime(2026, 3, 9, tzinfo=CET)),
        (datetime(2026, 3, 2, tzinfo=LJUBLJANA_SUMMER), datetime(2026, 3, 12, tzinfo=CET)),
        (datetime(2026, 3, 1, 19, tzinfo=NEW_YORK), datetime(2026, 3, 8, 19, tzinfo=NEW_YORK)),
        (NOW - 366 * DAY, NOW),  # the longest period
    ]
    for _ in range(40):
        since = START - DAY + timedelta(seconds=rng.uniform(0, (DAYS + 1) * 86_400))
        until = since + timedelta(seconds=rng.uniform(1, (DAYS + 1) * 86_400))
        fixed.append((since, until))
    return fixed


async def reference(
    conn: Any, shop_id: str, since: datetime, until: datetime
) -> tuple[dict[str, Any], dict[str, int], dict[int, int]]:
    row = await conn.fetchrow(REFERENCE_STATS, shop_id, since, until, NOW)
    stats = {
        "volume": row["volume"],
        "rated": row["rated"],
        "average_rating": row["average_rating"],
        "sentiments": {
            "negative": row["negatives"],
            "neutral": row["neutral"],
            "positive": row["positive"],
        },
        "negatives": row["negatives"],
        "negatives_answered": row["negatives_answered"],
        "negatives_due": row["negatives_due"],
        "negatives_within_sla": row["within_sla"],
        "reply_median_s": row["median_s"],
        "reply_p90_s": row["p90_s"],
    }
    topics = {r["topic"]: r["n"] for r in await conn.fetch(REFERENCE_TOPICS, shop_id, since, until)}
    nps = {r["nps"]: r["n"] for r in await conn.fetch(REFERENCE_NPS, shop_id, since, until)}
    return stats, topics, nps


async def test_rollup_analytics_equal_the_direct_computation(responder: Responder) -> None:
    rng = random.Random(20261124)
    await seed(responder, rng)
    compared = 0
    async with responder.pool.acquire() as conn:
        # The data is varied enough to mean something.
        assert await conn.fetchval("SELECT count(*) FROM reviews WHERE deleted_at IS NOT NULL")
        assert await conn.fetchval("SELECT count(*) FROM reviews WHERE revision > 1")
        assert await conn.fetchval(
            "SELECT count(*) FROM reviews WHERE created_at = date_trunc('day', created_at)"
        )
        for since, until in periods(rng):
            for shop_id in ("s1", "s2"):
                want_stats, want_topics, want_nps = await reference(conn, shop_id, since, until)
                got = await analytics.review_stats(conn, shop_id, since, until, NOW)
                assert vars(got) == want_stats, (shop_id, since, until)
                got_topics = await analytics.topic_counts(conn, shop_id, since, until)
                assert got_topics == want_topics, (shop_id, since, until)
                got_nps = await analytics.nps_counts(conn, shop_id, since, until)
                assert got_nps == want_nps, (shop_id, since, until)
                compared += 1
    assert compared == 2 * (11 + 40)


async def test_rollups_equal_a_rebuild_from_the_rows(responder: Responder) -> None:
    """What the handlers kept up event by event is what a GROUP BY of the rows gives (no
    leftover zero rows either)."""
    await seed(responder, random.Random(7))
    tables = ("review_days", "review_topic_days", "nps_days")
    async with responder.pool.acquire() as conn:
        kept = {t: sorted(map(tuple, await conn.fetch(f"SELECT * FROM {t}"))) for t in tables}
        assert all(kept.values())
        assert not await conn.fetchval("SELECT count(*) FROM review_topic_days WHERE n = 0")
        await analytics.rebuild_rollups(conn, ["s1", "s2"])
        rebuilt = {t: sorted(map(tuple, await conn.fetch(f"SELECT * FROM {t}"))) for t in tables}
    assert kept == rebuilt


def test_periods_split_into_utc_days_and_partial_ends() -> None:
    at = datetime(2026, 3, 3, 10, tzinfo=UTC)
    p = analytics.split(at, at + 3 * DAY)
    assert p.head == (at, datetime(2026, 3, 4, tzinfo=UTC))
    assert p.days == (datetime(2026, 3, 4).date(), datetime(2026, 3, 6).date())
    assert p.tail == (datetime(2026, 3, 6, tzinfo=UTC), at + 3 * DAY)
    midnight = datetime(2026, 3, 3, tzinfo=UTC)
    whole = analytics.split(midnight, midnight + 2 * DAY)
    assert whole.head[0] == whole.head[1] and whole.tail[0] == whole.tail[1]
    assert whole.days == (midnight.date(), (midnight + 2 * DAY).date())
    short = analytics.split(at, at + DAY)  # crosses a midnight, holds no whole day
    assert short.head == (at, at + DAY) and short.days[0] == short.days[1]
    local = analytics.split(datetime(2026, 3, 3, tzinfo=CET), datetime(2026, 3, 5, tzinfo=CET))
    assert local.days == (datetime(2026, 3, 3).date(), datetime(2026, 3, 4).date())
