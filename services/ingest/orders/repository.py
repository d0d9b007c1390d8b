"""All SQL of ingest's orders table: the state record of what was announced per order."""

from dataclasses import dataclass
from datetime import datetime, timedelta
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


OrderKey = tuple[str, str]  # (shop_id, order_id)


def _state_from_row(row: Any) -> OrderState:
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


async def lock_many(conn: Connection, orders: dict[OrderKey, str]) -> dict[OrderKey, OrderState]:
    """The orders' states (order key -> platform given), locked until the transaction ends, so
    deliveries of one order that arrive together are applied one after the other. A first
    sight creates an empty record: locking a row that does not exist yet would let two first
    deliveries race. One round trip: the no-op DO UPDATE takes the row locks and RETURNING
    gives the rows. Keys are locked in sorted order, so two batches never wait on each other
    in a cycle."""
    keys = sorted(orders)
    rows = await conn.fetch(
        f"""
        INSERT INTO orders (shop_id, order_id, platform)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
        ON CONFLICT (shop_id, order_id) DO UPDATE SET platform = orders.platform
        RETURNING {_COLUMNS}
        """,
        [shop for shop, _ in keys],
        [order for _, order in keys],
        [orders[k] for k in keys],
    )
    return {(r["shop_id"], r["order_id"]): _state_from_row(r) for r in rows}


async def save_many(conn: Connection, states: list[OrderState]) -> None:
    """One pipelined round trip for the lot (asyncpg's executemany)."""
    await conn.executemany(
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
        [_save_args(state) for state in states],
    )


def _save_args(state: OrderState) -> tuple[Any, ...]:
    details = state.details
    return (
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


# -- fetching thin orders from the platform's API -------------------------------------------------

# An order is waiting for a fetch while its details are unknown, or while a thin delivery arrived
# after its last fetch (migration 0003). Same predicate as the partial index orders_fetch_due.
_FETCH_WANTED = "(needs_fetch OR fetch_requests > fetch_requests_served)"


@dataclass(frozen=True)
class FetchClaim:
    shop_id: str
    order_id: str
    platform: str
    attempts: int  # this one included
    requests: int  # the fetch requests this fetch serves


async def claim_fetches(
    conn: Connection, limit: int, retry_base_s: float, retry_max_s: float, max_attempts: int
) -> list[FetchClaim]:
    """Due orders, leased: each claim counts an attempt and pushes fetch_after out by the backoff
    of that attempt (base * 2^attempts, capped), so a failure needs no second write to schedule
    its retry and replicas never fetch the same order at once. Redacted orders are never fetched
    again: that would bring the customer's data back."""
    rows = await conn.fetch(
        f"""
        UPDATE orders o
        SET fetch_attempts = o.fetch_attempts + 1,
            fetch_after = now() + least($2 * power(2, least(o.fetch_attempts, 30)), $3)
                                  * interval '1 second'
        FROM (
            SELECT shop_id, order_id FROM orders
            WHERE {_FETCH_WANTED} AND fetch_after <= now() AND fetch_attempts < $4
              AND redacted_at IS NULL
            ORDER BY fetch_after
            LIMIT $1
            FOR UPDATE SKIP LOCKED
        ) due
        WHERE o.shop_id = due.shop_id AND o.order_id = due.order_id
        RETURNING o.shop_id, o.order_id, o.platform, o.fetch_attempts, o.fetch_requests
        """,
        limit,
        retry_base_s,
        retry_max_s,
        max_attempts,
    )
    return [
        FetchClaim(
            r["shop_id"], r["order_id"], r["platform"], r["fetch_attempts"], r["fetch_requests"]
        )
        for r in rows
    ]


async def fetch_succeeded(
    conn: Connection, shop_id: str, order_id: str, requests_served: int
) -> None:
    await conn.execute(
        """
        UPDATE orders
        SET fetch_attempts = 0, fetch_error = NULL, fetched_at = now(),
            fetch_requests_served = greatest(fetch_requests_served, $3)
        WHERE shop_id = $1 AND order_id = $2
        """,
        shop_id,
        order_id,
        requests_served,
    )


async def fetch_failed(conn: Connection, shop_id: str, order_id: str, error: str) -> None:
    """The claim already scheduled the retry; only the reason is left to record."""
    await conn.execute(
        "UPDATE orders SET fetch_error = $3 WHERE shop_id = $1 AND order_id = $2",
        shop_id,
        order_id,
        error,
    )


async def defer_fetches(
    conn: Connection, keys: list[tuple[str, str]], delay: timedelta, reason: str
) -> None:
    """Put claimed orders back without counting the attempt (their shop cannot be asked yet)."""
    await conn.execute(
        """
        UPDATE orders
        SET fetch_attempts = greatest(fetch_attempts - 1, 0),
            fetch_after = now() + $3::interval, fetch_error = $4
        WHERE (shop_id, order_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
        """,
        [shop for shop, _ in keys],
        [order for _, order in keys],
        delay,
        reason,
    )


async def release_fetches(conn: Connection, shop_id: str) -> int:
    """The shop's API access changed: fetch its waiting orders now, with fresh attempts."""
    result: str = await conn.execute(
        f"""
        UPDATE orders SET fetch_attempts = 0, fetch_after = now()
        WHERE shop_id = $1 AND {_FETCH_WANTED}
        """,
        shop_id,
    )
    return int(result.split()[-1])
