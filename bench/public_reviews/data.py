"""The bench's public reviews, generated inside PostgreSQL (one INSERT ... SELECT over
generate_series: a million rows in seconds, nothing shipped over the wire).

Shape: `shops` shops; `products` products whose review counts are skewed (product k of the
catalogue gets a share like 1/sqrt(k): a few products have thousands of reviews, most a few);
about 10 % reviews of the shops themselves; 95 % published, 3 % held, 2 % rejected; ratings
5 > 4 > 1 > 3 > 2 as review sites see them; five languages; a reply on one in five."""

from typing import Any

from shared.db.pool import Pool

LANGUAGES = ("en", "de", "sl", "lv", "ro")


def product_of(k: int) -> str:
    return f"p{k}"


def shop_of(k: int) -> str:
    return f"bench-shop-{k}"


SEED_SQL = """
INSERT INTO public_reviews (shop_id, review_id, product_id, order_id, rating, title, body,
    display_name, language, verified, verified_by, incentivized, status, submitted_at,
    published_at, updated_at, reply_text, replied_at)
SELECT 'bench-shop-' || (p % $3),
       'r' || n,
       CASE WHEN u.shop_review THEN NULL ELSE 'p' || p END,
       'o' || n,
       u.rating,
       CASE WHEN n % 3 = 0 THEN 'Review ' || n END,
       repeat('Good product, arrived on time, would buy again. ', 1 + n % 4),
       CASE WHEN n % 5 = 0 THEN NULL ELSE 'Reviewer ' || (n % 9973) END,
       (ARRAY['en','en','en','de','de','sl','lv','ro'])[1 + n % 8],
       n % 10 <> 0,
       CASE WHEN n % 10 <> 0 THEN 'reference' END,
       n % 17 = 0,
       CASE WHEN u.s < 0.95 THEN 'published' WHEN u.s < 0.98 THEN 'held' ELSE 'rejected' END,
       u.at, u.at, u.at,
       CASE WHEN n % 5 = 0 THEN 'Thank you for your review.' END,
       CASE WHEN n % 5 = 0 THEN u.at + interval '1 day' END
FROM generate_series(1, $1) AS n,
     LATERAL (SELECT floor($2 * random() ^ 2)::int + 0 * n AS p) AS pick,
     LATERAL (
        -- `n` in each: an uncorrelated LATERAL would be computed once for every row.
        SELECT random() + 0 * n < 0.1 AS shop_review,
               random() AS s,
               (ARRAY[5,5,5,5,5,4,4,4,4,1,1,1,3,3,2])[1 + floor(random() * 15)::int] AS rating,
               timestamptz '2026-12-01' - random() * interval '730 days' AS at
     ) AS u
"""


async def seed(pool: Pool, reviews: int, products: int, shops: int) -> dict[str, Any]:
    async with pool.acquire() as conn:
        await conn.execute("SELECT setseed(0.42)")
        await conn.execute(
            """INSERT INTO shops (shop_id, display_name, locale)
               SELECT 'bench-shop-' || k, 'Bench shop ' || k, 'en'
               FROM generate_series(0, $1 - 1) AS k""",
            shops,
        )
        await conn.execute(
            """INSERT INTO public_products (shop_id, product_id, name, updated_at)
               SELECT 'bench-shop-' || (k % $2), 'p' || k, 'Product ' || k, now()
               FROM generate_series(0, $1 - 1) AS k""",
            products,
            shops,
        )
        await conn.execute(SEED_SQL, reviews, products, shops, timeout=1800)
    # Index-only scans need the visibility map; the planner needs the statistics.
    async with pool.acquire() as conn:
        await conn.execute("VACUUM ANALYZE public_reviews", timeout=1800)
        await conn.execute("VACUUM ANALYZE public_products")
    return await describe(pool, reviews, products, shops)


async def describe(pool: Pool, reviews: int, products: int, shops: int) -> dict[str, Any]:
    async with pool.acquire() as conn:
        counts = await conn.fetch(
            "SELECT status, count(*) AS n FROM public_reviews GROUP BY status ORDER BY status"
        )
        biggest = await conn.fetchrow(
            """SELECT shop_id, product_id, count(*) AS n FROM public_reviews
               WHERE product_id IS NOT NULL AND status = 'published'
               GROUP BY shop_id, product_id ORDER BY n DESC LIMIT 1"""
        )
        median = await conn.fetchval(
            """SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM (
                   SELECT count(*) AS n FROM public_reviews WHERE product_id IS NOT NULL
                   GROUP BY shop_id, product_id) AS c"""
        )
        size = await conn.fetchval(
            "SELECT pg_size_pretty(pg_total_relation_size('public_reviews'))"
        )
    assert biggest is not None
    return {
        "reviews": sum(r["n"] for r in counts),
        "products": products,
        "shops": shops,
        "by_status": {r["status"]: r["n"] for r in counts},
        "largest_product": dict(biggest),
        "median_reviews_per_product": median,
        "table_size": size,
    }
