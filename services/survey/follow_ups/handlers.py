"""Reaction to `case.follow_up_requested` on `reviewloop.replies`: store the case's one follow-up
email. Database only: the follow-up worker sends it when due."""

import secrets
from collections.abc import Callable
from datetime import datetime

from services.survey.follow_ups import repository as follow_ups
from services.survey.follow_ups.rules import due_at
from services.survey.moderation_notices.handlers import request_notice
from services.survey.orders import repository as orders
from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.surveys.handlers import message_id
from shared.db.pool import Connection
from shared.events.replies import CaseFollowUpRequested, ReviewModerated
from shared.kafka.consumer import ConsumerSpec
from shared.kafka.handlers import Handlers
from shared.topics import REPLIES


async def request_follow_up(
    conn: Connection, settings: SurveySettings, event: CaseFollowUpRequested, now: datetime
) -> bool:
    """False when the case has its follow-up already (a redelivery, or a case resolved again
    after it was reopened): the customer is asked once per case."""
    p = event.payload
    # A random reference, not the case key: the Message-ID must not reveal which order it is.
    mid = message_id("follow-up", secrets.token_urlsafe(16), settings.message_id_domain)

    async def store(send_at: datetime, reason: str | None = None) -> bool:
        return await follow_ups.add(
            conn,
            shop_id=event.shop_id,
            case_key=p.case_key,
            case_id=p.case_id,
            order_id=p.order_id,
            language=p.language,
            resolved_at=p.resolved_at,
            send_at=send_at,
            message_id=mid,
            skip_reason=reason,
        )

    order = await orders.get(conn, event.shop_id, p.order_id) if p.order_id else None
    if order is None or order.placed_at is None:
        # Nobody to write to: recorded (so one can see why nothing went) and never sent.
        return await store(now, "no_order" if p.order_id is None else "unknown_order")
    shop = await shops.get(conn, event.shop_id)
    due = due_at(order, shop.country, shop.timezone, shop.settings, p.resolved_at, now)
    return await store(due)


async def reschedule_follow_ups(conn: Connection, shop_id: str, now: datetime) -> int:
    """After a change of the shop's send window, follow-up delay or time zone: the pending
    follow-ups computed again by `due_at`, the rule that set them. Returns how many."""
    shop = await shops.get(conn, shop_id)
    pending = await follow_ups.pending_of_shop(conn, shop_id)
    for email in pending:
        order = await orders.get(conn, shop_id, email.order_id) if email.order_id else None
        if order is None:
            continue  # checked when due (redacted meanwhile): nothing to compute from
        due = due_at(order, shop.country, shop.timezone, shop.settings, email.resolved_at, now)
        await follow_ups.move_pending(conn, email.id, due)
    return len(pending)


def follow_up_consumer(settings: SurveySettings, clock: Callable[[], datetime]) -> ConsumerSpec:
    async def on_follow_up_requested(conn: Connection, event: CaseFollowUpRequested) -> None:
        await request_follow_up(conn, settings, event, clock())

    async def on_review_moderated(conn: Connection, event: ReviewModerated) -> None:
        await request_notice(conn, settings, event, clock())

    # Only these types: replies' other events (review.reply.published) are the notifier's.
    # Survey holds the customers' addresses, so both emails about a review are sent from here.
    handlers = (
        Handlers()
        .on(CaseFollowUpRequested, on_follow_up_requested)
        .on(ReviewModerated, on_review_moderated)
    )
    return ConsumerSpec(name="survey.replies", topics=(REPLIES,), handlers=handlers)
