"""All SQL of survey's order view."""

from decimal import Decimal
from typing import Any

from services.survey.orders.view import Item, OrderView
from shared.db.pool import Connection

_COLUMNS = (
    "shop_id, order_id, customer_email, customer_name, locale, country, shipping_country, b2b, "
    "items, refunded, placed_at, fulfilled_at, delivered_at, cancelled_at, fully_refunded, "
    "returned, redacted, marketing_consent"
)


def _view(row: Any) -> OrderView:
    return OrderView(
        shop_id=row["shop_id"],
        order_id=row["order_id"],
        customer_email=row["customer_email"],
        customer_name=row["customer_name"],
        locale=row["locale"],
        country=row["country"],
        shipping_country=row["shipping_country"],
        b2b=row["b2b"],
        items=tuple(
            Item(
                i["product_id"],
                i["name"],
                i["category"],
                i["quantity"],
                Decimal(i["unit_price"]),
                line,
            )
            for line, i in enumerate(row["items"])
        ),
        refunded={k: int(v) for k, v in row["refunded"].items()},
        placed_at=row["placed_at"],
        fulfilled_at=row["fulfilled_at"],
        delivered_at=row["delivered_at"],
        cancelled_at=row["cancelled_at"],
        fully_refunded=row["fully_refunded"],
        returned=row["returned"],
        redacted=row["redacted"],
        marketing_consent=row["marketing_consent"],
    )


async def lock(conn: Connection, shop_id: str, order_id: str) -> OrderView:
    """The order's view, locked for this transaction (created empty on first sight)."""
    await conn.execute(
        "INSERT INTO orders (shop_id, order_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        shop_id,
        order_id,
    )
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM orders WHERE shop_id = $1 AND order_id = $2 FOR UPDATE",
        shop_id,
        order_id,
    )
    return _view(row)


async def get(conn: Connection, shop_id: str, order_id: str) -> OrderView | None:
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM orders WHERE shop_id = $1 AND order_id = $2", shop_id, order_id
    )
    return _view(row) if row else None


async def save(conn: Connection, view: OrderView) -> None:
    await conn.execute(
        """
        UPDATE orders SET customer_email = $3, customer_name = $4, locale = $5, country = $6,
            shipping_country = $7, b2b = $8, items = $9, refunded = $10, placed_at = $11,
            fulfilled_at = $12, delivered_at = $13, cancelled_at = $14, fully_refunded = $15,
            returned = $16, redacted = $17, marketing_consent = $18, updated_at = now()
        WHERE shop_id = $1 AND order_id = $2
        """,
        view.shop_id,
        view.order_id,
        view.customer_email,
        view.customer_name,
        view.locale,
        view.country,
        view.shipping_country,
        view.b2b,
        [
            {
                "product_id": i.product_id,
                "name": i.name,
                "category": i.category,
                "quantity": i.quantity,
                "unit_price": str(i.unit_price),
            }
            for i in view.items
        ],
        view.refunded,
        view.placed_at,
        view.fulfilled_at,
        view.delivered_at,
        view.cancelled_at,
        view.fully_refunded,
        view.returned,
        view.redacted,
        view.marketing_consent,
    )


async def forget_customer(
    conn: Connection, shop_id: str, order_ids: list[str], email: str | None
) -> int:
    """GDPR redaction: the orders stay (for statistics), the person goes, and no survey will
    ever be sent for them."""
    result: str = await conn.execute(
        """
        UPDATE orders SET customer_email = NULL, customer_name = NULL, redacted = true,
                          updated_at = now()
        WHERE shop_id = $1
          AND (order_id = ANY($2::text[]) OR ($3::text IS NOT NULL AND customer_email = $3))
        """,
        shop_id,
        order_ids,
        email,
    )
    return int(result.split()[-1])


async def forget_shop(conn: Connection, shop_id: str) -> int:
    result: str = await conn.execute(
        """
        UPDATE orders SET customer_email = NULL, customer_name = NULL, redacted = true,
                          updated_at = now()
        WHERE shop_id = $1
        """,
        shop_id,
    )
    return int(result.split()[-1])


async def export_customer(
    conn: Connection, shop_id: str, order_ids: list[str], email: str | None
) -> dict[str, Any]:
    """Everything survey holds about a customer, for a GDPR data request."""
    orders = await conn.fetch(
        f"""
        SELECT {_COLUMNS} FROM orders
        WHERE shop_id = $1 AND (order_id = ANY($2::text[])
              OR ($3::text IS NOT NULL AND lower(customer_email) = lower($3)))
        ORDER BY order_id
        """,
        shop_id,
        order_ids,
        email,
    )
    ids = [r["order_id"] for r in orders]
    surveys = await conn.fetch(
        """
        SELECT s.order_id, e.kind, e.status, e.recipient, e.sent_at, r.nps, r.comment,
               r.reviewer_name, r.submitted_at
        FROM surveys s
        LEFT JOIN survey_emails e ON e.survey_id = s.id
        LEFT JOIN responses r ON r.survey_id = s.id
        WHERE s.shop_id = $1 AND s.order_id = ANY($2::text[])
        ORDER BY s.order_id, e.kind
        """,
        shop_id,
        ids,
    )
    reviews = await conn.fetch(
        """
        SELECT s.order_id, p.product_id, p.rating, p.text FROM product_reviews p
        JOIN surveys s ON s.id = p.survey_id
        WHERE s.shop_id = $1 AND s.order_id = ANY($2::text[])
        ORDER BY s.order_id, p.product_id
        """,
        shop_id,
        ids,
    )
    return {
        "orders": [dict(r) for r in orders],
        "surveys": [dict(r) for r in surveys],
        "product_reviews": [dict(r) for r in reviews],
    }
