"""All SQL of the survey metrics."""

from dataclasses import dataclass
from datetime import datetime

from shared.db.pool import Connection


@dataclass(frozen=True)
class EmailCounts:
    scheduled: int
    sent: int
    skipped: dict[str, int]
    failed: int
    unknown: int
    # Survey page visited through the email's link (see migration 0005).
    opened: int
    answered: int


async def email_counts(
    conn: Connection, shop_id: str, since: datetime, until: datetime
) -> EmailCounts:
    """Invitations of surveys created in the period, by state."""
    rows = await conn.fetch(
        """
        SELECT e.status, e.skip_reason, count(*) AS n
        FROM surveys s JOIN survey_emails e ON e.survey_id = s.id AND e.kind = 'invitation'
        WHERE s.shop_id = $1 AND s.created_at >= $2 AND s.created_at < $3
        GROUP BY e.status, e.skip_reason
        """,
        shop_id,
        since,
        until,
    )
    by_status: dict[str, int] = {}
    skipped: dict[str, int] = {}
    for r in rows:
        by_status[r["status"]] = by_status.get(r["status"], 0) + r["n"]
        if r["status"] == "skipped":
            skipped[r["skip_reason"] or "unknown"] = r["n"]
    visits = await conn.fetchrow(
        """
        SELECT count(*) FILTER (WHERE opened_at IS NOT NULL OR answered_at IS NOT NULL) AS opened,
               count(*) FILTER (WHERE answered_at IS NOT NULL) AS answered
        FROM surveys
        WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3
        """,
        shop_id,
        since,
        until,
    )
    return EmailCounts(
        scheduled=sum(by_status.values()),
        sent=by_status.get("sent", 0),
        skipped=skipped,
        failed=by_status.get("failed", 0),
        unknown=by_status.get("unknown", 0),
        opened=visits["opened"],
        answered=visits["answered"],
    )


async def sent_and_answered_by_first_item_category(
    conn: Connection, shop_id: str, since: datetime, until: datetime
) -> list[tuple[str | None, bool]]:
    """(category of the order's most expensive item, answered) per sent invitation."""
    rows = await conn.fetch(
        """
        SELECT (
                 SELECT item->>'category' FROM jsonb_array_elements(o.items) AS item
                 ORDER BY (item->>'unit_price')::numeric DESC LIMIT 1
               ) AS category,
               s.answered_at IS NOT NULL AS answered
        FROM surveys s
        JOIN survey_emails e ON e.survey_id = s.id AND e.kind = 'invitation' AND e.status = 'sent'
        JOIN orders o ON o.shop_id = s.shop_id AND o.order_id = s.order_id
        WHERE s.shop_id = $1 AND s.created_at >= $2 AND s.created_at < $3
        """,
        shop_id,
        since,
        until,
    )
    return [(r["category"], r["answered"]) for r in rows]


async def nps_counts(
    conn: Connection, shop_id: str, since: datetime, until: datetime
) -> dict[int, int]:
    rows = await conn.fetch(
        """
        SELECT r.nps, count(*) AS n FROM responses r JOIN surveys s ON s.id = r.survey_id
        WHERE s.shop_id = $1 AND r.submitted_at >= $2 AND r.submitted_at < $3
          AND r.nps IS NOT NULL
        GROUP BY r.nps
        """,
        shop_id,
        since,
        until,
    )
    return {r["nps"]: r["n"] for r in rows}
