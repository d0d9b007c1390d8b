"""All SQL of data exports, and the reads that assemble ingest's own part."""

from typing import Any

from shared.db.pool import Connection


async def start_export(
    conn: Connection,
    shop_id: str,
    request_id: str,
    customer_id: str | None,
    email: str | None,
    order_ids: list[str],
    ingest_part: dict[str, Any],
) -> None:
    await conn.execute(
        """
        INSERT INTO data_exports (shop_id, request_id, customer_id, email, order_ids, parts)
        VALUES ($1, $2, $3, $4, $5, jsonb_build_object('ingest', $6::jsonb))
        ON CONFLICT (shop_id, request_id) DO NOTHING
        """,
        shop_id,
        request_id,
        customer_id,
        email,
        order_ids,
        ingest_part,
    )


async def add_part(
    conn: Connection, shop_id: str, request_id: str, service: str, data: dict[str, Any]
) -> None:
    await conn.execute(
        """
        INSERT INTO data_exports (shop_id, request_id, parts)
        VALUES ($1, $2, jsonb_build_object($3::text, $4::jsonb))
        ON CONFLICT (shop_id, request_id) DO UPDATE
        SET parts = data_exports.parts || EXCLUDED.parts, updated_at = now()
        """,
        shop_id,
        request_id,
        service,
        data,
    )


async def get_export(conn: Connection, shop_id: str, request_id: str) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        """
        SELECT request_id, customer_id, email, order_ids, parts, requested_at, updated_at
        FROM data_exports WHERE shop_id = $1 AND request_id = $2
        """,
        shop_id,
        request_id,
    )
    return dict(row) if row else None


async def orders_of(conn: Connection, shop_id: str, order_ids: list[str]) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """
        SELECT order_id, platform, details, placed_at, paid_at, fulfilled_at, delivered_at,
               cancelled_at, refund_ids, return_ids
        FROM orders WHERE shop_id = $1 AND order_id = ANY($2::text[]) ORDER BY order_id
        """,
        shop_id,
        order_ids,
    )
    return [dict(r) for r in rows]


async def reviews_of(
    conn: Connection, shop_id: str, order_ids: list[str], email: str | None
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """
        SELECT review_id, source, rating, title, text, reviewer_name, order_id,
               source_created_at, deleted_at
        FROM reviews
        WHERE shop_id = $1 AND (order_id = ANY($2::text[])
              OR ($3::text IS NOT NULL AND lower(reviewer_email) = lower($3)))
        ORDER BY review_id
        """,
        shop_id,
        order_ids,
        email,
    )
    return [dict(r) for r in rows]


async def redact_reviews(
    conn: Connection, shop_id: str, order_ids: list[str], email: str | None
) -> list[str]:
    """The customer's reviews, tied by order or written under their address: words and author
    go (the classifier's explanations quote the words); rating, dates and the order link stay
    for the shop's statistics. Returns the review ids, for the other services."""
    rows = await conn.fetch(
        """
        UPDATE reviews
        SET title = NULL, text = NULL, reviewer_name = NULL, reviewer_email = NULL,
            classification = classification || '{"explanations": []}'::jsonb,
            needs_classification = false, redacted_at = now(), updated_at = now()
        WHERE shop_id = $1
          AND (order_id = ANY($2::text[])
               OR ($3::text IS NOT NULL AND lower(reviewer_email) = lower($3)))
        RETURNING review_id
        """,
        shop_id,
        order_ids,
        email,
    )
    return sorted(r["review_id"] for r in rows)


async def redact_shop_reviews(conn: Connection, shop_id: str) -> int:
    """`shop/redact`: every review of the shop, as `redact_reviews` does for a customer's."""
    result: str = await conn.execute(
        """
        UPDATE reviews
        SET title = NULL, text = NULL, reviewer_name = NULL, reviewer_email = NULL,
            classification = classification || '{"explanations": []}'::jsonb,
            needs_classification = false, redacted_at = now(), updated_at = now()
        WHERE shop_id = $1
        """,
        shop_id,
    )
    return int(result.split()[-1])


async def forget_shop_exports(conn: Connection, shop_id: str) -> int:
    result: str = await conn.execute("DELETE FROM data_exports WHERE shop_id = $1", shop_id)
    return int(result.split()[-1])


async def forget_exports(
    conn: Connection,
    shop_id: str,
    customer_id: str | None,
    email: str | None,
    order_ids: list[str],
) -> int:
    """Earlier answers to the customer's data requests are copies of what redaction removes."""
    result: str = await conn.execute(
        """
        DELETE FROM data_exports
        WHERE shop_id = $1
          AND (order_ids && $2::text[]
               OR ($3::text IS NOT NULL AND customer_id = $3)
               OR ($4::text IS NOT NULL AND lower(email) = lower($4)))
        """,
        shop_id,
        order_ids,
        customer_id,
        email,
    )
    return int(result.split()[-1])
