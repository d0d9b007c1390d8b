"""The suppression list: unsubscribed or bounced addresses, per tenant group.

An address is kept as a keyed hash (HMAC-SHA256 of the normalised address with the deployment's
pepper, `SURVEY_SUPPRESSION_PEPPER`), never in clear: the list must outlive a GDPR redaction
of the address, or the customer who unsubscribed is emailed again after asking to be forgotten.
Without the pepper the keys cannot be matched against a list of guessed addresses. Rows written
before the keys existed still hold the address until their redaction turns it into a key.
"""

import hashlib
import hmac

from pydantic import SecretStr

from services.survey.suppressions import repository
from services.survey.suppressions.repository import Reason
from shared.db.pool import Connection


def normalise(email: str) -> str:
    return email.strip().lower()


def address_key(email: str, pepper: SecretStr) -> str:
    secret = pepper.get_secret_value().encode()
    return hmac.new(secret, normalise(email).encode(), hashlib.sha256).hexdigest()


async def add(
    conn: Connection, tenant_group: str, email: str, reason: Reason, pepper: SecretStr
) -> None:
    await repository.add(conn, tenant_group, address_key(email, pepper), normalise(email), reason)


async def reason_for(
    conn: Connection, tenant_group: str, email: str, pepper: SecretStr
) -> Reason | None:
    return await repository.reason_for(
        conn, tenant_group, address_key(email, pepper), normalise(email)
    )


async def forget_email(conn: Connection, email: str, pepper: SecretStr) -> int:
    """GDPR: the address goes, the suppression stays under its key (the customer's wish not to
    be emailed is not undone by their wish to be forgotten)."""
    return await repository.forget_email(conn, address_key(email, pepper), normalise(email))


async def export_for(
    conn: Connection, tenant_group: str, email: str, pepper: SecretStr
) -> list[dict[str, object]]:
    rows = await repository.export_for(
        conn, tenant_group, address_key(email, pepper), normalise(email)
    )
    return [
        {"tenant_group": group, "reason": reason, "created_at": created_at}
        for group, reason, created_at in rows
    ]
