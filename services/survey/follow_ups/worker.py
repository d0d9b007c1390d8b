"""The follow-up worker: the survey dispatch's rules on its own table.

Claim (commit) before SMTP; re-check the order, suppressions and the shop's switch when due;
reserve the address (commit) right before the SMTP traffic; write each outcome right after the
server's answer. The worker claims one follow-up at a time, when it is about to send it, like
the notifier's delivery lanes: a worker that dies holds at most the one it was sending. That one
stays 'sending' until `expire_stale_claims` settles it after the lease: 'unknown' (may have been
delivered, never sent again) once reserved, else 'pending' again. Follow-ups are few (one per
resolved case), so one SMTP connection per run is plenty.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.survey import suppressions
from services.survey.dispatch.compose import unsubscribe_url
from services.survey.dispatch.worker import retry_delay
from services.survey.email.render import UNFOLDED, FollowUpContent, build_follow_up
from services.survey.email.translations import language_of
from services.survey.follow_ups import repository as follow_ups
from services.survey.follow_ups.repository import FollowUpRow
from services.survey.follow_ups.rules import skip_reason
from services.survey.orders import repository as orders
from services.survey.orders.view import OrderView
from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.shops.repository import ShopRow
from services.survey.surveys import repository as surveys
from services.survey.surveys.repository import SurveyRow
from services.survey.tokens import Tokens
from shared.db.pool import Pool
from shared.email.smtp import SendResult, SmtpConnection
from shared.metrics import EMAILS_SKIPPED, SURVEY_EMAILS, count_email

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
    )
    message = build_follow_up(content, settings.from_address, email.message_id, now)
    return message.as_bytes(policy=UNFOLDED)


@dataclass
class FollowUpDispatcher:
    pool: Pool
    settings: SurveySettings
    tokens: Tokens
    clock: Callable[[], datetime]

    async def run_once(self) -> int:
        """Send the follow-ups due now; returns how many were handled."""
        now = self.clock()
        async with self.pool.acquire() as conn:
            lease = timedelta(seconds=self.settings.dispatch_claim_lease_s)
            expired = await follow_ups.expire_stale_claims(conn, now - lease)
            if expired:
                log.warning("stale follow-up claims marked unknown", extra={"emails": expired})
        # Connects on the first send only.
        smtp = SmtpConnection(self.settings.smtp_server)
        handled = 0
        try:
            while handled < self.settings.dispatch_batch:
                # One claim per send: a batch claimed at once would leave the follow-ups waiting
                # behind the one in flight stranded in 'sending' if the process died.
                async with self.pool.acquire() as conn:
                    claimed = await follow_ups.claim_due(conn, self.clock(), 1)
                if not claimed:
                    break
                email = claimed[0]
                handled += 1
                try:
                    await self._handle(email, smtp)
                except Exception:
                    # Stays 'sending' until the lease settles it: never a blind resend.
                    log.exception("follow-up dispatch failed", extra={"email_id": email.id})
        finally:
            await smtp.close()
        return handled

    async def _handle(self, email: FollowUpRow, smtp: SmtpConnection) -> None:
        now = self.clock()
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
                await follow_ups.mark_skipped(conn, email.id, reason)
                SURVEY_EMAILS.labels(KIND, f"skipped_{reason}").inc()
                EMAILS_SKIPPED.labels(KIND, reason).inc()
                return
            assert order is not None and order.customer_email is not None and survey is not None
            if not await follow_ups.reserve_recipient(
                conn, email.id, order.customer_email, email.attempts
            ):
                log.warning(
                    "follow-up claim expired before sending; not sending",
                    extra={"email_id": email.id},
                )
                return
        message = compose(email, survey.public_ref, order, shop, self.settings, self.tokens, now)
        result = await smtp.send(self.settings.from_address, order.customer_email, message)
        await self._record(email, order.customer_email, shop, result, now)

    async def _record(
        self, email: FollowUpRow, recipient: str, shop: ShopRow, result: SendResult, now: datetime
    ) -> None:
        SURVEY_EMAILS.labels(KIND, result.outcome).inc()
        count_email(KIND, result.outcome)
        async with self.pool.acquire() as conn, conn.transaction():
            if result.outcome == "accepted":
                await follow_ups.mark_sent(conn, email.id, recipient, now)
            elif result.outcome == "retry":
                await follow_ups.mark_retry(
                    conn, email.id, result.detail, now + retry_delay(email.attempts)
                )
            elif result.outcome == "permanent":
                await follow_ups.mark_failed(conn, email.id, recipient, result.detail)
                if result.recipient_refused:
                    await suppressions.add(
                        conn,
                        shop.tenant_group,
                        recipient,
                        "bounced",
                        self.settings.suppression_pepper,
                    )
            else:
                await follow_ups.mark_unknown(conn, email.id, recipient, result.detail)
                log.warning(
                    "follow-up outcome unknown: not resending",
                    extra={"email_id": email.id, "detail": result.detail},
                )
