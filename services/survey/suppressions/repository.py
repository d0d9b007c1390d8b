"""All SQL of the suppression list (see `service.py` for why addresses are kept as keys).

Every lookup matches a row by its key or, for rows written before the keys existed, by the
normalised address they still hold."""

from datetime import datetime
from typing import Literal

from shared.db.pool import Connection

Reason = Literal["unsubscribed", "bounced"]


async def add(
    conn: Connection, tenant_group: str, key: str, normalised_email: str, reason: Reason
) -> None:
    # A row from before the keys: turn it into one, so the upsert below finds it.
    await conn.execute(
        """
        UPDATE suppressions SET email = NULL, email_key = $3
        WHERE tenant_group = $1 AND email = $2 AND email_key IS NULL
        """,
        tenant_group,
        normalised_email,
        key,
    )
    # An unsubscribe wins over a bounce: it is the customer's own word.
    await conn.execute(
        """
        INSERT INTO suppressions (tenant_group, email_key, reason) VALUES ($1, $2, $3)
        ON CONFLICT (tenant_group, email_key) DO UPDATE
        SET reason = CASE WHEN EXCLUDED.reason = 'unsubscribed' THEN 'unsubscribed'
                          ELSE suppressions.reason END
        """,
        tenant_group,
        key,
        reason,
    )


async def reason_for(
    conn: Connection, tenant_group: str, key: str, normalised_email: str
) -> Reason | None:
    # 'unsubscribed' sorts after 'bounced': the customer's own word wins here too.
    reason: Reason | None = await conn.fetchval(
        """
        SELECT reason FROM suppressions
        WHERE tenant_group = $1 AND (email_key = $2 OR email = $3)
        ORDER BY reason DESC LIMIT 1
        """,
        tenant_group,
        key,
        normalised_email,
    )
    return reason


async def forget_email(conn: Connection, key: str, normalised_email: str) -> int:
    result: str = await conn.execute(
        "UPDATE suppressions SET email = NULL, email_key = $2 WHERE email = $1",
        normalised_email,
        key,
    )
    return int(result.split()[-1])


async def export_for(
    conn: Connection, tenant_group: str, key: str, normalised_email: str
) -> list[tuple[str, Reason, datetime]]:
    """(tenant group, reason, created at) of each matching row."""
    rows = await conn.fetch(
        """
        SELECT tenant_group, reason, created_at FROM suppressions
        WHERE tenant_group = $1 AND (email_key = $2 OR email = $3)
        """,
        tenant_group,
        key,
        normalised_email,
    )
    return [(r["tenant_group"], r["reason"], r["created_at"]) for r in rows]
