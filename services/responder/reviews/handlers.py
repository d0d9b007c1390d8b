"""Reactions to classified reviews, deletions and shop facts: the read model, the automatic
case for reviews that need action, and the automatic-reply queue. Database only."""

from services.responder.cases import service as cases
from services.responder.cases.workflow import needs_case
from services.responder.moderation import publication
from services.responder.publishing import automation
from services.responder.replies import policy
from services.responder.replies import repository as replies
from services.responder.reviews import repository as reviews
from services.responder.shops import repository as shops
from services.responder.shops import service as shop_service
from services.responder.unit_of_work import within
from shared.db.pool import Connection
from shared.events.replies import ReviewSentimentCorrected, ReviewSentimentCorrectedPayload
from shared.events.reviews import ReviewClassified, ReviewDeleted
from shared.events.shops import ShopUpdated, ShopUpdatedPayload
from shared.shop_facts import repository as shop_facts
from shared.sla import deadline

SYSTEM = "system"


async def on_classified(conn: Connection, event: ReviewClassified) -> None:
    p = event.payload
    shop = await shops.get(conn, event.shop_id)
    # The registry's SLA by shared/sla.py: the notifier's escalation is due at the same moment.
    due = deadline(p.created_at, shop.sla.hours, shop.sla, shop.zone)
    read = p.classification.model_dump(mode="json")
    for_a_person = policy.person_reason(read, p.rating, p.order.order_id if p.order else None)
    stored = await reviews.upsert(conn, event.shop_id, p, due, event.occurred_at, for_a_person)
    if stored is None:
        return  # an older revision arriving late
    if stored.correction_dropped is not None:
        await _correction_dropped(conn, event, stored.correction_dropped)
    # Open inboxes of the shop refresh when this commits (console/inbox/feed.py).
    await reviews.announce(conn, event.shop_id)
    review = await reviews.get(conn, event.shop_id, p.review_id)
    assert review is not None
    await publication.on_classified(conn, event, review)
    c = p.classification
    if needs_case(c.sentiment, c.severity, c.removal_candidate):
        await cases.open_case(conn, event.shop_id, review, SYSTEM, event.occurred_at)
    auto_at = automation.due_at(review, shop.settings, event.occurred_at)
    if auto_at is not None:
        await replies.enqueue_automatic(conn, event.shop_id, p.review_id, auto_at)


async def _correction_dropped(conn: Connection, event: ReviewClassified, was: str) -> None:
    """The reviewer edited a review a person had read as positive or neutral, and the edit reads
    as negative: the classifier's reading counts again (audited), and the notifier, which keeps
    the corrections too, is told as when a person takes one back."""
    p = event.payload
    unit = within(conn, actor=SYSTEM, at=event.occurred_at)
    await unit.audit(
        "review.sentiment_correction_dropped",
        "review",
        p.review_id,
        shop_id=event.shop_id,
        review_id=p.review_id,
        before={"sentiment_by_staff": was},
        after={"sentiment": p.classification.sentiment, "revision": p.revision},
    )
    await unit.emit(
        ReviewSentimentCorrected(
            shop_id=event.shop_id,
            occurred_at=event.occurred_at,
            payload=ReviewSentimentCorrectedPayload(
                review_id=p.review_id,
                sentiment=p.classification.sentiment,
                by_staff=False,
                corrected_at=event.occurred_at,
            ),
        )
    )


async def on_deleted(conn: Connection, event: ReviewDeleted) -> None:
    await publication.on_deleted(conn, event.shop_id, event.payload.review_id)
    if await reviews.mark_deleted(conn, event.shop_id, event.payload.review_id, event.occurred_at):
        await reviews.announce(conn, event.shop_id)


async def on_shop(conn: Connection, event: ShopUpdated) -> None:
    applied = await shop_facts.record(conn, event)
    if applied is None:
        return
    unit = within(conn, actor=SYSTEM, at=event.occurred_at)
    await shop_service.announce_connectors(unit, event.shop_id, event.occurred_at)
    if not _due_times_change(applied.before, event.payload):
        return
    # Unanswered reviews follow a changed SLA; answered ones keep the one they were held to.
    # The first announcement counts as a change: reviews that arrived before it were given
    # the default SLA.
    shop = await shops.get(conn, event.shop_id)
    due = {
        review_id: deadline(created_at, shop.sla.hours, shop.sla, shop.zone)
        for review_id, created_at in await reviews.unanswered(conn, event.shop_id)
    }
    await reviews.set_due_times(conn, event.shop_id, due)


def _due_times_change(before: ShopUpdatedPayload | None, after: ShopUpdatedPayload) -> bool:
    if before is None or before.sla != after.sla:
        return True
    # Business hours are the shop's local hours.
    return after.sla.business_hours_only and before.timezone != after.timezone
