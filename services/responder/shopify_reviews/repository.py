"""All SQL of the Shopify review sync: the shops' Shopify connections, each review's sync
state, the products whose rating must be written again, and the reads of public_reviews."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from shared.db.pool import Connection


@dataclass(frozen=True)
class ShopifyConnection:
    shop_id: str
    shop_domain: str
    base_url: str
    api_version: str
    # Out of reprs: a connection in a log line must not carry its token.
    access_token: str = field(repr=False)
    definition_enabled: bool
    updated_at: datetime

    def public(self) -> dict[str, Any]:
        """What the API and the audit log may show: never the token itself."""
        return {
            "shop_domain": self.shop_domain,
            "base_url": self.base_url,
            "api_version": self.api_version,
            "access_token_set": True,
            "definition_enabled": self.definition_enabled,
            "updated_at": self.updated_at,
        }


_CONNECTION = (
    "shop_id, shop_domain, base_url, api_version, access_token, definition_enabled, updated_at"
)


async def connections(conn: Connection) -> list[ShopifyConnection]:
    rows = await conn.fetch(f"SELECT {_CONNECTION} FROM shopify_connections ORDER BY shop_id")
    return [ShopifyConnection(**dict(r)) for r in rows]


async def connection(conn: Connection, shop_id: str) -> ShopifyConnection | None:
    row = await conn.fetchrow(
        f"SELECT {_CONNECTION} FROM shopify_connections WHERE shop_id = $1", shop_id
    )
    return ShopifyConnection(**dict(row)) if row else None


async def put_connection(
    conn: Connection,
    shop_id: str,
    shop_domain: str,
    base_url: str,
    api_version: str,
    access_token: str | None,
    at: datetime,
) -> ShopifyConnection | None:
    """Without a token only an existing connection changes (and keeps its token): None when
    there is none. Another store or API root enables the definition again."""
    if access_token is None:
        row = await conn.fetchrow(
            f"""
            UPDATE shopify_connections SET shop_domain = $2, base_url = $3, api_version = $4,
                definition_enabled = definition_enabled AND shop_domain = $2 AND base_url = $3,
                updated_at = $5
            WHERE shop_id = $1
            RETURNING {_CONNECTION}
            """,
            shop_id,
            shop_domain,
            base_url,
            api_version,
            at,
        )
    else:
        row = await conn.fetchrow(
            f"""
            INSERT INTO shopify_connections
                (shop_id, shop_domain, base_url, api_version, access_token, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (shop_id) DO UPDATE SET shop_domain = EXCLUDED.shop_domain,
                base_url = EXCLUDED.base_url, api_version = EXCLUDED.api_version,
                access_token = EXCLUDED.access_token,
                definition_enabled = shopify_connections.definition_enabled
                    AND shopify_connections.shop_domain = EXCLUDED.shop_domain
                    AND shopify_connections.base_url = EXCLUDED.base_url,
                updated_at = EXCLUDED.updated_at
            RETURNING {_CONNECTION}
            """,
            shop_id,
            shop_domain,
            base_url,
            api_version,
            access_token,
            at,
        )
    return ShopifyConnection(**dict(row)) if row else None


async def delete_connection(conn: Connection, shop_id: str) -> ShopifyConnection | None:
    """The sync state goes with it: another store connected later starts from nothing."""
    row = await conn.fetchrow(
        f"DELETE FROM shopify_connections WHERE shop_id = $1 RETURNING {_CONNECTION}", shop_id
    )
    await conn.execute("DELETE FROM shopify_review_sync WHERE shop_id = $1", shop_id)
    await conn.execute("DELETE FROM shopify_product_ratings WHERE shop_id = $1", shop_id)
    return ShopifyConnection(**dict(row)) if row else None


async def forget_shop(conn: Connection, shop_id: str) -> None:
    """The shop is redacted: its token and what the sync knew go (the copies in its own
    store are the store's)."""
    await delete_connection(conn, shop_id)


async def mark_definition_enabled(conn: Connection, shop_id: str) -> None:
    await conn.execute(
        "UPDATE shopify_connections SET definition_enabled = true WHERE shop_id = $1", shop_id
    )


async def try_lock_shop(conn: Connection, shop_id: str) -> bool:
    """One sync pass per shop at a time, across replicas (session lock: held over the HTTP
    calls without keeping a transaction open)."""
    got: bool = await conn.fetchval(
        "SELECT pg_try_advisory_lock(hashtext($1))", f"shopify-review-sync:{shop_id}"
    )
    return got


async def unlock_shop(conn: Connection, shop_id: str) -> None:
    await conn.execute("SELECT pg_advisory_unlock(hashtext($1))", f"shopify-review-sync:{shop_id}")


async def due_reviews(
    conn: Connection, shop_id: str, now: datetime, limit: int
) -> list[dict[str, Any]]:
    """Product reviews changed since the sync last handled them, failures due again, and
    copies of reviews that no longer exist here (`status` NULL), oldest change first."""
    rows = await conn.fetch(
        """
        SELECT * FROM (
            SELECT r.review_id, r.product_id, r.status, r.rating, r.title, r.body,
                   r.display_name, r.language, r.verified, r.submitted_at, r.published_at,
                   r.reply_text, r.replied_at, r.updated_at, r.xmin::text AS version,
                   s.product_id AS synced_product_id, s.metaobject_id, s.synced_hash,
                   coalesce(s.attempts, 0) AS attempts
            FROM public_reviews r
            LEFT JOIN shopify_review_sync s
                ON s.shop_id = r.shop_id AND s.review_id = r.review_id
            WHERE r.shop_id = $1 AND r.product_id IS NOT NULL
              AND (s.review_id IS NULL OR s.seen_version IS DISTINCT FROM r.xmin::text
                   OR s.seen_updated_at IS DISTINCT FROM r.updated_at
                   OR s.next_try_at IS NOT NULL)
              AND (s.next_try_at IS NULL OR s.next_try_at <= $2)
            UNION ALL
            SELECT s.review_id, s.product_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL, s.product_id, s.metaobject_id, s.synced_hash,
                   s.attempts
            FROM shopify_review_sync s
            WHERE s.shop_id = $1
              AND (s.next_try_at IS NULL OR s.next_try_at <= $2)
              AND NOT EXISTS (SELECT 1 FROM public_reviews r
                              WHERE r.shop_id = s.shop_id AND r.review_id = s.review_id)
        ) due
        ORDER BY updated_at NULLS FIRST, review_id
        LIMIT $3
        """,
        shop_id,
        now,
        limit,
    )
    return [dict(r) for r in rows]


async def review_synced(
    conn: Connection,
    shop_id: str,
    review_id: str,
    product_id: str,
    metaobject_id: str | None,
    synced_hash: str | None,
    seen_updated_at: datetime,
    seen_version: str,
) -> None:
    await conn.execute(
        """
        INSERT INTO shopify_review_sync (shop_id, review_id, product_id, metaobject_id,
            synced_hash, seen_updated_at, seen_version)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (shop_id, review_id) DO UPDATE SET product_id = EXCLUDED.product_id,
            metaobject_id = EXCLUDED.metaobject_id, synced_hash = EXCLUDED.synced_hash,
            seen_updated_at = EXCLUDED.seen_updated_at, seen_version = EXCLUDED.seen_version,
            attempts = 0, last_error = NULL, next_try_at = NULL
        """,
        shop_id,
        review_id,
        product_id,
        metaobject_id,
        synced_hash,
        seen_updated_at,
        seen_version,
    )


async def forget_review(conn: Connection, shop_id: str, review_id: str) -> None:
    """The review is gone here and its copy there: nothing of it stays."""
    await conn.execute(
        "DELETE FROM shopify_review_sync WHERE shop_id = $1 AND review_id = $2",
        shop_id,
        review_id,
    )


async def review_failed(
    conn: Connection,
    shop_id: str,
    review_id: str,
    product_id: str,
    error: str,
    next_try_at: datetime,
) -> None:
    await conn.execute(
        """
        INSERT INTO shopify_review_sync
            (shop_id, review_id, product_id, attempts, last_error, next_try_at)
        VALUES ($1, $2, $3, 1, $4, $5)
        ON CONFLICT (shop_id, review_id) DO UPDATE SET attempts = shopify_review_sync.attempts + 1,
            last_error = EXCLUDED.last_error, next_try_at = EXCLUDED.next_try_at
        """,
        shop_id,
        review_id,
        product_id,
        error,
        next_try_at,
    )


async def mark_products(conn: Connection, shop_id: str, product_ids: set[str]) -> None:
    """Their rating and count are written again (a product waiting for a retry keeps its
    time)."""
    await conn.execute(
        """
        INSERT INTO shopify_product_ratings (shop_id, product_id)
        SELECT $1, unnest($2::text[])
        ON CONFLICT (shop_id, product_id) DO UPDATE SET dirty = true
        """,
        shop_id,
        sorted(product_ids),
    )


async def due_products(conn: Connection, shop_id: str, now: datetime, limit: int) -> list[str]:
    rows = await conn.fetch(
        """
        SELECT product_id FROM shopify_product_ratings
        WHERE shop_id = $1 AND dirty AND (next_try_at IS NULL OR next_try_at <= $2)
        ORDER BY product_id LIMIT $3
        """,
        shop_id,
        now,
        limit,
    )
    return [r["product_id"] for r in rows]


async def product_aggregate(
    conn: Connection, shop_id: str, product_id: str
) -> tuple[int, float | None]:
    """Count and mean of ALL published reviews of the product (from the index alone)."""
    row = await conn.fetchrow(
        """
        SELECT count(*) AS n, avg(rating)::float8 AS mean FROM public_reviews
        WHERE shop_id = $1 AND product_id = $2 AND status = 'published'
        """,
        shop_id,
        product_id,
    )
    assert row is not None
    return int(row["n"]), row["mean"]


async def product_hash(conn: Connection, shop_id: str, product_id: str) -> str | None:
    value: str | None = await conn.fetchval(
        "SELECT synced_hash FROM shopify_product_ratings WHERE shop_id = $1 AND product_id = $2",
        shop_id,
        product_id,
    )
    return value


async def product_synced(conn: Connection, shop_id: str, product_id: str, synced_hash: str) -> None:
    await conn.execute(
        """
        UPDATE shopify_product_ratings SET dirty = false, synced_hash = $3, attempts = 0,
            last_error = NULL, next_try_at = NULL
        WHERE shop_id = $1 AND product_id = $2
        """,
        shop_id,
        product_id,
        synced_hash,
    )


async def product_failed(
    conn: Connection, shop_id: str, product_id: str, error: str, next_try_at: datetime
) -> int:
    """The failures in a row so far."""
    attempts: int = await conn.fetchval(
        """
        UPDATE shopify_product_ratings SET attempts = attempts + 1, last_error = $3,
            next_try_at = $4
        WHERE shop_id = $1 AND product_id = $2
        RETURNING attempts
        """,
        shop_id,
        product_id,
        error,
        next_try_at,
    )
    return attempts


async def product_attempts(conn: Connection, shop_id: str, product_id: str) -> int:
    value: int | None = await conn.fetchval(
        "SELECT attempts FROM shopify_product_ratings WHERE shop_id = $1 AND product_id = $2",
        shop_id,
        product_id,
    )
    return value or 0


async def status_counts(conn: Connection, shop_id: str) -> dict[str, int]:
    """For the connection's page: copies in Shopify, reviews waiting for a retry."""
    row = await conn.fetchrow(
        """
        SELECT count(*) FILTER (WHERE metaobject_id IS NOT NULL) AS synced,
               count(*) FILTER (WHERE next_try_at IS NOT NULL) AS retrying
        FROM shopify_review_sync WHERE shop_id = $1
        """,
        shop_id,
    )
    assert row is not None
    return {"synced": int(row["synced"]), "retrying": int(row["retrying"])}
