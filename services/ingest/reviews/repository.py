"""All SQL of ingest's review store."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from services.ingest.reviews.sources.base import ReviewFact
from shared.db.pool import Connection


@dataclass(frozen=True)
class StoredReview:
    shop_id: str
    review_id: str
    source: str
    source_review_id: str
    revision: int
    rating: int | None
    title: str | None
    text: str | None
    language_declared: str | None
    reviewer_name: str | None
    product_id: str | None
    platform_verified: bool
    order_id: str | None
    match_method: str | None
    case_key: str
    source_created_at: datetime
    source_updated_at: datetime
    deleted_at: datetime | None
    backfill: bool
    incentivized: bool
    # The stored classification: read only by the second pass (claim_for_second_pass).
    classification: dict[str, Any] | None = None


_COLUMNS = (
    "shop_id, review_id, source, source_review_id, revision, rating, title, text, "
    "language_declared, reviewer_name, product_id, platform_verified, order_id, match_method, "
    "case_key, source_created_at, source_updated_at, deleted_at, backfill, incentivized"
)


async def upsert(
    conn: Connection,
    shop_id: str,
    fact: ReviewFact,
    order_id: str | None,
    match_method: str | None,
) -> StoredReview | None:
    """Store a new review or a newer version of it; None when nothing changed (a duplicate or
    an older version arriving late). A version older than a deletion, imported or a late retry
    of a webhook, does not bring the review back; one written after it (a review restored on
    the platform) does."""
    row = await conn.fetchrow(
        f"""
        INSERT INTO reviews AS r (shop_id, review_id, source, source_review_id, rating, title,
            text, language_declared, reviewer_name, reviewer_email, reference_id, product_id,
            platform_verified, order_id, match_method, case_key, source_created_at,
            source_updated_at, backfill, incentivized)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                coalesce('order:' || $14, 'review:' || $2), $16, $17, $18, $19)
        ON CONFLICT (shop_id, review_id) DO UPDATE SET
            rating = EXCLUDED.rating, title = EXCLUDED.title, text = EXCLUDED.text,
            language_declared = EXCLUDED.language_declared,
            reviewer_name = EXCLUDED.reviewer_name, reviewer_email = EXCLUDED.reviewer_email,
            reference_id = EXCLUDED.reference_id, product_id = EXCLUDED.product_id,
            platform_verified = EXCLUDED.platform_verified,
            order_id = coalesce(EXCLUDED.order_id, r.order_id),
            match_method = coalesce(EXCLUDED.match_method, r.match_method),
            case_key = CASE WHEN EXCLUDED.order_id IS NOT NULL
                            THEN 'order:' || EXCLUDED.order_id ELSE r.case_key END,
            source_updated_at = EXCLUDED.source_updated_at, backfill = EXCLUDED.backfill,
            incentivized = EXCLUDED.incentivized, revision = r.revision + 1, deleted_at = NULL,
            needs_classification = true, updated_at = now()
        WHERE (r.deleted_at IS NULL OR EXCLUDED.source_updated_at > r.deleted_at)
          AND (EXCLUDED.source_updated_at > r.source_updated_at
               OR (EXCLUDED.source_updated_at = r.source_updated_at AND r.deleted_at IS NOT NULL)
               OR (EXCLUDED.source_updated_at = r.source_updated_at
                   AND (r.rating, r.title, r.text) IS DISTINCT FROM
                       (EXCLUDED.rating, EXCLUDED.title, EXCLUDED.text)))
        RETURNING {_COLUMNS}
        """,
        shop_id,
        fact.review_id,
        fact.source,
        fact.source_review_id,
        fact.rating,
        fact.title,
        fact.text,
        fact.language,
        fact.reviewer_name,
        fact.reviewer_email,
        fact.reference_id,
        fact.product_id,
        fact.platform_verified,
        order_id,
        match_method,
        fact.created_at or fact.updated_at,
        fact.updated_at,
        fact.backfill,
        fact.incentivized,
    )
    return StoredReview(**dict(row)) if row else None


async def mark_deleted(
    conn: Connection, shop_id: str, review_id: str, at: datetime
) -> StoredReview | None:
    row = await conn.fetchrow(
        f"""
        UPDATE reviews SET deleted_at = $3, revision = revision + 1,
                           needs_classification = false, updated_at = now()
        WHERE shop_id = $1 AND review_id = $2 AND deleted_at IS NULL
        RETURNING {_COLUMNS}
        """,
        shop_id,
        review_id,
        at,
    )
    return StoredReview(**dict(row)) if row else None


async def order_exists(conn: Connection, shop_id: str, order_id: str) -> bool:
    found = await conn.fetchval(
        "SELECT 1 FROM orders WHERE shop_id = $1 AND order_id = $2 AND details IS NOT NULL",
        shop_id,
        order_id,
    )
    return found is not None


async def order_by_email_and_product(
    conn: Connection,
    shop_id: str,
    email: str,
    product_id: str | None,
    reviewed_at: datetime,
    window: timedelta,
) -> str | None:
    """The customer's latest order before the review (within the window), with the product
    when one is named."""
    order_id: str | None = await conn.fetchval(
        """
        SELECT order_id FROM orders
        WHERE shop_id = $1 AND lower(customer_email) = lower($2)
          AND placed_at <= $4 AND placed_at >= $4 - $5::interval
          AND ($3::text IS NULL OR EXISTS (
                SELECT 1 FROM jsonb_array_elements(details->'items') AS item
                WHERE item->>'product_id' = $3 OR item->>'sku' = $3))
        ORDER BY placed_at DESC
        LIMIT 1
        """,
        shop_id,
        email,
        product_id,
        reviewed_at,
        window,
    )
    return order_id


async def order_context(conn: Connection, shop_id: str, order_id: str) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        """
        SELECT order_id, details, delivered_at, refund_ids <> '{}' AS refunded
        FROM orders WHERE shop_id = $1 AND order_id = $2
        """,
        shop_id,
        order_id,
    )
    return dict(row) if row else None


async def claim_for_classification(conn: Connection, limit: int) -> list[StoredReview]:
    """Reviews waiting for the classifier, locked for this transaction (replicas skip them).
    Live reviews first: an import of thousands must not hold back the alert about a new one."""
    rows = await conn.fetch(
        f"""
        SELECT {_COLUMNS} FROM reviews
        WHERE needs_classification AND deleted_at IS NULL
        ORDER BY backfill, received_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED
        """,
        limit,
    )
    return [StoredReview(**dict(r)) for r in rows]


async def claim_for_second_pass(
    conn: Connection, limit: int, lease: timedelta
) -> list[StoredReview]:
    """Reviews the fast model has announced, waiting for the second pass, leased for `lease`
    (not locked: the caller commits at once and classifies outside the transaction). One whose
    newer revision waits for the first pass is left until that pass has announced it."""
    rows = await conn.fetch(
        f"""
        UPDATE reviews SET second_pass_lease_until = now() + $2::interval
        WHERE (shop_id, review_id) IN (
            SELECT shop_id, review_id FROM reviews
            WHERE needs_second_pass AND NOT needs_classification AND deleted_at IS NULL
              AND redacted_at IS NULL
              AND (second_pass_lease_until IS NULL OR second_pass_lease_until < now())
            ORDER BY backfill, received_at
            LIMIT $1
            FOR UPDATE SKIP LOCKED)
        RETURNING {_COLUMNS}, classification
        """,
        limit,
        lease,
    )
    return [StoredReview(**dict(r)) for r in rows]


async def save_second_pass(
    conn: Connection,
    shop_id: str,
    review_id: str,
    revision: int,
    classification: dict[str, Any],
    model_version: str,
) -> bool:
    """Store the second pass's classification; False (nothing stored) when the review changed
    meanwhile (an edit, a deletion, a redaction): its own passes start again."""
    row = await conn.fetchval(
        """
        UPDATE reviews SET classification = $4, model_version = $5, needs_second_pass = false,
                           second_pass_lease_until = NULL, updated_at = now()
        WHERE shop_id = $1 AND review_id = $2 AND revision = $3 AND needs_second_pass
          AND NOT needs_classification AND deleted_at IS NULL AND redacted_at IS NULL
        RETURNING 1
        """,
        shop_id,
        review_id,
        revision,
        classification,
        model_version,
    )
    return row is not None


async def save_classification(
    conn: Connection,
    shop_id: str,
    review_id: str,
    classification: dict[str, Any],
    model_version: str,
    needs_second_pass: bool = False,
) -> None:
    await conn.execute(
        """
        UPDATE reviews SET classification = $3, model_version = $4,
                           needs_classification = false, needs_second_pass = $5,
                           second_pass_lease_until = NULL, updated_at = now()
        WHERE shop_id = $1 AND review_id = $2
        """,
        shop_id,
        review_id,
        classification,
        model_version,
        needs_second_pass,
    )


async def request_reclassification(conn: Connection, except_version: str) -> int:
    """After a model upgrade: every stored review not classified by `except_version` again."""
    result: str = await conn.execute(
        """
        UPDATE reviews SET needs_classification = true
        WHERE deleted_at IS NULL AND redacted_at IS NULL AND model_version IS DISTINCT FROM $1
          AND NOT needs_classification AND NOT needs_second_pass
        """,
        except_version,
    )
    return int(result.split()[-1])
