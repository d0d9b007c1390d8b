"""All SQL of cases, their history, internal notes and removal requests."""

from datetime import datetime
from typing import Any

from services.responder.cases.workflow import STATUSES, CaseStatus
from shared.db.pool import Connection

_CASE = (
    "id, shop_id, case_key, status, assignee_id, opened_by, new_at, in_progress_at, replied_at, "
    "contacted_at, resolved_at, followed_up_at, updated_at"
)


async def open_case(
    conn: Connection, shop_id: str, case_key: str, actor: str, at: datetime
) -> dict[str, Any] | None:
    """The new case, or None when the case key has one already."""
    row = await conn.fetchrow(
        f"""
        INSERT INTO cases (shop_id, case_key, opened_by, new_at, updated_at)
        VALUES ($1, $2, $3, $4, $4)
        ON CONFLICT (shop_id, case_key) DO NOTHING
        RETURNING {_CASE}
        """,
        shop_id,
        case_key,
        actor,
        at,
    )
    return dict(row) if row else None


async def get(conn: Connection, shop_id: str, case_key: str) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"SELECT {_CASE} FROM cases WHERE shop_id = $1 AND case_key = $2 FOR UPDATE",
        shop_id,
        case_key,
    )
    return dict(row) if row else None


async def move(
    conn: Connection, case_id: int, current: CaseStatus, wanted: CaseStatus, at: datetime
) -> dict[str, Any] | None:
    """None when the case is no longer in `current` (someone else moved it first)."""
    if wanted not in STATUSES:
        raise ValueError(wanted)
    # The column name comes from the closed list above, never from the request.
    row = await conn.fetchrow(
        f"""
        UPDATE cases SET status = $3, {wanted}_at = coalesce({wanted}_at, $4), updated_at = $4
        WHERE id = $1 AND status = $2
        RETURNING {_CASE}
        """,
        case_id,
        current,
        wanted,
        at,
    )
    return dict(row) if row else None


async def assign(
    conn: Connection, case_id: int, assignee_id: int | None, at: datetime
) -> dict[str, Any]:
    row = await conn.fetchrow(
        f"UPDATE cases SET assignee_id = $2, updated_at = $3 WHERE id = $1 RETURNING {_CASE}",
        case_id,
        assignee_id,
        at,
    )
    return dict(row)


async def add_event(
    conn: Connection,
    case_id: int,
    shop_id: str,
    review_id: str | None,
    at: datetime,
    actor: str,
    kind: str,
    from_status: str | None = None,
    to_status: str | None = None,
    assignee_id: int | None = None,
) -> None:
    await conn.execute(
        """
        INSERT INTO case_events (case_id, shop_id, review_id, at, actor, kind, from_status,
                                 to_status, assignee_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """,
        case_id,
        shop_id,
        review_id,
        at,
        actor,
        kind,
        from_status,
        to_status,
        assignee_id,
    )


async def events_of(conn: Connection, case_id: int) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """
        SELECT id, review_id, at, actor, kind, from_status, to_status, assignee_id
        FROM case_events WHERE case_id = $1 ORDER BY id
        """,
        case_id,
    )
    return [dict(r) for r in rows]


# -- notes ---------------------------------------------------------------------------------


async def add_note(
    conn: Connection,
    shop_id: str,
    review_id: str,
    case_id: int | None,
    author: str,
    body: str,
    at: datetime,
) -> dict[str, Any]:
    row = await conn.fetchrow(
        """
        INSERT INTO notes (shop_id, review_id, case_id, author, body, created_at)
        VALUES ($1, $2, $3, $4, $5, $6)
        RETURNING id, review_id, case_id, author, body, created_at
        """,
        shop_id,
        review_id,
        case_id,
        author,
        body,
        at,
    )
    return dict(row)


async def notes_of(
    conn: Connection, shop_id: str, review_id: str, case_id: int | None
) -> list[dict[str, Any]]:
    """Notes on this review and on its case (written through any review of the case)."""
    rows = await conn.fetch(
        """
        SELECT id, review_id, case_id, author, body, created_at FROM notes
        WHERE shop_id = $1 AND (review_id = $2 OR ($3::bigint IS NOT NULL AND case_id = $3))
        ORDER BY id
        """,
        shop_id,
        review_id,
        case_id,
    )
    return [dict(r) for r in rows]


# -- removal requests ----------------------------------------------------------------------


async def add_removal_request(
    conn: Connection,
    shop_id: str,
    review_id: str,
    reason: str,
    evidence: str,
    actor: str,
    at: datetime,
) -> dict[str, Any]:
    row = await conn.fetchrow(
        """
        INSERT INTO removal_requests (shop_id, review_id, reason, evidence, prepared_by,
                                      created_at)
        VALUES ($1, $2, $3, $4, $5, $6)
        RETURNING id, review_id, reason, evidence, status, prepared_by, created_at
        """,
        shop_id,
        review_id,
        reason,
        evidence,
        actor,
        at,
    )
    return dict(row)


async def removal_requests_of(
    conn: Connection, shop_id: str, review_id: str
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """
        SELECT id, review_id, reason, evidence, status, prepared_by, created_at
        FROM removal_requests WHERE shop_id = $1 AND review_id = $2 ORDER BY id
        """,
        shop_id,
        review_id,
    )
    return [dict(r) for r in rows]


async def list_removal_requests(
    conn: Connection, shop_ids: list[str] | None, status: str | None, limit: int
) -> list[dict[str, Any]]:
    """Newest first, of the given shops (all when None), with the review's platform and the
    platform's own id of it (what the request names there; NULL once the review is erased)."""
    rows = await conn.fetch(
        """
        SELECT q.id, q.shop_id, q.review_id, q.reason, q.evidence, q.status, q.prepared_by,
               q.created_at, r.source, r.source_review_id
        FROM removal_requests q
        LEFT JOIN reviews r ON r.shop_id = q.shop_id AND r.review_id = q.review_id
        WHERE ($1::text[] IS NULL OR q.shop_id = ANY($1::text[]))
          AND ($2::text IS NULL OR q.status = $2)
        ORDER BY q.created_at DESC, q.id DESC LIMIT $3
        """,
        shop_ids,
        status,
        limit,
    )
    return [dict(r) for r in rows]


# -- personal data -------------------------------------------------------------------------


async def redact_reviews(conn: Connection, shop_id: str, review_ids: list[str]) -> None:
    """Notes and evidence may quote the customer."""
    await conn.execute(
        "UPDATE notes SET body = '[redacted]' WHERE shop_id = $1 AND review_id = ANY($2::text[])",
        shop_id,
        review_ids,
    )
    await conn.execute(
        """
        UPDATE removal_requests SET evidence = '[redacted]'
        WHERE shop_id = $1 AND review_id = ANY($2::text[])
        """,
        shop_id,
        review_ids,
    )


async def export(conn: Connection, shop_id: str, review_ids: list[str]) -> dict[str, Any]:
    notes = await conn.fetch(
        """
        SELECT review_id, author, body, created_at FROM notes
        WHERE shop_id = $1 AND review_id = ANY($2::text[]) ORDER BY id
        """,
        shop_id,
        review_ids,
    )
    cases = await conn.fetch(
        f"""
        SELECT {_CASE} FROM cases
        WHERE shop_id = $1 AND case_key IN (
            SELECT case_key FROM reviews WHERE shop_id = $1 AND review_id = ANY($2::text[]))
        ORDER BY id
        """,
        shop_id,
        review_ids,
    )
    removals = await conn.fetch(
        """
        SELECT review_id, reason, evidence, status, created_at FROM removal_requests
        WHERE shop_id = $1 AND review_id = ANY($2::text[]) ORDER BY id
        """,
        shop_id,
        review_ids,
    )
    return {
        "cases": [dict(r) for r in cases],
        "notes": [dict(r) for r in notes],
        "removal_requests": [dict(r) for r in removals],
    }


async def forget_shop(conn: Connection, shop_id: str) -> None:
    await conn.execute("DELETE FROM notes WHERE shop_id = $1", shop_id)
    await conn.execute("DELETE FROM removal_requests WHERE shop_id = $1", shop_id)
    await conn.execute("DELETE FROM case_events WHERE shop_id = $1", shop_id)
    await conn.execute("DELETE FROM cases WHERE shop_id = $1", shop_id)
