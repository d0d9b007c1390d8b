"""All SQL of the shop registry."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shared.db.pool import Connection


@dataclass(frozen=True)
class ShopRow:
    shop_id: str
    platform: str
    display_name: str
    locale: str
    country: str
    timezone: str
    secret_current: str
    secret_previous: str | None
    secret_rotated_at: datetime | None
    created_at: datetime
    updated_at: datetime
    # Only whether they are set: the credentials themselves are read by the fetch worker alone.
    has_api_credentials: bool
    contact_email: str | None
    # The rest of the profile (#18); `version` grows by one per profile change.
    contact_url: str | None
    contact_phone: str | None
    alert_recipients: list[str]
    escalation_recipients: list[str]
    sla: dict[str, Any]
    version: int

    def profile(self) -> dict[str, Any]:
        """The editable profile as stored (JSON values): what a merge patch applies to."""
        return {
            "display_name": self.display_name,
            "locale": self.locale,
            "country": self.country,
            "timezone": self.timezone,
            "contact_email": self.contact_email,
            "contact_url": self.contact_url,
            "contact_phone": self.contact_phone,
            "alert_recipients": list(self.alert_recipients),
            "escalation_recipients": list(self.escalation_recipients),
            "sla": dict(self.sla),
        }

    @property
    def secrets(self) -> list[str]:
        return [s for s in (self.secret_current, self.secret_previous) if s]


_COLUMNS = (
    "shop_id, platform, display_name, locale, country, timezone, secret_current, "
    "secret_previous, secret_rotated_at, created_at, updated_at, "
    "api_credentials IS NOT NULL AS has_api_credentials, contact_email, contact_url, "
    "contact_phone, alert_recipients, escalation_recipients, sla, version"
)


async def insert(
    conn: Connection,
    shop_id: str,
    platform: str,
    display_name: str,
    locale: str,
    country: str,
    timezone: str,
    secret: str,
    contact_email: str | None = None,
    *,
    contact_url: str | None = None,
    contact_phone: str | None = None,
    alert_recipients: list[str] | None = None,
    escalation_recipients: list[str] | None = None,
    sla: dict[str, Any] | None = None,
) -> ShopRow | None:
    """The new shop (version 1), or None when the id is taken."""
    row = await conn.fetchrow(
        f"""
        INSERT INTO shops (shop_id, platform, display_name, locale, country, timezone,
                           secret_current, contact_email, contact_url, contact_phone,
                           alert_recipients, escalation_recipients, sla, version)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, COALESCE($11, '[]'::jsonb),
                COALESCE($12, '[]'::jsonb), COALESCE($13, '{{}}'::jsonb), 1)
        ON CONFLICT (shop_id) DO NOTHING
        RETURNING {_COLUMNS}
        """,
        shop_id,
        platform,
        display_name,
        locale,
        country,
        timezone,
        secret,
        contact_email,
        contact_url,
        contact_phone,
        # None (the columns' defaults) also suits a connection without the jsonb codec.
        alert_recipients,
        escalation_recipients,
        sla,
    )
    return ShopRow(**dict(row)) if row else None


def _profile_values(profile: dict[str, Any]) -> tuple[Any, ...]:
    return (
        profile["display_name"],
        profile["locale"],
        profile["country"],
        profile["timezone"],
        profile["contact_email"],
        profile["contact_url"],
        profile["contact_phone"],
        profile["alert_recipients"],
        profile["escalation_recipients"],
        profile["sla"],
    )


async def get_for_update(conn: Connection, shop_id: str) -> ShopRow | None:
    """The shop, locked until the transaction ends: concurrent profile changes queue here, so
    `If-Match` is checked against the version the change will replace."""
    row = await conn.fetchrow(
        f"SELECT {_COLUMNS} FROM shops WHERE shop_id = $1 FOR UPDATE", shop_id
    )
    return ShopRow(**dict(row)) if row else None


async def update_profile(conn: Connection, shop_id: str, profile: dict[str, Any]) -> ShopRow:
    """Stores the profile as the next version. Call with the row locked (`get_for_update`)."""
    row = await conn.fetchrow(
        f"""
        UPDATE shops
        SET display_name = $2, locale = $3, country = $4, timezone = $5, contact_email = $6,
            contact_url = $7, contact_phone = $8, alert_recipients = $9,
            escalation_recipients = $10, sla = $11, version = version + 1, updated_at = now()
        WHERE shop_id = $1
        RETURNING {_COLUMNS}
        """,
        shop_id,
        *_profile_values(profile),
    )
    if row is None:
        raise LookupError(shop_id)
    return ShopRow(**dict(row))


async def get(conn: Connection, shop_id: str) -> ShopRow | None:
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM shops WHERE shop_id = $1", shop_id)
    return ShopRow(**dict(row)) if row else None


async def rotate_secret(conn: Connection, shop_id: str, new_secret: str) -> ShopRow | None:
    # The current secret stays valid as the previous one until the next rotation.
    row = await conn.fetchrow(
        f"""
        UPDATE shops
        SET secret_previous = secret_current, secret_current = $2,
            secret_rotated_at = now(), updated_at = now()
        WHERE shop_id = $1
        RETURNING {_COLUMNS}
        """,
        shop_id,
        new_secret,
    )
    return ShopRow(**dict(row)) if row else None


async def retire_previous_secret(conn: Connection, shop_id: str) -> ShopRow | None:
    row = await conn.fetchrow(
        f"""
        UPDATE shops SET secret_previous = NULL, updated_at = now()
        WHERE shop_id = $1
        RETURNING {_COLUMNS}
        """,
        shop_id,
    )
    return ShopRow(**dict(row)) if row else None


async def list_page(conn: Connection, after: str | None, limit: int) -> list[ShopRow]:
    rows = await conn.fetch(
        f"""
        SELECT {_COLUMNS} FROM shops
        WHERE ($1::text IS NULL OR shop_id > $1)
        ORDER BY shop_id
        LIMIT $2
        """,
        after,
        limit,
    )
    return [ShopRow(**dict(r)) for r in rows]


async def set_api_credentials(
    conn: Connection, shop_id: str, credentials: dict[str, Any]
) -> ShopRow | None:
    row = await conn.fetchrow(
        f"""
        UPDATE shops SET api_credentials = $2, updated_at = now()
        WHERE shop_id = $1
        RETURNING {_COLUMNS}
        """,
        shop_id,
        credentials,
    )
    return ShopRow(**dict(row)) if row else None


async def api_credentials(
    conn: Connection, shop_ids: list[str]
) -> dict[str, tuple[str, dict[str, Any]]]:
    """Platform and stored credentials of those shops that have credentials."""
    rows = await conn.fetch(
        """
        SELECT shop_id, platform, api_credentials FROM shops
        WHERE shop_id = ANY($1::text[]) AND api_credentials IS NOT NULL
        """,
        shop_ids,
    )
    return {r["shop_id"]: (r["platform"], r["api_credentials"]) for r in rows}
