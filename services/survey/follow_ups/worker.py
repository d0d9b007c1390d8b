"""The follow-up worker: the shared email worker (shared/email/worker.py) with the survey
dispatch's at-most-once rules (services/survey/outgoing/mail.py) on its own table.

The worker claims one follow-up at a time, when it is about to send it, like the notifier's
delivery lanes: a worker that dies holds at most the one it was sending. Follow-ups are few (one
per resolved case), so one lane and one SMTP connection per run are plenty.
"""

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from services.survey import suppressions
from services.survey.dispatch.compose import unsubscribe_url
from services.survey.email.render import UNFOLDED, FollowUpContent, build_follow_up
from services.survey.email.translations import language_of
from services.survey.follow_ups import repository as follow_ups
from services.survey.follow_ups.repository import FollowUpRow
from services.survey.follow_ups.rules import skip_reason
from services.survey.orders import repository as orders
from services.survey.orders.view import OrderView
from services.survey.outgoing import repository as outgoing
from services.survey.outgoing.mail import Outgoing, Sending
from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.shops.repository import ShopRow
from services.survey.surveys import repository as surveys
from services.survey.surveys.repository import SurveyRow
from services.survey.tokens import Tokens
from shared.db.pool import Connection, Pool
from shared.email.worker import Email

log = logging.getLogger(__name__)

KIND = "follow_up"


def compose(
    email: FollowUpRow,
    survey_ref: str,
    order: OrderView,
    shop: ShopRow,
    settings: SurveySettings,
    tokens: Tokens,
    now: datetime,
) -> bytes:
    assert order.customer_email is not None
    brand = shop.settings.brand
    content = FollowUpContent(
        # The language the customer wrote their review in comes first.
        language=language_of(email.language, order.locale, shop.locale),
        shop_name=shop.display_name or shop.shop_id,
        recipient=order.customer_email,
        recipient_name=order.customer_name,
        # The order's survey reference: the one unsubscribe page serves both kinds of email.
        unsubscribe_url=unsubscribe_url(settings, tokens, survey_ref),
        logo_url=str(brand.logo_url) if brand.logo_url else None,
        color=brand.primary_color,
        contact_email=shop.contact.email,
        contact_url=shop.contact.url,
        contact_phone=shop.contact.phone,
    )
    message = build_follow_up(content, settings.from_address, email.message_id, now)
    return message.as_bytes(policy=UNFOLDED)


@dataclass
class FollowUpDispatcher:
    pool: Pool
    settings: SurveySettings
    tokens: Tokens
    clock: Callable[[], datetime]

    def __post_init__(self) -> None:
        self._outgoing = Outgoing("follow_up_emails", self.pool, self.settings)
        # One claim per send: a batch claimed at once would leave the follow-ups waiting behind
        # the one in flight stranded in 'sending' if the process died.
        self._worker = self._outgoing.worker(self, self.clock, concurrency=1, claim_ahead=False)

    async def run_once(self) -> int:
        """Send the follow-ups due now; returns how many were handled."""
        return await self._worker.run_once()

    # -- shared.email.worker.Mail -------------------------------------------------------------

    async def settle_stale(self, now: datetime) -> None:
        await self._outgoing.settle_stale(now)

    async def claim(self, now: datetime, limit: int) -> list[FollowUpRow]:
        async with self.pool.acquire() as conn:
            return await follow_ups.claim_due(conn, now, limit)

    def scope(self, email: FollowUpRow) -> AbstractContextManager[object]:
        return nullcontext()

    def failed(self, email: FollowUpRow) -> None:
        log.exception("follow-up dispatch failed", extra={"email_id": email.id})

    async def prepare(self, email: FollowUpRow, now: datetime) -> Email | None:
        async with self.pool.acquire() as conn, conn.transaction():
            shop = await shops.get(conn, email.shop_id)
            order: OrderView | None = None
            survey: SurveyRow | None = None
            suppression: suppressions.Reason | None = None
            if email.order_id is not None:
                order = await orders.get(conn, email.shop_id, email.order_id)
                survey = await surveys.get_by_order(conn, email.shop_id, email.order_id)
            if order is not None and order.customer_email:
                suppression = await suppressions.reason_for(
                    conn, shop.tenant_group, order.customer_email, self.settings.suppression_pepper
                )
            reason = skip_reason(order, survey is not None, shop.settings, suppression)
            if reason is not None:
                await self._outgoing.skip(conn, KIND, email.id, reason)
                return None
            assert order is not None and order.customer_email is not None and survey is not None
            sending = Sending(
                KIND, email.id, email.attempts, order.customer_email, shop.tenant_group, now
            )
            if not await self._outgoing.reserve(conn, sending):
                return None
        message = compose(email, survey.public_ref, order, shop, self.settings, self.tokens, now)
        return self._outgoing.email(sending, message, partial(_mark_sent, sending))


async def _mark_sent(sending: Sending, conn: Connection) -> None:
    await outgoing.mark_sent(
        conn, "follow_up_emails", sending.email_id, sending.recipient, sending.at
    )
