"""All SQL of case follow-up emails."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.survey.outgoing import repository as outgoing
from shared.db.pool import Connection


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    shop_id: str
    case_key: str
    case_id: int
    order_id: str | None
    language: str | None
    status: str
    resolved_at: datetime
    send_at: datetime
    attempts: int
    message_id: str
    recipient: str | None
    skip_reason: str | None
    last_error: str | None
    sent_at: datetime | None


_COLUMNS = (
    "id, shop_id, case_key, case_id, order_id, language, status, resolved_at, send_at, "
    "attempts, message_id, recipient, skip_reason, last_error, sent_at"
)


async def add(
    conn: Connection,
    *,
    shop_id: str,
    case_key: str,
    case_id: int,
    order_id: str | None,
    language: str,
    resolved_at: datetime,
    send_at: datetime,
    message_id: str,
    skip_reason: str | None = None,
) -> bool:
    """False when the case has its follow-up already (whatever its state): never a second."""
    row = await conn.fetchval(
        """
        INSERT INTO follow_up_emails (shop_id, case_key, case_id, order_id, language,
                                      resolved_at, send_at, message_id, status, skip_reason)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                CASE WHEN $9::text IS NULL THEN 'pending' ELSE 'skipped' END, $9)
        ON CONFLICT (shop_id, case_key) DO NOTHING
        RETURNING 1
        """,
        shop_id,
        case_key,
        case_id,
        order_id,
        language,
        resolved_at,
        send_at,
        message_id,
        skip_reason,
    )
    return row is not None


async def pending_of_shop(conn: Connection, shop_id: str) -> list[FollowUpRow]:
    rows = await conn.fetch(
        f"""
        SELECT {_COLUMNS} FROM follow_up_emails
        WHERE shop_id = $1 AND status = 'pending' ORDER BY id
        """,
        shop_id,
    )
    return [FollowUpRow(**dict(r)) for r in rows]


async def move_pending(conn: Connection, email_id: int, send_at: datetime) -> None:
    """Only while it has not been claimed: one the worker is sending keeps its time."""
    await conn.execute(
        """
        UPDATE follow_up_emails SET send_at = $2, updated_at = now()
        WHERE id = $1 AND status = 'pending' AND send_at <> $2
        """,
        email_id,
        send_at,
    )


async def get(conn: Connection, shop_id: str, case_key: str) -> FollowUpRow | None:
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM follow_up_emails WHERE shop_id = $1 AND case_key = $2",
        shop_id,
        case_key,
    )
    return FollowUpRow(**dict(row)) if row else None


async def claim_due(conn: Connection, now: datetime, limit: int) -> list[FollowUpRow]:
    """The survey dispatch's claim (services/survey/outgoing/repository.py) on this table."""
    rows = await outgoing.claim_due(conn, "follow_up_emails", _COLUMNS, now, limit)
    return [FollowUpRow(**r) for r in rows]


async def reserve_recipient(conn: Connection, email_id: int, recipient: str, attempt: int) -> bool:
    """Recorded right before SMTP: from here on the follow-up may have reached the server, and
    an 'unknown' outcome still says where it may have gone. False: the claim is no longer this
    worker's, do not send."""
    return await outgoing.reserve_recipient(conn, "follow_up_emails", email_id, recipient, attempt)


async def expire_stale_claims(conn: Connection, older_than: datetime) -> int:
    """A reserved claim whose worker died may have been accepted by SMTP: 'unknown', never
    'pending'. An unreserved one never left: 'pending' again. Returns how many are 'unknown'."""
    return await outgoing.expire_stale_claims(conn, "follow_up_emails", older_than)


async def forget_recipients(
    conn: Connection, shop_id: str, order_ids: list[str], email: str | None
) -> int:
    """GDPR: the address is the personal part of a follow-up row; the rest stays for counts."""
    result: str = await conn.execute(
        """
        UPDATE follow_up_emails SET recipient = NULL, updated_at = now()
        WHERE shop_id = $1 AND recipient IS NOT NULL
          AND (order_id = ANY($2::text[])
               OR ($3::text IS NOT NULL AND lower(recipient) = lower($3)))
        """,
        shop_id,
        order_ids,
        email,
    )
    return int(result.split()[-1])


async def forget_shop_recipients(conn: Connection, shop_id: str) -> int:
    result: str = await conn.execute(
        """
        UPDATE follow_up_emails SET recipient = NULL, updated_at = now()
        WHERE shop_id = $1 AND recipient IS NOT NULL
        """,
        shop_id,
    )
    return int(result.split()[-1])


async def export_customer(
    conn: Connection, shop_id: str, order_ids: list[str], email: str | None
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """
        SELECT order_id, case_key, status, recipient, skip_reason, send_at, sent_at
        FROM follow_up_emails
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
