"""GDPR requests from `reviewloop.privacy`: the notifier holds copies of reviews (the read
model, and the alerts and digests that quote them)."""

from services.notifier.emails import repository as test_sends
from services.notifier.notifications import repository as notifications
from services.notifier.reviews import repository as reviews
from shared.db.pool import Connection
from shared.events.privacy import (
    CustomerDataRequested,
    CustomerRedactRequested,
    ShopRedactRequested,
)
from shared.outbox import repository as outbox
from shared.privacy.export import answer_data_request
from shared.settings_changes import repository as settings_changes


async def on_customer_redact(conn: Connection, event: CustomerRedactRequested) -> None:
    p = event.payload
    # By order, and the reviews ingest tied to the customer's address alone.
    ids = await reviews.order_reviews(conn, event.shop_id, list(p.order_ids))
    ids = sorted({*ids, *p.review_ids})
    await notifications.redact_reviews(conn, event.shop_id, ids)
    # The notifier publishes only privacy events (export answers): the shop's sent ones go.
    await outbox.forget_sent(conn, event.shop_id, [], [])


async def on_data_request(conn: Connection, event: CustomerDataRequested) -> None:
    p = event.payload
    data = {"reviews": await reviews.export_for_orders(conn, event.shop_id, list(p.order_ids))}
    await answer_data_request(conn, event, "notifier", data)


async def on_shop_redact(conn: Connection, event: ShopRedactRequested) -> None:
    await notifications.redact_shop(conn, event.shop_id)
    # The settings trail holds staff addresses (digest recipients).
    await settings_changes.forget_shop(conn, event.shop_id)
    await test_sends.forget_shop(conn, event.shop_id)
