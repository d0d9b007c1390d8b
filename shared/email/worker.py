"""The one way the product sends email: claim, check again and reserve, send, record the outcome.

Survey invitations and reminders, case follow-ups and staff notifications share the steps and
differ in their table, their checks, their message and their bookkeeping; a `Mail` brings those.

- Claims commit before any SMTP traffic (`FOR UPDATE SKIP LOCKED` in the mail's `claim`), so
  replicas never share a message and a worker that dies leaves its claims for `settle_stale`.
- `prepare` checks the claim again when it is due and reserves it, committed, right before its
  SMTP traffic; it returns the `Email` to send, or None when nothing goes out by email.
- The server's answer is counted (`count_email`) and written by the email's `record` right after
  it, in its own transaction. What "unknown" means (never again for customer emails, the same
  message again for staff notifications) is the mail's rule, kept in its `record`.
- Lanes: each lane sends over one SMTP connection at a time; with a cap on the service's SMTP
  sessions (session_slots.py) a pass runs as many lanes as its process holds slots. With
  `claim_ahead` a pass claims the whole batch at once and deals it to the lanes in order;
  without, each lane claims one
  message right before sending it, so a worker that dies holds no more claims than it has sends
  in flight.
"""

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from shared.email.smtp import SendResult, SmtpConnection, SmtpPool
from shared.metrics import count_email
from shared.settings import SmtpServer

C = TypeVar("C")


@dataclass(frozen=True)
class Email:
    """One message, ready for the server, and how to write down what the server said."""

    kind: str  # the `count_email` label: invitation, reminder, follow_up, alert ...
    sender: str
    recipient: str
    message: bytes
    record: Callable[[SendResult], Awaitable[None]]


class Mail(Protocol[C]):
    """One kind of outgoing email, its claims of type C."""

    async def settle_stale(self, now: datetime) -> None:
        """Claims whose worker died before it recorded an outcome."""

    async def claim(self, now: datetime, limit: int) -> Sequence[C]:
        """Up to `limit` due messages, earliest first, claimed (committed) for this worker."""
        ...

    async def prepare(self, claim: C, now: datetime) -> Email | None:
        """Checks the claim again and reserves it; None when no email is to go out for it (it
        was skipped, its claim is no longer ours, or it went by another channel)."""
        ...

    def scope(self, claim: C) -> AbstractContextManager[object]:
        """Entered around the handling of one claim (a trace span, or nothing)."""
        ...

    def failed(self, claim: C) -> None:
        """Called inside the `except` of a claim whose handling raised, to log it; the claim
        stays as it is until `settle_stale` settles it."""


@dataclass
class EmailWorker(Generic[C]):
    mail: Mail[C]
    clock: Callable[[], datetime]
    server: SmtpServer
    batch: int
    concurrency: int
    claim_ahead: bool
    # Connections kept between passes when the service passes its pool; without one, a pass
    # opens its own and closes them at its end.
    smtp: SmtpPool | None = None

    async def run_once(self) -> int:
        """Send what is due now; returns how many claims were handled."""
        now = self.clock()
        await self.mail.settle_stale(now)
        connections = self.smtp or SmtpPool(self.server)
        try:
            return await self._pass(now, connections)
        finally:
            await connections.settle()
            if self.smtp is None:
                await connections.close()

    async def _pass(self, now: datetime, connections: SmtpPool) -> int:
        # With a cap on the service's SMTP sessions, as many lanes as this process holds slots;
        # none free: nothing is claimed, the next pass tries again.
        lanes_allowed = await connections.reserve(max(1, self.concurrency))
        if lanes_allowed < 1:
            return 0
        claimed = await self.mail.claim(now, self.batch if self.claim_ahead else 1)
        if not claimed:
            return 0
        # A lane's share to start with, and how many claims it handles at most.
        lanes: list[tuple[list[C], int]]
        if self.claim_ahead:
            # Each connection works through its share in order: reuse without sharing a session.
            count = max(1, min(lanes_allowed, len(claimed)))
            lanes = [(list(claimed[i::count]), len(claimed[i::count])) for i in range(count)]
        else:
            count = lanes_allowed
            limit = max(1, self.batch // count)
            lanes = [(list(claimed) if i == 0 else [], limit) for i in range(count)]
        handled = await asyncio.gather(
            *(self._lane(share, limit, connections) for share, limit in lanes)
        )
        return sum(handled)

    async def _lane(self, claimed: list[C], limit: int, connections: SmtpPool) -> int:
        """Works through `claimed`, then claims one at a time, until `limit` are handled."""
        queue = deque(claimed)
        smtp = await connections.take()
        handled = 0
        try:
            while handled < limit:
                if not queue:
                    queue.extend(await self.mail.claim(self.clock(), 1))
                    if not queue:
                        break
                claim = queue.popleft()
                handled += 1
                try:
                    with self.mail.scope(claim):
                        await self._send(claim, smtp)
                except Exception:
                    self.mail.failed(claim)
        finally:
            await connections.give_back(smtp)
        return handled

    async def _send(self, claim: C, smtp: SmtpConnection) -> None:
        email = await self.mail.prepare(claim, self.clock())
        if email is None:
            return
        result = await smtp.send(email.sender, email.recipient, email.message)
        count_email(email.kind, result.outcome)
        await email.record(result)
