"""All SQL of notifier's review read model."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shared.db.pool import Connection
from shared.events.reviews import ReviewClassifiedPayload


async def upsert(
    conn: Connection, shop_id: str, review: ReviewClassifiedPayload, at: datetime
) -> str | None:
    """The review's effective sentiment (a person's correction, else the classifier's), or None
    when this revision (or a newer one) was seen before. A later classification of the same
    revision (ingest's second pass, a reclassification after a model upgrade) is newer:
    announcements are ordered by (revision, the time ingest announced them)."""
    c = review.classification
    if c.sentiment == "negative":
        # An edit read as negative takes back a person's positive or neutral reading of the
        # old text, as the responder does (it announces that too; whichever comes first).
        await conn.execute(
            """
            DELETE FROM sentiment_corrections s USING reviews r
            WHERE s.shop_id = $1 AND s.review_id = $2 AND r.shop_id = $1 AND r.review_id = $2
              AND r.revision < $3 AND s.sentiment <> 'negative'
            """,
            shop_id,
            review.review_id,
            review.revision,
        )
    row: str | None = await conn.fetchval(
        """
        INSERT INTO reviews AS r (shop_id, review_id, revision, source, order_id, rating,
            sentiment, severity, topics, removal_candidate, created_at, classified_at)
        VALUES ($1, $2, $3, $4, $5, $6,
                coalesce((SELECT s.sentiment FROM sentiment_corrections s
                          WHERE s.shop_id = $1 AND s.review_id = $2), $7),
                $8, $9, $10, $11, $12)
        ON CONFLICT (shop_id, review_id) DO UPDATE SET revision = EXCLUDED.revision,
            rating = EXCLUDED.rating, sentiment = EXCLUDED.sentiment,
            severity = EXCLUDED.severity, topics = EXCLUDED.topics,
            removal_candidate = EXCLUDED.removal_candidate, order_id = EXCLUDED.order_id,
            classified_at = EXCLUDED.classified_at, deleted_at = NULL
        WHERE EXCLUDED.revision > r.revision
           OR (EXCLUDED.revision = r.revision AND EXCLUDED.classified_at > r.classified_at)
        RETURNING sentiment
        """,
        shop_id,
        review.review_id,
        review.revision,
        review.source,
        review.order.order_id if review.order else None,
        review.rating,
        c.sentiment,
        c.severity,
        [t.name for t in c.topics],
        c.removal_candidate,
        review.created_at,
        at,
    )
    return row


async def correct_sentiment(
    conn: Connection, shop_id: str, review_id: str, sentiment: str, by_staff: bool, at: datetime
) -> dict[str, Any] | None:
    """Keeps (or forgets, when it was taken back) a person's correction and makes `sentiment`
    the stored review's; the review as stored, or None when its classification has not come
    yet (it will read the correction)."""
    if by_staff:
        await conn.execute(
            """
            INSERT INTO sentiment_corrections (shop_id, review_id, sentiment, corrected_at)
            VALUES ($1, $2, $3, $4)
            ON CONFLICT (shop_id, review_id) DO UPDATE
                SET sentiment = EXCLUDED.sentiment, corrected_at = EXCLUDED.corrected_at
            """,
            shop_id,
            review_id,
            sentiment,
            at,
        )
    else:
        await conn.execute(
            "DELETE FROM sentiment_corrections WHERE shop_id = $1 AND review_id = $2",
            shop_id,
            review_id,
        )
    row = await conn.fetchrow(
        """
        UPDATE reviews SET sentiment = $3 WHERE shop_id = $1 AND review_id = $2
        RETURNING created_at, severity, replied_at, deleted_at
        """,
        shop_id,
        review_id,
        sentiment,
    )
    return dict(row) if row else None


async def corrected_by_staff(conn: Connection, shop_id: str, review_id: str) -> bool:
    found = await conn.fetchval(
        "SELECT true FROM sentiment_corrections WHERE shop_id = $1 AND review_id = $2",
        shop_id,
        review_id,
    )
    return bool(found)


async def mark_replied(conn: Connection, shop_id: str, review_id: str, at: datetime) -> None:
    await conn.execute(
        """
        UPDATE reviews SET replied_at = coalesce(replied_at, $3)
        WHERE shop_id = $1 AND review_id = $2
        """,
        shop_id,
        review_id,
        at,
    )


async def mark_deleted(conn: Connection, shop_id: str, review_id: str, at: datetime) -> None:
    await conn.execute(
        "UPDATE reviews SET deleted_at = $3 WHERE shop_id = $1 AND review_id = $2",
        shop_id,
        review_id,
        at,
    )


async def is_open(conn: Connection, shop_id: str, review_id: str) -> bool:
    """Still unanswered and not deleted."""
    found = await conn.fetchval(
        """
        SELECT 1 FROM reviews WHERE shop_id = $1 AND review_id = $2
          AND replied_at IS NULL AND deleted_at IS NULL
        """,
        shop_id,
        review_id,
    )
    return found is not None


async def order_reviews(conn: Connection, shop_id: str, order_ids: list[str]) -> list[str]:
    rows = await conn.fetch(
        "SELECT review_id FROM reviews WHERE shop_id = $1 AND order_id = ANY($2::text[])",
        shop_id,
        order_ids,
    )
    return [r["review_id"] for r in rows]


@dataclass(frozen=True)
class WindowCounts:
    total: int
    negative: int
    topics: dict[str, int]


async def classified_since(conn: Connection, shop_id: str, since: datetime) -> bool:
    value: bool = await conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM reviews WHERE shop_id = $1 AND classified_at >= $2)",
        shop_id,
        since,
    )
    return value


async def window_counts(
    conn: Connection, shop_id: str, since: datetime, until: datetime
) -> WindowCounts:
    row = await conn.fetchrow(
        """
        SELECT count(*) AS total, count(*) FILTER (WHERE sentiment = 'negative') AS negative
        FROM reviews WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3
          AND deleted_at IS NULL
        """,
        shop_id,
        since,
        until,
    )
    topics = await conn.fetch(
        """
        SELECT topic, count(*) AS n FROM reviews, unnest(topics) AS topic
        WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3 AND deleted_at IS NULL
        GROUP BY topic
        """,
        shop_id,
        since,
        until,
    )
    return WindowCounts(row["total"], row["negative"], {r["topic"]: r["n"] for r in topics})


@dataclass(frozen=True)
class OpenNegative:
    review_id: str
    rating: int | None
    source: str
    created_at: datetime


async def unanswered_negatives(conn: Connection, shop_id: str, limit: int) -> list[OpenNegative]:
    rows = await conn.fetch(
        """
        SELECT review_id, rating, source, created_at FROM reviews
        WHERE shop_id = $1 AND sentiment = 'negative' AND replied_at IS NULL
          AND deleted_at IS NULL
        ORDER BY created_at
        LIMIT $2
        """,
        shop_id,
        limit,
    )
    return [OpenNegative(**dict(r)) for r in rows]


async def sentiment_counts(
    conn: Connection, shop_id: str, since: datetime, until: datetime
) -> dict[str, int]:
    rows = await conn.fetch(
        """
        SELECT sentiment, count(*) AS n FROM reviews
        WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3 AND deleted_at IS NULL
        GROUP BY sentiment
        """,
        shop_id,
        since,
        until,
    )
    return {r["sentiment"]: r["n"] for r in rows}


async def count_survey(conn: Connection, shop_id: str, day: datetime, column: str) -> None:
    if column not in ("scheduled", "answered"):
        raise ValueError(column)
    await conn.execute(
        f"""
        INSERT INTO survey_counts (shop_id, day, {column}) VALUES ($1, $2::date, 1)
        ON CONFLICT (shop_id, day) DO UPDATE SET {column} = survey_counts.{column} + 1
        """,
        shop_id,
        day,
    )


async def survey_totals(
    conn: Connection, shop_id: str, since: datetime, until: datetime
) -> tuple[int, int]:
    row = await conn.fetchrow(
        """
        SELECT coalesce(sum(scheduled), 0) AS scheduled, coalesce(sum(answered), 0) AS answered
        FROM survey_counts WHERE shop_id = $1 AND day >= $2::date AND day < $3::date
        """,
        shop_id,
        since,
        until,
    )
    return int(row["scheduled"]), int(row["answered"])


async def export_for_orders(
    conn: Connection, shop_id: str, order_ids: list[str]
) -> list[dict[str, object]]:
    rows = await conn.fetch(
        """
        SELECT r.review_id, r.source, r.rating, r.sentiment, r.created_at, r.replied_at,
               coalesce(jsonb_agg(jsonb_build_object('kind', n.kind, 'channel', n.channel,
                   'target', n.target, 'status', n.status, 'sent_at', n.sent_at))
                   FILTER (WHERE n.id IS NOT NULL), '[]'::jsonb) AS notifications
        FROM reviews r
        LEFT JOIN notifications n ON n.shop_id = r.shop_id AND n.review_id = r.review_id
        WHERE r.shop_id = $1 AND r.order_id = ANY($2::text[])
        GROUP BY r.shop_id, r.review_id
        ORDER BY r.review_id
        """,
        shop_id,
        order_ids,
    )
    return [dict(r) for r in rows]
