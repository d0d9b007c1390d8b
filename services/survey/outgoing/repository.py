"""All SQL of the survey service's outgoing emails that is the same for the tables that hold
them: invitations and reminders (`survey_emails`), case follow-ups (`follow_up_emails`) and
notices of rejected reviews (`moderation_notices`). All have the same status, send_at,
attempts, recipient, claimed_at and last_error columns.

- `claim_due` takes due rows for this worker: other replicas skip locked rows, and the claim
  commits before any SMTP traffic, so a crash leaves the row in 'sending'. It clears the
  recipient.
- `reserve_recipient`, committed right before the email's SMTP traffic, sets it again: the point
  from which the email may have reached the server. It is refused when the claim is no longer
  the caller's (it outlived the lease and another worker claimed the row again).
- `expire_stale_claims` settles claims whose worker died: reserved ones may have been accepted,
  so 'unknown' and never sent again; unreserved ones never left, so 'pending' again.
- `mark_*` write the outcome of a claim that is still 'sending'.
"""

from datetime import datetime
from typing import Any, Literal

from shared.db.pool import Connection

# Table names are put into the SQL text: only these two, never a caller's string.
EmailTable = Literal["survey_emails", "follow_up_emails", "moderation_notices"]
TABLES: frozenset[str] = frozenset({"survey_emails", "follow_up_emails", "moderation_notices"})


def _table(table: EmailTable) -> str:
    if table not in TABLES:
        raise ValueError(f"not an email table: {table!r}")
    return table


async def claim_due(
    conn: Connection, table: EmailTable, columns: str, now: datetime, limit: int
) -> list[dict[str, Any]]:
    """Up to `limit` due rows, earliest first, as dicts of `columns`."""
    name = _table(table)
    rows = await conn.fetch(
        f"""
        UPDATE {name} SET status = 'sending', claimed_at = $1, recipient = NULL,
                          attempts = attempts + 1, updated_at = now()
        WHERE id IN (
            SELECT id FROM {name}
            WHERE status = 'pending' AND send_at <= $1
            ORDER BY send_at
            LIMIT $2
            FOR UPDATE SKIP LOCKED
        )
        RETURNING {columns}
        """,
        now,
        limit,
    )
    return [dict(r) for r in rows]


async def reserve_recipient(
    conn: Connection, table: EmailTable, email_id: int, recipient: str, attempt: int
) -> bool:
    """False when the claim of this attempt is no longer the caller's: then it must not send."""
    reserved = await conn.fetchval(
        f"""
        UPDATE {_table(table)} SET recipient = $2
        WHERE id = $1 AND status = 'sending' AND attempts = $3
        RETURNING 1
        """,
        email_id,
        recipient,
        attempt,
    )
    return reserved is not None


async def expire_stale_claims(conn: Connection, table: EmailTable, older_than: datetime) -> int:
    """Settles claims made before `older_than`; returns how many became 'unknown'."""
    rows = await conn.fetch(
        f"""
        UPDATE {_table(table)}
        SET status = CASE WHEN recipient IS NULL THEN 'pending' ELSE 'unknown' END,
            last_error = CASE WHEN recipient IS NULL
                              THEN 'worker stopped before sending; claimed again'
                              ELSE 'worker stopped between claim and result' END,
            updated_at = now()
        WHERE status = 'sending' AND claimed_at < $1
        RETURNING status
        """,
        older_than,
    )
    return sum(1 for r in rows if r["status"] == "unknown")


async def mark_skipped(conn: Connection, table: EmailTable, email_id: int, reason: str) -> None:
    await conn.execute(
        f"""
        UPDATE {_table(table)} SET status = 'skipped', skip_reason = $2, updated_at = now()
        WHERE id = $1 AND status = 'sending'
        """,
        email_id,
        reason,
    )


async def mark_sent(
    conn: Connection, table: EmailTable, email_id: int, recipient: str, at: datetime
) -> None:
    await conn.execute(
        f"""
        UPDATE {_table(table)} SET status = 'sent', recipient = $2, sent_at = $3,
                                   last_error = NULL, updated_at = now()
        WHERE id = $1 AND status = 'sending'
        """,
        email_id,
        recipient,
        at,
    )


async def mark_retry(
    conn: Connection, table: EmailTable, email_id: int, error: str, at: datetime
) -> None:
    await conn.execute(
        f"""
        UPDATE {_table(table)} SET status = 'pending', send_at = $3, last_error = $2,
                                   updated_at = now()
        WHERE id = $1 AND status = 'sending'
        """,
        email_id,
        error[:1000],
        at,
    )


async def mark_undelivered(
    conn: Connection,
    table: EmailTable,
    email_id: int,
    status: Literal["failed", "unknown"],
    recipient: str,
    error: str,
) -> None:
    """Refused for good ('failed'), or maybe delivered ('unknown'): either way never sent again."""
    await conn.execute(
        f"""
        UPDATE {_table(table)} SET status = $2, recipient = $3, last_error = $4,
                                   updated_at = now()
        WHERE id = $1 AND status = 'sending'
        """,
        email_id,
        status,
        recipient,
        error[:1000],
    )
