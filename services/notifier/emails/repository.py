"""All SQL of the test sends of the notifier's emails (how many a shop sent lately)."""

from datetime import datetime

from shared.db.pool import Connection


async def lock(conn: Connection, shop_id: str) -> None:
    """Serialises one shop's test sends (for this transaction), so the count is exact."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext($1))", f"notifier-tests:{shop_id}")


async def sent_since(conn: Connection, shop_id: str, since: datetime) -> list[datetime]:
    """When the shop's test sends since `since` were made, oldest first."""
    rows = await conn.fetch(
        "SELECT at FROM email_test_sends WHERE shop_id = $1 AND at >= $2 ORDER BY at",
        shop_id,
        since,
    )
    return [r["at"] for r in rows]


async def record(conn: Connection, shop_id: str, kind: str, recipient: str, at: datetime) -> None:
    await conn.execute(
        "INSERT INTO email_test_sends (shop_id, kind, recipient, at) VALUES ($1, $2, $3, $4)",
        shop_id,
        kind,
        recipient,
        at,
    )


async def forget_before(conn: Connection, before: datetime) -> None:
    """Only the last hour is counted; a day is kept for looking into a complaint."""
    await conn.execute("DELETE FROM email_test_sends WHERE at < $1", before)


async def forget_shop(conn: Connection, shop_id: str) -> None:
    """Shop redaction: the rows hold the addresses tests went to."""
    await conn.execute("DELETE FROM email_test_sends WHERE shop_id = $1", shop_id)
