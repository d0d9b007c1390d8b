"""All SQL of notifications and webhook receivers."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shared.db.pool import Connection


@dataclass(frozen=True)
class NotificationRow:
    id: int
    shop_id: str
    kind: str
    review_id: str | None
    rule_id: int | None
    channel: str
    target: str
    content: dict[str, Any]
    status: str
    attempts: int
    idempotency_key: str
    # The random part of the e-mail's Message-ID (migration 0009).
    message_token: str


@dataclass(frozen=True)
class NotificationListing:
    id: int
    kind: str
    review_id: str | None
    rule_id: int | None
    channel: str
    target: str
    status: str
    attempts: int
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True)
class ReceiverRow:
    url: str
    consecutive_failures: int
    paused_at: datetime | None
    last_error: str | None
    updated_at: datetime


_COLUMNS = (
    "id, shop_id, kind, review_id, rule_id, channel, target, content, status, attempts, "
    "idempotency_key, message_token"
)


async def add(
    conn: Connection,
    shop_id: str,
    idempotency_key: str,
    kind: str,
    review_id: str | None,
    rule_id: int | None,
    channel: str,
    target: str,
    content: dict[str, Any],
) -> bool:
    """False when a notification with this key exists: the one alert was already queued."""
    row = await conn.fetchval(
        """
        INSERT INTO notifications (shop_id, idempotency_key, kind, review_id, rule_id, channel,
                                   target, content)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING 1
        """,
        shop_id,
        idempotency_key,
        kind,
        review_id,
        rule_id,
        channel,
        target,
        content,
    )
    return row is not None


NO_RECIPIENT = "not alerted: no recipient"


async def add_unroutable(
    conn: Connection, shop_id: str, idempotency_key: str, review_id: str
) -> bool:
    """The review needed an alert and the shop has nobody to send it to: a row that says so
    (listed with the shop's notifications, counted by `reviewloop status`), never sent."""
    row = await conn.fetchval(
        """
        INSERT INTO notifications (shop_id, idempotency_key, kind, review_id, channel, target,
                                   content, status, last_error)
        VALUES ($1, $2, 'alert', $3, 'email', '', '{}'::jsonb, 'unroutable', $4)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING 1
        """,
        shop_id,
        idempotency_key,
        review_id,
        NO_RECIPIENT,
    )
    return row is not None


async def unroutable_counts(conn: Connection) -> list[tuple[str, int]]:
    """Per shop: reviews not alerted for want of a recipient (`reviewloop status`)."""
    rows = await conn.fetch(
        """
        SELECT shop_id, count(*) AS n FROM notifications WHERE status = 'unroutable'
        GROUP BY shop_id ORDER BY shop_id
        """
    )
    return [(r["shop_id"], int(r["n"])) for r in rows]


async def claim_due(conn: Connection, now: datetime, limit: int) -> list[NotificationRow]:
    rows = await conn.fetch(
        f"""
        UPDATE notifications SET status = 'sending', claimed_at = $1, attempts = attempts + 1
        WHERE id IN (
            SELECT id FROM notifications
            WHERE status = 'pending' AND next_attempt_at <= $1
            ORDER BY next_attempt_at, id
            LIMIT $2
            FOR UPDATE SKIP LOCKED
        )
        RETURNING {_COLUMNS}
        """,
        now,
        limit,
    )
    return [NotificationRow(**dict(r)) for r in rows]


async def finish(
    conn: Connection, notification_id: int, status: str, error: str | None, at: datetime
) -> None:
    await conn.execute(
        """
        UPDATE notifications
        SET status = $2::text, last_error = $3,
            sent_at = CASE WHEN $2::text = 'sent' THEN $4::timestamptz END
        WHERE id = $1 AND status = 'sending'
        """,
        notification_id,
        status,
        error[:1000] if error else None,
        at,
    )


async def retry_at(conn: Connection, notification_id: int, error: str, at: datetime) -> None:
    await conn.execute(
        """
        UPDATE notifications SET status = 'pending', last_error = $2, next_attempt_at = $3
        WHERE id = $1 AND status = 'sending'
        """,
        notification_id,
        error[:1000],
        at,
    )


async def requeue_stale_claims(conn: Connection, older_than: datetime, now: datetime) -> int:
    """Claims whose worker died: due again at once (staff notifications are at least once)."""
    result: str = await conn.execute(
        """
        UPDATE notifications SET status = 'pending', next_attempt_at = $2,
               last_error = 'worker stopped between claim and result: sent again'
        WHERE status = 'sending' AND claimed_at < $1
        """,
        older_than,
        now,
    )
    return int(result.split()[-1])


async def redact_reviews(conn: Connection, shop_id: str, review_ids: list[str]) -> int:
    """Stored alerts quote the review and the order: keep the fact, drop the content."""
    result: str = await conn.execute(
        """
        UPDATE notifications SET content = jsonb_build_object('redacted', true)
        WHERE shop_id = $1 AND review_id = ANY($2::text[])
        """,
        shop_id,
        review_ids,
    )
    return int(result.split()[-1])


async def redact_shop(conn: Connection, shop_id: str) -> int:
    result: str = await conn.execute(
        "UPDATE notifications SET content = jsonb_build_object('redacted', true) "
        "WHERE shop_id = $1",
        shop_id,
    )
    return int(result.split()[-1])


async def list_for_shop(
    conn: Connection, shop_id: str, limit: int, review_id: str | None = None
) -> list[NotificationListing]:
    """Newest first; only the notifications about `review_id` when it is given."""
    rows = await conn.fetch(
        """
        SELECT id, kind, review_id, rule_id, channel, target, status, attempts, last_error,
               created_at, sent_at
        FROM notifications WHERE shop_id = $1 AND ($3::text IS NULL OR review_id = $3)
        ORDER BY id DESC LIMIT $2
        """,
        shop_id,
        limit,
        review_id,
    )
    return [NotificationListing(**dict(r)) for r in rows]


# -- webhook receivers ---------------------------------------------------------------------


async def receiver_paused(conn: Connection, url: str) -> bool:
    found = await conn.fetchval(
        "SELECT 1 FROM receivers WHERE url = $1 AND paused_at IS NOT NULL", url
    )
    return found is not None


async def receiver_succeeded(conn: Connection, shop_id: str, url: str) -> None:
    await conn.execute(
        """
        INSERT INTO receivers (url, shop_id) VALUES ($1, $2)
        ON CONFLICT (url) DO UPDATE SET consecutive_failures = 0, last_error = NULL,
                                        updated_at = now()
        """,
        url,
        shop_id,
    )


async def receiver_failed(
    conn: Connection, shop_id: str, url: str, error: str, pause_after: int, at: datetime
) -> bool:
    """True when this failure paused the receiver."""
    paused: bool = await conn.fetchval(
        """
        INSERT INTO receivers AS r (url, shop_id, consecutive_failures, last_error)
        VALUES ($1, $2, 1, $3)
        ON CONFLICT (url) DO UPDATE SET consecutive_failures = r.consecutive_failures + 1,
            last_error = EXCLUDED.last_error, updated_at = now(),
            paused_at = CASE WHEN r.paused_at IS NULL AND r.consecutive_failures + 1 >= $4
                             THEN $5 ELSE r.paused_at END
        RETURNING paused_at = $5
        """,
        url,
        shop_id,
        error[:1000],
        pause_after,
        at,
    )
    return bool(paused)


async def pause_pending_for(conn: Connection, url: str) -> int:
    result: str = await conn.execute(
        "UPDATE notifications SET status = 'paused' WHERE status = 'pending' AND target = $1", url
    )
    return int(result.split()[-1])


async def resume_receiver(conn: Connection, shop_id: str, url: str) -> int:
    await conn.execute(
        """
        UPDATE receivers SET paused_at = NULL, consecutive_failures = 0, updated_at = now()
        WHERE url = $1 AND shop_id = $2
        """,
        url,
        shop_id,
    )
    result: str = await conn.execute(
        """
        UPDATE notifications SET status = 'pending', next_attempt_at = '-infinity'
        WHERE status = 'paused' AND target = $1 AND shop_id = $2
        """,
        url,
        shop_id,
    )
    return int(result.split()[-1])


async def receivers_of(conn: Connection, shop_id: str) -> list[ReceiverRow]:
    rows = await conn.fetch(
        """
        SELECT url, consecutive_failures, paused_at, last_error, updated_at
        FROM receivers WHERE shop_id = $1 ORDER BY url
        """,
        shop_id,
    )
    return [ReceiverRow(**dict(r)) for r in rows]
