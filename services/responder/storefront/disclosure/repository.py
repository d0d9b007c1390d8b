"""All SQL of the disclosure page: the shop's facts (profile contact, the survey's review
policy) and its moderation ledger, read from the responder's schema (read-only)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shared.db.pool import Connection
from shared.events.shops import ShopReviewPolicyChangedPayload


@dataclass(frozen=True)
class ShopFacts:
    display_name: str | None
    locale: str | None
    contact_url: str | None
    contact_email: str | None
    contact_phone: str | None
    # None until the survey announced it (`shop.review_policy.changed`).
    policy: ShopReviewPolicyChangedPayload | None


def _policy(raw: Any) -> ShopReviewPolicyChangedPayload | None:
    return None if raw is None else ShopReviewPolicyChangedPayload.model_validate(raw)


async def shop(conn: Connection, shop_id: str) -> ShopFacts | None:
    """None for a shop the responder has never heard of."""
    row = await conn.fetchrow(
        """
        SELECT display_name, locale,
               CASE WHEN profile_version >= 0 THEN profile->>'contact_url' END AS contact_url,
               CASE WHEN profile_version >= 0 THEN profile->>'contact_email' END AS contact_email,
               CASE WHEN profile_version >= 0 THEN profile->>'contact_phone' END AS contact_phone,
               CASE WHEN review_policy_version >= 0 THEN review_policy END AS policy
        FROM shops WHERE shop_id = $1
        """,
        shop_id,
    )
    if row is None:
        return None
    return ShopFacts(
        row["display_name"],
        row["locale"],
        row["contact_url"],
        row["contact_email"],
        row["contact_phone"],
        _policy(row["policy"]),
    )


async def decisions_since(
    conn: Connection, shop_id: str, since: datetime
) -> dict[tuple[str, str], int]:
    """Decisions that kept a review from shoppers or changed its text, by (action, reason)."""
    rows = await conn.fetch(
        """
        SELECT action, reason, count(*) AS n FROM moderation_decisions
        WHERE shop_id = $1 AND decided_at >= $2 AND action IN ('hold', 'reject', 'redact')
        GROUP BY action, reason
        """,
        shop_id,
        since,
    )
    return {(r["action"], r["reason"]): r["n"] for r in rows}


async def published(conn: Connection, shop_id: str) -> int:
    count: int = await conn.fetchval(
        "SELECT count(*) FROM public_reviews WHERE shop_id = $1 AND status = 'published'",
        shop_id,
    )
    return count
