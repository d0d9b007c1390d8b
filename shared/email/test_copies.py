"""What the survey's and the notifier's test copies share: a shop's hourly allowance, and
sending one message straight to SMTP. A test copy is no logical message of the product (no
order, review or notification is behind it), so it bypasses the outbox and the email worker:
nothing to retry, nothing to deduplicate; a refusal is answered to the person who asked."""

import math
from datetime import datetime, timedelta

from shared.email.smtp import SmtpConnection
from shared.settings import SmtpServer

WINDOW = timedelta(hours=1)


class TooManyTests(Exception):
    """The shop sent its test copies for this hour: 429, retry after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class NotSent(Exception):
    """The SMTP server did not take the test copy (502); the message says what it answered."""


def check_allowance(recent: list[datetime], limit: int, now: datetime) -> None:
    """`recent`: when the shop's test copies of the last WINDOW went, oldest first. Raises
    TooManyTests with the seconds until the oldest one counted leaves the window."""
    if len(recent) < limit:
        return
    wait = recent[-limit] + WINDOW - now if limit else WINDOW
    raise TooManyTests(max(1, math.ceil(wait.total_seconds())))


async def send_one(server: SmtpServer, sender: str, to: str, message: bytes) -> None:
    """On a connection of its own, closed after. Raises NotSent."""
    connection = SmtpConnection(server)
    try:
        result = await connection.send(sender, to, message)
    finally:
        await connection.close()
    if result.outcome != "accepted":
        raise NotSent(f"the mail server did not take it ({result.outcome}): {result.detail}")
