"""Shop facts from `shop.updated`, and the contact address alerts fall back to."""

from services.notifier.shops import repository as shops
from shared.db.pool import Connection
from shared.events.shops import ShopUpdated
from shared.shop_facts import repository as shop_facts


async def on_shop(conn: Connection, event: ShopUpdated) -> None:
    await shop_facts.record(conn, event)
    await shops.set_contact_email(conn, event.shop_id, event.payload.contact_email)
