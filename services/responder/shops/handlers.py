"""The survey's review policy (`shop.review_policy.changed`), kept for the public disclosure
page: the newest version wins, so a replay or a late copy changes nothing."""

from services.responder.shops import repository as shops
from shared.db.pool import Connection
from shared.events.shops import ShopReviewPolicyChanged


async def on_review_policy(conn: Connection, event: ShopReviewPolicyChanged) -> None:
    await shops.put_review_policy(conn, event.shop_id, event.payload)
