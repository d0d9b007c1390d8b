"""SQL of redaction that spans the survey's tables: the customer's orders, and what they wrote."""

from shared.db.pool import Connection


async def customer_orders(
    conn: Connection, shop_id: str, order_ids: list[str], email: str | None
) -> list[str]:
    """The orders named, and those placed under the address (before it is forgotten)."""
    rows = await conn.fetch(
        """
        SELECT order_id FROM orders
        WHERE shop_id = $1
          AND (order_id = ANY($2::text[])
               OR ($3::text IS NOT NULL AND lower(customer_email) = lower($3)))
        """,
        shop_id,
        order_ids,
        email,
    )
    return sorted({*order_ids, *(r["order_id"] for r in rows)})


async def forget_answers(conn: Connection, shop_id: str, order_ids: list[str]) -> list[str]:
    """The customer's words go (the survey comment, the product reviews' texts, the name they
    chose to be shown with them, a delivery error that may quote the address); scores stay for
    the shop's statistics. Returns the ids of the reviews the answers were published as
    (responses/service.py `review_id`)."""
    await conn.execute(
        """
        UPDATE responses SET comment = NULL, reviewer_name = NULL
        WHERE survey_id IN (SELECT id FROM surveys WHERE shop_id = $1 AND order_id = ANY($2))
        """,
        shop_id,
        order_ids,
    )
    await conn.execute(
        """
        UPDATE survey_emails SET last_error = NULL
        WHERE survey_id IN (SELECT id FROM surveys WHERE shop_id = $1 AND order_id = ANY($2))
          AND last_error IS NOT NULL
        """,
        shop_id,
        order_ids,
    )
    await conn.execute(
        """
        UPDATE follow_up_emails SET last_error = NULL
        WHERE shop_id = $1 AND order_id = ANY($2) AND last_error IS NOT NULL
        """,
        shop_id,
        order_ids,
    )
    rows = await conn.fetch(
        """
        UPDATE product_reviews p SET text = NULL
        FROM surveys s
        WHERE s.id = p.survey_id AND s.shop_id = $1 AND s.order_id = ANY($2)
        RETURNING 'survey-' || s.public_ref || '-' || p.product_id AS review_id
        """,
        shop_id,
        order_ids,
    )
    return sorted(r["review_id"] for r in rows)
