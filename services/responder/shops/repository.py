"""All SQL of the responder's shop table and the shops' platform connections."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from services.responder.shops.config import Contact, ShopSettings
from shared.db.pool import Connection
from shared.events.shops import ShopReviewPolicyChangedPayload, ShopUpdatedPayload, Sla
from shared.timezones import zone


@dataclass(frozen=True)
class ShopRow:
    shop_id: str
    display_name: str | None
    locale: str | None
    country: str | None
    timezone: str | None
    settings: ShopSettings
    connector_url: str | None
    connector_secret: str | None
    # What the registry last announced (`shop.updated`); None before the first announcement.
    profile: ShopUpdatedPayload | None = None
    settings_version: int = 0

    @property
    def name(self) -> str:
        return self.display_name or self.shop_id

    @property
    def sla(self) -> Sla:
        """The registry's SLA (the notifier escalates by the same one); its defaults until the
        shop is announced."""
        return self.profile.sla if self.profile else Sla()

    @property
    def zone(self) -> ZoneInfo:
        return zone(self.timezone) or ZoneInfo("UTC")

    @property
    def contact(self) -> Contact:
        return Contact.of(self.profile)

    def facts(self) -> dict[str, Any]:
        return {
            "shop_id": self.shop_id,
            "display_name": self.display_name,
            "locale": self.locale,
            "country": self.country,
            "timezone": self.timezone,
            "connector_configured": self.connector_url is not None,
        }


_COLUMNS = (
    "shop_id, display_name, locale, country, timezone, settings, connector_url, connector_secret, "
    "CASE WHEN profile_version >= 0 THEN profile END AS profile, settings_version"
)


def _row(row: Any) -> ShopRow:
    data = dict(row)
    data["settings"] = ShopSettings.stored(data["settings"])
    if data["profile"] is not None:
        data["profile"] = ShopUpdatedPayload.model_validate(data["profile"])
    return ShopRow(**data)


async def get(conn: Connection, shop_id: str) -> ShopRow:
    """A shop not yet announced by `shop.updated` has the default settings."""
    row = await conn.fetchrow(f"SELECT {_COLUMNS} FROM shops WHERE shop_id = $1", shop_id)
    if row is None:
        return ShopRow(shop_id, None, None, None, None, ShopSettings(), None, None)
    return _row(row)


async def list_known(conn: Connection, shop_ids: list[str] | None) -> list[ShopRow]:
    rows = await conn.fetch(
        f"""
        SELECT {_COLUMNS} FROM shops WHERE $1::text[] IS NULL OR shop_id = ANY($1::text[])
        ORDER BY shop_id
        """,
        shop_ids,
    )
    return [_row(r) for r in rows]


async def lock_settings(conn: Connection, shop_id: str) -> None:
    """Serialises changes of one shop's settings (for this transaction): each change is applied
    to what the one before it stored, so two concurrent partial changes both land."""
    await conn.execute(
        "SELECT pg_advisory_xact_lock(hashtext($1))", f"responder-settings:{shop_id}"
    )


async def put_settings(conn: Connection, shop_id: str, settings: ShopSettings) -> int:
    """The new settings version (the `ETag` of what was stored)."""
    version: int = await conn.fetchval(
        """
        INSERT INTO shops (shop_id, settings, settings_version) VALUES ($1, $2, 1)
        ON CONFLICT (shop_id) DO UPDATE SET settings = EXCLUDED.settings,
            settings_version = shops.settings_version + 1, updated_at = now()
        RETURNING settings_version
        """,
        shop_id,
        settings.model_dump(mode="json"),
    )
    return version


async def put_review_policy(
    conn: Connection, shop_id: str, policy: ShopReviewPolicyChangedPayload
) -> bool:
    """False when the stored policy is newer (a replay or a late copy changes nothing)."""
    row = await conn.fetchval(
        """
        INSERT INTO shops (shop_id, review_policy, review_policy_version) VALUES ($1, $2, $3)
        ON CONFLICT (shop_id) DO UPDATE SET review_policy = EXCLUDED.review_policy,
            review_policy_version = EXCLUDED.review_policy_version, updated_at = now()
        WHERE shops.review_policy_version <= EXCLUDED.review_policy_version
        RETURNING shop_id
        """,
        shop_id,
        policy.model_dump(mode="json"),
        policy.version,
    )
    return row is not None


async def set_connector(conn: Connection, shop_id: str, url: str, secret: str) -> None:
    await conn.execute(
        """
        INSERT INTO shops (shop_id, connector_url, connector_secret) VALUES ($1, $2, $3)
        ON CONFLICT (shop_id) DO UPDATE SET connector_url = EXCLUDED.connector_url,
            connector_secret = EXCLUDED.connector_secret, updated_at = now()
        """,
        shop_id,
        url,
        secret,
    )


@dataclass(frozen=True)
class PlatformConnection:
    """Where and as whom replies to one platform's reviews are posted."""

    shop_id: str
    platform: str
    base_url: str
    settings: dict[str, str]
    # Out of reprs: a connection in a log line must not carry its token.
    access_token: str = field(repr=False)
    updated_at: datetime

    def public(self) -> dict[str, Any]:
        """What the API and the audit log may show: never the token itself."""
        return {
            "platform": self.platform,
            "base_url": self.base_url,
            **self.settings,
            "access_token_set": True,
            "updated_at": self.updated_at,
        }


_CONNECTION = "shop_id, platform, base_url, settings, access_token, updated_at"


async def connections(conn: Connection, shop_id: str) -> dict[str, PlatformConnection]:
    rows = await conn.fetch(
        f"SELECT {_CONNECTION} FROM platform_connections WHERE shop_id = $1 ORDER BY platform",
        shop_id,
    )
    return {r["platform"]: PlatformConnection(**dict(r)) for r in rows}


async def put_connection(
    conn: Connection,
    shop_id: str,
    platform: str,
    base_url: str,
    settings: dict[str, str],
    access_token: str | None,
    at: datetime,
) -> PlatformConnection | None:
    """Without a token, only an existing connection changes and keeps its token (changing an
    id or the base URL needs no new token): None when there is none."""
    if access_token is None:
        row = await conn.fetchrow(
            f"""
            UPDATE platform_connections SET base_url = $3, settings = $4, updated_at = $5
            WHERE shop_id = $1 AND platform = $2
            RETURNING {_CONNECTION}
            """,
            shop_id,
            platform,
            base_url,
            settings,
            at,
        )
    else:
        row = await conn.fetchrow(
            f"""
            INSERT INTO platform_connections
                (shop_id, platform, base_url, settings, access_token, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (shop_id, platform) DO UPDATE SET base_url = EXCLUDED.base_url,
                settings = EXCLUDED.settings, access_token = EXCLUDED.access_token,
                updated_at = EXCLUDED.updated_at
            RETURNING {_CONNECTION}
            """,
            shop_id,
            platform,
            base_url,
            settings,
            access_token,
            at,
        )
    return PlatformConnection(**dict(row)) if row else None


async def delete_connection(
    conn: Connection, shop_id: str, platform: str
) -> PlatformConnection | None:
    row = await conn.fetchrow(
        f"""
        DELETE FROM platform_connections WHERE shop_id = $1 AND platform = $2
        RETURNING {_CONNECTION}
        """,
        shop_id,
        platform,
    )
    return PlatformConnection(**dict(row)) if row else None


async def forget(conn: Connection, shop_id: str) -> None:
    await conn.execute("DELETE FROM platform_connections WHERE shop_id = $1", shop_id)
    await conn.execute("DELETE FROM shops WHERE shop_id = $1", shop_id)
