"""All SQL of the public reviews API. Every query reads published rows through the partial
indexes of migration 0012 (`public_reviews_newest`, `public_reviews_rating`): the aggregate is an
index-only scan, a page a bounded index scan. A shop's own reviews (product_id NULL) get their own
statements, since `IS NOT DISTINCT FROM` would not use the index."""

from typing import Any

from asyncpg import Record

from services.responder.storefront.reviews.schemas import Sort
from shared.db.pool import Connection

_COLUMNS = """review_id, rating, title, body, display_name, language, submitted_at, verified,
    verified_by, incentivized, reply_text, replied_at"""

# Index order of public_reviews_newest is (submitted_at DESC, review_id); of
# public_reviews_rating (rating, submitted_at DESC, review_id). Ties end on review_id so that a
# page never repeats or skips a row.
_ORDER = {
    Sort.newest: "submitted_at DESC, review_id",
    Sort.oldest: "submitted_at, review_id DESC",
    Sort.lowest: "rating, submitted_at DESC, review_id",
    Sort.highest: "rating DESC, submitted_at DESC, review_id",
}


def _of(product_id: str | None) -> str:
    return "product_id = $2" if product_id is not None else "product_id IS NULL"


def _args(shop_id: str, product_id: str | None) -> list[Any]:
    return [shop_id] if product_id is None else [shop_id, product_id]


async def stars(conn: Connection, shop_id: str, product_id: str | None) -> dict[int, int]:
    """Published reviews per star."""
    rows = await conn.fetch(
        f"""SELECT rating, count(*) AS n FROM public_reviews
            WHERE shop_id = $1 AND {_of(product_id)} AND status = 'published'
            GROUP BY rating""",
        *_args(shop_id, product_id),
    )
    return {r["rating"]: r["n"] for r in rows}


async def counted(conn: Connection, shop_id: str, product_id: str | None, language: str) -> int:
    n = len(_args(shop_id, product_id)) + 1
    count: int = await conn.fetchval(
        f"""SELECT count(*) FROM public_reviews
            WHERE shop_id = $1 AND {_of(product_id)} AND status = 'published'
              AND language = ${n}""",
        *_args(shop_id, product_id),
        language,
    )
    return count


async def page(
    conn: Connection,
    shop_id: str,
    product_id: str | None,
    *,
    sort: Sort,
    language: str | None,
    limit: int,
    offset: int,
) -> list[Record]:
    args = _args(shop_id, product_id)
    language_filter = ""
    if language is not None:
        args.append(language)
        language_filter = f"AND language = ${len(args)}"
    args += [limit, offset]
    rows: list[Record] = await conn.fetch(
        f"""SELECT {_COLUMNS} FROM public_reviews
            WHERE shop_id = $1 AND {_of(product_id)} AND status = 'published' {language_filter}
            ORDER BY {_ORDER[sort]}
            LIMIT ${len(args) - 1} OFFSET ${len(args)}""",
        *args,
    )
    return rows


async def shop_exists(conn: Connection, shop_id: str) -> bool:
    found: bool = await conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM shops WHERE shop_id = $1)", shop_id
    )
    return found


async def product_exists(conn: Connection, shop_id: str, product_id: str) -> bool:
    """Known from an order line a review came with (asked only when nothing is published:
    a product whose reviews are all held answers an empty page, not 404)."""
    found: bool = await conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM public_products WHERE shop_id = $1 AND product_id = $2)",
        shop_id,
        product_id,
    )
    return found
