"""What the survey's two kinds of email (invitations and reminders; case follow-ups) do alike
around the shared email worker (shared/email/worker.py): settle stale claims, reserve the
address, record a skip, write the server's answer.

Customer emails go at most once. A claim commits before any SMTP traffic; the address is
reserved, committed, right before it, the point from which the email may have reached the
server. A process that dies in between leaves the row in 'sending'; after the lease a reserved
one becomes 'unknown' (it may have been delivered and is never sent again), an unreserved one
'pending' again. An answer that leaves the outcome open (the connection broke during DATA) is
written as 'unknown' too.
"""

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import TypeVar

from services.survey import suppressions
from services.survey.outgoing import repository
from services.survey.outgoing.repository import EmailTable
from services.survey.settings import SurveySettings
from shared.backoff import Backoff
from shared.db.pool import Connection, Pool
from shared.email.smtp import SendResult, SmtpPool
from shared.email.worker import Email, EmailWorker, Mail
from shared.metrics import EMAILS_SKIPPED, SURVEY_EMAILS

log = logging.getLogger(__name__)

C = TypeVar("C")

# Temporary SMTP failures: 1, 2, 4 ... minutes, at most an hour.
RETRY = Backoff(first_s=60.0, cap_s=3600.0)

# Writes 'sent' (and whatever goes with it) in the connection it is given.
MarkSent = Callable[[Connection], Awaitable[None]]


@dataclass(frozen=True)
class Sending:
    """A claimed email about to go to `recipient`, checked and reserved at `at`."""

    kind: str
    email_id: int
    attempts: int
    recipient: str
    tenant_group: str
    at: datetime


@dataclass(frozen=True)
class Outgoing:
    """The rules of one table of outgoing emails."""

    table: EmailTable
    pool: Pool
    settings: SurveySettings

    def worker(
        self,
        mail: Mail[C],
        clock: Callable[[], datetime],
        *,
        concurrency: int,
        claim_ahead: bool,
        smtp: SmtpPool | None = None,
    ) -> EmailWorker[C]:
        return EmailWorker(
            mail,
            clock,
            self.settings.smtp_server,
            self.settings.dispatch_batch,
            concurrency,
            claim_ahead,
            smtp,
        )

    async def settle_stale(self, now: datetime) -> None:
        lease = timedelta(seconds=self.settings.dispatch_claim_lease_s)
        async with self.pool.acquire() as conn:
            expired = await repository.expire_stale_claims(conn, self.table, now - lease)
        if expired:
            log.warning(
                "stale claims marked unknown", extra={"table": self.table, "emails": expired}
            )

    async def skip(self, conn: Connection, kind: str, email_id: int, reason: str) -> None:
        await repository.mark_skipped(conn, self.table, email_id, reason)
        SURVEY_EMAILS.labels(kind, f"skipped_{reason}").inc()
        EMAILS_SKIPPED.labels(kind, reason).inc()

    async def reserve(self, conn: Connection, sending: Sending) -> bool:
        """False when the claim outlived its lease and is another worker's now: do not send."""
        if await repository.reserve_recipient(
            conn, self.table, sending.email_id, sending.recipient, sending.attempts
        ):
            return True
        log.warning(
            "claim expired before sending; not sending",
            extra={"table": self.table, "email_id": sending.email_id},
        )
        return False

    def email(self, sending: Sending, message: bytes, mark_sent: MarkSent) -> Email:
        return Email(
            sending.kind,
            self.settings.from_address,
            sending.recipient,
            message,
            partial(self._record, sending, mark_sent),
        )

    async def _record(self, sending: Sending, mark_sent: MarkSent, result: SendResult) -> None:
        SURVEY_EMAILS.labels(sending.kind, result.outcome).inc()
        if result.outcome == "accepted":
            async with self.pool.acquire() as conn:
                await mark_sent(conn)
            return
        email_id, recipient = sending.email_id, sending.recipient
        async with self.pool.acquire() as conn, conn.transaction():
            if result.outcome == "retry":
                due = RETRY.next_attempt(sending.at, sending.attempts)
                await repository.mark_retry(conn, self.table, email_id, result.detail, due)
            elif result.outcome == "permanent":
                await repository.mark_undelivered(
                    conn, self.table, email_id, "failed", recipient, result.detail
                )
                if result.recipient_refused:
                    await suppressions.add(
                        conn,
                        sending.tenant_group,
                        recipient,
                        "bounced",
                        self.settings.suppression_pepper,
                    )
            else:
                await repository.mark_undelivered(
                    conn, self.table, email_id, "unknown", recipient, result.detail
                )
                log.warning(
                    "email outcome unknown: not resending",
                    extra={"table": self.table, "email_id": email_id, "detail": result.detail},
                )
