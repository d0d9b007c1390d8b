"""All SQL of the Google feed and the review page: published reviews only (held and rejected
rows, and rows a redaction deleted, are simply not there), with what `public_products` knows of
their product."""

from typing import Any

from shared.db.pool import Connection

_OWN = """r.review_id, r.product_id, r.rating, r.title, r.body, r.display_name, r.language,
    r.verified, r.verified_by, r.incentivized, r.submitted_at, r.reply_text, r.replied_at"""
_REVIEW = _OWN + ", p.name AS product_name, p.sku, p.gtin, p.mpn, p.brand"


async def shop(conn: Connection, shop_id: str) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        "SELECT shop_id, display_name, locale FROM shops WHERE shop_id = $1", shop_id
    )
    return dict(row) if row else None


async def product_reviews(conn: Connection, shop_id: str) -> list[dict[str, Any]]:
    """Every published review of a product of the shop, oldest first (a stable order: the feed,
    and so its ETag, changes only when a review does). Reviews of the shop itself are not
    product reviews and stay out. The shop's products are read once and joined here: joined in
    SQL, a planner without fresh statistics chose a nested loop that took seconds for 10,000
    reviews."""
    products = {
        r["product_id"]: dict(r)
        for r in await conn.fetch(
            """SELECT product_id, name AS product_name, sku, gtin, mpn, brand
               FROM public_products WHERE shop_id = $1""",
            shop_id,
        )
    }
    unknown = dict.fromkeys(("product_name", "sku", "gtin", "mpn", "brand"))
    rows = await conn.fetch(
        f"""SELECT {_OWN}
            FROM public_reviews r
            WHERE r.shop_id = $1 AND r.status = 'published' AND r.product_id IS NOT NULL
            ORDER BY r.submitted_at, r.review_id""",
        shop_id,
    )
    return [{**unknown, **products.get(r["product_id"], {}), **dict(r)} for r in rows]


async def published_review(conn: Connection, shop_id: str, review_id: str) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"""SELECT {_REVIEW}
            FROM public_reviews r
            LEFT JOIN public_products p ON p.shop_id = r.shop_id AND p.product_id = r.product_id
            WHERE r.shop_id = $1 AND r.review_id = $2 AND r.status = 'published'""",
        shop_id,
        review_id,
    )
    return dict(row) if row else None
