"""All SQL of moderation notices (the emails telling a reviewer a review was not published)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.survey.outgoing import repository as outgoing
from shared.db.pool import Connection


@dataclass(frozen=True)
class ReviewedLine:
    """The survey answer line a published review came from."""

    survey_id: int
    line: int
    order_id: str
    # The language the reviewer answered the survey in.
    language: str | None


@dataclass(frozen=True)
class NoticeRow:
    id: int
    shop_id: str
    review_id: str
    reason: str
    decided_at: datetime
    survey_id: int | None
    line: int | None
    order_id: str | None
    language: str | None
    status: str
    send_at: datetime
    attempts: int
    message_id: str
    recipient: str | None
    skip_reason: str | None
    last_error: str | None
    sent_at: datetime | None


_COLUMNS = (
    "id, shop_id, review_id, reason, decided_at, survey_id, line, order_id, language, status, "
    "send_at, attempts, message_id, recipient, skip_reason, last_error, sent_at"
)


async def reviewed_line(conn: Connection, shop_id: str, review_id: str) -> ReviewedLine | None:
    """`review_id` as survey published it (`survey-…`, responses/service.py `review_id`)."""
    row = await conn.fetchrow(
        """
        SELECT p.survey_id, p.line, s.order_id, r.language
        FROM product_reviews p
        JOIN surveys s ON s.id = p.survey_id
        LEFT JOIN responses r ON r.survey_id = p.survey_id
        WHERE s.shop_id = $1 AND p.review_id = $2
        """,
        shop_id,
        review_id,
    )
    return ReviewedLine(**dict(row)) if row else None


async def rating_of(conn: Connection, survey_id: int, line: int) -> int | None:
    rating: int | None = await conn.fetchval(
        "SELECT rating FROM product_reviews WHERE survey_id = $1 AND line = $2", survey_id, line
    )
    return rating


async def add(
    conn: Connection,
    *,
    shop_id: str,
    review_id: str,
    reason: str,
    decided_at: datetime,
    found: ReviewedLine | None,
    language: str,
    send_at: datetime,
    message_id: str,
) -> bool:
    """False when this decision has its notice already (a replayed or duplicated event)."""
    row = await conn.fetchval(
        """
        INSERT INTO moderation_notices (shop_id, review_id, decision, reason, decided_at,
                                        survey_id, line, order_id, language, send_at,
                                        message_id, status, skip_reason)
        VALUES ($1, $2, 'rejected', $3, $4, $5, $6, $7, $8, $9, $10,
                CASE WHEN $5::bigint IS NULL THEN 'skipped' ELSE 'pending' END,
                CASE WHEN $5::bigint IS NULL THEN 'unknown_review' END)
        ON CONFLICT (shop_id, review_id, decision, decided_at) DO NOTHING
        RETURNING 1
        """,
        shop_id,
        review_id,
        reason,
        decided_at,
        found.survey_id if found else None,
        found.line if found else None,
        found.order_id if found else None,
        language,
        send_at,
        message_id,
    )
    return row is not None


async def of_review(conn: Connection, shop_id: str, review_id: str) -> list[NoticeRow]:
    rows = await conn.fetch(
        f"""
        SELECT {_COLUMNS} FROM moderation_notices
        WHERE shop_id = $1 AND review_id = $2 ORDER BY id
        """,
        shop_id,
        review_id,
    )
    return [NoticeRow(**dict(r)) for r in rows]


async def claim_due(conn: Connection, now: datetime, limit: int) -> list[NoticeRow]:
    """The survey dispatch's claim (services/survey/outgoing/repository.py) on this table."""
    rows = await outgoing.claim_due(conn, "moderation_notices", _COLUMNS, now, limit)
    return [NoticeRow(**r) for r in rows]


async def forget_recipients(
    conn: Connection, shop_id: str, order_ids: list[str], email: str | None
) -> int:
    """GDPR: the address (and a delivery error that may quote it) is the personal part of a
    notice; the rest stays for counts."""
    result: str = await conn.execute(
        """
        UPDATE moderation_notices SET recipient = NULL, last_error = NULL, updated_at = now()
        WHERE shop_id = $1 AND (recipient IS NOT NULL OR last_error IS NOT NULL)
          AND (order_id = ANY($2::text[])
               OR ($3::text IS NOT NULL AND lower(recipient) = lower($3)))
        """,
        shop_id,
        order_ids,
        email,
    )
    return int(result.split()[-1])


async def export_customer(
    conn: Connection, shop_id: str, order_ids: list[str], email: str | None
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """
        SELECT order_id, review_id, reason, decided_at, status, recipient, skip_reason, sent_at
        FROM moderation_notices
        WHERE shop_id = $1
          AND (order_id = ANY($2::text[])
               OR ($3::text IS NOT NULL AND lower(recipient) = lower($3)))
        ORDER BY id
        """,
        shop_id,
        order_ids,
        email,
    )
    return [dict(r) for r in rows]


async def forget_shop_recipients(conn: Connection, shop_id: str) -> int:
    result: str = await conn.execute(
        """
        UPDATE moderation_notices SET recipient = NULL, last_error = NULL, updated_at = now()
        WHERE shop_id = $1 AND (recipient IS NOT NULL OR last_error IS NOT NULL)
        """,
        shop_id,
    )
    return int(result.split()[-1])
