"""All SQL of the widget: the shop, the product and its published reviews, read from the
responder's read model (`public_reviews`, `public_products`, `shops`)."""

from dataclasses import dataclass
from datetime import datetime

from shared.db.pool import Connection


@dataclass(frozen=True)
class Shop:
    display_name: str | None
    locale: str | None
    timezone: str | None


@dataclass(frozen=True)
class ReviewRow:
    review_id: str
    rating: int
    title: str | None
    body: str | None
    display_name: str | None
    language: str
    verified: bool
    verified_by: str | None
    incentivized: bool
    submitted_at: datetime
    reply_text: str | None
    replied_at: datetime | None


async def shop(conn: Connection, shop_id: str) -> Shop | None:
    """The shop as the registry announced it; a shop with published reviews whose announcement
    has not arrived yet is known too (no name, no locale)."""
    row = await conn.fetchrow(
        """
        SELECT s.display_name, s.locale, s.timezone
          FROM (SELECT $1::text AS shop_id) AS asked
          LEFT JOIN shops s USING (shop_id)
         WHERE s.shop_id IS NOT NULL
            OR EXISTS (SELECT 1 FROM public_reviews r WHERE r.shop_id = $1)
        """,
        shop_id,
    )
    if row is None:
        return None
    return Shop(row["display_name"], row["locale"], row["timezone"])


async def product(conn: Connection, shop_id: str, product_id: str) -> tuple[bool, str | None]:
    """Whether the product is known, and its name: known from an order line, or from a review
    of it in any state (a product whose only review is held still exists: its widget says "no
    reviews yet")."""
    row = await conn.fetchrow(
        """
        SELECT (SELECT name FROM public_products WHERE shop_id = $1 AND product_id = $2) AS name,
               EXISTS (SELECT 1 FROM public_reviews WHERE shop_id = $1 AND product_id = $2)
                   AS reviewed
        """,
        shop_id,
        product_id,
    )
    assert row is not None  # a SELECT without FROM always answers one row
    name: str | None = row["name"]
    return (name is not None or bool(row["reviewed"])), name


async def distribution(conn: Connection, shop_id: str, product_id: str) -> dict[int, int]:
    """Published reviews per star (1-5; stars without reviews are absent)."""
    rows = await conn.fetch(
        """
        SELECT rating, count(*) AS n FROM public_reviews
         WHERE shop_id = $1 AND product_id = $2 AND status = 'published'
         GROUP BY rating
        """,
        shop_id,
        product_id,
    )
    return {int(r["rating"]): int(r["n"]) for r in rows}


async def newest(
    conn: Connection, shop_id: str, product_id: str, limit: int, offset: int
) -> list[ReviewRow]:
    # The order of the index public_reviews_newest, so a page is a range scan.
    rows = await conn.fetch(
        """
        SELECT review_id, rating, title, body, display_name, language, verified, verified_by,
               incentivized, submitted_at, reply_text, replied_at
          FROM public_reviews
         WHERE shop_id = $1 AND product_id = $2 AND status = 'published'
         ORDER BY submitted_at DESC, review_id
         LIMIT $3 OFFSET $4
        """,
        shop_id,
        product_id,
        limit,
        offset,
    )
    return [ReviewRow(**dict(r)) for r in rows]
