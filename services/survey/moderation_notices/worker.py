"""The moderation notice worker: the shared email worker (shared/email/worker.py) with the
survey dispatch's at-most-once rules (services/survey/outgoing/mail.py) on its own table, like
the follow-ups. Rejections are rare: one lane, one claim at a time."""

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from services.survey import suppressions
from services.survey.email.render import UNFOLDED, ModerationNoticeContent, build_moderation_notice
from services.survey.email.translations import language_of
from services.survey.moderation_notices import repository as notices
from services.survey.moderation_notices.repository import NoticeRow
from services.survey.moderation_notices.rules import skip_reason
from services.survey.orders import repository as orders
from services.survey.orders.view import OrderView
from services.survey.outgoing import repository as outgoing
from services.survey.outgoing.mail import Outgoing, Sending
from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.shops.repository import ShopRow
from shared.db.pool import Connection, Pool
from shared.email.worker import Email

log = logging.getLogger(__name__)

KIND = "moderation_notice"


def compose(
    notice: NoticeRow,
    order: OrderView,
    rating: int,
    shop: ShopRow,
    settings: SurveySettings,
    now: datetime,
) -> bytes:
    assert order.customer_email is not None
    brand = shop.settings.brand
    item = next((i for i in order.items if i.line == notice.line), None)
    content = ModerationNoticeContent(
        language=language_of(notice.language, order.locale, shop.locale),
        shop_name=shop.display_name or shop.shop_id,
        recipient=order.customer_email,
        recipient_name=order.customer_name,
        product=item.name if item else notice.review_id,
        rating=rating,
        reason=notice.reason,
        logo_url=str(brand.logo_url) if brand.logo_url else None,
        color=brand.primary_color,
        contact_email=shop.contact.email,
        contact_url=shop.contact.url,
        contact_phone=shop.contact.phone,
    )
    message = build_moderation_notice(content, settings.from_address, notice.message_id, now)
    return message.as_bytes(policy=UNFOLDED)


@dataclass
class ModerationNoticeDispatcher:
    pool: Pool
    settings: SurveySettings
    clock: Callable[[], datetime]

    def __post_init__(self) -> None:
        self._outgoing = Outgoing("moderation_notices", self.pool, self.settings)
        self._worker = self._outgoing.worker(self, self.clock, concurrency=1, claim_ahead=False)

    async def run_once(self) -> int:
        """Send the notices due now; returns how many were handled."""
        return await self._worker.run_once()

    # -- shared.email.worker.Mail -------------------------------------------------------------

    async def settle_stale(self, now: datetime) -> None:
        await self._outgoing.settle_stale(now)

    async def claim(self, now: datetime, limit: int) -> list[NoticeRow]:
        async with self.pool.acquire() as conn:
            return await notices.claim_due(conn, now, limit)

    def scope(self, notice: NoticeRow) -> AbstractContextManager[object]:
        return nullcontext()

    def failed(self, notice: NoticeRow) -> None:
        log.exception("moderation notice dispatch failed", extra={"email_id": notice.id})

    async def prepare(self, notice: NoticeRow, now: datetime) -> Email | None:
        async with self.pool.acquire() as conn, conn.transaction():
            shop = await shops.get(conn, notice.shop_id)
            order: OrderView | None = None
            rating: int | None = None
            suppression: suppressions.Reason | None = None
            if notice.order_id is not None:
                order = await orders.get(conn, notice.shop_id, notice.order_id)
            if notice.survey_id is not None and notice.line is not None:
                rating = await notices.rating_of(conn, notice.survey_id, notice.line)
            if order is not None and order.customer_email:
                suppression = await suppressions.reason_for(
                    conn, shop.tenant_group, order.customer_email, self.settings.suppression_pepper
                )
            reason = skip_reason(order, rating, suppression)
            if reason is not None:
                await self._outgoing.skip(conn, KIND, notice.id, reason)
                return None
            assert order is not None and order.customer_email is not None and rating is not None
            sending = Sending(
                KIND, notice.id, notice.attempts, order.customer_email, shop.tenant_group, now
            )
            if not await self._outgoing.reserve(conn, sending):
                return None
        message = compose(notice, order, rating, shop, self.settings, now)
        return self._outgoing.email(sending, message, partial(_mark_sent, sending))


async def _mark_sent(sending: Sending, conn: Connection) -> None:
    await outgoing.mark_sent(
        conn, "moderation_notices", sending.email_id, sending.recipient, sending.at
    )
