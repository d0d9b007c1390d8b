"""All SQL of the review read model."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg

from services.responder.analytics import repository as rollups
from services.responder.reviews.query import ReviewFilter, SlaState
from shared.db.pool import Connection
from shared.events.reviews import ReviewClassifiedPayload

_COLUMNS = (
    "r.shop_id, r.review_id, r.revision, r.source, r.source_review_id, r.case_key, r.rating, "
    "r.title, r.text, r.reviewer_name, r.product_id, r.verified, r.match_method, r.order_id, "
    "r.order_context, r.language, r.sentiment, r.severity, r.topics, r.removal_candidate, "
    "r.classification, r.created_at, r.updated_at, r.classified_at, r.sla_due_at, "
    "r.first_replied_at, r.deleted_at, r.redacted_at, r.urgency, r.sentiment_by_staff, "
    "r.person_reason"
)
_CASE_JOIN = "LEFT JOIN cases c ON c.shop_id = r.shop_id AND c.case_key = r.case_key"
# Entries of the sort order a full-text search reads before it asks the GIN index instead.
SEARCH_WALK = 1000
# An edit (a newer revision) the classifier reads as negative, over a person's positive or
# neutral reading (upsert).
_EDIT_READ_NEGATIVE = (
    "EXCLUDED.revision > r.revision AND EXCLUDED.sentiment = 'negative'"
    " AND r.sentiment_by_staff IS DISTINCT FROM 'negative'"
)
# What the analytics rollups count of a review (analytics.repository.count_review).
_COUNTED = "created_at, rating, sentiment, topics, deleted_at"
_WITH_CASE = (
    f"{_COLUMNS}, c.id AS case_id, c.status AS case_status, c.assignee_id AS case_assignee_id, "
    # The comment the customer wrote in the survey this review came from (one survey per
    # order): staff read it next to the ratings.
    "(SELECT a.comment FROM survey_answers a WHERE r.source = 'survey' "
    "AND a.shop_id = r.shop_id AND a.order_id = r.order_id AND a.comment IS NOT NULL "
    "ORDER BY a.answered_at DESC LIMIT 1) AS survey_comment"
)


@dataclass(frozen=True)
class Stored:
    # A person's positive or neutral reading that an edit read as negative took back (the
    # reading's sentiment), else None.
    correction_dropped: str | None


async def upsert(
    conn: Connection,
    shop_id: str,
    review: ReviewClassifiedPayload,
    due: datetime,
    at: datetime,
    person_reason: str | None = None,
) -> Stored | None:
    """None when this revision (or a newer one) was stored before (a later classification of
    the same revision, ingest's second pass or a reclassification, is newer: ordered by
    (revision, the time ingest announced it)); `due` (its reply SLA's end)
    applies to a new review only, later revisions keep theirs. A redacted review stays
    redacted: a later revision brings back no name or text. A person's sentiment stays over
    later classifications, except a positive or neutral one when an edit (a new revision) is
    read as negative: the complaint may be new, and nothing may hide it. The analytics rollups
    follow in the same transaction (the stored state before and after)."""
    c = review.classification
    old = await conn.fetchrow(
        f"SELECT {_COUNTED}, sentiment_by_staff FROM reviews"
        " WHERE shop_id = $1 AND review_id = $2 FOR UPDATE",
        shop_id,
        review.review_id,
    )
    new = await conn.fetchrow(
        f"""
        INSERT INTO reviews AS r (shop_id, review_id, revision, source, source_review_id,
            case_key, rating, title, text, reviewer_name, product_id, verified, match_method,
            order_id, order_context, language, sentiment, severity, topics, removal_candidate,
            classification, created_at, updated_at, classified_at, sla_due_at, person_reason)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                $18, $19, $20, $21, $22, $23, $24, $25, $26)
        ON CONFLICT (shop_id, review_id) DO UPDATE SET revision = EXCLUDED.revision,
            case_key = EXCLUDED.case_key, rating = EXCLUDED.rating,
            title = CASE WHEN r.redacted_at IS NULL THEN EXCLUDED.title END,
            text = CASE WHEN r.redacted_at IS NULL THEN EXCLUDED.text END,
            reviewer_name = CASE WHEN r.redacted_at IS NULL THEN EXCLUDED.reviewer_name END,
            order_context = CASE WHEN r.redacted_at IS NULL THEN EXCLUDED.order_context
                                 ELSE r.order_context END,
            product_id = EXCLUDED.product_id, verified = EXCLUDED.verified,
            match_method = EXCLUDED.match_method, order_id = EXCLUDED.order_id,
            language = EXCLUDED.language,
            sentiment_by_staff = CASE WHEN {_EDIT_READ_NEGATIVE} THEN NULL
                                      ELSE r.sentiment_by_staff END,
            sentiment = CASE WHEN {_EDIT_READ_NEGATIVE} THEN EXCLUDED.sentiment
                             ELSE COALESCE(r.sentiment_by_staff, EXCLUDED.sentiment) END,
            severity = EXCLUDED.severity, topics = EXCLUDED.topics,
            removal_candidate = EXCLUDED.removal_candidate,
            classification = EXCLUDED.classification, updated_at = EXCLUDED.updated_at,
            classified_at = EXCLUDED.classified_at, deleted_at = NULL,
            person_reason = EXCLUDED.person_reason
        WHERE EXCLUDED.revision > r.revision
           OR (EXCLUDED.revision = r.revision AND EXCLUDED.classified_at > r.classified_at)
        RETURNING {_COUNTED}, sentiment_by_staff, (xmax = 0) AS inserted
        """,
        shop_id,
        review.review_id,
        review.revision,
        review.source,
        review.source_review_id,
        review.case_key,
        review.rating,
        review.title,
        review.text,
        review.reviewer_name,
        review.product_id,
        review.verified,
        review.match_method,
        review.order.order_id if review.order else None,
        review.order.model_dump(mode="json") if review.order else None,
        c.language,
        c.sentiment,
        c.severity,
        [t.name for t in c.topics],
        c.removal_candidate,
        c.model_dump(mode="json"),
        review.created_at,
        review.updated_at,
        at,
        due,
        person_reason,
    )
    if new is None:
        return None
    if old is None and not new["inserted"]:
        # The row was read FOR UPDATE above, so only a concurrent first insert gets here: that
        # transaction counted its state, which would never be taken back. Failing rolls this
        # one back, and the redelivered event counts right.
        raise RuntimeError(f"review {review.review_id} inserted concurrently; retry")
    if old is not None and old["deleted_at"] is None:
        await rollups.count_review(conn, shop_id, _counted(old), -1)
    await rollups.count_review(conn, shop_id, _counted(new), 1)
    if old is not None and old["sentiment_by_staff"] and new["sentiment_by_staff"] is None:
        return Stored(correction_dropped=old["sentiment_by_staff"])
    return Stored(correction_dropped=None)


async def set_staff_sentiment(
    conn: Connection, shop_id: str, review_id: str, sentiment: str | None
) -> tuple[str, str] | None:
    """A person's sentiment for the review (None: back to the classifier's); the effective
    sentiment before and after, or None when the review is not there. The analytics rollups
    follow in the same transaction."""
    old = await conn.fetchrow(
        f"SELECT {_COUNTED} FROM reviews WHERE shop_id = $1 AND review_id = $2 FOR UPDATE",
        shop_id,
        review_id,
    )
    if old is None:
        return None
    new = await conn.fetchrow(
        f"""
        UPDATE reviews SET sentiment_by_staff = $3,
            sentiment = COALESCE($3, classification->>'sentiment', sentiment)
        WHERE shop_id = $1 AND review_id = $2
        RETURNING {_COUNTED}
        """,
        shop_id,
        review_id,
        sentiment,
    )
    assert new is not None  # locked above
    if old["deleted_at"] is None:
        await rollups.count_review(conn, shop_id, _counted(old), -1)
        await rollups.count_review(conn, shop_id, _counted(new), 1)
    return old["sentiment"], new["sentiment"]


# LISTEN/NOTIFY channel of review changes, per schema (`<schema>_reviews`): its payload is the
# shop id and nothing else, it reaches listeners when the writing transaction commits, and one
# transaction's identical notifications arrive once.
CHANNEL = "reviews"


async def announce(conn: Connection, shop_id: str) -> None:
    """Tell listeners (the console's open inboxes) that a review of the shop changed."""
    await conn.execute(f"SELECT pg_notify(current_schema() || '_{CHANNEL}', $1)", shop_id)


def _counted(row: Any) -> rollups.Counted:
    return rollups.Counted(row["created_at"], row["rating"], row["sentiment"], row["topics"])


async def unanswered(conn: Connection, shop_id: str) -> list[tuple[str, datetime]]:
    """(review id, created at) of the shop's reviews still waiting for a first reply."""
    rows = await conn.fetch(
        "SELECT review_id, created_at FROM reviews WHERE shop_id = $1 AND first_replied_at IS NULL",
        shop_id,
    )
    return [(r["review_id"], r["created_at"]) for r in rows]


async def set_due_times(conn: Connection, shop_id: str, due: dict[str, datetime]) -> int:
    """How many reviews' due times moved."""
    result: str = await conn.execute(
        """
        UPDATE reviews r SET sla_due_at = d.due
        FROM unnest($2::text[], $3::timestamptz[]) AS d(review_id, due)
        WHERE r.shop_id = $1 AND r.review_id = d.review_id AND r.first_replied_at IS NULL
          AND r.sla_due_at <> d.due
        """,
        shop_id,
        list(due),
        list(due.values()),
    )
    return int(result.split()[-1])


async def mark_deleted(conn: Connection, shop_id: str, review_id: str, at: datetime) -> bool:
    row = await conn.fetchrow(
        f"""
        UPDATE reviews SET deleted_at = $3
        WHERE shop_id = $1 AND review_id = $2 AND deleted_at IS NULL
        RETURNING {_COUNTED}
        """,
        shop_id,
        review_id,
        at,
    )
    if row is None:
        return False
    await rollups.count_review(conn, shop_id, _counted(row), -1)
    return True


async def mark_replied(conn: Connection, shop_id: str, review_id: str, at: datetime) -> None:
    """The first reply counts (time to first reply is measured to it)."""
    await conn.execute(
        """
        UPDATE reviews SET first_replied_at = $3
        WHERE shop_id = $1 AND review_id = $2 AND first_replied_at IS NULL
        """,
        shop_id,
        review_id,
        at,
    )


async def find(
    conn: Connection, shop_ids: list[str] | None, review_id: str, shop_id: str | None = None
) -> list[dict[str, Any]]:
    """The review with this id in the caller's shops (several when two shops share an id)."""
    rows = await conn.fetch(
        f"""
        SELECT {_WITH_CASE}
        FROM reviews r LEFT JOIN cases c ON c.shop_id = r.shop_id AND c.case_key = r.case_key
        WHERE r.review_id = $1 AND ($2::text[] IS NULL OR r.shop_id = ANY($2::text[]))
          AND ($3::text IS NULL OR r.shop_id = $3)
        ORDER BY r.shop_id
        """,
        review_id,
        shop_ids,
        shop_id,
    )
    return [dict(r) for r in rows]


async def get(conn: Connection, shop_id: str, review_id: str) -> dict[str, Any] | None:
    rows = await find(conn, [shop_id], review_id)
    return rows[0] if rows else None


async def of_case(conn: Connection, shop_id: str, case_key: str) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """
        SELECT review_id, source, rating, sentiment, created_at, first_replied_at, deleted_at
        FROM reviews WHERE shop_id = $1 AND case_key = $2 ORDER BY created_at, review_id
        """,
        shop_id,
        case_key,
    )
    return [dict(r) for r in rows]


Arg = Callable[[Any], str]
Col = Callable[[str], str]


def _review_col(name: str) -> str:
    """Columns as the list's statement names them: the review `r`, its case `c`."""
    return {"case_status": "c.status", "case_id": "c.id", "assignee_id": "c.assignee_id"}.get(
        name, f"r.{name}"
    )


def _conditions(f: ReviewFilter, arg: Arg, col: Col = _review_col) -> list[tuple[str, str]]:
    """The filter's conditions but the full-text one, each with the dimension it filters on
    (the counts leave out a dimension's own condition when counting its values). Every value
    is a bind parameter (`arg`)."""
    out: list[tuple[str, str]] = []
    if f.sentiments:
        out.append(("sentiment", f"{col('sentiment')} = ANY({arg(f.sentiments)}::text[])"))
    if f.ratings:
        out.append(("rating", f"{col('rating')} = ANY({arg(f.ratings)}::smallint[])"))
    if f.topics:
        out.append(("topic", f"{col('topics')} && {arg(f.topics)}::text[]"))
    if f.sources:
        out.append(("source", f"{col('source')} = ANY({arg(f.sources)}::text[])"))
    if f.languages:
        out.append(("language", f"{col('language')} = ANY({arg(f.languages)}::text[])"))
    if f.verified is not None:
        out.append(("verified", f"{col('verified')} = {arg(f.verified)}"))
    for name, column, value in (
        ("mismatch", "star_text_mismatch", f.mismatch),
        ("removal_candidate", "removal_candidate", f.removal_candidate),
    ):
        # Written out, not a parameter: a rare flag's partial index (0009_inbox_filters.sql)
        # serves only a condition the planner can match to its predicate in every plan.
        if value is not None:
            out.append((name, f"{'' if value else 'NOT '}{col(column)}"))
    if f.answered is not None:
        out.append(("answered", f"{col('first_replied_at')} IS {'NOT ' if f.answered else ''}NULL"))
    if f.since is not None:
        out.append(("from", f"{col('created_at')} >= {arg(f.since)}"))
    if f.until is not None:
        out.append(("to", f"{col('created_at')} < {arg(f.until)}"))
    if f.statuses:
        wanted = [s for s in f.statuses if s != "none"]
        parts = [f"{col('case_status')} = ANY({arg(wanted)}::text[])"] if wanted else []
        if "none" in f.statuses:
            parts.append(f"{col('case_id')} IS NULL")
        out.append(("status", "(" + " OR ".join(parts) + ")"))
    if f.assignee is not None:
        out.append(
            (
                "assigned",
                f"{col('assignee_id')} IS NULL"
                if f.assignee == 0
                else f"{col('assignee_id')} = {arg(f.assignee)}",
            )
        )
    if f.sla:
        out.append(("sla", "(" + " OR ".join(_sla(f, arg, col, s) for s in sorted(f.sla)) + ")"))
    return out


def _sla(f: ReviewFilter, arg: Arg, col: Col, state: SlaState) -> str:
    """The condition of one SLA state (query.sla_state in SQL)."""
    due, replied = col("sla_due_at"), col("first_replied_at")
    if state == "overdue":
        return f"({replied} IS NULL AND {due} <= {arg(f.now)}::timestamptz)"
    soon = f"{arg(f.now + f.due_soon)}::timestamptz"
    if state == "due_soon":
        return f"({replied} IS NULL AND {due} > {arg(f.now)}::timestamptz AND {due} <= {soon})"
    return f"({replied} IS NOT NULL OR {due} > {soon})"


async def search(conn: Connection, f: ReviewFilter) -> list[dict[str, Any]]:
    """One page in the filter's order. Every condition is a bind parameter."""
    params: list[Any] = [f.shop_id]

    def arg(value: Any) -> str:
        params.append(value)
        return f"${len(params)}"

    where = ["r.shop_id = $1", "r.deleted_at IS NULL"]
    where += [sql for _, sql in _conditions(f, arg)]
    match = f"search @@ plainto_tsquery('simple', {arg(f.text)})" if f.text else ""
    if f.sort == "urgency":
        if f.after is not None:
            u, t, i = (arg(v) for v in f.after)
            where.append(
                f"(r.urgency, r.sla_due_at, r.review_id) "
                f"> ({u}::smallint, {t}::timestamptz, {i}::text)"
            )
        order = "r.urgency, r.sla_due_at, r.review_id"
    else:
        if f.after is not None:
            t, i = (arg(v) for v in f.after)
            where.append(f"(r.created_at, r.review_id) < ({t}::timestamptz, {i}::text)")
        order = "r.created_at DESC, r.review_id DESC"
    # Two steps in one statement (one snapshot): the page's ids from the covering indexes
    # alone (reviews_urgency / reviews_created and cases_key_status include every filter
    # column but the full-text one), then the full rows of just those ids. In one step, each
    # index entry a filter rejects cost a heap visit.
    join = _CASE_JOIN if f.statuses or f.assignee is not None else ""
    filters = " AND ".join(where)
    limit = arg(f.limit)
    if not match:
        page = f"""
        page AS MATERIALIZED (
            SELECT r.review_id FROM reviews r {join}
            WHERE {filters} ORDER BY {order} LIMIT {limit}
        )"""
    else:
        # The planner guesses a word's share of one shop from its share of all shops; words
        # of one language are far more common in that language's shops, and then it reads
        # every match from the table to sort them (bench/responder, 300,000 reviews: 4,646
        # matches in a shop of 43,889, 56 ms; walking the sort order: 3-6 ms). So the sort
        # order is walked first, at most SEARCH_WALK entries; only a rarer word goes through
        # the GIN index, and pays for the walk too (10-20 ms more, measured on the same data).
        page = f"""
        walk AS MATERIALIZED (
            SELECT w.review_id FROM (
                SELECT r.review_id, r.search FROM reviews r {join}
                WHERE {filters} ORDER BY {order} LIMIT {SEARCH_WALK}
            ) AS w
            WHERE w.{match}
            LIMIT {limit}
        ),
        page AS MATERIALIZED (
            SELECT review_id FROM walk WHERE (SELECT count(*) FROM walk) >= {limit}
            UNION ALL
            (SELECT r.review_id FROM reviews r {join}
             WHERE {filters} AND r.{match} AND (SELECT count(*) FROM walk) < {limit}
             ORDER BY {order} LIMIT {limit})
        )"""
    rows = await conn.fetch(
        f"""
        WITH {page}
        SELECT {_WITH_CASE}
        FROM page p JOIN reviews r ON r.shop_id = $1 AND r.review_id = p.review_id
            LEFT JOIN cases c ON c.shop_id = r.shop_id AND c.case_key = r.case_key
        ORDER BY {order}
        """,
        *params,
    )
    return [dict(r) for r in rows]


async def ids_for_orders(conn: Connection, shop_id: str, order_ids: list[str]) -> list[str]:
    rows = await conn.fetch(
        "SELECT review_id FROM reviews WHERE shop_id = $1 AND order_id = ANY($2::text[])",
        shop_id,
        order_ids,
    )
    return [r["review_id"] for r in rows]


async def redact(conn: Connection, shop_id: str, review_ids: list[str], at: datetime) -> None:
    """Names, texts and order details go; ratings, classification and timings stay (they hold
    nothing about the person and keep the analytics whole)."""
    await conn.execute(
        """
        UPDATE reviews SET reviewer_name = NULL, title = NULL, text = NULL,
            order_context = CASE WHEN order_context IS NULL THEN NULL
                                 ELSE jsonb_build_object('order_id', order_id) END,
            classification = classification - 'explanations',
            redacted_at = coalesce(redacted_at, $3)
        WHERE shop_id = $1 AND review_id = ANY($2::text[])
        """,
        shop_id,
        review_ids,
        at,
    )


async def export(conn: Connection, shop_id: str, review_ids: list[str]) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """
        SELECT review_id, source, rating, title, text, reviewer_name, order_id, language,
               sentiment, created_at, first_replied_at, redacted_at
        FROM reviews WHERE shop_id = $1 AND review_id = ANY($2::text[]) ORDER BY review_id
        """,
        shop_id,
        review_ids,
    )
    return [dict(r) for r in rows]


async def forget_shop(conn: Connection, shop_id: str) -> None:
    await conn.execute("DELETE FROM reviews WHERE shop_id = $1", shop_id)


# The facet counts' dimensions and values, as `counts()` answers them (schemas.ReviewCounts).
FACETS: dict[str, tuple[str, ...]] = {
    "sentiment": ("negative", "neutral", "positive"),
    "sla": ("overdue", "due_soon", "ok"),
    "status": ("new", "in_progress", "replied", "contacted", "resolved", "followed_up", "none"),
    "source": ("survey", "trustpilot", "google", "generic"),
    "verified": ("true", "false"),
    "mismatch": ("true",),
    "removal_candidate": ("true",),
    "assigned": ("none",),
}


# Languages and topics counted (the most common ones).
LISTED = 12


def _json_counts(value: Any) -> dict[str, int]:
    """A jsonb object of counts, in its count order (most first), whichever way it arrives."""
    counts = json.loads(value) if isinstance(value, str) else value
    pairs = [(str(k), int(n)) for k, n in counts.items()]
    return dict(sorted(pairs, key=lambda kv: (-kv[1], kv[0])))


def _facet_value(f: ReviewFilter, arg: Arg, col: Col, dimension: str, value: str) -> str:
    if dimension == "sla":
        states: dict[str, SlaState] = {"overdue": "overdue", "due_soon": "due_soon"}
        return _sla(f, arg, col, states.get(value, "ok"))
    if dimension == "status":
        if value == "none":
            return f"{col('case_id')} IS NULL"
        return f"{col('case_status')} = {arg(value)}::text"
    if dimension == "assigned":
        return f"{col('assignee_id')} IS NULL"
    if dimension == "verified":
        return f"{col('verified')} = {arg(value == 'true')}"
    if dimension in ("mismatch", "removal_candidate"):
        column = "star_text_mismatch" if dimension == "mismatch" else dimension
        return f"{'' if value == 'true' else 'NOT '}{col(column)}"
    return f"{col(dimension)} = {arg(value)}::text"


async def counts(
    conn: Connection, f: ReviewFilter, me: int | None, waiting_cap: int, total_cap: int
) -> dict[str, Any]:
    """How many of the shop's reviews match the filter, and of those waiting for a reply
    (urgency 0 and 1: negative or severe, no reply yet) how many have each value of each facet,
    every facet counted under the other dimensions' filters (so a sentiment filter still shows
    how many of each sentiment there are).

    Both stay cheap on a large shop: the waiting reviews are one range of `reviews_urgency`
    (index-only, with `cases_key_status` for status and assignee) read up to `waiting_cap`
    entries; the total stops at `total_cap` + 1 and is not counted for a text search (its
    matches would all be read through the GIN index). A capped count is a lower bound."""
    params: list[Any] = [f.shop_id]

    def arg(value: Any) -> str:
        params.append(value)
        return f"${len(params)}"

    def o(name: str) -> str:
        return f"o.{name}"

    match = f"r.search @@ plainto_tsquery('simple', {arg(f.text)})" if f.text else "true"
    conditions = _conditions(f, arg, o)
    every = " AND ".join(sql for _, sql in conditions) or "true"

    def but(dimension: str) -> str:
        return " AND ".join(sql for d, sql in conditions if d != dimension) or "true"

    facets = dict(FACETS)
    if me is not None:
        facets["assigned"] = ("none", "me")
    # The one row past the cap only tells that there are more: it is not counted.
    within = f"o.n <= {arg(waiting_cap)}"
    columns = [f"count(*) FILTER (WHERE {within} AND {every}) AS waiting"]
    names: list[tuple[str, str]] = []
    for dimension, values in facets.items():
        for value in values:
            cond = (
                f"o.assignee_id = {arg(me)}"
                if dimension == "assigned" and value == "me"
                else _facet_value(f, arg, o, dimension, value)
            )
            columns.append(f"count(*) FILTER (WHERE {within} AND {cond} AND {but(dimension)})")
            names.append((dimension, value))
    row = await conn.fetchrow(
        f"""
        WITH o AS MATERIALIZED (
            SELECT r.sentiment, r.rating, r.topics, r.source, r.language, r.verified,
                r.removal_candidate, r.star_text_mismatch, r.first_replied_at, r.created_at,
                r.sla_due_at, c.id AS case_id, c.status AS case_status, c.assignee_id,
                row_number() OVER (ORDER BY r.urgency, r.sla_due_at, r.review_id) AS n
            FROM reviews r {_CASE_JOIN}
            WHERE r.shop_id = $1 AND r.deleted_at IS NULL AND r.urgency <= 1 AND {match}
            ORDER BY r.urgency, r.sla_due_at, r.review_id
            LIMIT {arg(waiting_cap + 1)}
        )
        SELECT count(*) AS read, {", ".join(columns)},
            (SELECT coalesce(jsonb_object_agg(v, k), '{{}}') FROM (
                SELECT o.language AS v, count(*) AS k FROM o
                WHERE {within} AND {but("language")} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {LISTED}
            ) AS l) AS languages,
            (SELECT coalesce(jsonb_object_agg(v, k), '{{}}') FROM (
                SELECT t AS v, count(*) AS k FROM o, unnest(o.topics) AS t
                WHERE {within} AND {but("topic")} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {LISTED}
            ) AS t) AS topics
        FROM o
        """,
        *params,
    )
    assert row is not None
    by: dict[str, dict[str, int]] = {d: {} for d in facets}
    for i, (dimension, value) in enumerate(names):
        by[dimension][value] = row[i + 2]
    # Languages and topics are open sets: their most common values among the waiting reviews.
    by["language"] = _json_counts(row["languages"])
    by["topic"] = _json_counts(row["topics"])
    total = None if f.text else await _total(conn, f, total_cap)
    return {
        "waiting": row["waiting"],
        "waiting_capped": row["read"] > waiting_cap,
        "by": by,
        "total": min(total, total_cap) if total is not None else None,
        "total_capped": total is not None and total > total_cap,
    }


# How long the matching reviews may be counted. A filter that matches few of a large shop's
# reviews (a platform and a language, a case status) reads the shop's whole index to find
# that out: 40-90 ms for 120,000 reviews (bench data, 1,000,000 reviews). Past this the count
# is left out rather than slowing the inbox down.
TOTAL_TIMEOUT_MS = 25


async def _total(conn: Connection, f: ReviewFilter, cap: int) -> int | None:
    """Matching reviews up to `cap` + 1; None when counting them takes too long."""
    params: list[Any] = [f.shop_id]

    def arg(value: Any) -> str:
        params.append(value)
        return f"${len(params)}"

    where = " AND ".join(
        ["r.shop_id = $1", "r.deleted_at IS NULL", *(sql for _, sql in _conditions(f, arg))]
    )
    join = _CASE_JOIN if f.statuses or f.assignee is not None else ""
    try:
        async with conn.transaction():
            await conn.execute(f"SET LOCAL statement_timeout = {TOTAL_TIMEOUT_MS}")
            found: int = await conn.fetchval(
                f"SELECT count(*) FROM (SELECT 1 FROM reviews r {join} WHERE {where} "
                f"LIMIT {arg(cap + 1)}) AS s",
                *params,
            )
    except asyncpg.QueryCanceledError:
        return None
    return found
