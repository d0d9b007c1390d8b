"""All SQL of notifier's shop table: the registry's profile (from `shop.updated`) and the
notifier's own settings."""

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from services.notifier.shops.config import NotificationSettings
from shared.db.pool import Connection
from shared.events.shops import ShopUpdatedPayload, Sla
from shared.timezones import zone


@dataclass(frozen=True)
class ShopRow:
    shop_id: str
    display_name: str | None
    timezone: str | None
    country: str | None
    settings: NotificationSettings
    # The settings' version (their ETag): one more per change.
    settings_version: int = 0
    # The registry's profile as last announced; None before the first `shop.updated`.
    profile: ShopUpdatedPayload | None = None
    # The contact column a `shop.updated` from before versioned profiles wrote: alerts of a
    # shop the registry has not announced since still reach someone.
    legacy_contact_email: str | None = None

    @property
    def name(self) -> str:
        return self.display_name or self.shop_id

    @property
    def tz(self) -> ZoneInfo:
        """The shop's time zone; UTC while unknown (or unreadable)."""
        return zone(self.timezone) or ZoneInfo("UTC")

    @property
    def locale(self) -> str | None:
        return self.profile.locale if self.profile else None

    @property
    def sla(self) -> Sla:
        """The registry's SLA; its defaults until the shop is announced."""
        return self.profile.sla if self.profile else Sla()

    def alert_to(self) -> list[str]:
        """Who the default rule alerts: the registry's alert recipients, else its contact."""
        if self.profile is not None:
            return self.profile.alert_to()
        return [self.legacy_contact_email] if self.legacy_contact_email else []

    def escalation_recipients(self) -> list[str]:
        if self.profile is not None:
            return self.profile.escalate_to()
        return self.alert_to()

    def digest_to(self) -> list[str]:
        return [str(e) for e in self.settings.digest_recipients] or self.alert_to()


def _row(shop_id: str, row: Any) -> ShopRow:
    if row is None:
        return ShopRow(shop_id, None, None, None, NotificationSettings())
    return ShopRow(
        shop_id,
        row["display_name"],
        row["timezone"],
        row["country"],
        NotificationSettings.stored(row["settings"]),
        row["settings_version"],
        ShopUpdatedPayload.model_validate(row["profile"]) if row["profile_version"] >= 0 else None,
        row["contact_email"],
    )


async def get(conn: Connection, shop_id: str) -> ShopRow:
    row = await conn.fetchrow(
        """
        SELECT display_name, timezone, country, settings, settings_version, profile,
               profile_version, contact_email
        FROM shops WHERE shop_id = $1
        """,
        shop_id,
    )
    return _row(shop_id, row)


async def all_ids(conn: Connection) -> list[str]:
    return [r["shop_id"] for r in await conn.fetch("SELECT shop_id FROM shops ORDER BY shop_id")]


async def lock_settings(conn: Connection, shop_id: str) -> None:
    """Serialises changes of one shop's settings (for this transaction): each change is applied
    to what the one before it stored, so two concurrent partial changes both land."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext($1))", f"notifier-settings:{shop_id}")


async def put_settings(conn: Connection, shop_id: str, settings: NotificationSettings) -> int:
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
