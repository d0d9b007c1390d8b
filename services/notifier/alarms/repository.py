"""SQL of the pending per-shop alarm checks."""

from datetime import datetime

from shared.db.pool import Connection


async def request_check(conn: Connection, shop_id: str, due_at: datetime) -> None:
    """Ask for a check of the shop's alarms at `due_at`, unless one is already pending (the
    earlier one will see this change too)."""
    await conn.execute(
        """
        INSERT INTO alarm_checks (shop_id, due_at) VALUES ($1, $2)
        ON CONFLICT (shop_id) DO NOTHING
        """,
        shop_id,
        due_at,
    )


async def lease_due_check(conn: Connection, now: datetime, lease_until: datetime) -> str | None:
    """Take one due check by moving it to `lease_until` (replicas skip one being taken): if
    the worker dies, the check comes due again then. Committed at once, so reviews arriving
    meanwhile find the row (their request is a no-op) without waiting for the check."""
    value: str | None = await conn.fetchval(
        """
        UPDATE alarm_checks SET due_at = $2
        WHERE shop_id = (
            SELECT shop_id FROM alarm_checks WHERE due_at <= $1
            ORDER BY due_at LIMIT 1
            FOR UPDATE SKIP LOCKED
        )
        RETURNING shop_id
        """,
        now,
        lease_until,
    )
    return value


async def finish_check(conn: Connection, shop_id: str, again_at: datetime | None) -> None:
    """The check is done: forget it, or (`again_at`) keep one more for what it may have
    missed."""
    if again_at is None:
        await conn.execute("DELETE FROM alarm_checks WHERE shop_id = $1", shop_id)
    else:
        await conn.execute(
            "UPDATE alarm_checks SET due_at = $2 WHERE shop_id = $1", shop_id, again_at
        )


async def record_fired(conn: Connection, shop_id: str, bucket: int, alarms: list[str]) -> set[str]:
    """Record the alarms as fired in the window; returns those that had not fired in it yet."""
    rows = await conn.fetch(
        """
        INSERT INTO alarms_fired (shop_id, bucket, alarm)
        SELECT $1, $2, alarm FROM unnest($3::text[]) AS alarm
        ON CONFLICT DO NOTHING
        RETURNING alarm
        """,
        shop_id,
        bucket,
        alarms,
    )
    return {r["alarm"] for r in rows}
