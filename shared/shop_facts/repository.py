"""The shop facts every service keeps from `shop.updated` (name, locale, country, timezone) in
its own `shops` table; each service adds its own `settings` column's meaning."""

from shared.db.pool import Connection
from shared.events.shops import ShopUpdated


async def record(conn: Connection, event: ShopUpdated) -> None:
    p = event.payload
    await conn.execute(
        """
        INSERT INTO shops (shop_id, display_name, locale, country, timezone)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (shop_id) DO UPDATE SET display_name = EXCLUDED.display_name,
            locale = EXCLUDED.locale, country = EXCLUDED.country, timezone = EXCLUDED.timezone,
            updated_at = now()
        """,
        event.shop_id,
        p.display_name,
        p.locale,
        p.country,
        p.timezone,
    )
