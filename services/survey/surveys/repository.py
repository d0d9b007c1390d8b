"""All SQL of survey's surveys table."""

from dataclasses import dataclass
from datetime import datetime

from shared.db.pool import Connection, Pool


@dataclass(frozen=True)
class SurveyRow:
    id: int
    shop_id: str
    order_id: str
    status: str
    customer_email: str | None
    placed_at: datetime
    due_at: datetime
    created_at: datetime


_COLUMNS = "id, shop_id, order_id, status, customer_email, placed_at, due_at, created_at"


async def insert_pending(
    conn: Connection,
    shop_id: str,
    order_id: str,
    customer_email: str | None,
    placed_at: datetime,
    due_at: datetime,
) -> int | None:
    """The new survey's id, or None when the order already has one."""
    survey_id: int | None = await conn.fetchval(
        """
        INSERT INTO surveys (shop_id, order_id, customer_email, placed_at, due_at)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (shop_id, order_id) DO NOTHING
        RETURNING id
        """,
        shop_id,
        order_id,
        customer_email,
        placed_at,
        due_at,
    )
    return survey_id


async def list_for_shop(
    pool: Pool, shop_id: str, order_id: str | None, limit: int
) -> list[SurveyRow]:
    rows = await pool.fetch(
        f"""
        SELECT {_COLUMNS} FROM surveys
        WHERE shop_id = $1 AND ($2::text IS NULL OR order_id = $2)
        ORDER BY id
        LIMIT $3
        """,
        shop_id,
        order_id,
        limit,
    )
    return [SurveyRow(**dict(r)) for r in rows]


async def forget_customer(
    conn: Connection, shop_id: str, order_ids: list[str], email: str | None
) -> int:
    """GDPR redaction: the surveys stay (for statistics), the address goes."""
    result: str = await conn.execute(
        """
        UPDATE surveys SET customer_email = NULL, updated_at = now()
        WHERE shop_id = $1
          AND (order_id = ANY($2::text[]) OR ($3::text IS NOT NULL AND customer_email = $3))
          AND customer_email IS NOT NULL
        """,
        shop_id,
        order_ids,
        email,
    )
    return int(result.split()[-1])


async def forget_shop(conn: Connection, shop_id: str) -> int:
    result: str = await conn.execute(
        "UPDATE surveys SET customer_email = NULL, updated_at = now() WHERE shop_id = $1",
        shop_id,
    )
    return int(result.split()[-1])
