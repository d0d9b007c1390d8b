"""All SQL of the audit log. Every change writes one row in the transaction that makes it."""

import json
from typing import Any

from shared.db.pool import Connection
from shared.db.unit_of_work import AuditEntry
from shared.logging import correlation_id_var


def jsonable(value: Any) -> Any:
    """Dates, decimals and models as JSON values (the jsonb codec takes plain JSON only)."""
    if value is None:
        return None
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    return json.loads(json.dumps(value, default=str))


async def write(conn: Connection, entry: AuditEntry) -> None:
    """The responder's audit writer for its units of work: one row per change."""
    actor = entry.actor
    actor_user_id = int(actor.split(":", 1)[1]) if actor.startswith("user:") else None
    await conn.execute(
        """
        INSERT INTO audit_log (at, actor, actor_user_id, shop_id, review_id, action, entity,
                               entity_id, before, after, correlation_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        """,
        entry.at,
        actor,
        actor_user_id,
        entry.shop_id,
        entry.review_id,
        entry.action,
        entry.entity,
        None if entry.entity_id is None else str(entry.entity_id),
        jsonable(entry.before),
        jsonable(entry.after),
        correlation_id_var.get(),
    )


_COLUMNS = (
    "id, at, actor, shop_id, review_id, action, entity, entity_id, before, after, correlation_id"
)


async def for_shops(
    conn: Connection, shop_ids: list[str] | None, before_id: int | None, limit: int
) -> list[dict[str, Any]]:
    """Newest first; `shop_ids` None means every shop (and changes that belong to none)."""
    rows = await conn.fetch(
        f"""
        SELECT {_COLUMNS} FROM audit_log
        WHERE ($1::text[] IS NULL OR shop_id = ANY($1::text[]))
          AND ($2::bigint IS NULL OR id < $2)
        ORDER BY id DESC LIMIT $3
        """,
        shop_ids,
        before_id,
        limit,
    )
    return [dict(r) for r in rows]


async def for_review(conn: Connection, shop_id: str, review_id: str) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        f"""
        SELECT {_COLUMNS} FROM audit_log WHERE shop_id = $1 AND review_id = $2 ORDER BY id
        """,
        shop_id,
        review_id,
    )
    return [dict(r) for r in rows]


async def redact_reviews(conn: Connection, shop_id: str, review_ids: list[str]) -> None:
    """Before/after of drafts and notes quote the customer: keep the fact, drop the content."""
    await conn.execute(
        """
        UPDATE audit_log SET before = CASE WHEN before IS NULL THEN NULL
                                           ELSE '{"redacted": true}'::jsonb END,
                             after = CASE WHEN after IS NULL THEN NULL
                                          ELSE '{"redacted": true}'::jsonb END
        WHERE shop_id = $1 AND review_id = ANY($2::text[])
        """,
        shop_id,
        review_ids,
    )


async def forget_shop(conn: Connection, shop_id: str) -> None:
    await conn.execute("DELETE FROM audit_log WHERE shop_id = $1", shop_id)
