"""All SQL of survey's shop table (facts from shop.updated, plus survey settings)."""

from dataclasses import dataclass, field
from typing import Any

from services.survey.shops.config import SurveyShopSettings
from shared.db.pool import Connection


@dataclass(frozen=True)
class Contact:
    """How customers reach the shop, from the registry's profile (`shop.updated`)."""

    email: str | None = None
    url: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class ShopRow:
    shop_id: str
    display_name: str | None
    locale: str | None
    country: str | None
    timezone: str | None
    settings: SurveyShopSettings
    # The settings' version (their ETag): one more per change.
    settings_version: int = 0
    contact: Contact = field(default_factory=Contact)

    @property
    def tenant_group(self) -> str:
        return self.settings.tenant_group or self.shop_id


def _row(shop_id: str, row: Any) -> ShopRow:
    if row is None:
        return ShopRow(shop_id, None, None, None, None, SurveyShopSettings())
    return ShopRow(
        shop_id=shop_id,
        display_name=row["display_name"],
        locale=row["locale"],
        country=row["country"],
        timezone=row["timezone"],
        settings=SurveyShopSettings.model_validate(row["settings"]),
        settings_version=row["settings_version"],
        contact=Contact(row["contact_email"], row["contact_url"], row["contact_phone"]),
    )


async def get(conn: Connection, shop_id: str) -> ShopRow:
    """Known facts and settings, or defaults for a shop survey has not heard of yet."""
    # The three contact members only, not the whole profile: this runs for every order event.
    row = await conn.fetchrow(
        """
        SELECT display_name, locale, country, timezone, settings, settings_version,
               profile->>'contact_email' AS contact_email, profile->>'contact_url' AS contact_url,
               profile->>'contact_phone' AS contact_phone
        FROM shops WHERE shop_id = $1
        """,
        shop_id,
    )
    return _row(shop_id, row)


async def lock_settings(conn: Connection, shop_id: str) -> None:
    """Serialises changes of one shop's settings (for this transaction): each change is applied
    to what the one before it stored, so two concurrent partial changes both land."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext($1))", f"survey-settings:{shop_id}")


async def put_settings(conn: Connection, shop_id: str, settings: SurveyShopSettings) -> int:
    """Stores the settings as their next version; returns that version."""
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


async def in_tenant_group(conn: Connection, tenant_group: str) -> list[str]:
    """Shops sharing unsubscribes and the cooldown (a shop with no group is its own group)."""
    rows = await conn.fetch(
        """
        SELECT shop_id FROM shops
        WHERE coalesce(settings->>'tenant_group', shop_id) = $1
        """,
        tenant_group,
    )
    return sorted({r["shop_id"] for r in rows} | {tenant_group})
