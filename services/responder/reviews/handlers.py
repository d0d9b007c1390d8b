"""Reactions to classified reviews, deletions and shop facts: the read model, the automatic
case for reviews that need action, and the automatic-reply queue. Database only."""

from datetime import timedelta

from services.responder.cases import service as cases
from services.responder.cases.workflow import needs_case
from services.responder.publishing import automation
from services.responder.replies import repository as replies
from services.responder.reviews import repository as reviews
from services.responder.shops import repository as shops
from shared.db.pool import Connection
from shared.events.reviews import ReviewClassified, ReviewDeleted
from shared.events.shops import ShopUpdated
from shared.shop_facts import repository as shop_facts

SYSTEM = "system"


async def on_classified(conn: Connection, event: ReviewClassified) -> None:
    p = event.payload
    shop = await shops.get(conn, event.shop_id)
    sla = timedelta(hours=shop.settings.sla_hours)
    if not await reviews.upsert(conn, event.shop_id, p, sla, event.occurred_at):
        return  # an older revision arriving late
    review = await reviews.get(conn, event.shop_id, p.review_id)
    assert review is not None
    c = p.classification
    if needs_case(c.sentiment, c.severity, c.removal_candidate):
        await cases.open_case(conn, event.shop_id, review, SYSTEM, event.occurred_at)
    due = automation.due_at(review, shop.settings.automation, event.occurred_at)
    if due is not None:
        await replies.enqueue_automatic(conn, event.shop_id, p.review_id, due)


async def on_deleted(conn: Connection, event: ReviewDeleted) -> None:
    await reviews.mark_deleted(conn, event.shop_id, event.payload.review_id, event.occurred_at)


async def on_shop(conn: Connection, event: ShopUpdated) -> None:
    await shop_facts.record(conn, event)
