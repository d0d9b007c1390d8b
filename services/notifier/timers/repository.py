"""All SQL of the durable timers (SLA escalations, daily digests)."""

from dataclasses import dataclass
from datetime import datetime

from shared.db.pool import Connection


@dataclass(frozen=True)
class TimerRow:
    id: int
    shop_id: str
    kind: str
    subject: str
    due_at: datetime


async def add(conn: Connection, shop_id: str, kind: str, subject: str, due_at: datetime) -> None:
    """Once per (kind, subject): a pending or fired timer stays as it is; a cancelled one is due
    again (a review that needed no reply and needs one again: reclassified, or a person's
    correction taken back). Firing checks the review is still unanswered."""
    await conn.execute(
        """
        INSERT INTO timers (shop_id, kind, subject, due_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (shop_id, kind, subject) DO UPDATE
            SET status = 'pending', due_at = EXCLUDED.due_at
            WHERE timers.status = 'cancelled'
        """,
        shop_id,
        kind,
        subject,
        due_at,
    )


async def cancel_for_review(conn: Connection, shop_id: str, review_id: str) -> int:
    result: str = await conn.execute(
        """
        UPDATE timers SET status = 'cancelled'
        WHERE shop_id = $1 AND subject = $2 AND kind IN ('sla1', 'sla2') AND status = 'pending'
        """,
        shop_id,
        review_id,
    )
    return int(result.split()[-1])


async def claim_due(conn: Connection, now: datetime, limit: int) -> list[TimerRow]:
    """Fired in the claiming transaction: the caller writes the timer's effect in the same
    transaction, so a crash undoes both and another replica takes the timer."""
    rows = await conn.fetch(
        """
        UPDATE timers SET status = 'fired'
        WHERE id IN (
            SELECT id FROM timers WHERE status = 'pending' AND due_at <= $1
            ORDER BY due_at LIMIT $2
            FOR UPDATE SKIP LOCKED
        )
        RETURNING id, shop_id, kind, subject, due_at
        """,
        now,
        limit,
    )
    return [TimerRow(**dict(r)) for r in rows]


async def has_pending_digest(conn: Connection, shop_id: str) -> bool:
    found = await conn.fetchval(
        "SELECT 1 FROM timers WHERE shop_id = $1 AND kind = 'digest' AND status = 'pending'",
        shop_id,
    )
    return found is not None


@dataclass(frozen=True)
class PendingEscalation:
    timer_id: int
    kind: str
    # When the review was written: its deadlines count from there.
    created_at: datetime


async def pending_escalations(conn: Connection, shop_id: str) -> list[PendingEscalation]:
    rows = await conn.fetch(
        """
        SELECT t.id AS timer_id, t.kind, r.created_at FROM timers t
        JOIN reviews r ON r.shop_id = t.shop_id AND r.review_id = t.subject
        WHERE t.shop_id = $1 AND t.kind IN ('sla1', 'sla2') AND t.status = 'pending'
        FOR UPDATE OF t
        """,
        shop_id,
    )
    return [PendingEscalation(**dict(r)) for r in rows]


async def move(conn: Connection, timer_id: int, due_at: datetime) -> int:
    """1 when the pending timer got a new due time."""
    result: str = await conn.execute(
        "UPDATE timers SET due_at = $2 WHERE id = $1 AND status = 'pending' AND due_at <> $2",
        timer_id,
        due_at,
    )
    return int(result.split()[-1])
