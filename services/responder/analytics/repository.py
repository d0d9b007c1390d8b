"""All SQL of analytics: aggregates over the review read model, cases and NPS answers.

Every query is bounded by shop and period and runs on the (shop_id, created_at) index."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shared.db.pool import Connection


async def record_answer(
    conn: Connection,
    shop_id: str,
    survey_id: int,
    order_id: str,
    nps: int | None,
    answered_at: datetime,
) -> None:
    await conn.execute(
        """
        INSERT INTO survey_answers AS a (shop_id, survey_id, order_id, nps, answered_at)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (shop_id, survey_id) DO UPDATE SET nps = EXCLUDED.nps,
            answered_at = EXCLUDED.answered_at
        WHERE EXCLUDED.answered_at >= a.answered_at
        """,
        shop_id,
        survey_id,
        order_id,
        nps,
        answered_at,
    )


@dataclass(frozen=True)
class ReviewStats:
    volume: int
    rated: int
    average_rating: float | None
    sentiments: dict[str, int]
    negatives: int
    negatives_answered: int
    negatives_due: int
    negatives_within_sla: int
    reply_median_s: float | None
    reply_p90_s: float | None


async def review_stats(
    conn: Connection, shop_id: str, since: datetime, until: datetime, now: datetime
) -> ReviewStats:
    # One pass over the shop's reviews of the period (the (shop_id, created_at) index).
    row = await conn.fetchrow(
        """
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
                FILTER (WHERE sentiment = 'negative' AND first_replied_at IS NOT NULL)
                AS median_s,
            percentile_cont(0.9) WITHIN GROUP (
                ORDER BY extract(epoch FROM first_replied_at - created_at))
                FILTER (WHERE sentiment = 'negative' AND first_replied_at IS NOT NULL)
                AS p90_s
        FROM reviews
        WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3 AND deleted_at IS NULL
        """,
        shop_id,
        since,
        until,
        now,
    )
    return ReviewStats(
        volume=row["volume"],
        rated=row["rated"],
        average_rating=row["average_rating"],
        sentiments={
            "negative": row["negatives"],
            "neutral": row["neutral"],
            "positive": row["positive"],
        },
        negatives=row["negatives"],
        negatives_answered=row["negatives_answered"],
        negatives_due=row["negatives_due"],
        negatives_within_sla=row["within_sla"],
        reply_median_s=row["median_s"],
        reply_p90_s=row["p90_s"],
    )


async def topic_counts(
    conn: Connection, shop_id: str, since: datetime, until: datetime
) -> dict[str, int]:
    rows = await conn.fetch(
        """
        SELECT topic, count(*) AS n FROM reviews, unnest(topics) AS topic
        WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3 AND deleted_at IS NULL
        GROUP BY topic
        """,
        shop_id,
        since,
        until,
    )
    return {r["topic"]: r["n"] for r in rows}


async def case_stats(
    conn: Connection, shop_id: str, since: datetime, until: datetime
) -> tuple[int, int]:
    """(cases opened in the period, of which resolved by now)."""
    row = await conn.fetchrow(
        """
        SELECT count(*) AS opened, count(resolved_at) AS resolved FROM cases
        WHERE shop_id = $1 AND new_at >= $2 AND new_at < $3
        """,
        shop_id,
        since,
        until,
    )
    return row["opened"], row["resolved"]


async def nps_counts(
    conn: Connection, shop_id: str, since: datetime, until: datetime
) -> dict[int, int]:
    rows = await conn.fetch(
        """
        SELECT nps, count(*) AS n FROM survey_answers
        WHERE shop_id = $1 AND answered_at >= $2 AND answered_at < $3 AND nps IS NOT NULL
        GROUP BY nps
        """,
        shop_id,
        since,
        until,
    )
    return {r["nps"]: r["n"] for r in rows}


async def forget_orders(conn: Connection, shop_id: str, order_ids: list[str]) -> None:
    """The score stays (it says nothing about the person); the link to the order goes."""
    await conn.execute(
        """
        UPDATE survey_answers SET order_id = NULL
        WHERE shop_id = $1 AND order_id = ANY($2::text[])
        """,
        shop_id,
        order_ids,
    )


async def export_orders(
    conn: Connection, shop_id: str, order_ids: list[str]
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """
        SELECT order_id, nps, answered_at FROM survey_answers
        WHERE shop_id = $1 AND order_id = ANY($2::text[]) ORDER BY answered_at
        """,
        shop_id,
        order_ids,
    )
    return [dict(r) for r in rows]


async def forget_shop(conn: Connection, shop_id: str) -> None:
    await conn.execute("DELETE FROM survey_answers WHERE shop_id = $1", shop_id)
