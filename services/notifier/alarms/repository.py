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


async def claim_due_check(conn: Connection, now: datetime) -> str | None:
    """Take one due check (replicas skip the ones being run); gone once the transaction
    commits, back if it rolls back."""
    value: str | None = await conn.fetchval(
        """
        DELETE FROM alarm_checks
        WHERE shop_id = (
            SELECT shop_id FROM alarm_checks WHERE due_at <= $1
            ORDER BY due_at LIMIT 1
            FOR UPDATE SKIP LOCKED
        )
        RETURNING shop_id
        """,
        now,
    )
    return value
