"""The dispatch of invitations and reminders: the shared email worker (shared/email/worker.py)
with this table's checks and message, and the survey's at-most-once rules
(services/survey/outgoing/mail.py).

A pass claims its whole batch at once and deals it to the lanes in order: only an email whose
address was reserved (committed right before its SMTP traffic) can end 'unknown' when the worker
dies; the rest of a dead worker's batch never left and goes back to 'pending'.
"""

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from services.survey import suppressions
from services.survey.dispatch.compose import compose
from services.survey.orders import repository as orders
from services.survey.outgoing.mail import Outgoing, Sending
from services.survey.scheduling.eligibility import skip_reason
from services.survey.scheduling.timing import into_window, too_old
from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.surveys import repository as surveys
from services.survey.surveys.handlers import message_id
from services.survey.surveys.repository import EmailRow
from services.survey.tokens import Tokens
from shared import tracing
from shared.db.pool import Connection, Pool
from shared.email.smtp import SmtpPool
from shared.email.worker import Email
from shared.timezones import customer_zone

log = logging.getLogger(__name__)


@dataclass
class Dispatcher:
    pool: Pool
    settings: SurveySettings
    tokens: Tokens
    clock: Callable[[], datetime]
    # Connections kept between passes when the service passes its pool; without one, each
    # pass opens its own and closes them at its end.
    smtp: SmtpPool | None = None
    # Shop settings and tenant groups, read once per dispatcher (one dispatch cycle), not per
    # email.
    _shops: dict[str, shops.ShopRow] = field(default_factory=dict)
    _groups: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._outgoing = Outgoing("survey_emails", self.pool, self.settings)
        self._worker = self._outgoing.worker(
            self,
            self.clock,
            concurrency=self.settings.dispatch_concurrency,
            claim_ahead=True,
            smtp=self.smtp,
        )

    async def run_once(self) -> int:
        """Send what is due now; returns how many emails were handled."""
        return await self._worker.run_once()

    async def _shop(self, conn: Connection, shop_id: str) -> shops.ShopRow:
        if shop_id not in self._shops:
            self._shops[shop_id] = await shops.get(conn, shop_id)
        return self._shops[shop_id]

    async def _group(self, conn: Connection, tenant_group: str) -> list[str]:
        if tenant_group not in self._groups:
            self._groups[tenant_group] = await shops.in_tenant_group(conn, tenant_group)
        return self._groups[tenant_group]

    # -- shared.email.worker.Mail -------------------------------------------------------------

    async def settle_stale(self, now: datetime) -> None:
        await self._outgoing.settle_stale(now)

    async def claim(self, now: datetime, limit: int) -> list[EmailRow]:
        async with self.pool.acquire() as conn:
            return await surveys.claim_due(conn, now, limit)

    def scope(self, email: EmailRow) -> AbstractContextManager[object]:
        # Continues the trace of the event that scheduled the email.
        return tracing.span(f"survey {email.kind}", parent=email.trace_context)

    def failed(self, email: EmailRow) -> None:
        log.exception("dispatch failed", extra={"email_id": email.id})

    async def prepare(self, email: EmailRow, now: datetime) -> Email | None:
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
                    shop_country=shop.country,
                )
            )
            if reason is not None:
                await self._outgoing.skip(conn, email.kind, email.id, reason)
                return None
            assert order is not None and order.customer_email is not None
            sending = Sending(
                email.kind, email.id, email.attempts, order.customer_email, shop.tenant_group, now
            )
            if not await self._outgoing.reserve(conn, sending):
                return None
        reminder = None
        if email.kind == "invitation" and cfg.reminder_enabled:
            # In the customer's send window, off Sundays, as the invitation was: five days
            # after an invitation sent at night ("send now") is no time to write either.
            zone = customer_zone(
                order.country or order.shipping_country, shop.country, shop.timezone
            )
            reminder = (
                into_window(now + timedelta(days=cfg.reminder_delay_days), zone, cfg),
                message_id("reminder", survey.public_ref, self.settings.message_id_domain),
            )
        return self._outgoing.email(
            sending,
            compose(email, survey, order, shop, self.settings, self.tokens, now),
            partial(_mark_sent, sending, reminder),
        )


async def _mark_sent(
    sending: Sending, reminder: tuple[datetime, str] | None, conn: Connection
) -> None:
    """Sent, and the reminder of an invitation queued by the same statement."""
    await surveys.mark_sent_and_schedule(
        conn, sending.email_id, sending.recipient, sending.at, reminder
    )
