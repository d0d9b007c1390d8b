"""SMTP connections kept between a worker's passes, against a real aiosmtpd server: reused while
fresh, replaced when the server closed them or they sat idle too long, never a lost message;
closed with a QUIT at shutdown, promptly even when the server has gone."""

import asyncio
import socket
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import Envelope, Session

from services.survey.app import build as build_survey
from services.survey.settings import SurveySettings
from shared.email.smtp import QUIT_TIMEOUT_S, SmtpPool
from shared.events import OrderDelivered
from shared.settings import SmtpServer
from tests.support.survey import T0, SurveyHarness, placed, unique_email

pytestmark = pytest.mark.integration

MESSAGE = b"Subject: hello\r\nMessage-ID: <m@x>\r\n\r\nbody\r\n"


class Counting:
    def __init__(self) -> None:
        self.sessions = 0
        self.messages = 0

    async def handle_EHLO(
        self, server: SMTPServer, session: Session, envelope: Envelope, hostname: str, responses
    ) -> list[str]:
        self.sessions += 1
        session.host_name = hostname
        return responses  # type: ignore[no-any-return]

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        self.messages += 1
        return "250 OK"


class DropsFirstSessionOnReuse(Counting):
    """Ends the first session, without an answer, when a second message starts on it: what a
    client meets on a kept connection the server dropped (a restart, an idle reaper, a NAT
    entry gone) without the client having seen a FIN."""

    def __init__(self) -> None:
        super().__init__()
        self.first: Session | None = None
        self.message_ids: list[str] = []

    async def handle_MAIL(
        self,
        server: SMTPServer,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        if self.first is None:
            self.first = session
        elif session is self.first:
            # The answer below then goes nowhere: the client sees EOF waiting for it.
            server.transport.close()
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        self.message_ids.append(message_from_bytes(envelope.content)["Message-ID"])
        return await super().handle_DATA(server, session, envelope)


class Relay:
    """A TCP relay on 127.0.0.1 in front of a real SMTP server: it sees every connection the
    pool opens, what the pool says and hears, and when the pool closes its end. After
    `vanish()` it is a server whose host is gone: the connections stay up, nothing answers."""

    def __init__(self, host: str, port: int) -> None:
        self.upstream = (host, port)
        self.port = 0
        self.opened = 0
        self.open = 0
        self.said = bytearray()
        self.heard = bytearray()
        self.vanished = False
        self._server: asyncio.Server | None = None
        self._pipes: set[asyncio.Task[None]] = set()

    async def __aenter__(self) -> "Relay":
        self._server = await asyncio.start_server(self._pipe, "127.0.0.1", 0)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        for pipe in self._pipes:
            pipe.cancel()
        await asyncio.gather(*self._pipes, return_exceptions=True)

    def vanish(self) -> None:
        self.vanished = True

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._pipes.add(task)
        self.opened += 1
        self.open += 1
        up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        back = asyncio.create_task(self._forward(up_reader, writer, self.heard))
        try:
            # Until the pool closes its end of the connection.
            await self._forward(reader, up_writer, self.said)
        finally:
            self.open -= 1
            back.cancel()
            up_writer.close()
            writer.close()

    async def _forward(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, seen: bytearray
    ) -> None:
        try:
            while data := await reader.read(65536):
                if self.vanished:
                    continue
                seen.extend(data)
                writer.write(data)
                await writer.drain()
        except OSError:
            pass


async def _until(condition: Callable[[], bool], within_s: float = 2.0) -> None:
    deadline = time.monotonic() + within_s
    while not condition():
        assert time.monotonic() < deadline, "not within the time"
        await asyncio.sleep(0.02)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[tuple[Counting, SmtpServer]]:
    idle_timeout = getattr(request, "param", 300)
    handler = Counting()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, timeout=idle_timeout)
    controller.start()
    try:
        yield handler, SmtpServer("127.0.0.1", port, timeout_s=5)
    finally:
        controller.stop()


async def _send(pool: SmtpPool, message: bytes = MESSAGE) -> str:
    connection = await pool.take()
    try:
        result = await connection.send("a@x.example", "b@y.example", message)
    finally:
        await pool.give_back(connection)
    return result.outcome


async def test_a_connection_is_reused_across_passes(server) -> None:
    handler, smtp = server
    pool = SmtpPool(smtp)
    try:
        assert [await _send(pool) for _ in range(3)] == ["accepted"] * 3
        assert (handler.sessions, handler.messages) == (1, 3)
    finally:
        await pool.close()


@pytest.mark.parametrize("server", [0.5], indirect=True)
async def test_a_connection_the_server_closed_is_replaced_before_sending(server) -> None:
    handler, smtp = server
    pool = SmtpPool(smtp)
    try:
        assert await _send(pool) == "accepted"
        await asyncio.sleep(1.5)  # the server's idle timeout (0.5 s) ends the session
        assert await _send(pool) == "accepted"
        assert (handler.sessions, handler.messages) == (2, 2)
    finally:
        await pool.close()


async def test_a_connection_idle_too_long_is_not_reused(server) -> None:
    handler, smtp = server
    pool = SmtpPool(smtp, max_idle_s=0.2)
    try:
        assert await _send(pool) == "accepted"
        await asyncio.sleep(0.5)
        assert await _send(pool) == "accepted"
        assert (handler.sessions, handler.messages) == (2, 2)
    finally:
        await pool.close()


async def test_a_kept_connection_found_dead_at_mail_is_replaced_and_sent_once() -> None:
    handler = DropsFirstSessionOnReuse()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    pool = SmtpPool(SmtpServer("127.0.0.1", port, timeout_s=5))
    try:
        first = b"Subject: one\r\nMessage-ID: <one@x>\r\n\r\nbody\r\n"
        second = b"Subject: two\r\nMessage-ID: <two@x>\r\n\r\nbody\r\n"
        assert await _send(pool, first) == "accepted"
        assert await _send(pool, second) == "accepted"
        # The second went over a fresh session, once: the dead one carried no MAIL.
        assert handler.message_ids == ["<one@x>", "<two@x>"]
        assert handler.sessions == 2
    finally:
        await pool.close()
        controller.stop()


async def test_closing_the_pool_quits_every_kept_connection(infra) -> None:
    async with Relay(infra.smtp_host, infra.smtp_port) as relay:
        pool = SmtpPool(SmtpServer("127.0.0.1", relay.port, timeout_s=5))
        # Three lanes at once: three connections, all kept.
        assert await asyncio.gather(*(_send(pool) for _ in range(3))) == ["accepted"] * 3
        assert (relay.opened, relay.open) == (3, 3)

        await pool.close()
        await _until(lambda: relay.open == 0)
        # Each said goodbye and the sink answered it.
        assert relay.said.count(b"QUIT\r\n") == 3
        assert sum(line.startswith(b"221 ") for line in relay.heard.split(b"\r\n")) == 3


async def test_closing_a_pool_whose_server_vanished_returns_promptly(infra) -> None:
    async with Relay(infra.smtp_host, infra.smtp_port) as relay:
        pool = SmtpPool(SmtpServer("127.0.0.1", relay.port, timeout_s=20))
        assert await asyncio.gather(*(_send(pool) for _ in range(3))) == ["accepted"] * 3
        relay.vanish()

        started = time.monotonic()
        await pool.close()
        # One QUIT timeout for all three, not the server's 20 s timeout each.
        assert time.monotonic() - started < QUIT_TIMEOUT_S + 1
        await _until(lambda: relay.open == 0)


async def test_the_survey_service_quits_its_kept_connection_when_it_stops(
    infra, make_settings
) -> None:
    async with Relay(infra.smtp_host, infra.smtp_port) as relay:
        settings = make_settings(SurveySettings, smtp_host="127.0.0.1", smtp_port=relay.port)
        harness = await SurveyHarness.start(settings, infra.maildir)
        try:
            await harness.shop("tea-shop")
            await harness.feed(placed("tea-shop", "o-1", unique_email()))
            delivered = {"order_id": "o-1", "delivered_at": T0 + timedelta(days=2)}
            await harness.feed(OrderDelivered(shop_id="tea-shop", payload=delivered))
            _, runtime = build_survey(settings)
            runtime.clock = harness.clock
            harness.clock.now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)  # the invitation is due
            (dispatch,) = [t for t in runtime.periodic_tasks if t.name == "dispatch"]
            assert await dispatch.run(harness.pool) == 1
            assert relay.open == 1  # kept for the next pass

            await runtime.stop()
            await _until(lambda: relay.open == 0)
            assert relay.said.count(b"QUIT\r\n") == 1
        finally:
            await harness.close()
