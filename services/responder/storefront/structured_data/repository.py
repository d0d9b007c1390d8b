"""All SQL of the structured data: a product's identifiers and its published reviews."""

from dataclasses import dataclass
from datetime import datetime

from shared.db.pool import Connection


@dataclass(frozen=True)
class ProductRow:
    name: str
    sku: str | None
    gtin: str | None
    mpn: str | None
    brand: str | None


@dataclass(frozen=True)
class ReviewRow:
    rating: int
    title: str | None
    body: str | None
    display_name: str | None
    language: str
    submitted_at: datetime
    published_at: datetime | None


async def shop_known(conn: Connection, shop_id: str) -> bool:
    known: bool = await conn.fetchval(
        """
        SELECT EXISTS (SELECT 1 FROM shops WHERE shop_id = $1)
            OR EXISTS (SELECT 1 FROM public_reviews WHERE shop_id = $1)
        """,
        shop_id,
    )
    return known


async def product(conn: Connection, shop_id: str, product_id: str) -> ProductRow | None:
    row = await conn.fetchrow(
        """
        SELECT name, sku, gtin, mpn, brand FROM public_products
         WHERE shop_id = $1 AND product_id = $2
        """,
        shop_id,
        product_id,
    )
    return ProductRow(**dict(row)) if row is not None else None


async def has_reviews(conn: Connection, shop_id: str, product_id: str) -> bool:
    found: bool = await conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM public_reviews WHERE shop_id = $1 AND product_id = $2)",
        shop_id,
        product_id,
    )
    return found


async def aggregate(conn: Connection, shop_id: str, product_id: str) -> tuple[int, float | None]:
    """Count and mean of the product's published reviews."""
    row = await conn.fetchrow(
        """
        SELECT count(*) AS n, avg(rating)::float8 AS mean FROM public_reviews
         WHERE shop_id = $1 AND product_id = $2 AND status = 'published'
        """,
        shop_id,
        product_id,
    )
    assert row is not None  # an aggregate without GROUP BY always answers one row
    return int(row["n"]), row["mean"]


async def newest(conn: Connection, shop_id: str, product_id: str, limit: int) -> list[ReviewRow]:
    rows = await conn.fetch(
        """
        SELECT rating, title, body, display_name, language, submitted_at, published_at
          FROM public_reviews
         WHERE shop_id = $1 AND product_id = $2 AND status = 'published'
         ORDER BY submitted_at DESC, review_id
         LIMIT $3
        """,
        shop_id,
        product_id,
        limit,
    )
    return [ReviewRow(**dict(r)) for r in rows]
