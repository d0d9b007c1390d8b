"""SQL the shop's moderation ledger page needs: the ledger (append-only, written by
`moderation/service.py` only), read a page at a time, its counts per reason, and how many of the
shop's reviews each public status holds now."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shared.db.pool import Connection

STATUSES = ("published", "held", "rejected")


@dataclass(frozen=True)
class LedgerEntry:
    review_id: str
    action: str
    reason: str | None
    evidence: str | None
    actor: str
    decided_at: datetime
    details: dict[str, Any]


async def ledger(conn: Connection, shop_id: str, limit: int, offset: int) -> list[LedgerEntry]:
    """One page of the shop's decisions, newest first (ties by id: the order they were made)."""
    rows = await conn.fetch(
        """
        SELECT review_id, action, reason, evidence, actor, decided_at, details
        FROM moderation_decisions
        WHERE shop_id = $1
        ORDER BY decided_at DESC, id DESC
        LIMIT $2 OFFSET $3
        """,
        shop_id,
        limit,
        offset,
    )
    return [
        LedgerEntry(
            r["review_id"],
            r["action"],
            r["reason"],
            r["evidence"],
            r["actor"],
            r["decided_at"],
            r["details"] if isinstance(r["details"], dict) else {},
        )
        for r in rows
    ]


async def ledger_size(conn: Connection, shop_id: str) -> int:
    return int(
        await conn.fetchval("SELECT count(*) FROM moderation_decisions WHERE shop_id = $1", shop_id)
    )


async def counts_per_reason(conn: Connection, shop_id: str) -> dict[str, dict[str, int]]:
    """{reason: {action: decisions}} for holds, rejections and redactions (a publication has no
    reason)."""
    rows = await conn.fetch(
        """
        SELECT reason, action, count(*) AS n
        FROM moderation_decisions
        WHERE shop_id = $1 AND reason IS NOT NULL
        GROUP BY reason, action
        """,
        shop_id,
    )
    found: dict[str, dict[str, int]] = {}
    for r in rows:
        found.setdefault(r["reason"], {})[r["action"]] = int(r["n"])
    return found


async def status_counts(conn: Connection, shop_id: str) -> dict[str, int]:
    """How many of the shop's survey reviews are published, held and rejected now."""
    rows = await conn.fetch(
        "SELECT status, count(*) AS n FROM public_reviews WHERE shop_id = $1 GROUP BY status",
        shop_id,
    )
    found = {s: 0 for s in STATUSES}
    found.update({r["status"]: int(r["n"]) for r in rows})
    return found
