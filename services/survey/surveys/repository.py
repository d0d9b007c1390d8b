"""All SQL of surveys and their emails."""

from dataclasses import dataclass
from datetime import datetime

from services.survey.outgoing import repository as outgoing
from services.survey.suppressions import repository as suppressions
from services.survey.suppressions.repository import Reason
from services.survey.suppressions.service import normalise
from shared import tracing
from shared.db.pool import Connection, Pool


@dataclass(frozen=True)
class SurveyRow:
    id: int
    shop_id: str
    order_id: str
    public_ref: str
    send_at_override: datetime | None
    answered_at: datetime | None
    created_at: datetime
    opened_at: datetime | None = None
    # The hand-set time holds even outside the send window.
    send_at_outside_window: bool = False


@dataclass(frozen=True)
class EmailRow:
    id: int
    survey_id: int
    shop_id: str
    kind: str
    status: str
    send_at: datetime
    attempts: int
    message_id: str
    recipient: str | None
    skip_reason: str | None
    last_error: str | None
    sent_at: datetime | None
    # The trace of the event that scheduled the email (None when tracing is off).
    trace_context: tracing.Carrier | None = None


_SURVEY = (
    "id, shop_id, order_id, public_ref, send_at_override, answered_at, created_at, opened_at, "
    "send_at_outside_window"
)
_EMAIL = (
    "id, survey_id, shop_id, kind, status, send_at, attempts, message_id, recipient, "
    "skip_reason, last_error, sent_at, trace_context"
)


async def get_by_order(conn: Connection, shop_id: str, order_id: str) -> SurveyRow | None:
    row = await conn.fetchrow(
        f"SELECT {_SURVEY} FROM surveys WHERE shop_id = $1 AND order_id = $2", shop_id, order_id
    )
    return SurveyRow(**dict(row)) if row else None


async def get_by_ref(conn: Connection, public_ref: str) -> SurveyRow | None:
    row = await conn.fetchrow(f"SELECT {_SURVEY} FROM surveys WHERE public_ref = $1", public_ref)
    return SurveyRow(**dict(row)) if row else None


async def get(conn: Connection, survey_id: int) -> SurveyRow | None:
    row = await conn.fetchrow(f"SELECT {_SURVEY} FROM surveys WHERE id = $1", survey_id)
    return SurveyRow(**dict(row)) if row else None


async def create(conn: Connection, shop_id: str, order_id: str, public_ref: str) -> SurveyRow:
    row = await conn.fetchrow(
        f"""
        INSERT INTO surveys (shop_id, order_id, public_ref) VALUES ($1, $2, $3)
        RETURNING {_SURVEY}
        """,
        shop_id,
        order_id,
        public_ref,
    )
    return SurveyRow(**dict(row))


async def mark_opened(conn: Connection, survey_id: int, at: datetime) -> None:
    """The first visit counts; later ones change nothing (and cost no write)."""
    await conn.execute(
        "UPDATE surveys SET opened_at = $2 WHERE id = $1 AND opened_at IS NULL", survey_id, at
    )


async def set_override(
    conn: Connection, survey_id: int, send_at: datetime | None, outside_window: bool
) -> None:
    await conn.execute(
        "UPDATE surveys SET send_at_override = $2, send_at_outside_window = $3 WHERE id = $1",
        survey_id,
        send_at,
        outside_window and send_at is not None,
    )


async def add_email(
    conn: Connection,
    survey: SurveyRow,
    kind: str,
    send_at: datetime,
    message_id: str,
    skip_reason: str | None = None,
) -> bool:
    """A pending email, or one recorded as skipped from the start when `skip_reason` is set."""
    row = await conn.fetchval(
        """
        INSERT INTO survey_emails (survey_id, shop_id, kind, send_at, message_id, trace_context,
                                   status, skip_reason)
        VALUES ($1, $2, $3, $4, $5, $6,
                CASE WHEN $7::text IS NULL THEN 'pending' ELSE 'skipped' END, $7)
        ON CONFLICT (survey_id, kind) DO NOTHING
        RETURNING 1
        """,
        survey.id,
        survey.shop_id,
        kind,
        send_at,
        message_id,
        tracing.current_carrier(),
        skip_reason,
    )
    return row is not None


async def skip_pending(conn: Connection, survey_id: int, kind: str, reason: str) -> None:
    await conn.execute(
        """
        UPDATE survey_emails SET status = 'skipped', skip_reason = $3, updated_at = now()
        WHERE survey_id = $1 AND kind = $2 AND status = 'pending'
        """,
        survey_id,
        kind,
        reason,
    )


async def reschedule_pending(
    conn: Connection, survey_id: int, kind: str, send_at: datetime
) -> None:
    """New facts (a delivery date) move an email that has not gone out yet."""
    await conn.execute(
        """
        UPDATE survey_emails SET send_at = $3, updated_at = now()
        WHERE survey_id = $1 AND kind = $2 AND status = 'pending' AND send_at <> $3
        """,
        survey_id,
        kind,
        send_at,
    )


async def pending_by_rule(conn: Connection, shop_id: str) -> list[str]:
    """Orders of the shop whose invitation is still pending at the time the rules computed (no
    time set by staff), in a fixed order so concurrent reschedules lock them alike."""
    rows = await conn.fetch(
        """
        SELECT s.order_id FROM surveys s
        JOIN survey_emails e ON e.survey_id = s.id AND e.kind = 'invitation'
        WHERE s.shop_id = $1 AND e.status = 'pending' AND s.send_at_override IS NULL
        ORDER BY s.order_id
        """,
        shop_id,
    )
    return [r["order_id"] for r in rows]


async def claim_due(conn: Connection, now: datetime, limit: int) -> list[EmailRow]:
    """Take due emails for this worker: other replicas skip the locked rows, and the claim
    commits before any SMTP traffic, so a crash leaves the row in 'sending'. The recipient is
    cleared: `reserve_recipient` sets it again right before this attempt's SMTP traffic, which
    tells a claim that may have reached the server from one that never did."""
    rows = await outgoing.claim_due(conn, "survey_emails", _EMAIL, now, limit)
    return [EmailRow(**r) for r in rows]


async def expire_stale_claims(conn: Connection, older_than: datetime) -> int:
    """Claims whose worker died. Reserved ones may have reached the server and been accepted:
    'unknown', never again 'pending'. Unreserved ones never left (the worker died before their
    turn, or the database went away during the check): 'pending' again, sent by the next
    claim. Returns how many became 'unknown'."""
    return await outgoing.expire_stale_claims(conn, "survey_emails", older_than)


async def lock_recipient(conn: Connection, tenant_group: str, recipient: str) -> None:
    """Serialises the cooldown check of one address across workers and replicas (until the
    transaction ends): two due surveys for one customer must not both pass it."""
    await conn.execute(
        "SELECT pg_advisory_xact_lock(hashtext($1))", f"recipient:{tenant_group}:{recipient}"
    )


async def reserve_recipient(conn: Connection, email_id: int, recipient: str, attempt: int) -> bool:
    """Marks the claimed email as going to this address, so concurrent checks see it, and as
    possibly sent from here on. False when the claim is no longer this worker's (it outlived
    the lease and another worker claimed the email again): then it must not send."""
    return await outgoing.reserve_recipient(conn, "survey_emails", email_id, recipient, attempt)


async def recipient_state(
    conn: Connection,
    tenant_group: str,
    shop_ids: list[str],
    recipient: str,
    address_key: str,
    since: datetime,
    exclude_survey: int,
) -> tuple[Reason | None, bool]:
    """The address's suppression reason, if any, and whether the cooldown holds: an invitation
    of another survey went, may have gone, or is going to it since `since`. Call after
    `lock_recipient`, each lookup in a statement of its own, so both see every reservation
    committed while the lock was awaited."""
    reason = await suppressions.reason_for(conn, tenant_group, address_key, normalise(recipient))
    recent: bool = await conn.fetchval(
        """
        SELECT EXISTS (
            SELECT 1 FROM survey_emails
            WHERE recipient = $1 AND shop_id = ANY($2::text[]) AND kind = 'invitation'
              AND status IN ('sent', 'unknown', 'sending')
              AND coalesce(sent_at, claimed_at) >= $3 AND survey_id <> $4
        )
        """,
        recipient,
        shop_ids,
        since,
        exclude_survey,
    )
    return reason, recent


async def mark_sent_and_schedule(
    conn: Connection,
    email_id: int,
    recipient: str,
    at: datetime,
    reminder: tuple[datetime, str] | None,
) -> None:
    """Sent, and the reminder (send time, Message-ID) queued by the same statement, so the two
    never part without a transaction of their own."""
    await conn.execute(
        """
        WITH sent AS (
            UPDATE survey_emails SET status = 'sent', recipient = $2, sent_at = $3,
                                     last_error = NULL, updated_at = now()
            WHERE id = $1 AND status = 'sending'
            RETURNING survey_id, shop_id
        )
        INSERT INTO survey_emails (survey_id, shop_id, kind, send_at, message_id)
        SELECT survey_id, shop_id, 'reminder', $4, $5 FROM sent WHERE $4::timestamptz IS NOT NULL
        ON CONFLICT (survey_id, kind) DO NOTHING
        """,
        email_id,
        recipient,
        at,
        reminder[0] if reminder else None,
        reminder[1] if reminder else None,
    )


async def email_of(conn: Connection, survey_id: int, kind: str) -> EmailRow | None:
    row = await conn.fetchrow(
        f"SELECT {_EMAIL} FROM survey_emails WHERE survey_id = $1 AND kind = $2", survey_id, kind
    )
    return EmailRow(**dict(row)) if row else None


@dataclass(frozen=True)
class SurveyListing:
    id: int
    shop_id: str
    order_id: str
    status: str
    send_at: datetime | None
    skip_reason: str | None
    sent_at: datetime | None
    answered_at: datetime | None
    created_at: datetime


async def list_for_shop(
    pool: Pool | Connection, shop_id: str, order_id: str | None, limit: int
) -> list[SurveyListing]:
    rows = await pool.fetch(
        """
        SELECT s.id, s.shop_id, s.order_id, coalesce(e.status, 'waiting') AS status,
               e.send_at, e.skip_reason, e.sent_at, s.answered_at, s.created_at
        FROM surveys s
        LEFT JOIN survey_emails e ON e.survey_id = s.id AND e.kind = 'invitation'
        WHERE s.shop_id = $1 AND ($2::text IS NULL OR s.order_id = $2)
        ORDER BY s.id
        LIMIT $3
        """,
        shop_id,
        order_id,
        limit,
    )
    return [SurveyListing(**dict(r)) for r in rows]


async def forget_recipients(
    conn: Connection, shop_id: str, order_ids: list[str], email: str | None
) -> int:
    result: str = await conn.execute(
        """
        UPDATE survey_emails SET recipient = NULL, updated_at = now()
        WHERE shop_id = $1 AND recipient IS NOT NULL
          AND (survey_id IN (SELECT id FROM surveys WHERE shop_id = $1
                             AND order_id = ANY($2::text[]))
               OR ($3::text IS NOT NULL AND recipient = $3))
        """,
        shop_id,
        order_ids,
        email,
    )
    return int(result.split()[-1])


async def forget_shop_recipients(conn: Connection, shop_id: str) -> int:
    result: str = await conn.execute(
        "UPDATE survey_emails SET recipient = NULL, updated_at = now() WHERE shop_id = $1",
        shop_id,
    )
    return int(result.split()[-1])
