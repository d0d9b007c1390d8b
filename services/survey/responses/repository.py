"""All SQL of survey responses."""

from dataclasses import dataclass, field
from datetime import datetime

from shared.db.pool import Connection


@dataclass(frozen=True)
class LineReview:
    line: int
    product_id: str
    rating: int
    text: str | None


@dataclass(frozen=True)
class StoredResponse:
    nps: int | None = None
    comment: str | None = None
    reviewer_name: str | None = None
    submitted_at: datetime | None = None
    # By order line (Item.line), not product: variants of one product are rated apart.
    ratings: dict[int, int] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)


async def get(conn: Connection, survey_id: int) -> StoredResponse | None:
    row = await conn.fetchrow(
        "SELECT nps, comment, reviewer_name, submitted_at FROM responses WHERE survey_id = $1",
        survey_id,
    )
    if row is None:
        return None
    reviews = await conn.fetch(
        "SELECT line, rating, text FROM product_reviews WHERE survey_id = $1", survey_id
    )
    return StoredResponse(
        nps=row["nps"],
        comment=row["comment"],
        reviewer_name=row["reviewer_name"],
        submitted_at=row["submitted_at"],
        ratings={r["line"]: r["rating"] for r in reviews},
        texts={r["line"]: r["text"] or "" for r in reviews},
    )


async def lock_survey(conn: Connection, survey_id: int) -> None:
    """Serialises two submits of one survey (a double click)."""
    await conn.execute("SELECT 1 FROM surveys WHERE id = $1 FOR UPDATE", survey_id)


async def save(
    conn: Connection,
    survey_id: int,
    nps: int | None,
    comment: str | None,
    reviewer_name: str | None,
    language: str,
    reviews: list[tuple[LineReview, str]],
    now: datetime,
) -> None:
    """`reviews`: each rated line with the review id it is published under."""
    await conn.execute(
        """
        INSERT INTO responses (survey_id, nps, comment, reviewer_name, language, submitted_at,
                               updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $6)
        ON CONFLICT (survey_id) DO UPDATE SET nps = EXCLUDED.nps, comment = EXCLUDED.comment,
            reviewer_name = EXCLUDED.reviewer_name, language = EXCLUDED.language,
            updated_at = EXCLUDED.updated_at
        """,
        survey_id,
        nps,
        comment,
        reviewer_name,
        language,
        now,
    )
    await conn.execute("DELETE FROM product_reviews WHERE survey_id = $1", survey_id)
    await conn.executemany(
        """
        INSERT INTO product_reviews (survey_id, line, product_id, rating, text, review_id)
        VALUES ($1, $2, $3, $4, $5, $6)
        """,
        [(survey_id, r.line, r.product_id, r.rating, r.text, rid) for r, rid in reviews],
    )
    await conn.execute(
        "UPDATE surveys SET answered_at = coalesce(answered_at, $2) WHERE id = $1", survey_id, now
    )
