"""All SQL of analytics: aggregates over the review read model, cases and NPS answers, and
the daily rollups (migrations/0004) that keep a year's figures cheap.

Every query is bounded by shop and period: whole UTC days come from the rollups, the partial
days at the ends from the (shop_id, created_at) indexes."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from shared.db.pool import Connection


async def record_answer(
    conn: Connection,
    shop_id: str,
    survey_id: int,
    order_id: str,
    nps: int | None,
    answered_at: datetime,
    comment: str | None = None,
) -> None:
    """The newest answer wins; `nps_days` follows in the same transaction. The comment is
    shown to staff on the order's survey reviews (reviews.repository)."""
    old = await conn.fetchrow(
        """
        SELECT nps, answered_at FROM survey_answers
        WHERE shop_id = $1 AND survey_id = $2 FOR UPDATE
        """,
        shop_id,
        survey_id,
    )
    new = await conn.fetchrow(
        """
        INSERT INTO survey_answers AS a (shop_id, survey_id, order_id, nps, answered_at, comment)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (shop_id, survey_id) DO UPDATE SET nps = EXCLUDED.nps,
            answered_at = EXCLUDED.answered_at, comment = EXCLUDED.comment
        WHERE EXCLUDED.answered_at >= a.answered_at
        RETURNING nps, answered_at, (xmax = 0) AS inserted
        """,
        shop_id,
        survey_id,
        order_id,
        nps,
        answered_at,
        comment,
    )
    if new is None:
        return
    _check_not_raced(old, new)
    if old is not None:
        await _count_answer(conn, shop_id, old["nps"], old["answered_at"], -1)
    await _count_answer(conn, shop_id, new["nps"], new["answered_at"], 1)


def _check_not_raced(old: Any, new: Any) -> None:
    # The row was read FOR UPDATE before the upsert; a row that was not there then but was
    # updated now came from a concurrent insert, whose values were never subtracted. Failing
    # rolls the handler's transaction back, and the redelivered event counts correctly.
    if old is None and not new["inserted"]:
        raise RuntimeError("concurrent first insert of the same row; retry the transaction")


async def _count_answer(
    conn: Connection, shop_id: str, nps: int | None, answered_at: datetime, sign: int
) -> None:
    if nps is None:
        return
    fold = _fold_of(conn)
    if fold is not None:
        key = (shop_id, _utc_day(answered_at), nps)
        fold.nps[key] = fold.nps.get(key, 0) + sign
        return
    await conn.execute(
        """
        INSERT INTO nps_days AS d (shop_id, day, nps, n)
        VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC')::date, $3, $4)
        ON CONFLICT (shop_id, day, nps) DO UPDATE SET n = d.n + EXCLUDED.n
        """,
        shop_id,
        answered_at,
        nps,
        sign,
    )
    if sign < 0:
        # A separate statement: a DELETE in the same statement would not see the update.
        await conn.execute(
            """
            DELETE FROM nps_days
            WHERE shop_id = $1 AND day = ($2::timestamptz AT TIME ZONE 'UTC')::date AND n = 0
            """,
            shop_id,
            answered_at,
        )


@dataclass(frozen=True)
class Counted:
    """What the review rollups count of one review (its stored state)."""

    created_at: datetime
    rating: int | None
    sentiment: str
    topics: list[str]


async def count_review(conn: Connection, shop_id: str, review: Counted, sign: int) -> None:
    """Adds (sign 1) or takes back (-1) one review in `review_days` and `review_topic_days`;
    called by the review read model's writes, in their transaction (folded into one write per
    shop and day at its end inside `folded`)."""
    fold = _fold_of(conn)
    if fold is not None:
        fold.add_review(shop_id, review, sign)
        return
    await conn.execute(
        """
        INSERT INTO review_days AS d (shop_id, day, volume, rated, rating_sum, positive,
            neutral, negative)
        VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC')::date, $5,
                CASE WHEN $3::smallint IS NULL THEN 0 ELSE $5 END,
                coalesce($3::smallint, 0) * $5,
                CASE WHEN $4 = 'positive' THEN $5 ELSE 0 END,
                CASE WHEN $4 = 'neutral' THEN $5 ELSE 0 END,
                CASE WHEN $4 = 'negative' THEN $5 ELSE 0 END)
        ON CONFLICT (shop_id, day) DO UPDATE SET volume = d.volume + EXCLUDED.volume,
            rated = d.rated + EXCLUDED.rated,
            rating_sum = d.rating_sum + EXCLUDED.rating_sum,
            positive = d.positive + EXCLUDED.positive,
            neutral = d.neutral + EXCLUDED.neutral,
            negative = d.negative + EXCLUDED.negative
        """,
        shop_id,
        review.created_at,
        review.rating,
        review.sentiment,
        sign,
    )
    if review.topics:
        await conn.execute(
            """
            INSERT INTO review_topic_days AS d (shop_id, day, topic, n)
            SELECT $1, ($2::timestamptz AT TIME ZONE 'UTC')::date, topic, count(*) * $4
            FROM unnest($3::text[]) AS topic GROUP BY topic ORDER BY topic
            ON CONFLICT (shop_id, day, topic) DO UPDATE SET n = d.n + EXCLUDED.n
            """,
            shop_id,
            review.created_at,
            review.topics,
            sign,
        )
    if sign < 0:
        # Separate statements: a DELETE in the same statement would not see the update.
        for table, column in (("review_days", "volume"), ("review_topic_days", "n")):
            await conn.execute(
                f"""
                DELETE FROM {table} WHERE shop_id = $1
                  AND day = ($2::timestamptz AT TIME ZONE 'UTC')::date AND {column} = 0
                """,
                shop_id,
                review.created_at,
            )


def _utc_day(at: datetime) -> date:
    # The same day as the SQL's `(at AT TIME ZONE 'UTC')::date` (timestamps are aware).
    return at.astimezone(UTC).date()


# volume, rated, rating_sum, positive, neutral, negative: review_days' counters in order.
_DAY_COLUMNS = ("volume", "rated", "rating_sum", "positive", "neutral", "negative")


@dataclass
class _Fold:
    """The rollup deltas of one transaction's records, summed per row."""

    conn: Connection
    days: dict[tuple[str, date], list[int]] = field(default_factory=dict)
    topics: dict[tuple[str, date, str], int] = field(default_factory=dict)
    nps: dict[tuple[str, date, int], int] = field(default_factory=dict)

    def add_review(self, shop_id: str, review: Counted, sign: int) -> None:
        day = _utc_day(review.created_at)
        row = self.days.setdefault((shop_id, day), [0] * len(_DAY_COLUMNS))
        row[0] += sign
        if review.rating is not None:
            row[1] += sign
            row[2] += review.rating * sign
        if review.sentiment in ("positive", "neutral", "negative"):
            row[3 + ("positive", "neutral", "negative").index(review.sentiment)] += sign
        for topic in review.topics:
            key = (shop_id, day, topic)
            self.topics[key] = self.topics.get(key, 0) + sign

    def drop_shop(self, shop_id: str) -> None:
        self.days = {k: v for k, v in self.days.items() if k[0] != shop_id}
        self.topics = {k: n for k, n in self.topics.items() if k[0] != shop_id}
        self.nps = {k: n for k, n in self.nps.items() if k[0] != shop_id}

    async def flush(self) -> None:
        """One statement per rollup table for every row the transaction's records moved, in
        key order (concurrent transactions lock shared rows in the same order, so they queue
        instead of deadlocking); rows whose counts fell to zero go, as before."""
        conn = self.conn
        days = sorted((k, v) for k, v in self.days.items() if any(v))
        topics = sorted((k, n) for k, n in self.topics.items() if n)
        nps = sorted((k, n) for k, n in self.nps.items() if n)
        self.days, self.topics, self.nps = {}, {}, {}
        if days:
            columns = list(zip(*(v for _, v in days), strict=True))
            await conn.execute(
                """
                INSERT INTO review_days AS d (shop_id, day, volume, rated, rating_sum,
                    positive, neutral, negative)
                SELECT * FROM unnest($1::text[], $2::date[], $3::int[], $4::int[],
                    $5::bigint[], $6::int[], $7::int[], $8::int[])
                ON CONFLICT (shop_id, day) DO UPDATE SET volume = d.volume + EXCLUDED.volume,
                    rated = d.rated + EXCLUDED.rated,
                    rating_sum = d.rating_sum + EXCLUDED.rating_sum,
                    positive = d.positive + EXCLUDED.positive,
                    neutral = d.neutral + EXCLUDED.neutral,
                    negative = d.negative + EXCLUDED.negative
                """,
                [k[0] for k, _ in days],
                [k[1] for k, _ in days],
                *(list(c) for c in columns),
            )
        if topics:
            await conn.execute(
                """
                INSERT INTO review_topic_days AS d (shop_id, day, topic, n)
                SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::int[])
                ON CONFLICT (shop_id, day, topic) DO UPDATE SET n = d.n + EXCLUDED.n
                """,
                [k[0] for k, _ in topics],
                [k[1] for k, _ in topics],
                [k[2] for k, _ in topics],
                [n for _, n in topics],
            )
        if nps:
            await conn.execute(
                """
                INSERT INTO nps_days AS d (shop_id, day, nps, n)
                SELECT * FROM unnest($1::text[], $2::date[], $3::smallint[], $4::int[])
                ON CONFLICT (shop_id, day, nps) DO UPDATE SET n = d.n + EXCLUDED.n
                """,
                [k[0] for k, _ in nps],
                [k[1] for k, _ in nps],
                [k[2] for k, _ in nps],
                [n for _, n in nps],
            )
        # Only a negative delta can bring a row to zero; a separate statement, as an
        # INSERT's own DELETE would not see its update.
        for table, column, keys in (
            ("review_days", "volume", [k for k, v in days if v[0] < 0]),
            ("review_topic_days", "n", [k for k, n in topics if n < 0]),
            ("nps_days", "n", [k for k, n in nps if n < 0]),
        ):
            if keys:
                await conn.execute(
                    f"""
                    DELETE FROM {table} t USING unnest($1::text[], $2::date[]) AS k(shop_id, day)
                    WHERE t.shop_id = k.shop_id AND t.day = k.day AND t.{column} = 0
                    """,
                    [k[0] for k in keys],
                    [k[1] for k in keys],
                )


_FOLD: ContextVar[_Fold | None] = ContextVar("analytics_rollup_fold", default=None)


def _fold_of(conn: Connection) -> _Fold | None:
    fold = _FOLD.get()
    return fold if fold is not None and fold.conn is conn else None


@asynccontextmanager
async def folded(conn: Connection) -> AsyncIterator[None]:
    """Inside, the rollup writes on `conn` are summed per rollup row and written once, when the
    block ends without an error: the consumer wraps each of its transactions (up to
    `records_per_transaction` events) in it. One write per row and transaction instead of one
    per review: the rows of a busy shop's current day were updated by every review, and the
    consumer's concurrent transactions queued on them until each one committed. Written in the
    records' transaction, with their inbox rows, so a redelivered event (skipped by the inbox)
    adds nothing and a rolled-back transaction nothing either."""
    fold = _Fold(conn)
    token = _FOLD.set(fold)
    try:
        yield
        await fold.flush()
    finally:
        _FOLD.reset(token)


async def rebuild_rollups(conn: Connection, shop_ids: list[str]) -> None:
    """The rollups of these shops recomputed from their tables (the same statements as the
    backfill in migrations/0004): for data loaded in bulk (bench/responder's COPY)."""
    for table in ("review_days", "review_topic_days", "nps_days"):
        await conn.execute(f"DELETE FROM {table} WHERE shop_id = ANY($1::text[])", shop_ids)
    await conn.execute(
        """
        INSERT INTO review_days
        SELECT shop_id, (created_at AT TIME ZONE 'UTC')::date, count(*), count(rating),
               coalesce(sum(rating), 0),
               count(*) FILTER (WHERE sentiment = 'positive'),
               count(*) FILTER (WHERE sentiment = 'neutral'),
               count(*) FILTER (WHERE sentiment = 'negative')
        FROM reviews WHERE deleted_at IS NULL AND shop_id = ANY($1::text[])
        GROUP BY 1, 2
        """,
        shop_ids,
    )
    await conn.execute(
        """
        INSERT INTO review_topic_days
        SELECT shop_id, (created_at AT TIME ZONE 'UTC')::date, topic, count(*)
        FROM reviews, unnest(topics) AS topic
        WHERE deleted_at IS NULL AND shop_id = ANY($1::text[])
        GROUP BY 1, 2, 3
        """,
        shop_ids,
    )
    await conn.execute(
        """
        INSERT INTO nps_days
        SELECT shop_id, (answered_at AT TIME ZONE 'UTC')::date, nps, count(*)
        FROM survey_answers WHERE nps IS NOT NULL AND shop_id = ANY($1::text[])
        GROUP BY 1, 2, 3
        """,
        shop_ids,
    )


@dataclass(frozen=True)
class Period:
    """[since, until) as whole UTC days (read from the rollups) and the partial days before
    and after them (read from the rows). Without a whole day inside, all of it is `head`."""

    head: tuple[datetime, datetime]
    days: tuple[date, date]  # [first, end)
    tail: tuple[datetime, datetime]


def split(since: datetime, until: datetime) -> Period:
    first = since.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if first < since:
        first += timedelta(days=1)
    end = until.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if first >= end:
        return Period((since, until), (first.date(), first.date()), (until, until))
    return Period((since, first), (first.date(), end.date()), (end, until))


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
    p = split(since, until)
    # Whole days from review_days; the partial days at the ends (disjoint ranges, so one
    # count covers both) from the (shop_id, created_at) index. The average is the sum over
    # the count as numeric, which is how avg(smallint) computes it, so it equals the direct
    # avg to the last bit.
    counts = await conn.fetchrow(
        """
        WITH parts AS (
            SELECT sum(volume) AS volume, sum(rated) AS rated, sum(rating_sum) AS rating_sum,
                   sum(positive) AS positive, sum(neutral) AS neutral,
                   sum(negative) AS negative
            FROM review_days WHERE shop_id = $1 AND day >= $2 AND day < $3
            UNION ALL
            SELECT count(*), count(rating), sum(rating),
                   count(*) FILTER (WHERE sentiment = 'positive'),
                   count(*) FILTER (WHERE sentiment = 'neutral'),
                   count(*) FILTER (WHERE sentiment = 'negative')
            FROM reviews
            WHERE shop_id = $1 AND deleted_at IS NULL
              AND (created_at >= $4 AND created_at < $5 OR created_at >= $6 AND created_at < $7)
        )
        SELECT coalesce(sum(volume), 0)::bigint AS volume,
               coalesce(sum(rated), 0)::bigint AS rated,
               CASE WHEN sum(rated) > 0
                    THEN (sum(rating_sum)::numeric / sum(rated)::numeric)::float8 END
                   AS average_rating,
               coalesce(sum(positive), 0)::bigint AS positive,
               coalesce(sum(neutral), 0)::bigint AS neutral,
               coalesce(sum(negative), 0)::bigint AS negatives
        FROM parts
        """,
        shop_id,
        *p.days,
        *p.head,
        *p.tail,
    )
    # Reply times need every negative review (percentiles do not add up): the partial index
    # of negatives (migrations/0003) answers it alone.
    replies = await conn.fetchrow(
        """
        SELECT
            count(first_replied_at) AS negatives_answered,
            count(*) FILTER (WHERE first_replied_at IS NOT NULL OR sla_due_at <= $4)
                AS negatives_due,
            count(*) FILTER (WHERE first_replied_at <= sla_due_at) AS within_sla,
            percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(epoch FROM first_replied_at - created_at))
                FILTER (WHERE first_replied_at IS NOT NULL) AS median_s,
            percentile_cont(0.9) WITHIN GROUP (
                ORDER BY extract(epoch FROM first_replied_at - created_at))
                FILTER (WHERE first_replied_at IS NOT NULL) AS p90_s
        FROM reviews
        WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3
          AND sentiment = 'negative' AND deleted_at IS NULL
        """,
        shop_id,
        since,
        until,
        now,
    )
    return ReviewStats(
        volume=counts["volume"],
        rated=counts["rated"],
        average_rating=counts["average_rating"],
        sentiments={
            "negative": counts["negatives"],
            "neutral": counts["neutral"],
            "positive": counts["positive"],
        },
        negatives=counts["negatives"],
        negatives_answered=replies["negatives_answered"],
        negatives_due=replies["negatives_due"],
        negatives_within_sla=replies["within_sla"],
        reply_median_s=replies["median_s"],
        reply_p90_s=replies["p90_s"],
    )


async def topic_counts(
    conn: Connection, shop_id: str, since: datetime, until: datetime
) -> dict[str, int]:
    p = split(since, until)
    rows = await conn.fetch(
        """
        SELECT topic, sum(n)::bigint AS n FROM (
            SELECT topic, n FROM review_topic_days
            WHERE shop_id = $1 AND day >= $2 AND day < $3
            UNION ALL
            SELECT topic, 1 FROM reviews, unnest(topics) AS topic
            WHERE shop_id = $1 AND created_at >= $4 AND created_at < $5 AND deleted_at IS NULL
            UNION ALL
            SELECT topic, 1 FROM reviews, unnest(topics) AS topic
            WHERE shop_id = $1 AND created_at >= $6 AND created_at < $7 AND deleted_at IS NULL
        ) AS parts
        GROUP BY topic
        """,
        shop_id,
        *p.days,
        *p.head,
        *p.tail,
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
    p = split(since, until)
    rows = await conn.fetch(
        """
        SELECT nps, sum(n)::bigint AS n FROM (
            SELECT nps, n FROM nps_days WHERE shop_id = $1 AND day >= $2 AND day < $3
            UNION ALL
            SELECT nps, 1 FROM survey_answers
            WHERE shop_id = $1 AND answered_at >= $4 AND answered_at < $5 AND nps IS NOT NULL
            UNION ALL
            SELECT nps, 1 FROM survey_answers
            WHERE shop_id = $1 AND answered_at >= $6 AND answered_at < $7 AND nps IS NOT NULL
        ) AS parts
        GROUP BY nps
        """,
        shop_id,
        *p.days,
        *p.head,
        *p.tail,
    )
    return {r["nps"]: r["n"] for r in rows}


async def forget_orders(conn: Connection, shop_id: str, order_ids: list[str]) -> None:
    """The score stays (it says nothing about the person); the link to the order and the
    customer's own words go."""
    await conn.execute(
        """
        UPDATE survey_answers SET order_id = NULL, comment = NULL
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
        SELECT order_id, nps, comment, answered_at FROM survey_answers
        WHERE shop_id = $1 AND order_id = ANY($2::text[]) ORDER BY answered_at
        """,
        shop_id,
        order_ids,
    )
    return [dict(r) for r in rows]


async def forget_shop(conn: Connection, shop_id: str) -> None:
    fold = _fold_of(conn)
    if fold is not None:
        # Deltas of this transaction's earlier records would bring the rows back.
        fold.drop_shop(shop_id)
    for table in ("survey_answers", "nps_days", "review_days", "review_topic_days"):
        await conn.execute(f"DELETE FROM {table} WHERE shop_id = $1", shop_id)


# Weekly series (GET /v1/analytics/weekly, the console's charts). Weeks are UTC weeks from
# Monday, so a week is whole rollup days: no row of `reviews` is read for the counts. A week is
# keyed by its Monday; the arithmetic on `date` avoids date_trunc, whose cast to timestamptz
# would follow the session's time zone.
_WEEK_OF_DAY = "(day - (extract(isodow FROM day)::int - 1))"


async def weekly_review_counts(
    conn: Connection, shop_id: str, first: date, end: date
) -> dict[date, tuple[int, int]]:
    """(volume, negatives) per week of the days [first, end)."""
    rows = await conn.fetch(
        f"""
        SELECT {_WEEK_OF_DAY} AS week, sum(volume)::bigint AS volume,
               sum(negative)::bigint AS negative
        FROM review_days WHERE shop_id = $1 AND day >= $2 AND day < $3
        GROUP BY 1
        """,
        shop_id,
        first,
        end,
    )
    return {r["week"]: (r["volume"], r["negative"]) for r in rows}


async def weekly_topic_counts(
    conn: Connection, shop_id: str, first: date, end: date
) -> dict[date, dict[str, int]]:
    rows = await conn.fetch(
        f"""
        SELECT {_WEEK_OF_DAY} AS week, topic, sum(n)::bigint AS n
        FROM review_topic_days WHERE shop_id = $1 AND day >= $2 AND day < $3
        GROUP BY 1, 2
        """,
        shop_id,
        first,
        end,
    )
    out: dict[date, dict[str, int]] = {}
    for r in rows:
        out.setdefault(r["week"], {})[r["topic"]] = r["n"]
    return out


async def weekly_nps_counts(
    conn: Connection, shop_id: str, first: date, end: date
) -> dict[date, dict[int, int]]:
    rows = await conn.fetch(
        f"""
        SELECT {_WEEK_OF_DAY} AS week, nps, sum(n)::bigint AS n
        FROM nps_days WHERE shop_id = $1 AND day >= $2 AND day < $3
        GROUP BY 1, 2
        """,
        shop_id,
        first,
        end,
    )
    out: dict[date, dict[int, int]] = {}
    for r in rows:
        out.setdefault(r["week"], {})[r["nps"]] = r["n"]
    return out


@dataclass(frozen=True)
class ReplyTimes:
    negatives: int
    answered: int
    due: int
    within_sla: int
    median_s: float | None
    p90_s: float | None


async def weekly_reply_times(
    conn: Connection, shop_id: str, first: date, end: date, now: datetime
) -> dict[date, ReplyTimes]:
    """First-reply times of the negatives created in each week (percentiles need every value:
    from the partial index of negatives, as `review_stats`)."""
    rows = await conn.fetch(
        f"""
        WITH negatives AS (
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day, created_at, first_replied_at,
                   sla_due_at
            FROM reviews
            WHERE shop_id = $1 AND created_at >= $2::date::timestamp AT TIME ZONE 'UTC'
              AND created_at < $3::date::timestamp AT TIME ZONE 'UTC'
              AND sentiment = 'negative' AND deleted_at IS NULL
        )
        SELECT {_WEEK_OF_DAY} AS week,
            count(*) AS negatives,
            count(first_replied_at) AS answered,
            count(*) FILTER (WHERE first_replied_at IS NOT NULL OR sla_due_at <= $4) AS due,
            count(*) FILTER (WHERE first_replied_at <= sla_due_at) AS within_sla,
            percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(epoch FROM first_replied_at - created_at))
                FILTER (WHERE first_replied_at IS NOT NULL) AS median_s,
            percentile_cont(0.9) WITHIN GROUP (
                ORDER BY extract(epoch FROM first_replied_at - created_at))
                FILTER (WHERE first_replied_at IS NOT NULL) AS p90_s
        FROM negatives GROUP BY 1
        """,
        shop_id,
        first,
        end,
        now,
    )
    return {
        r["week"]: ReplyTimes(
            r["negatives"],
            r["answered"],
            r["due"],
            r["within_sla"],
            r["median_s"],
            r["p90_s"],
        )
        for r in rows
    }
