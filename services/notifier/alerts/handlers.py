"""A classified review: stored, its reply deadlines set, and an alert queued per matching rule
and recipient. Database only: the delivery worker sends what this queues."""

import logging

from services.notifier.alarms.service import request_check
from services.notifier.notifications import content
from services.notifier.notifications import repository as notifications
from services.notifier.notifications.sla import (
    arrived_late,
    escalation_deadlines,
    escalation_start,
    overdue_backfill,
)
from services.notifier.reviews import repository as reviews
from services.notifier.rules import repository as rules
from services.notifier.rules.model import Rule, default_rule
from services.notifier.settings import NotifierSettings
from services.notifier.shops import repository as shops
from services.notifier.timers import repository as timers
from shared.db.pool import Connection
from shared.events.replies import ReviewSentimentCorrected
from shared.events.reviews import ReviewClassified
from shared.metrics import ALERTS_UNROUTABLE

log = logging.getLogger(__name__)


def needs_reply(sentiment: str, severity: str) -> bool:
    return sentiment == "negative" or severity == "high"


async def on_classified(
    settings: NotifierSettings, conn: Connection, event: ReviewClassified
) -> None:
    review = event.payload
    # A person's correction in the responder, where there is one, else the classifier's.
    sentiment = await reviews.upsert(conn, event.shop_id, review, event.occurred_at)
    if sentiment is None:
        return  # an older revision arriving late
    replies = needs_reply(sentiment, review.classification.severity)
    shop = await shops.get(conn, event.shop_id)
    tz = shop.tz
    if overdue_backfill(review.backfill, review.created_at, event.occurred_at, shop.sla, tz):
        # Stored above, so digests (with the unanswered negatives), alarms and analytics
        # count it; only paging and escalating as if it were new are left out.
        await request_check(conn, settings, event.shop_id, event.occurred_at)
        return
    deadline = None
    late = arrived_late(review.created_at, event.occurred_at, shop.sla, tz)
    if replies:
        # The reply deadline as the responder shows it; the escalations of a review that
        # arrived after it count from its arrival.
        deadline = escalation_deadlines(review.created_at, shop.sla, tz)[0]
        start = escalation_start(review.created_at, event.occurred_at, shop.sla, tz)
        first, second = escalation_deadlines(start, shop.sla, tz)
        await timers.add(conn, event.shop_id, "sla1", review.review_id, first)
        await timers.add(conn, event.shop_id, "sla2", review.review_id, second)
    else:
        # A later reading (ingest's second pass, an edit) that needs no reply: no escalation.
        await timers.cancel_for_review(conn, event.shop_id, review.review_id)
    matching: list[Rule] = []
    # A person has read the review and set its sentiment already (the responder's correction
    # can overtake the classification on the way here): nobody to alert, and no alert that
    # could not be routed either.
    if not await reviews.corrected_by_staff(conn, event.shop_id, review.review_id):
        matching = await rules.enabled_for_shop(conn, event.shop_id)
        if not matching:
            fallback = default_rule(event.shop_id, shop.alert_to())
            matching = [fallback] if fallback else []
            if fallback is None and replies:
                # No rule, no alert recipient, no contact: recorded and counted, not dropped.
                key = f"alert:{event.shop_id}:{review.review_id}:default:"
                if await notifications.add_unroutable(conn, event.shop_id, key, review.review_id):
                    ALERTS_UNROUTABLE.inc()
                    log.warning(
                        notifications.NO_RECIPIENT,
                        extra={"shop_id": event.shop_id, "review_id": review.review_id},
                    )
    link = content.review_link(settings.responder_base_url, review.review_id, event.shop_id)
    for rule in matching:
        if rule.mode != "immediate" or not rule.filters.matches(review):
            continue
        body = content.alert(shop.name, review, deadline, link, passed_on_arrival=late)
        body["event"]["shop_id"] = event.shop_id
        targets = rule.recipients if rule.channel == "email" else [rule.url or ""]
        for target in targets:
            # One alert per review, rule and recipient, whatever happens to the event.
            await notifications.add(
                conn,
                event.shop_id,
                f"alert:{event.shop_id}:{review.review_id}:{rule.key}:{target}",
                "alert",
                review.review_id,
                rule.id,
                rule.channel,
                target,
                body,
            )
    await request_check(conn, settings, event.shop_id, event.occurred_at)


async def on_sentiment_corrected(conn: Connection, event: ReviewSentimentCorrected) -> None:
    """A person's reading of the sentiment in the responder: a review that no longer needs a
    reply stops escalating; one that became negative escalates from its SLA, as if classified
    so (no alert: a person is looking at it)."""
    p = event.payload
    stored = await reviews.correct_sentiment(
        conn, event.shop_id, p.review_id, p.sentiment, p.by_staff, p.corrected_at
    )
    if stored is None:
        return  # its classification will read the correction
    if (
        needs_reply(p.sentiment, stored["severity"])
        and stored["replied_at"] is None
        and stored["deleted_at"] is None
    ):
        shop = await shops.get(conn, event.shop_id)
        first, second = escalation_deadlines(stored["created_at"], shop.sla, shop.tz)
        await timers.add(conn, event.shop_id, "sla1", p.review_id, first)
        await timers.add(conn, event.shop_id, "sla2", p.review_id, second)
    else:
        await timers.cancel_for_review(conn, event.shop_id, p.review_id)
