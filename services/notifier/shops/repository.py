"""All SQL of notifier's shop table."""

from dataclasses import dataclass
from typing import Any

from services.notifier.shops.config import NotificationSettings
from shared.db.pool import Connection


@dataclass(frozen=True)
class ShopRow:
    shop_id: str
    display_name: str | None
    timezone: str | None
    country: str | None
    settings: NotificationSettings
    # From shop.updated: the fallback recipient while the shop sets no support address.
    contact_email: str | None = None

    @property
    def name(self) -> str:
        return self.display_name or self.shop_id

    def alert_to(self) -> str | None:
        """Who the default rule alerts: the support address, else the shop's contact."""
        return (
            str(self.settings.support_email) if self.settings.support_email else self.contact_email
        )

    def escalation_recipients(self) -> list[str]:
        return self.settings.escalation_recipients() or (
            [self.contact_email] if self.contact_email else []
        )

    def digest_to(self) -> list[str]:
        return self.settings.digest_to() or ([self.contact_email] if self.contact_email else [])


def _row(shop_id: str, row: Any) -> ShopRow:
    if row is None:
        return ShopRow(shop_id, None, None, None, NotificationSettings())
    return ShopRow(
        shop_id,
        row["display_name"],
        row["timezone"],
        row["country"],
        NotificationSettings.model_validate(row["settings"]),
        row["contact_email"],
    )


async def get(conn: Connection, shop_id: str) -> ShopRow:
    row = await conn.fetchrow(
        "SELECT display_name, timezone, country, settings, contact_email FROM shops "
        "WHERE shop_id = $1",
        shop_id,
    )
    return _row(shop_id, row)


async def set_contact_email(conn: Connection, shop_id: str, email: str | None) -> None:
    """After `shop_facts.record` (which made the row): the notifier's own column."""
    await conn.execute("UPDATE shops SET contact_email = $2 WHERE shop_id = $1", shop_id, email)


async def all_ids(conn: Connection) -> list[str]:
    return [r["shop_id"] for r in await conn.fetch("SELECT shop_id FROM shops ORDER BY shop_id")]


async def lock_settings(conn: Connection, shop_id: str) -> None:
    """Serialises changes of one shop's settings (for this transaction): each change is applied
    to what the one before it stored, so two concurrent partial changes both land."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtext($1))", f"notifier-settings:{shop_id}")


async def put_settings(conn: Connection, shop_id: str, settings: NotificationSettings) -> None:
    await conn.execute(
        """
        INSERT INTO shops (shop_id, settings) VALUES ($1, $2)
        ON CONFLICT (shop_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()
        """,
        shop_id,
        settings.model_dump(mode="json"),
    )
