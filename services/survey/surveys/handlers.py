"""Reactions to order events: fold the order, then (re)schedule its survey.
Database and outbox only: emails are sent by the dispatch worker."""

import logging
import secrets
from collections.abc import Callable
from datetime import datetime

from services.survey.orders import repository as orders
from services.survey.orders.fold import OrderEvent, fold
from services.survey.scheduling.timing import send_at, too_old
from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.surveys import repository as surveys
from shared.db.pool import Connection
from shared.db.unit_of_work import within
from shared.events.orders import (
    OrderCancelled,
    OrderDelivered,
    OrderFulfilled,
    OrderPlaced,
    OrderRefunded,
    OrderReturned,
)
from shared.events.surveys import SurveyScheduled, SurveyScheduledPayload
from shared.kafka.consumer import ConsumerSpec
from shared.kafka.handlers import Handlers
from shared.topics import ORDERS

log = logging.getLogger(__name__)


def message_id(kind: str, public_ref: str, domain: str) -> str:
    """One Message-ID per logical email, so any resend would be recognisable as the same."""
    return f"<{kind}.{public_ref}@{domain}>"


async def schedule(
    conn: Connection, settings: SurveySettings, shop_id: str, order_id: str, now: datetime
) -> None:
    """Create or move the order's invitation from what is known now (row locked by caller).
    An order past the shop's maximum age gets its invitation recorded as skipped `too_old`
    (an explicit per-order send time from staff is their decision and is kept)."""
    view = await orders.get(conn, shop_id, order_id)
    if view is None or view.placed_at is None:
        return  # the order itself has not arrived yet; its order.placed will schedule
    shop = await shops.get(conn, shop_id)
    survey = await surveys.get_by_order(conn, shop_id, order_id)
    override = survey.send_at_override if survey else None
    outside_window = survey.send_at_outside_window if survey else False
    try:
        due = send_at(
            view, shop.country, shop.timezone, shop.settings, now, override, outside_window
        )
        cfg = shop.settings
        stale = due is not None and override is None and too_old(view, shop.country, cfg, now)
    except OverflowError:
        # A time near year 9999 that got past the edge's bounds: no invitation, rather than a
        # consumer that dead-letters this and every later event of the order.
        log.warning("order times out of range: no invitation", extra={"order_id": order_id})
        return
    if due is None:
        return
    if survey is not None:
        if stale:
            await surveys.skip_pending(conn, survey.id, "invitation", "too_old")
        else:
            await surveys.reschedule_pending(conn, survey.id, "invitation", due)
        return
    survey = await surveys.create(conn, shop_id, order_id, secrets.token_urlsafe(16))
    await surveys.add_email(
        conn,
        survey,
        "invitation",
        due,
        message_id("invitation", survey.public_ref, settings.message_id_domain),
        skip_reason="too_old" if stale else None,
    )
    if stale:
        return
    scheduled = SurveyScheduled(
        shop_id=shop_id,
        payload=SurveyScheduledPayload(survey_id=survey.id, order_id=order_id, due_at=due),
    )
    await within(conn).emit(scheduled)


async def reschedule_invitations(
    conn: Connection, settings: SurveySettings, shop_id: str, now: datetime
) -> int:
    """After a change of the shop's timing settings or time zone: every invitation still
    pending at its computed time is computed again by `schedule`, the rule that set it (a time
    staff set by hand is kept; sent and skipped ones are history). Each order is locked first,
    as its own events lock it, so an order event handled meanwhile cannot write back a time
    computed from the old settings. Returns how many were looked at; an email moved to a time
    already due wakes the dispatcher at commit (migration 0007)."""
    order_ids = await surveys.pending_by_rule(conn, shop_id)
    for order_id in order_ids:
        await orders.lock(conn, shop_id, order_id)
        await schedule(conn, settings, shop_id, order_id, now)
    return len(order_ids)


def order_consumer(settings: SurveySettings, clock: Callable[[], datetime]) -> ConsumerSpec:
    async def on_order_event(conn: Connection, event: OrderEvent) -> None:
        order_id = event.payload.order_id
        view = await orders.lock(conn, event.shop_id, order_id)
        await orders.save(conn, fold(view, event))
        await schedule(conn, settings, event.shop_id, order_id, clock())

    # Every order event but order.paid, which changes nothing survey cares about.
    handlers = (
        Handlers()
        .on(OrderPlaced, on_order_event)
        .on(OrderFulfilled, on_order_event)
        .on(OrderDelivered, on_order_event)
        .on(OrderCancelled, on_order_event)
        .on(OrderRefunded, on_order_event)
        .on(OrderReturned, on_order_event)
    )
    return ConsumerSpec(name="survey.orders", topics=(ORDERS,), handlers=handlers)
