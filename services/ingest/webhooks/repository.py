"""All SQL of the webhook delivery log."""

from datetime import timedelta
from typing import Any

from shared.db.pool import Connection


async def record(
    conn: Connection,
    shop_id: str,
    platform: str,
    dedupe_key: str,
    topic: str,
    order_id: str | None,
    outcome: str,
    payload: Any,
) -> bool:
    """False when this delivery was recorded before: a retry or a duplicate send."""
    row = await conn.fetchval(
        """
        INSERT INTO webhook_deliveries (shop_id, platform, dedupe_key, topic, order_id, outcome,
                                        payload)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (shop_id, platform, dedupe_key) DO NOTHING
        RETURNING 1
        """,
        shop_id,
        platform,
        dedupe_key,
        topic,
        order_id,
        outcome,
        payload,
    )
    return row is not None


async def clear_payloads(conn: Connection, shop_id: str, order_ids: list[str]) -> int:
    result: str = await conn.execute(
        """
        UPDATE webhook_deliveries SET payload = NULL
        WHERE shop_id = $1 AND order_id = ANY($2::text[]) AND payload IS NOT NULL
        """,
        shop_id,
        order_ids,
    )
    return int(result.split()[-1])


async def clear_shop_payloads(conn: Connection, shop_id: str) -> int:
    result: str = await conn.execute(
        "UPDATE webhook_deliveries SET payload = NULL WHERE shop_id = $1 AND payload IS NOT NULL",
        shop_id,
    )
    return int(result.split()[-1])


async def prune_payloads(conn: Connection, older_than: timedelta) -> int:
    """Raw payloads hold personal data: keep them only for the retention period."""
    result: str = await conn.execute(
        """
        UPDATE webhook_deliveries SET payload = NULL
        WHERE received_at < now() - $1::interval AND payload IS NOT NULL
        """,
        older_than,
    )
    return int(result.split()[-1])
