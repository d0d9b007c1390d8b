"""Sends queued notifications: claim (SKIP LOCKED, committed before any I/O), send by email or
webhook, record the outcome. Staff notifications are sent at least once, unlike customer emails
(survey, at most once): a send whose outcome is unknown (the connection broke after DATA, or
the worker died between claim and result) is sent again, with the same Message-ID (or
`webhook-id`), so receivers and mail clients see one message. A missed alert about a negative
review is the failure the product exists to prevent; a duplicate costs nothing. The lanes are
the shared email worker's (shared/email/worker.py): each claims one notification at a time,
right before sending it."""

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

import httpx

from services.notifier.delivery import webhooks
from services.notifier.notifications import content as contents
from services.notifier.notifications import repository as notifications
from services.notifier.notifications.repository import NotificationRow
from services.notifier.rules import repository as rules
from services.notifier.settings import NotifierSettings
from shared.backoff import DURABLE
from shared.db.pool import Pool
from shared.email import mime
from shared.email.smtp import SendResult, SmtpPool
from shared.email.worker import Email, EmailWorker
from shared.metrics import ALERTS_SENT, NOTIFICATIONS

log = logging.getLogger(__name__)


def message_id(row: NotificationRow, domain: str) -> str:
    """The same for every copy of one notification (a retry is the same message), never the
    same for two: the row's random token, since ids repeat across installations sharing the
    domain."""
    return f"<notification.{row.id}.{row.message_token}@{domain}>"


@dataclass
class DeliveryWorker:
    pool: Pool
    settings: NotifierSettings
    clock: Callable[[], datetime]
    # The service passes one SMTP pool and one HTTP client for all passes, so connections
    # outlive a pass (a NOTIFY starts a pass per commit); without them, a pass opens its own
    # and closes them at its end. An HTTP client is only made when a webhook is due: making one
    # loads the CA bundle, about as costly as the rest of an alert's delivery.
    smtp: SmtpPool | None = None
    http: httpx.AsyncClient | None = None

    async def run_once(self) -> int:
        # Each lane claims its next notification only when it is free to send it, so a worker
        # that dies holds no more claims than it has sends in flight: a claimed notification
        # waiting behind another would become 'unknown' after the lease without ever having
        # been sent. Webhooks go through the same lanes, their SMTP connection unused.
        http = _LazyClient(self.http, lambda: webhooks.client(self.settings))
        worker = EmailWorker(
            _Delivery(self, http),
            self.clock,
            self.settings.smtp_server,
            self.settings.delivery_batch,
            self.settings.delivery_concurrency,
            claim_ahead=False,
            smtp=self.smtp,
        )
        try:
            return await worker.run_once()
        finally:
            await http.close_if_owned()

    async def _email(self, row: NotificationRow, now: datetime) -> Email:
        c = row.content
        message = mime.alternative(
            ("Reviewloop", self.settings.from_address),
            row.target,
            c["subject"],
            message_id(row, self.settings.message_id_domain),
            now,
            c["text"],
            c["html"],
            {"Auto-Submitted": "auto-generated"},
        )
        record = partial(self._record, row, now)
        return Email(row.kind, self.settings.from_address, row.target, message, record)

    async def _record(self, row: NotificationRow, now: datetime, result: SendResult) -> None:
        NOTIFICATIONS.labels("email", result.outcome).inc()
        async with self.pool.acquire() as conn:
            if result.outcome == "accepted":
                ALERTS_SENT.labels(row.kind, "email").inc()
                await notifications.finish(conn, row.id, "sent", None, now)
            elif result.outcome == "retry":
                await notifications.retry_at(
                    conn, row.id, result.detail, DURABLE.next_attempt(now, row.attempts)
                )
            elif result.outcome == "permanent":
                # Surfaced in the API and the logs: a staff address that bounces is a problem.
                log.error(
                    "alert email refused",
                    extra={"notification_id": row.id, "detail": result.detail},
                )
                await notifications.finish(conn, row.id, "failed", result.detail, now)
            else:
                # Maybe delivered, maybe not: the same message again (same Message-ID) soon.
                log.warning(
                    "alert email outcome unknown, sending again",
                    extra={"notification_id": row.id, "detail": result.detail},
                )
                await notifications.retry_at(
                    conn,
                    row.id,
                    f"outcome unknown: {result.detail}",
                    DURABLE.next_attempt(now, row.attempts),
                )

    async def _webhook(self, row: NotificationRow, http: httpx.AsyncClient, now: datetime) -> None:
        async with self.pool.acquire() as conn:
            if await notifications.receiver_paused(conn, row.target):
                await notifications.finish(conn, row.id, "paused", "receiver paused", now)
                return
            rule = await rules.get(conn, row.shop_id, row.rule_id) if row.rule_id else None
        if rule is None or not rule.secret:
            async with self.pool.acquire() as conn:
                await notifications.finish(conn, row.id, "failed", "rule deleted", now)
            return
        body = contents.slack_body(row.content) if rule.format == "slack" else row.content["event"]
        raw, headers = webhooks.signed_request(
            f"msg_{row.idempotency_key}", body, rule.secret, now.timestamp()
        )
        result = await webhooks.post(http, row.target, raw, headers)
        NOTIFICATIONS.labels("webhook", result.outcome).inc()
        async with self.pool.acquire() as conn, conn.transaction():
            if result.outcome == "delivered":
                ALERTS_SENT.labels(row.kind, "webhook").inc()
                await notifications.finish(conn, row.id, "sent", None, now)
                await notifications.receiver_succeeded(conn, row.shop_id, row.target)
                return
            paused = await notifications.receiver_failed(
                conn,
                row.shop_id,
                row.target,
                result.detail,
                self.settings.receiver_pause_after,
                now,
            )
            if paused:
                log.error(
                    "webhook receiver paused", extra={"url": row.target, "detail": result.detail}
                )
                await notifications.finish(conn, row.id, "paused", result.detail, now)
                await notifications.pause_pending_for(conn, row.target)
            elif result.outcome == "retry" and row.attempts < self.settings.webhook_max_attempts:
                await notifications.retry_at(
                    conn, row.id, result.detail, DURABLE.next_attempt(now, row.attempts)
                )
            else:
                await notifications.finish(conn, row.id, "failed", result.detail, now)


@dataclass(frozen=True)
class _Delivery:
    """The notifier's side of one pass of the shared email worker (shared/email/worker.py)."""

    worker: DeliveryWorker
    http: "_LazyClient"

    async def settle_stale(self, now: datetime) -> None:
        lease = timedelta(seconds=self.worker.settings.delivery_claim_lease_s)
        async with self.worker.pool.acquire() as conn:
            await notifications.requeue_stale_claims(conn, now - lease, now)

    async def claim(self, now: datetime, limit: int) -> list[NotificationRow]:
        async with self.worker.pool.acquire() as conn:
            return await notifications.claim_due(conn, now, limit)

    async def prepare(self, row: NotificationRow, now: datetime) -> Email | None:
        if row.channel == "email":
            return await self.worker._email(row, now)
        await self.worker._webhook(row, self.http.get(), now)
        return None

    def scope(self, row: NotificationRow) -> AbstractContextManager[object]:
        return nullcontext()

    def failed(self, row: NotificationRow) -> None:
        log.exception("notification failed", extra={"notification_id": row.id})


class _LazyClient:
    """The service's long-lived client, or one made at the first webhook of a pass."""

    def __init__(
        self, shared: httpx.AsyncClient | None, make: Callable[[], httpx.AsyncClient]
    ) -> None:
        self._client = shared
        self._make = make
        self._owned = False

    def get(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = self._make()
            self._owned = True
        return self._client

    async def close_if_owned(self) -> None:
        if self._owned and self._client is not None:
            await self._client.aclose()
