"""All SQL of ingest's orders table: the state record of what was announced per order."""

from datetime import datetime
from typing import Any

from services.ingest.orders.facts import OrderDetails
from services.ingest.orders.state import OrderState
from shared.db.pool import Connection
from shared.events.orders import Customer, OrderItem

_COLUMNS = (
    "shop_id, order_id, platform, details, observed_at, placed_emitted, paid_at, "
    "partially_fulfilled_at, fulfilled_at, delivered_at, cancelled_at, refund_ids, return_ids, "
    "needs_fetch"
)


def _details_to_json(details: OrderDetails) -> dict[str, Any]:
    return {
        "placed_at": details.placed_at.isoformat(),
        "currency": details.currency,
        "customer": details.customer.model_dump(mode="json"),
        "items": [i.model_dump(mode="json") for i in details.items],
        "shipping_country": details.shipping_country,
        "b2b": details.b2b,
    }


def _details_from_json(data: dict[str, Any]) -> OrderDetails:
    return OrderDetails(
        placed_at=datetime.fromisoformat(data["placed_at"]),
        currency=data["currency"],
        customer=Customer.model_validate(data["customer"]),
        items=tuple(OrderItem.model_validate(i) for i in data["items"]),
        shipping_country=data.get("shipping_country"),
        b2b=bool(data.get("b2b", False)),
    )


async def lock(conn: Connection, shop_id: str, order_id: str, platform: str) -> OrderState:
    """The order's state, locked until the transaction ends, so deliveries of one order that
    arrive together are applied one after the other. A first sight creates an empty record:
    locking a row that does not exist yet would let two first deliveries race."""
    await conn.execute(
        """
        INSERT INTO orders (shop_id, order_id, platform) VALUES ($1, $2, $3)
        ON CONFLICT (shop_id, order_id) DO NOTHING
        """,
        shop_id,
        order_id,
        platform,
    )
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM orders WHERE shop_id = $1 AND order_id = $2 FOR UPDATE",
        shop_id,
        order_id,
    )
    return OrderState(
        shop_id=row["shop_id"],
        order_id=row["order_id"],
        platform=row["platform"],
        details=_details_from_json(row["details"]) if row["details"] else None,
        observed_at=row["observed_at"],
        placed_emitted=row["placed_emitted"],
        paid_at=row["paid_at"],
        partially_fulfilled_at=row["partially_fulfilled_at"],
        fulfilled_at=row["fulfilled_at"],
        delivered_at=row["delivered_at"],
        cancelled_at=row["cancelled_at"],
        refund_ids=frozenset(row["refund_ids"]),
        return_ids=frozenset(row["return_ids"]),
        needs_fetch=row["needs_fetch"],
    )


async def save(conn: Connection, state: OrderState) -> None:
    details = state.details
    await conn.execute(
        """
        INSERT INTO orders (shop_id, order_id, platform, placed_at, details, customer_id,
                            customer_email, observed_at, placed_emitted, paid_at,
                            partially_fulfilled_at, fulfilled_at, delivered_at, cancelled_at,
                            refund_ids, return_ids, needs_fetch)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
        ON CONFLICT (shop_id, order_id) DO UPDATE SET
            placed_at = EXCLUDED.placed_at, details = EXCLUDED.details,
            customer_id = EXCLUDED.customer_id, customer_email = EXCLUDED.customer_email,
            observed_at = EXCLUDED.observed_at, placed_emitted = EXCLUDED.placed_emitted,
            paid_at = EXCLUDED.paid_at, partially_fulfilled_at = EXCLUDED.partially_fulfilled_at,
            fulfilled_at = EXCLUDED.fulfilled_at, delivered_at = EXCLUDED.delivered_at,
            cancelled_at = EXCLUDED.cancelled_at, refund_ids = EXCLUDED.refund_ids,
            return_ids = EXCLUDED.return_ids, needs_fetch = EXCLUDED.needs_fetch,
            updated_at = now()
        """,
        state.shop_id,
        state.order_id,
        state.platform,
        details.placed_at if details else None,
        _details_to_json(details) if details else None,
        details.customer.customer_id if details else None,
        str(details.customer.email) if details and details.customer.email else None,
        state.observed_at,
        state.placed_emitted,
        state.paid_at,
        state.partially_fulfilled_at,
        state.fulfilled_at,
        state.delivered_at,
        state.cancelled_at,
        sorted(state.refund_ids),
        sorted(state.return_ids),
        state.needs_fetch,
    )


async def find_customer_orders(
    conn: Connection,
    shop_id: str,
    customer_id: str | None,
    email: str | None,
    order_ids: list[str],
) -> list[str]:
    rows = await conn.fetch(
        """
        SELECT order_id FROM orders
        WHERE shop_id = $1
          AND (order_id = ANY($2::text[])
               OR ($3::text IS NOT NULL AND customer_id = $3)
               OR ($4::text IS NOT NULL AND customer_email = $4))
        ORDER BY order_id
        """,
        shop_id,
        order_ids,
        customer_id,
        email,
    )
    return [r["order_id"] for r in rows]


async def redact_orders(conn: Connection, shop_id: str, order_ids: list[str]) -> int:
    """Remove the customer from the orders: contact, name and the raw payloads. Amounts, dates
    and products stay: they are not personal and the shop's statistics need them."""
    result: str = await conn.execute(
        """
        UPDATE orders
        SET details = CASE WHEN details IS NULL THEN NULL ELSE
                jsonb_set(details, '{customer}',
                          jsonb_build_object('customer_id', NULL, 'email', NULL, 'name', NULL,
                                             'locale', details->'customer'->'locale',
                                             'country', details->'customer'->'country'))
            END,
            customer_id = NULL, customer_email = NULL, redacted_at = now(), updated_at = now()
        WHERE shop_id = $1 AND order_id = ANY($2::text[])
        """,
        shop_id,
        order_ids,
    )
    return int(result.split()[-1])


async def find_all(conn: Connection, shop_id: str) -> list[str]:
    rows = await conn.fetch("SELECT order_id FROM orders WHERE shop_id = $1", shop_id)
    return [r["order_id"] for r in rows]
