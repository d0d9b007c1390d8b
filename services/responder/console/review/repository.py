"""SQL the review page needs beyond the API's own detail."""

from shared.db.pool import Connection


async def nps_of_order(conn: Connection, shop_id: str, order_id: str) -> int | None:
    """The customer's latest NPS answer in the survey of this order (one survey per order),
    as the responder stores it from `survey.answered`."""
    value = await conn.fetchval(
        """
        SELECT nps FROM survey_answers
        WHERE shop_id = $1 AND order_id = $2 AND nps IS NOT NULL
        ORDER BY answered_at DESC LIMIT 1
        """,
        shop_id,
        order_id,
    )
    return int(value) if value is not None else None
