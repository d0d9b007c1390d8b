"""Reactions to reviews, replies, shops, surveys and privacy requests. Database only: the
delivery worker sends what these queue."""

import logging

from services.notifier.alarms.service import request_check
from services.notifier.notifications import content
from services.notifier.notifications import repository as notifications
from services.notifier.notifications.sla import overdue_backfill, sla_deadline
from services.notifier.reviews import repository as reviews
from services.notifier.rules import repository as rules
from services.notifier.rules.model import Rule, default_rule
from services.notifier.settings import NotifierSettings
from services.notifier.shops import repository as shops
from services.notifier.timers import repository as timers
from shared import shop_facts
from shared.db.pool import Connection
from shared.events.catalogue import Event
from shared.events.privacy import (
    CustomerDataExported,
    CustomerDataExportedPayload,
    CustomerDataRequested,
    CustomerRedactRequested,
    ShopRedactRequested,
    export_data,
)
from shared.events.replies import ReplyPublished
from shared.events.reviews import ReviewClassified, ReviewDeleted
from shared.events.shops import ShopUpdated
from shared.events.surveys import SurveyAnswered, SurveyScheduled
from shared.kafka.consumer import ConsumerSpec, Handler
from shared.logging import correlation_id_var
from shared.metrics import ALERTS_UNROUTABLE
from shared.outbox import repository as outbox
from shared.timezones import zone
from shared.topics import CLASSIFIED, PRIVACY, REPLIES, SHOPS, SURVEYS

log = logging.getLogger(__name__)


def needs_reply(event: ReviewClassified) -> bool:
    c = event.payload.classification
    return c.sentiment == "negative" or c.severity == "high"


def consumer(settings: NotifierSettings) -> ConsumerSpec:
    async def on_classified(conn: Connection, event: Event) -> None:
        assert isinstance(event, ReviewClassified)
        review = event.payload
        if not await reviews.upsert(conn, event.shop_id, review, event.occurred_at):
            return  # an older revision arriving late
        shop = await shops.get(conn, event.shop_id)
        cfg = shop.settings
        tz = zone(shop.timezone) or zone("UTC")
        assert tz is not None
        if overdue_backfill(review.backfill, review.created_at, event.occurred_at, cfg, tz):
            # Stored above, so digests (with the unanswered negatives), alarms and analytics
            # count it; only paging and escalating as if it were new are left out.
            await request_check(conn, settings, event.shop_id, event.occurred_at)
            return
        deadline = None
        if needs_reply(event):
            deadline = sla_deadline(review.created_at, cfg.sla_hours, cfg, tz)
            second = sla_deadline(review.created_at, 2 * cfg.sla_hours, cfg, tz)
            await timers.add(conn, event.shop_id, "sla1", review.review_id, deadline)
            await timers.add(conn, event.shop_id, "sla2", review.review_id, second)
        matching: list[Rule] = await rules.enabled_for_shop(conn, event.shop_id)
        if not matching:
            fallback = default_rule(event.shop_id, shop.alert_to())
            matching = [fallback] if fallback else []
            if fallback is None and needs_reply(event):
                # No rule, no support address, no contact: recorded and counted, not dropped.
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
            body = content.alert(shop.name, review, deadline, link)
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

    async def on_deleted(conn: Connection, event: Event) -> None:
        assert isinstance(event, ReviewDeleted)
        await reviews.mark_deleted(conn, event.shop_id, event.payload.review_id, event.occurred_at)
        await timers.cancel_for_review(conn, event.shop_id, event.payload.review_id)

    async def on_reply(conn: Connection, event: Event) -> None:
        assert isinstance(event, ReplyPublished)
        p = event.payload
        await reviews.mark_replied(conn, event.shop_id, p.review_id, p.published_at)
        await timers.cancel_for_review(conn, event.shop_id, p.review_id)

    async def on_shop(conn: Connection, event: Event) -> None:
        assert isinstance(event, ShopUpdated)
        await shop_facts.record(conn, event)
        await shops.set_contact_email(conn, event.shop_id, event.payload.contact_email)

    async def on_survey_scheduled(conn: Connection, event: Event) -> None:
        assert isinstance(event, SurveyScheduled)
        await reviews.count_survey(conn, event.shop_id, event.occurred_at, "scheduled")

    async def on_survey_answered(conn: Connection, event: Event) -> None:
        assert isinstance(event, SurveyAnswered)
        await reviews.count_survey(conn, event.shop_id, event.occurred_at, "answered")

    async def on_customer_redact(conn: Connection, event: Event) -> None:
        assert isinstance(event, CustomerRedactRequested)
        p = event.payload
        # By order, and the reviews ingest tied to the customer's address alone.
        ids = await reviews.order_reviews(conn, event.shop_id, list(p.order_ids))
        ids = sorted({*ids, *p.review_ids})
        await notifications.redact_reviews(conn, event.shop_id, ids)
        # The notifier publishes only privacy events (export answers): the shop's sent ones go.
        await outbox.forget_sent(conn, event.shop_id, [], [])

    async def on_data_request(conn: Connection, event: Event) -> None:
        assert isinstance(event, CustomerDataRequested)
        p = event.payload
        data = {"reviews": await reviews.export_for_orders(conn, event.shop_id, list(p.order_ids))}
        answer = CustomerDataExported(
            shop_id=event.shop_id,
            payload=CustomerDataExportedPayload(
                request_id=p.request_id,
                service="notifier",
                data=export_data(data),
            ),
        )
        await outbox.add(conn, answer, correlation_id_var.get())

    async def on_shop_redact(conn: Connection, event: Event) -> None:
        assert isinstance(event, ShopRedactRequested)
        await notifications.redact_shop(conn, event.shop_id)

    handlers: dict[str, Handler] = {
        "review.classified": on_classified,
        "review.deleted": on_deleted,
        "review.reply.published": on_reply,
        "shop.updated": on_shop,
        "survey.scheduled": on_survey_scheduled,
        "survey.answered": on_survey_answered,
        "customer.redact_requested": on_customer_redact,
        "shop.redact_requested": on_shop_redact,
        "customer.data_requested": on_data_request,
    }
    return ConsumerSpec(
        name="notifier.events",
        topics=(CLASSIFIED, REPLIES, SHOPS, SURVEYS, PRIVACY),
        handlers=handlers,
    )
