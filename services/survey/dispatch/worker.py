"""The dispatch worker: claim due emails, check them again, send, record the outcome.

Claims commit before any SMTP traffic (`FOR UPDATE SKIP LOCKED`, so replicas never share a
row); each outcome is written in its own transaction right after the server's answer. A process
that dies in between leaves the row in 'sending', and `expire_stale_claims` turns it into
'unknown' after the lease: such an email may have been delivered and is never sent again. Only
an email whose address was reserved (committed right before its SMTP traffic) can be in that
state; the rest of a dead worker's batch never left and goes back to 'pending'.
"""

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from services.survey import suppressions
from services.survey.dispatch.compose import compose
from services.survey.orders import repository as orders
from services.survey.scheduling.eligibility import skip_reason
from services.survey.scheduling.timing import too_old
from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.surveys import repository as surveys
from services.survey.surveys.handlers import message_id
from services.survey.surveys.repository import EmailRow
from services.survey.tokens import Tokens
from shared import tracing
from shared.db.pool import Connection, Pool
from shared.email.smtp import SendResult, SmtpConnection, SmtpPool
from shared.metrics import EMAILS_SKIPPED, SURVEY_EMAILS, count_email

log = logging.getLogger(__name__)


def retry_delay(attempts: int) -> timedelta:
    """Backoff for temporary SMTP failures: 1, 2, 4 ... minutes, at most an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


@dataclass
class Dispatcher:
    pool: Pool
    settings: SurveySettings
    tokens: Tokens
    clock: Callable[[], datetime]
    # Connections kept between passes when the service passes its pool; without one, each
    # lane opens its own and closes it at the end of the pass.
    smtp: SmtpPool | None = None
    # Shop settings and tenant groups, read once per dispatcher (one dispatch cycle), not per
    # email.
    _shops: dict[str, shops.ShopRow] = field(default_factory=dict)
    _groups: dict[str, list[str]] = field(default_factory=dict)

    async def _shop(self, conn: Connection, shop_id: str) -> shops.ShopRow:
        if shop_id not in self._shops:
            self._shops[shop_id] = await shops.get(conn, shop_id)
        return self._shops[shop_id]

    async def _group(self, conn: Connection, tenant_group: str) -> list[str]:
        if tenant_group not in self._groups:
            self._groups[tenant_group] = await shops.in_tenant_group(conn, tenant_group)
        return self._groups[tenant_group]

    async def run_once(self) -> int:
        """Send what is due now; returns how many emails were handled."""
        now = self.clock()
        async with self.pool.acquire() as conn:
            lease = timedelta(seconds=self.settings.dispatch_claim_lease_s)
            expired = await surveys.expire_stale_claims(conn, now - lease)
            if expired:
                log.warning("stale claims marked unknown", extra={"emails": expired})
            claimed = await surveys.claim_due(conn, now, self.settings.dispatch_batch)
        if not claimed:
            return 0
        # Each connection works through its share in order: reuse without sharing a session.
        lanes = max(1, min(self.settings.dispatch_concurrency, len(claimed)))
        shares = [claimed[i::lanes] for i in range(lanes)]
        connections = self.smtp or SmtpPool(self.settings.smtp_server)
        try:
            await asyncio.gather(*(self._run_lane(share, connections) for share in shares))
        finally:
            if self.smtp is None:
                await connections.close()
        return len(claimed)

    async def _run_lane(self, emails: list[EmailRow], connections: SmtpPool) -> None:
        smtp = await connections.take()
        try:
            for email in emails:
                try:
                    # Continues the trace of the event that scheduled the email.
                    with tracing.span(f"survey {email.kind}", parent=email.trace_context):
                        await self._handle(email, smtp)
                except Exception:
                    # The row stays 'sending' and becomes 'unknown' after the lease: never a
                    # blind resend.
                    log.exception("dispatch failed", extra={"email_id": email.id})
        finally:
            await connections.give_back(smtp)

    async def _handle(self, email: EmailRow, smtp: SmtpConnection) -> None:
        now = self.clock()
        async with self.pool.acquire() as conn, conn.transaction():
            survey = await surveys.get(conn, email.survey_id)
            assert survey is not None
            order = await orders.get(conn, survey.shop_id, survey.order_id)
            shop = await self._shop(conn, survey.shop_id)
            cfg = shop.settings
            suppression = None
            recent = False
            if order is not None and order.customer_email:
                await surveys.lock_recipient(conn, shop.tenant_group, order.customer_email)
                suppression, recent = await surveys.recipient_state(
                    conn,
                    shop.tenant_group,
                    await self._group(conn, shop.tenant_group),
                    order.customer_email,
                    suppressions.address_key(
                        order.customer_email, self.settings.suppression_pepper
                    ),
                    now - timedelta(days=cfg.cooldown_days),
                    survey.id,
                )
            reason = (
                "redacted"
                if order is None
                else skip_reason(
                    order,
                    cfg,
                    "reminder" if email.kind == "reminder" else "invitation",
                    suppression,
                    recent,
                    survey.answered_at is not None,
                    # Checked again when due: a pending invitation can age out meanwhile (a
                    # dispatcher stopped for weeks must not wake up to mail them all).
                    too_old=survey.send_at_override is None
                    and too_old(order, shop.country, cfg, now),
                )
            )
            if reason is not None:
                await surveys.mark_skipped(conn, email.id, reason)
                SURVEY_EMAILS.labels(email.kind, f"skipped_{reason}").inc()
                EMAILS_SKIPPED.labels(email.kind, reason).inc()
                return
            assert order is not None and order.customer_email is not None
            if not await surveys.reserve_recipient(
                conn, email.id, order.customer_email, email.attempts
            ):
                log.warning(
                    "claim expired before sending; not sending", extra={"email_id": email.id}
                )
                return
        message = compose(email, survey, order, shop, self.settings, self.tokens, now)
        result = await smtp.send(self.settings.from_address, order.customer_email, message)
        await self._record(email, survey.public_ref, order.customer_email, shop, result, now)

    async def _record(
        self,
        email: EmailRow,
        public_ref: str,
        recipient: str,
        shop: shops.ShopRow,
        result: SendResult,
        now: datetime,
    ) -> None:
        SURVEY_EMAILS.labels(email.kind, result.outcome).inc()
        count_email(email.kind, result.outcome)
        if result.outcome == "accepted":
            reminder = None
            if email.kind == "invitation" and shop.settings.reminder_enabled:
                reminder = (
                    now + timedelta(days=shop.settings.reminder_delay_days),
                    message_id("reminder", public_ref, self.settings.message_id_domain),
                )
            async with self.pool.acquire() as conn:
                await surveys.mark_sent_and_schedule(conn, email.id, recipient, now, reminder)
            return
        async with self.pool.acquire() as conn, conn.transaction():
            if result.outcome == "retry":
                await surveys.mark_retry(
                    conn, email.id, result.detail, now + retry_delay(email.attempts)
                )
            elif result.outcome == "permanent":
                await surveys.mark_failed(conn, email.id, recipient, result.detail)
                if result.recipient_refused:
                    await suppressions.add(
                        conn,
                        shop.tenant_group,
                        recipient,
                        "bounced",
                        self.settings.suppression_pepper,
                    )
            else:
                await surveys.mark_unknown(conn, email.id, recipient, result.detail)
                log.warning(
                    "email outcome unknown: not resending",
                    extra={"email_id": email.id, "detail": result.detail},
                )
