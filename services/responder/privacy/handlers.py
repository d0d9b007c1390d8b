"""GDPR requests from `reviewloop.privacy`. The responder holds reviewers' names and texts,
drafts that greet them, notes that may quote them: redaction removes those; a data request is
answered with everything held about the customer's orders."""

from collections.abc import Sequence
from datetime import datetime

from services.responder.access import repository as users
from services.responder.analytics import repository as analytics
from services.responder.audit import repository as audit
from services.responder.cases import repository as cases
from services.responder.moderation import publication
from services.responder.moderation import repository as moderation
from services.responder.replies import repository as replies
from services.responder.reviews import repository as reviews
from services.responder.shopify_reviews import repository as shopify_sync
from services.responder.shops import repository as shops
from shared.db.pool import Connection
from shared.events.privacy import (
    CustomerDataRequested,
    CustomerRedactRequested,
    ShopRedactRequested,
)
from shared.outbox import repository as outbox
from shared.privacy.export import answer_data_request


async def redact_orders(
    conn: Connection,
    shop_id: str,
    order_ids: list[str],
    at: datetime,
    also_reviews: Sequence[str] = (),
) -> list[str]:
    """Redacts the reviews of the orders and `also_reviews` (tied to the customer by ingest
    without an order), and the sent events about them."""
    review_ids = sorted({*await reviews.ids_for_orders(conn, shop_id, order_ids), *also_reviews})
    if review_ids:
        await reviews.redact(conn, shop_id, review_ids, at)
        await replies.redact_reviews(conn, shop_id, review_ids)
        await cases.redact_reviews(conn, shop_id, review_ids)
        await audit.redact_reviews(conn, shop_id, review_ids)
        await publication.on_customer_redacted(conn, shop_id, review_ids)
    await analytics.forget_orders(conn, shop_id, order_ids)
    # Reply and case events are keyed by review; the shop's privacy events are export answers.
    await outbox.forget_sent(conn, shop_id, [f"{shop_id}:{r}" for r in review_ids], [])
    return review_ids


async def on_customer_redact(conn: Connection, event: CustomerRedactRequested) -> None:
    # Reviews are linked to customers through their orders, or by ingest alone (a review
    # matched by the reviewer's address): ingest names those in the event.
    p = event.payload
    await redact_orders(conn, event.shop_id, list(p.order_ids), event.occurred_at, p.review_ids)


async def on_shop_redact(conn: Connection, event: ShopRedactRequested) -> None:
    shop_id = event.shop_id
    await replies.forget_shop(conn, shop_id)
    await cases.forget_shop(conn, shop_id)
    await reviews.forget_shop(conn, shop_id)
    await analytics.forget_shop(conn, shop_id)
    await audit.forget_shop(conn, shop_id)
    await publication.on_shop_redacted(conn, shop_id)
    await shopify_sync.forget_shop(conn, shop_id)
    await shops.forget(conn, shop_id)
    await users.drop_shop_from_users(conn, shop_id)


async def on_data_request(conn: Connection, event: CustomerDataRequested) -> None:
    p = event.payload
    review_ids = await reviews.ids_for_orders(conn, event.shop_id, list(p.order_ids))
    data = {
        "reviews": await reviews.export(conn, event.shop_id, review_ids),
        **await cases.export(conn, event.shop_id, review_ids),
        **await replies.export(conn, event.shop_id, review_ids),
        **await moderation.export(conn, event.shop_id, review_ids),
        "nps_answers": await analytics.export_orders(conn, event.shop_id, list(p.order_ids)),
    }
    await answer_data_request(conn, event, "responder", data)
