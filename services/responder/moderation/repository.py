"""All SQL of publication: the public read model (`public_reviews`, `public_products`) and the
moderation ledger (`moderation_decisions`, append-only)."""

import json
from datetime import datetime
from typing import Any

from shared.db.pool import Connection
from shared.events.orders import OrderItem
from shared.events.reviews import ReviewClassifiedPayload

_PUBLIC = (
    "shop_id, review_id, product_id, order_id, rating, title, body, display_name, language, "
    "verified, verified_by, incentivized, status, submitted_at, published_at, updated_at, "
    "reply_text, replied_at"
)
_DECISION = "id, shop_id, review_id, action, reason, evidence, actor, decided_at, details"
# The status the ledger's last status decision left (a review deleted and brought back by a
# later revision keeps a hold or rejection).
_LEDGER_STATUS = """
    (SELECT CASE d.action WHEN 'hold' THEN 'held' WHEN 'reject' THEN 'rejected'
                          ELSE 'published' END
     FROM moderation_decisions d
     WHERE d.shop_id = $1 AND d.review_id = $2 AND d.action <> 'redact'
     ORDER BY d.decided_at DESC, d.id DESC LIMIT 1)
"""


async def upsert_public(
    conn: Connection, shop_id: str, review: ReviewClassifiedPayload, language: str, at: datetime
) -> None:
    """A new review is shown at once; a later revision brings the reviewer's edit (rating,
    texts, name, labels) and keeps the status and the reply staff decided."""
    await conn.execute(
        f"""
        INSERT INTO public_reviews AS p (shop_id, review_id, product_id, order_id, rating,
            title, body, display_name, language, verified, verified_by, incentivized, status,
            submitted_at, published_at, updated_at)
        SELECT $1::text, $2::text, $3::text, $4::text, $5::smallint, $6::text, $7::text,
               $8::text, $9::text, $10::boolean, $11::text, $12::boolean, s.status,
               $13::timestamptz, CASE WHEN s.status = 'published' THEN $14::timestamptz END,
               $14::timestamptz
        FROM (SELECT coalesce({_LEDGER_STATUS}, 'published') AS status) s
        ON CONFLICT (shop_id, review_id) DO UPDATE SET rating = EXCLUDED.rating,
            title = EXCLUDED.title, body = EXCLUDED.body, display_name = EXCLUDED.display_name,
            language = EXCLUDED.language, verified = EXCLUDED.verified,
            verified_by = EXCLUDED.verified_by, incentivized = EXCLUDED.incentivized,
            updated_at = greatest(p.updated_at, EXCLUDED.updated_at)
        -- A second classification of the same revision changes nothing shown: no new
        -- updated_at for the feeds and caches.
        WHERE (p.rating, p.title, p.body, p.display_name, p.language, p.verified,
               p.verified_by, p.incentivized)
              IS DISTINCT FROM (EXCLUDED.rating, EXCLUDED.title, EXCLUDED.body,
                                EXCLUDED.display_name, EXCLUDED.language, EXCLUDED.verified,
                                EXCLUDED.verified_by, EXCLUDED.incentivized)
        """,
        shop_id,
        review.review_id,
        review.product_id,
        review.order.order_id if review.order else None,
        review.rating,
        review.title,
        review.text,
        review.reviewer_name,
        language,
        review.verified,
        review.match_method,
        review.incentivized,
        review.created_at,
        at,
    )


async def upsert_product(conn: Connection, shop_id: str, item: OrderItem, at: datetime) -> None:
    await conn.execute(
        """
        INSERT INTO public_products AS p (shop_id, product_id, name, sku, gtin, mpn, brand,
                                          updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (shop_id, product_id) DO UPDATE SET name = EXCLUDED.name,
            sku = EXCLUDED.sku, gtin = EXCLUDED.gtin, mpn = EXCLUDED.mpn, brand = EXCLUDED.brand,
            updated_at = greatest(p.updated_at, EXCLUDED.updated_at)
        WHERE (p.name, p.sku, p.gtin, p.mpn, p.brand)
              IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.sku, EXCLUDED.gtin, EXCLUDED.mpn,
                                EXCLUDED.brand)
        """,
        shop_id,
        item.product_id,
        item.name,
        item.sku,
        item.gtin,
        item.mpn,
        item.brand,
        at,
    )


async def get_public(
    conn: Connection, shop_id: str, review_id: str, *, lock: bool = False
) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"SELECT {_PUBLIC} FROM public_reviews WHERE shop_id = $1 AND review_id = $2"
        + (" FOR UPDATE" if lock else ""),
        shop_id,
        review_id,
    )
    return dict(row) if row else None


async def set_status(
    conn: Connection, shop_id: str, review_id: str, status: str, at: datetime
) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"""
        UPDATE public_reviews SET status = $3, updated_at = $4,
            published_at = CASE WHEN $3 = 'published' THEN coalesce(published_at, $4)
                                ELSE published_at END
        WHERE shop_id = $1 AND review_id = $2
        RETURNING {_PUBLIC}
        """,
        shop_id,
        review_id,
        status,
        at,
    )
    return dict(row) if row else None


async def set_texts(
    conn: Connection,
    shop_id: str,
    review_id: str,
    title: str | None,
    body: str | None,
    at: datetime,
) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"""
        UPDATE public_reviews SET title = $3, body = $4, updated_at = $5
        WHERE shop_id = $1 AND review_id = $2
        RETURNING {_PUBLIC}
        """,
        shop_id,
        review_id,
        title,
        body,
        at,
    )
    return dict(row) if row else None


async def set_reply(
    conn: Connection, shop_id: str, review_id: str, text: str, at: datetime
) -> bool:
    """The shop's published reply under the review. Only survey reviews have a row here; for
    any other review this changes nothing."""
    result: str = await conn.execute(
        """
        UPDATE public_reviews SET reply_text = $3, replied_at = $4,
            updated_at = greatest(updated_at, $4)
        WHERE shop_id = $1 AND review_id = $2
        """,
        shop_id,
        review_id,
        text,
        at,
    )
    return result.split()[-1] != "0"


async def delete_public(conn: Connection, shop_id: str, review_ids: list[str]) -> None:
    await conn.execute(
        "DELETE FROM public_reviews WHERE shop_id = $1 AND review_id = ANY($2::text[])",
        shop_id,
        review_ids,
    )


async def blank_evidence(conn: Connection, shop_id: str, review_ids: list[str]) -> None:
    """Evidence may quote the reviewer; the decision itself (who, when, reason) stays."""
    await conn.execute(
        """
        UPDATE moderation_decisions SET evidence = NULL
        WHERE shop_id = $1 AND review_id = ANY($2::text[]) AND evidence IS NOT NULL
        """,
        shop_id,
        review_ids,
    )


async def forget_shop(conn: Connection, shop_id: str) -> None:
    for table in ("public_reviews", "public_products", "moderation_decisions"):
        await conn.execute(f"DELETE FROM {table} WHERE shop_id = $1", shop_id)


async def add_decision(
    conn: Connection,
    shop_id: str,
    review_id: str,
    action: str,
    reason: str | None,
    evidence: str | None,
    actor: str,
    at: datetime,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    row = await conn.fetchrow(
        f"""
        INSERT INTO moderation_decisions (shop_id, review_id, action, reason, evidence, actor,
                                          decided_at, details)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
        RETURNING {_DECISION}
        """,
        shop_id,
        review_id,
        action,
        reason,
        evidence,
        actor,
        at,
        json.dumps(details or {}),
    )
    assert row is not None
    return _decision(row)


def _decision(row: Any) -> dict[str, Any]:
    d = dict(row)
    if isinstance(d["details"], str):
        d["details"] = json.loads(d["details"])
    return d


async def decisions_of(conn: Connection, shop_id: str, review_id: str) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        f"""
        SELECT {_DECISION} FROM moderation_decisions
        WHERE shop_id = $1 AND review_id = $2 ORDER BY decided_at DESC, id DESC
        """,
        shop_id,
        review_id,
    )
    return [_decision(r) for r in rows]


async def ledger(
    conn: Connection,
    shop_id: str,
    action: str | None,
    reason: str | None,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    """One page of the shop's decisions, newest first, and how many match in all."""
    where = """shop_id = $1 AND ($2::text IS NULL OR action = $2)
               AND ($3::text IS NULL OR reason = $3)"""
    rows = await conn.fetch(
        f"""
        SELECT {_DECISION} FROM moderation_decisions WHERE {where}
        ORDER BY decided_at DESC, id DESC LIMIT $4 OFFSET $5
        """,
        shop_id,
        action,
        reason,
        limit,
        offset,
    )
    total = await conn.fetchval(
        f"SELECT count(*) FROM moderation_decisions WHERE {where}", shop_id, action, reason
    )
    return [_decision(r) for r in rows], int(total)


async def reason_counts(conn: Connection, shop_id: str) -> dict[tuple[str, str], int]:
    """(reason, action) -> how many decisions of the shop."""
    rows = await conn.fetch(
        """
        SELECT reason, action, count(*) AS n FROM moderation_decisions
        WHERE shop_id = $1 AND reason IS NOT NULL GROUP BY reason, action
        """,
        shop_id,
    )
    return {(r["reason"], r["action"]): r["n"] for r in rows}


async def export(conn: Connection, shop_id: str, review_ids: list[str]) -> dict[str, Any]:
    """A customer's part of a data request: their reviews as shoppers see them and the
    decisions taken on them (who decided is staff's data, not the customer's: left out)."""
    shown = await conn.fetch(
        """
        SELECT review_id, product_id, rating, title, body, display_name, language, status,
               submitted_at, published_at, reply_text, replied_at
        FROM public_reviews WHERE shop_id = $1 AND review_id = ANY($2::text[])
        ORDER BY review_id
        """,
        shop_id,
        review_ids,
    )
    decided = await conn.fetch(
        """
        SELECT review_id, action, reason, evidence, decided_at
        FROM moderation_decisions WHERE shop_id = $1 AND review_id = ANY($2::text[])
        ORDER BY review_id, decided_at, id
        """,
        shop_id,
        review_ids,
    )
    return {
        "published_reviews": [dict(r) for r in shown],
        "moderation_decisions": [dict(r) for r in decided],
    }
