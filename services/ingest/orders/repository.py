"""All SQL of ingest's orders table."""

from datetime import datetime
from typing import Any

from shared.db.pool import Connection


async def insert_if_new(
    conn: Connection,
    shop_id: str,
    order_id: str,
    platform: str,
    status: str,
    placed_at: datetime,
    data: dict[str, Any],
) -> bool:
    row = await conn.fetchval(
        """
        INSERT INTO orders (shop_id, order_id, platform, status, placed_at, data)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (shop_id, order_id) DO NOTHING
        RETURNING 1
        """,
        shop_id,
        order_id,
        platform,
        status,
        placed_at,
        data,
    )
    return row is not None
