"""All SQL of the suppression list (unsubscribed or bounced addresses, per tenant group).

An address is kept as a keyed hash (HMAC-SHA256 of the normalised address with the deployment's
pepper, `SURVEY_SUPPRESSION_PEPPER`), never in clear: the list must outlive a GDPR redaction
of the address, or the customer who unsubscribed is emailed again after asking to be forgotten.
Without the pepper the keys cannot be matched against a list of guessed addresses. Rows written
before the keys existed still hold the address until their redaction turns it into a key.
"""

import hashlib
import hmac
from typing import Literal

from pydantic import SecretStr

from shared.db.pool import Connection

Reason = Literal["unsubscribed", "bounced"]


def normalise(email: str) -> str:
    return email.strip().lower()


def address_key(email: str, pepper: SecretStr) -> str:
    secret = pepper.get_secret_value().encode()
    return hmac.new(secret, normalise(email).encode(), hashlib.sha256).hexdigest()


async def add(
    conn: Connection, tenant_group: str, email: str, reason: Reason, pepper: SecretStr
) -> None:
    key = address_key(email, pepper)
    # A row from before the keys: turn it into one, so the upsert below finds it.
    await conn.execute(
        """
        UPDATE suppressions SET email = NULL, email_key = $3
        WHERE tenant_group = $1 AND email = $2 AND email_key IS NULL
        """,
        tenant_group,
        normalise(email),
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
    conn: Connection, tenant_group: str, email: str, pepper: SecretStr
) -> Reason | None:
    reason: Reason | None = await conn.fetchval(
        """
        SELECT reason FROM suppressions
        WHERE tenant_group = $1 AND (email_key = $2 OR email = $3)
        ORDER BY reason DESC LIMIT 1
        """,
        tenant_group,
        address_key(email, pepper),
        normalise(email),
    )
    return reason


async def forget_email(conn: Connection, email: str, pepper: SecretStr) -> int:
    """GDPR: the address goes, the suppression stays under its key (the customer's wish not to
    be emailed is not undone by their wish to be forgotten)."""
    result: str = await conn.execute(
        "UPDATE suppressions SET email = NULL, email_key = $2 WHERE email = $1",
        normalise(email),
        address_key(email, pepper),
    )
    return int(result.split()[-1])


async def export_for(
    conn: Connection, tenant_group: str, email: str, pepper: SecretStr
) -> list[dict[str, object]]:
    rows = await conn.fetch(
        """
        SELECT tenant_group, reason, created_at FROM suppressions
        WHERE tenant_group = $1 AND (email_key = $2 OR email = $3)
        """,
        tenant_group,
        address_key(email, pepper),
        normalise(email),
    )
    return [dict(r) for r in rows]
