"""SMTP connections kept between a worker's passes, against a real aiosmtpd server: reused while
fresh, replaced when the server closed them or they sat idle too long, never a lost message."""

import asyncio
import socket
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import Envelope, Session

from shared.email.smtp import SmtpPool, SmtpServer

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


async def _send(pool: SmtpPool) -> str:
    connection = await pool.take()
    try:
        result = await connection.send("a@x.example", "b@y.example", MESSAGE)
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
