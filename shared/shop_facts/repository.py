"""The shop profile every service keeps from `shop.updated` (event-carried state) in its own
`shops` table: the facts in their columns, the whole profile in `profile` with its version.
Only a version at least as new as the stored one is applied, so replaying the shops topic or
an old copy arriving late never rolls a shop back."""

from dataclasses import dataclass

from shared.db.pool import Connection
from shared.events.shops import ShopUpdated, ShopUpdatedPayload


@dataclass(frozen=True)
class Applied:
    # The profile before this event (None: the first one this service saw).
    before: ShopUpdatedPayload | None


async def record(conn: Connection, event: ShopUpdated) -> Applied | None:
    """None when the stored profile is newer than the event's."""
    p = event.payload
    before = await profile(conn, event.shop_id)
    row = await conn.fetchrow(
        """
        INSERT INTO shops (shop_id, display_name, locale, country, timezone, profile,
                           profile_version)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (shop_id) DO UPDATE SET display_name = EXCLUDED.display_name,
            locale = EXCLUDED.locale, country = EXCLUDED.country, timezone = EXCLUDED.timezone,
            profile = EXCLUDED.profile, profile_version = EXCLUDED.profile_version,
            updated_at = now()
        WHERE shops.profile_version <= EXCLUDED.profile_version
        RETURNING shop_id
        """,
        event.shop_id,
        p.display_name,
        p.locale,
        p.country,
        p.timezone,
        p.model_dump(mode="json"),
        p.version,
    )
    return None if row is None else Applied(before)


async def profile(conn: Connection, shop_id: str) -> ShopUpdatedPayload | None:
    """The newest profile this service has learned, None before the first `shop.updated`."""
    raw = await conn.fetchval(
        "SELECT profile FROM shops WHERE shop_id = $1 AND profile_version >= 0", shop_id
    )
    return None if raw is None else ShopUpdatedPayload.model_validate(raw)
