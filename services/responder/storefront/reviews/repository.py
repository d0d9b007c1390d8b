"""All SQL of the public reviews API: one statement (one round trip) answers a page: the
stars of everything published, the count in the language asked for, and the page's rows.

Every part reads published rows through the partial indexes of migration 0012
(`public_reviews_newest`, `public_reviews_rating`): the stars are an index-only scan, a page a
bounded index scan (bench/public_reviews checks the plans on a million rows). Two details make
that hold:

* The ORDER BY of a page starts with `shop_id, product_id`, the index's own leading keys: for a
  shop's own reviews (`product_id IS NULL`) PostgreSQL does not treat IS NULL as a constant, and
  would otherwise sort every review of the shop instead of reading the index in order.
* "highest first" is (rating DESC, submitted_at DESC): neither index direction gives that order,
  so it reads the first `offset + limit` rows of each star (five bounded index scans, newest
  first within the star) and orders those few.
"""

from dataclasses import dataclass
from typing import Any

from asyncpg import Record

from services.responder.storefront.reviews.schemas import Sort
from shared.db.pool import Connection

_COLUMNS = """review_id, rating, title, body, display_name, language, submitted_at, verified,
    verified_by, incentivized, reply_text, replied_at"""
# The same columns for the rows of the other parts of the statement.
_NO_ROW = """NULL::text AS review_id, NULL::smallint AS rating, NULL::text AS title,
    NULL::text AS body, NULL::text AS display_name, NULL::text AS language,
    NULL::timestamptz AS submitted_at, NULL::boolean AS verified, NULL::text AS verified_by,
    NULL::boolean AS incentivized, NULL::text AS reply_text, NULL::timestamptz AS replied_at"""

# In index order (forward or backward) of public_reviews_newest (shop_id, product_id,
# submitted_at DESC, review_id) and public_reviews_rating (shop_id, product_id, rating,
# submitted_at DESC, review_id). Ties end on review_id: a page never repeats or skips a row.
_ORDER = {
    Sort.newest: "shop_id, product_id, submitted_at DESC, review_id",
    Sort.oldest: "shop_id DESC, product_id DESC, submitted_at, review_id DESC",
    Sort.lowest: "shop_id, product_id, rating, submitted_at DESC, review_id",
}
# What the page's rows are numbered by (the same order without the constant leading keys).
_RANK = {
    Sort.newest: "submitted_at DESC, review_id",
    Sort.oldest: "submitted_at, review_id DESC",
    Sort.lowest: "rating, submitted_at DESC, review_id",
    Sort.highest: "rating DESC, submitted_at DESC, review_id",
}


@dataclass(frozen=True)
class Found:
    stars: dict[int, int]
    in_language: int | None  # None: no language asked for
    rows: list[Record]


def page_query(
    shop_id: str,
    product_id: str | None,
    *,
    sort: Sort,
    language: str | None,
    limit: int,
    offset: int,
) -> tuple[str, list[Any]]:
    """The statement and its arguments (also what the benchmark EXPLAINs)."""
    args: list[Any] = [shop_id]
    if product_id is not None:
        args.append(product_id)
        of = "shop_id = $1 AND product_id = $2 AND status = 'published'"
    else:
        of = "shop_id = $1 AND product_id IS NULL AND status = 'published'"
    language_filter = ""
    if language is not None:
        args.append(language)
        language_filter = f"AND language = ${len(args)}"
    args += [limit, offset]
    lim, off = f"${len(args) - 1}", f"${len(args)}"
    if sort is Sort.highest:
        per_star = " UNION ALL ".join(
            f"""(SELECT {_COLUMNS} FROM public_reviews
                WHERE {of} {language_filter} AND rating = {star}
                ORDER BY shop_id, product_id, rating, submitted_at DESC, review_id
                LIMIT {lim}::int + {off}::int)"""
            for star in (5, 4, 3, 2, 1)
        )
        rows = f"""SELECT {_COLUMNS} FROM ({per_star}) AS best
            ORDER BY {_RANK[sort]} LIMIT {lim} OFFSET {off}"""
    else:
        rows = f"""SELECT {_COLUMNS} FROM public_reviews
            WHERE {of} {language_filter}
            ORDER BY {_ORDER[sort]} LIMIT {lim} OFFSET {off}"""
    counted = (
        f"""UNION ALL
        SELECT 'c', NULL, count(*)::int, 0, {_NO_ROW}
        FROM public_reviews WHERE {of} {language_filter}"""
        if language is not None
        else ""
    )
    sql = f"""SELECT 's' AS part, rating AS star, count(*)::int AS n, 0 AS pos, {_NO_ROW}
        FROM public_reviews WHERE {of} GROUP BY rating
        {counted}
        UNION ALL
        SELECT 'r', NULL, NULL, row_number() OVER (ORDER BY {_RANK[sort]}), page.*
        FROM ({rows}) AS page
        ORDER BY part, pos"""
    return sql, args


async def find(
    conn: Connection,
    shop_id: str,
    product_id: str | None,
    *,
    sort: Sort,
    language: str | None,
    limit: int,
    offset: int,
) -> Found:
    sql, args = page_query(
        shop_id, product_id, sort=sort, language=language, limit=limit, offset=offset
    )
    stars: dict[int, int] = {}
    in_language: int | None = None
    rows: list[Record] = []
    for record in await conn.fetch(sql, *args):
        part = record["part"]
        if part == "s":
            stars[record["star"]] = record["n"]
        elif part == "c":
            in_language = record["n"]
        else:
            rows.append(record)
    return Found(stars, in_language, rows)


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
