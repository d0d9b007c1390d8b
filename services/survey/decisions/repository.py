"""All SQL of the send-decision explanation: an order's survey emails and follow-ups with their
state, and the earlier invitation behind a cooldown. Read-only."""

from dataclasses import dataclass
from datetime import datetime

from shared.db.pool import Connection


@dataclass(frozen=True)
class EmailFact:
    kind: str
    status: str
    send_at: datetime
    sent_at: datetime | None
    # When a worker last took it: for a skipped email, when the skip was decided.
    claimed_at: datetime | None
    message_id: str
    skip_reason: str | None
    last_error: str | None


@dataclass(frozen=True)
class Earlier:
    """An invitation of another survey to the same address (the cooldown's cause)."""

    shop_id: str
    order_id: str
    at: datetime


async def emails_of(conn: Connection, survey_id: int) -> dict[str, EmailFact]:
    rows = await conn.fetch(
        """
        SELECT kind, status, send_at, sent_at, claimed_at, message_id, skip_reason, last_error
        FROM survey_emails WHERE survey_id = $1
        """,
        survey_id,
    )
    return {r["kind"]: EmailFact(**dict(r)) for r in rows}


async def follow_ups_of(conn: Connection, shop_id: str, order_id: str) -> list[EmailFact]:
    rows = await conn.fetch(
        """
        SELECT 'follow_up' AS kind, status, send_at, sent_at, claimed_at, message_id,
               skip_reason, last_error
        FROM follow_up_emails WHERE shop_id = $1 AND order_id = $2 ORDER BY id
        """,
        shop_id,
        order_id,
    )
    return [EmailFact(**dict(r)) for r in rows]


async def latest_invitation_to(
    conn: Connection, recipient: str, shop_ids: list[str], survey_id: int, until: datetime
) -> Earlier | None:
    """The latest invitation of another survey that went (or may have gone) to the address by
    `until`, in the shops sharing the cooldown: the rows the dispatcher's check counts."""
    row = await conn.fetchrow(
        """
        SELECT s.shop_id, s.order_id, coalesce(e.sent_at, e.claimed_at) AS at
        FROM survey_emails e JOIN surveys s ON s.id = e.survey_id
        WHERE e.recipient = $1 AND e.shop_id = ANY($2::text[]) AND e.kind = 'invitation'
          AND e.status IN ('sent', 'unknown', 'sending') AND e.survey_id <> $3
          AND coalesce(e.sent_at, e.claimed_at) <= $4
        ORDER BY at DESC LIMIT 1
        """,
        recipient,
        shop_ids,
        survey_id,
        until,
    )
    return Earlier(**dict(row)) if row else None
