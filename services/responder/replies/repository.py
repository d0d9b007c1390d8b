"""All SQL of templates, drafts, publications and the automation queue."""

from datetime import datetime
from typing import Any

from services.responder.replies.schemas import TemplateIn
from shared.db.pool import Connection

# -- templates -----------------------------------------------------------------------------

_TEMPLATE = "id, shop_id, name, language, sentiment, topic, body, created_at, updated_at"


async def templates_of(conn: Connection, shop_id: str) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        f"SELECT {_TEMPLATE} FROM templates WHERE shop_id = $1 ORDER BY id", shop_id
    )
    return [dict(r) for r in rows]


async def get_template(conn: Connection, shop_id: str, template_id: int) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"SELECT {_TEMPLATE} FROM templates WHERE shop_id = $1 AND id = $2", shop_id, template_id
    )
    return dict(row) if row else None


async def insert_template(
    conn: Connection, shop_id: str, fields: TemplateIn, at: datetime
) -> dict[str, Any] | None:
    """None when the shop has a template for this language, sentiment and topic."""
    row = await conn.fetchrow(
        f"""
        INSERT INTO templates (shop_id, name, language, sentiment, topic, body, created_at,
                               updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
        ON CONFLICT (shop_id, language, sentiment, topic) DO NOTHING
        RETURNING {_TEMPLATE}
        """,
        shop_id,
        *_template_values(fields),
        at,
    )
    return dict(row) if row else None


async def update_template(
    conn: Connection, shop_id: str, template_id: int, fields: TemplateIn, at: datetime
) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"""
        UPDATE templates SET name = $3, language = $4, sentiment = $5, topic = $6, body = $7,
                             updated_at = $8
        WHERE shop_id = $1 AND id = $2
        RETURNING {_TEMPLATE}
        """,
        shop_id,
        template_id,
        *_template_values(fields),
        at,
    )
    return dict(row) if row else None


def _template_values(fields: TemplateIn) -> tuple[str, str, str, str, str]:
    return fields.name, fields.language, fields.sentiment, fields.topic, fields.body


async def delete_template(conn: Connection, shop_id: str, template_id: int) -> bool:
    result: str = await conn.execute(
        "DELETE FROM templates WHERE shop_id = $1 AND id = $2", shop_id, template_id
    )
    return result.endswith(" 1")


# -- drafts --------------------------------------------------------------------------------

_DRAFT = (
    "id, shop_id, review_id, language, text, findings, template, status, auto, version, "
    "created_by, created_at, updated_by, updated_at, approved_by, approved_at"
)


async def insert_draft(
    conn: Connection,
    shop_id: str,
    review_id: str,
    language: str,
    text: str,
    findings: list[dict[str, Any]],
    template: str | None,
    actor: str,
    at: datetime,
    auto: bool = False,
) -> dict[str, Any]:
    row = await conn.fetchrow(
        f"""
        INSERT INTO drafts (shop_id, review_id, language, text, findings, template, auto,
                            created_by, created_at, updated_by, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $9)
        RETURNING {_DRAFT}
        """,
        shop_id,
        review_id,
        language,
        text,
        findings,
        template,
        auto,
        actor,
        at,
    )
    return dict(row)


async def get_draft(
    conn: Connection, shop_ids: list[str] | None, draft_id: int, lock: bool = False
) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"""
        SELECT {_DRAFT} FROM drafts
        WHERE id = $1 AND ($2::text[] IS NULL OR shop_id = ANY($2::text[]))
        {"FOR UPDATE" if lock else ""}
        """,
        draft_id,
        shop_ids,
    )
    return dict(row) if row else None


async def edit_draft(
    conn: Connection,
    draft_id: int,
    text: str,
    findings: list[dict[str, Any]],
    actor: str,
    at: datetime,
) -> dict[str, Any]:
    """An edit takes back any approval: the new text is approved anew."""
    row = await conn.fetchrow(
        f"""
        UPDATE drafts SET text = $2, findings = $3, status = 'draft', version = version + 1,
                          updated_by = $4, updated_at = $5, approved_by = NULL,
                          approved_at = NULL
        WHERE id = $1
        RETURNING {_DRAFT}
        """,
        draft_id,
        text,
        findings,
        actor,
        at,
    )
    return dict(row)


async def set_findings(conn: Connection, draft_id: int, findings: list[dict[str, Any]]) -> None:
    await conn.execute("UPDATE drafts SET findings = $2 WHERE id = $1", draft_id, findings)


async def approve_draft(
    conn: Connection, draft_id: int, actor: str, at: datetime
) -> dict[str, Any]:
    row = await conn.fetchrow(
        f"""
        UPDATE drafts SET status = 'approved', approved_by = $2, approved_at = $3
        WHERE id = $1
        RETURNING {_DRAFT}
        """,
        draft_id,
        actor,
        at,
    )
    return dict(row)


async def set_draft_status(conn: Connection, draft_id: int, status: str) -> dict[str, Any]:
    row = await conn.fetchrow(
        f"UPDATE drafts SET status = $2 WHERE id = $1 RETURNING {_DRAFT}", draft_id, status
    )
    return dict(row)


async def drafts_of(conn: Connection, shop_id: str, review_id: str) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        f"SELECT {_DRAFT} FROM drafts WHERE shop_id = $1 AND review_id = $2 ORDER BY id",
        shop_id,
        review_id,
    )
    return [dict(r) for r in rows]


# -- publications --------------------------------------------------------------------------

_PUBLICATION = (
    "id, shop_id, review_id, draft_id, reply_id, status, auto, attempts, "
    # '-infinity' (due at once) orders the queue; asyncpg reads it as year 1 with no offset.
    # Outside the queue there is no next attempt: null, as for one due at once.
    "CASE WHEN status = 'pending' AND next_attempt_at > '-infinity' THEN next_attempt_at END"
    " AS next_attempt_at, "
    "claimed_at, last_error, channel, created_by, created_at, published_at"
)


async def insert_publication(
    conn: Connection,
    shop_id: str,
    review_id: str,
    draft_id: int,
    reply_id: str,
    auto: bool,
    actor: str,
    at: datetime,
) -> dict[str, Any] | None:
    """None when a reply to this review is already on its way."""
    row = await conn.fetchrow(
        f"""
        INSERT INTO publications (shop_id, review_id, draft_id, reply_id, auto, created_by,
                                  created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (shop_id, review_id) WHERE status IN ('pending', 'delivering') DO NOTHING
        RETURNING {_PUBLICATION}
        """,
        shop_id,
        review_id,
        draft_id,
        reply_id,
        auto,
        actor,
        at,
    )
    return dict(row) if row else None


async def claim_due(conn: Connection, now: datetime, limit: int) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        f"""
        UPDATE publications SET status = 'delivering', claimed_at = $1, attempts = attempts + 1
        WHERE id IN (
            SELECT id FROM publications
            WHERE status = 'pending' AND next_attempt_at <= $1
            ORDER BY next_attempt_at, id
            LIMIT $2
            FOR UPDATE SKIP LOCKED
        )
        RETURNING {_PUBLICATION}
        """,
        now,
        limit,
    )
    return [dict(r) for r in rows]


async def requeue_stale(conn: Connection, older_than: datetime) -> int:
    """Claims whose worker died go out again: the receiver deduplicates on the reply id."""
    result: str = await conn.execute(
        """
        UPDATE publications SET status = 'pending', next_attempt_at = '-infinity',
               last_error = 'worker stopped between claim and result'
        WHERE status = 'delivering' AND claimed_at < $1
        """,
        older_than,
    )
    return int(result.split()[-1])


async def mark_published(
    conn: Connection, publication_id: int, at: datetime
) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"""
        UPDATE publications SET status = 'published', published_at = $2, last_error = NULL
        WHERE id = $1 AND status = 'delivering'
        RETURNING {_PUBLICATION}
        """,
        publication_id,
        at,
    )
    return dict(row) if row else None


async def retry_at(conn: Connection, publication_id: int, error: str, at: datetime) -> None:
    await conn.execute(
        """
        UPDATE publications SET status = 'pending', last_error = $2, next_attempt_at = $3
        WHERE id = $1 AND status = 'delivering'
        """,
        publication_id,
        error[:1000],
        at,
    )


async def set_channel(conn: Connection, publication_id: int, channel: str) -> None:
    await conn.execute(
        "UPDATE publications SET channel = $2 WHERE id = $1", publication_id, channel
    )


async def mark_failed(conn: Connection, publication_id: int, error: str) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        f"""
        UPDATE publications SET status = 'failed', last_error = $2
        WHERE id = $1 AND status = 'delivering'
        RETURNING {_PUBLICATION}
        """,
        publication_id,
        error[:1000],
    )
    return dict(row) if row else None


async def publications_of(conn: Connection, shop_id: str, review_id: str) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        f"""
        SELECT {_PUBLICATION} FROM publications WHERE shop_id = $1 AND review_id = $2
        ORDER BY id
        """,
        shop_id,
        review_id,
    )
    return [dict(r) for r in rows]


async def list_publications(
    conn: Connection, shop_id: str, status: str | None, limit: int
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        f"""
        SELECT {_PUBLICATION} FROM publications
        WHERE shop_id = $1 AND ($2::text IS NULL OR status = $2)
        ORDER BY id DESC LIMIT $3
        """,
        shop_id,
        status,
        limit,
    )
    return [dict(r) for r in rows]


# -- automation queue ----------------------------------------------------------------------


async def enqueue_automatic(
    conn: Connection, shop_id: str, review_id: str, due_at: datetime
) -> None:
    await conn.execute(
        """
        INSERT INTO automation_queue (shop_id, review_id, due_at) VALUES ($1, $2, $3)
        ON CONFLICT (shop_id, review_id) DO NOTHING
        """,
        shop_id,
        review_id,
        due_at,
    )


async def claim_automatic(conn: Connection, now: datetime, limit: int) -> list[dict[str, Any]]:
    """Call in a transaction: the rows stay locked until the decision is written."""
    rows = await conn.fetch(
        """
        SELECT shop_id, review_id, due_at FROM automation_queue
        WHERE status = 'pending' AND due_at <= $1
        ORDER BY due_at LIMIT $2
        FOR UPDATE SKIP LOCKED
        """,
        now,
        limit,
    )
    return [dict(r) for r in rows]


async def decide_automatic(
    conn: Connection, shop_id: str, review_id: str, status: str, reason: str, at: datetime
) -> None:
    await conn.execute(
        """
        UPDATE automation_queue SET status = $3, reason = $4, decided_at = $5
        WHERE shop_id = $1 AND review_id = $2
        """,
        shop_id,
        review_id,
        status,
        reason,
        at,
    )


async def automatic_of(conn: Connection, shop_id: str, review_id: str) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        """
        SELECT due_at, status, reason, decided_at FROM automation_queue
        WHERE shop_id = $1 AND review_id = $2
        """,
        shop_id,
        review_id,
    )
    return dict(row) if row else None


# -- personal data -------------------------------------------------------------------------


async def redact_reviews(conn: Connection, shop_id: str, review_ids: list[str]) -> None:
    """Drafts greet by name and may quote the order: none of it stays (nor a platform's error
    about publishing one, which may quote it back)."""
    await conn.execute(
        """
        UPDATE drafts SET text = '[redacted]', findings = '[]'
        WHERE shop_id = $1 AND review_id = ANY($2::text[])
        """,
        shop_id,
        review_ids,
    )
    await conn.execute(
        """
        UPDATE publications SET last_error = '[redacted]'
        WHERE shop_id = $1 AND review_id = ANY($2::text[]) AND last_error IS NOT NULL
        """,
        shop_id,
        review_ids,
    )


async def export(conn: Connection, shop_id: str, review_ids: list[str]) -> dict[str, Any]:
    drafts = await conn.fetch(
        """
        SELECT review_id, language, text, status, created_at FROM drafts
        WHERE shop_id = $1 AND review_id = ANY($2::text[]) ORDER BY id
        """,
        shop_id,
        review_ids,
    )
    publications = await conn.fetch(
        """
        SELECT review_id, reply_id, status, published_at FROM publications
        WHERE shop_id = $1 AND review_id = ANY($2::text[]) ORDER BY id
        """,
        shop_id,
        review_ids,
    )
    return {
        "drafts": [dict(r) for r in drafts],
        "publications": [dict(r) for r in publications],
    }


async def forget_shop(conn: Connection, shop_id: str) -> None:
    await conn.execute("DELETE FROM automation_queue WHERE shop_id = $1", shop_id)
    await conn.execute("DELETE FROM publications WHERE shop_id = $1", shop_id)
    await conn.execute("DELETE FROM drafts WHERE shop_id = $1", shop_id)
    await conn.execute("DELETE FROM templates WHERE shop_id = $1", shop_id)
