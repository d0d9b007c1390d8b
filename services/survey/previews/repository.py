"""All SQL of the survey emails' test copies: how many a shop sent lately. The rows name no
recipient (a test address is nobody's order data and needs no redaction)."""

from datetime import datetime

from shared.db.pool import Connection


async def lock(conn: Connection, shop_id: str) -> None:
    """Serialises one shop's test sends (for this transaction), so the count is exact."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext($1))", f"survey-tests:{shop_id}")


async def sent_since(conn: Connection, shop_id: str, since: datetime) -> list[datetime]:
    """When the shop's test copies after `since` were sent, oldest first."""
    rows = await conn.fetch(
        "SELECT at FROM email_test_sends WHERE shop_id = $1 AND at > $2 ORDER BY at",
        shop_id,
        since,
    )
    return [r["at"] for r in rows]


async def record(
    conn: Connection, shop_id: str, kind: str, language: str, message_id: str, at: datetime
) -> None:
    await conn.execute(
        """
        INSERT INTO email_test_sends (shop_id, kind, language, message_id, at)
        VALUES ($1, $2, $3, $4, $5)
        """,
        shop_id,
        kind,
        language,
        message_id,
        at,
    )


async def forget_before(conn: Connection, before: datetime) -> None:
    """Only the last hour counts; a day is kept to look into a complaint."""
    await conn.execute("DELETE FROM email_test_sends WHERE at < $1", before)
