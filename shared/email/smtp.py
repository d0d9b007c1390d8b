"""Handing one message to the SMTP server, with an answer that says what may have happened.

The phases matter: a failure before DATA means nothing was sent (retry is safe); a broken
connection or a timeout during DATA means the server may have accepted the message, so it is
`unknown` and must not be sent again.
"""

import asyncio
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import aiosmtplib
from opentelemetry.trace import SpanKind

from shared import tracing
from shared.settings import SmtpServer

if TYPE_CHECKING:
    from shared.slots.leases import LeasedSlots

Outcome = Literal["accepted", "retry", "permanent", "unknown"]

# QUIT is a courtesy to the server: one that does not answer within this (a host gone without a
# FIN) must not hold up a stop whose budget is a few seconds.
QUIT_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    detail: str = ""
    # A 5xx answer to RCPT: the address itself is refused (suppress it).
    recipient_refused: bool = False


def _by_code(code: int, detail: str, recipient_refused: bool = False) -> SendResult:
    if 400 <= code < 500:
        return SendResult("retry", f"{code} {detail}")
    return SendResult("permanent", f"{code} {detail}", recipient_refused)


class SmtpConnection:
    """One reusable connection; reconnects after any failure."""

    def __init__(self, server: SmtpServer) -> None:
        self.server = server
        self._client: aiosmtplib.SMTP | None = None
        self.last_used = time.monotonic()

    async def _connect(self) -> aiosmtplib.SMTP:
        s = self.server
        client = aiosmtplib.SMTP(
            hostname=s.host,
            port=s.port,
            timeout=s.timeout_s,
            use_tls=s.tls,
            start_tls=s.starttls,
            cert_bundle=s.ca_file,
        )
        await client.connect()
        if s.username and s.password:
            await client.login(s.username, s.password)
        return client

    async def send(self, sender: str, recipient: str, message: bytes) -> SendResult:
        """Hand one message over; traced as a "smtp send" client span of the current trace."""
        attributes: dict[str, str | int] = {
            "server.address": self.server.host,
            "server.port": self.server.port,
        }
        with tracing.span("smtp send", kind=SpanKind.CLIENT, attributes=attributes) as span:
            result = await self._send(sender, recipient, message)
            if span.is_recording():
                span.set_attribute("reviewloop.smtp.outcome", result.outcome)
            return result

    async def _send(self, sender: str, recipient: str, message: bytes) -> SendResult:
        try:
            return await self._send_once(sender, recipient, message)
        finally:
            self.last_used = time.monotonic()

    async def _open(self) -> tuple[aiosmtplib.SMTP, bool]:
        """The client, and whether it was open already (reused from an earlier message)."""
        if self._client is not None and self._client.is_connected:
            return self._client, True
        self._client = await self._connect()
        return self._client, False

    async def _envelope(self, sender: str, recipient: str) -> aiosmtplib.SMTP:
        # An internationalised address (RFC 6531) goes with SMTPUTF8; a server without it
        # refuses MAIL, a permanent answer. Encoded as ASCII, it would raise halfway through
        # MAIL and leave the kept connection inside a transaction for the next message.
        options, encoding = ([], "ascii")
        if not (sender.isascii() and recipient.isascii()):
            options, encoding = (["SMTPUTF8"], "utf-8")
        client, reused = await self._open()
        try:
            await client.mail(sender, options=options, encoding=encoding)
        except (aiosmtplib.SMTPServerDisconnected, ConnectionError):
            if not reused:
                raise
            # A kept connection the server closed while it was idle: nothing was sent on it,
            # so a fresh connection is as safe as the first attempt.
            await self._drop()
            client, _ = await self._open()
            await client.mail(sender, options=options, encoding=encoding)
        await client.rcpt(recipient, encoding=encoding)
        return client

    async def _send_once(self, sender: str, recipient: str, message: bytes) -> SendResult:
        try:
            client = await self._envelope(sender, recipient)
        except aiosmtplib.SMTPRecipientRefused as exc:
            await self._reset()
            return _by_code(exc.code, exc.message, recipient_refused=True)
        except aiosmtplib.SMTPAuthenticationError as exc:
            # Our credentials, not the message: a 5xx here must not fail every email for good.
            await self._drop()
            return SendResult("retry", f"authentication failed: {exc.code} {exc.message}")
        except aiosmtplib.SMTPResponseException as exc:
            await self._drop()
            return _by_code(exc.code, exc.message)
        except (aiosmtplib.SMTPException, OSError) as exc:
            await self._drop()
            return SendResult("retry", f"before DATA: {exc!r}")
        try:
            await client.data(message)
        except aiosmtplib.SMTPDataError as exc:
            await self._reset()
            return _by_code(exc.code, exc.message)
        except (aiosmtplib.SMTPException, OSError) as exc:
            await self._drop()
            return SendResult("unknown", f"during DATA: {exc!r}")
        return SendResult("accepted")

    async def _reset(self) -> None:
        try:
            if self._client is not None:
                await self._client.rset()
        except (aiosmtplib.SMTPException, OSError):
            await self._drop()

    async def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.close()
            except Exception:  # closing a broken connection may fail in many ways
                pass

    async def close(self) -> None:
        if self._client is not None and self._client.is_connected:
            try:
                await self._client.quit(timeout=min(QUIT_TIMEOUT_S, self.server.timeout_s))
            except (aiosmtplib.SMTPException, OSError):  # a timeout is an SMTPException too
                pass
        await self._drop()


class SmtpPool:
    """Connections kept open between the passes of a worker: a pass that sends one alert
    should not pay for connect, greeting, EHLO (and TLS, AUTH) every time. A connection idle
    longer than `max_idle_s` is closed rather than reused (servers drop idle sessions, RFC 5321
    asks for at least 5 minutes; many use less); one the server closed anyway is replaced
    before anything is sent on it."""

    def __init__(
        self,
        server: SmtpServer,
        max_idle: int = 8,
        max_idle_s: float = 30.0,
        slots: "LeasedSlots | None" = None,
    ) -> None:
        self.server = server
        self.max_idle = max_idle
        self.max_idle_s = max_idle_s
        # The service's cap on sessions across its replicas (session_slots.py); None: no cap.
        self.slots = slots
        self._idle: list[SmtpConnection] = []

    async def reserve(self, wanted: int) -> int:
        """How many connections a pass may use at once: `wanted`, or with a cap the slots this
        process holds (each open connection, idle ones included, holds one)."""
        if self.slots is None:
            return wanted
        fresh = []
        for connection in self._idle:
            if time.monotonic() - connection.last_used <= self.max_idle_s:
                fresh.append(connection)
            else:
                await connection.close()
        self._idle = fresh
        held = await self.slots.hold(max(wanted, len(self._idle)))
        # A lease lost (this process stalled past it): its idle connections go with it.
        while len(self._idle) > held:
            await self._idle.pop().close()
        return min(wanted, held)

    async def settle(self) -> None:
        """After a pass: the slots of connections no longer open go back."""
        if self.slots is not None:
            await self.slots.keep(len(self._idle))

    async def take(self) -> SmtpConnection:
        while self._idle:
            connection = self._idle.pop()
            if time.monotonic() - connection.last_used <= self.max_idle_s:
                return connection
            await connection.close()
        return SmtpConnection(self.server)

    async def give_back(self, connection: SmtpConnection) -> None:
        if len(self._idle) < self.max_idle:
            self._idle.append(connection)
        else:
            await connection.close()

    async def close(self) -> None:
        idle, self._idle = self._idle, []
        # Together, so a server that does not answer costs one QUIT timeout, not one each.
        await asyncio.gather(*(connection.close() for connection in idle))
        if self.slots is not None:
            await self.slots.keep(0)
