"""All SQL of the suppression list (unsubscribed or bounced addresses, per tenant group)."""

from typing import Literal

from shared.db.pool import Connection

Reason = Literal["unsubscribed", "bounced"]


def normalise(email: str) -> str:
    return email.strip().lower()


async def add(conn: Connection, tenant_group: str, email: str, reason: Reason) -> None:
    # An unsubscribe wins over a bounce: it is the customer's own word.
    await conn.execute(
        """
        INSERT INTO suppressions (tenant_group, email, reason) VALUES ($1, $2, $3)
        ON CONFLICT (tenant_group, email) DO UPDATE
        SET reason = CASE WHEN EXCLUDED.reason = 'unsubscribed' THEN 'unsubscribed'
                          ELSE suppressions.reason END
        """,
        tenant_group,
        normalise(email),
        reason,
    )


async def reason_for(conn: Connection, tenant_group: str, email: str) -> Reason | None:
    reason: Reason | None = await conn.fetchval(
        "SELECT reason FROM suppressions WHERE tenant_group = $1 AND email = $2",
        tenant_group,
        normalise(email),
    )
    return reason


async def forget_email(conn: Connection, email: str) -> int:
    """GDPR: the address itself is personal data; a redacted customer gets no email anyway."""
    result: str = await conn.execute("DELETE FROM suppressions WHERE email = $1", normalise(email))
    return int(result.split()[-1])


async def export_for(conn: Connection, email: str) -> list[dict[str, object]]:
    rows = await conn.fetch(
        "SELECT tenant_group, reason, created_at FROM suppressions WHERE email = $1",
        normalise(email),
    )
    return [dict(r) for r in rows]
