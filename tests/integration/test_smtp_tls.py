"""The SMTP client against a real SMTP server speaking STARTTLS, implicit TLS and AUTH, with a
certificate made for the test: what shops' relays require, and what goes wrong with them."""

import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

from shared.email.smtp import SmtpConnection
from shared.settings import SmtpServer

pytestmark = pytest.mark.integration

USER, PASSWORD = "reviewloop", "relay-password-0123"


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to make the test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return Certificate(cert, key)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Envelope] = []

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        self.messages.append(envelope)
        return "250 OK"


def authenticate(
    server: SMTPServer, session: Session, envelope: Envelope, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    # handled=False: let the server answer 535 itself on a failure.
    return AuthResult(success=ok, handled=ok)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def server_context(certificate: Certificate) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate.cert, certificate.key)
    return context


@pytest.fixture
def starttls_server(certificate: Certificate) -> Iterator[tuple[Controller, Inbox]]:
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=server_context(certificate),
        require_starttls=True,
        authenticator=authenticate,
        auth_required=True,
    )
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


@pytest.fixture
def tls_server(certificate: Certificate) -> Iterator[tuple[Controller, Inbox]]:
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        ssl_context=server_context(certificate),
        authenticator=authenticate,
        auth_required=True,
        # The whole connection is TLS; aiosmtpd's check looks only at STARTTLS.
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


def message() -> bytes:
    msg = EmailMessage()
    msg["From"] = "shop@example.com"
    msg["To"] = "customer@example.com"
    msg["Subject"] = "How was your order?"
    msg["Message-ID"] = "<tls-test@reviewloop.test>"
    msg.set_content("Tell us.")
    return msg.as_bytes()


async def send(server: SmtpServer) -> str:
    connection = SmtpConnection(server)
    try:
        result = await connection.send("shop@example.com", "customer@example.com", message())
    finally:
        await connection.close()
    return f"{result.outcome}: {result.detail}"


async def test_starttls_with_auth_delivers(starttls_server, certificate: Certificate) -> None:
    controller, inbox = starttls_server
    server = SmtpServer(
        "127.0.0.1",
        controller.port,
        USER,
        PASSWORD,
        starttls=True,
        ca_file=str(certificate.cert),
        timeout_s=5,
    )
    assert await send(server) == "accepted: "
    assert [e.rcpt_tos for e in inbox.messages] == [["customer@example.com"]]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
async def test_implicit_tls_with_auth_delivers(tls_server, certificate: Certificate) -> None:
    controller, inbox = tls_server
    server = SmtpServer(
        "127.0.0.1",
        controller.port,
        USER,
        PASSWORD,
        tls=True,
        ca_file=str(certificate.cert),
        timeout_s=5,
    )
    assert await send(server) == "accepted: "
    assert len(inbox.messages) == 1


async def test_wrong_password_is_retried_not_a_permanent_failure(
    starttls_server, certificate: Certificate
) -> None:
    controller, inbox = starttls_server
    server = SmtpServer(
        "127.0.0.1",
        controller.port,
        USER,
        "wrong",
        starttls=True,
        ca_file=str(certificate.cert),
        timeout_s=5,
    )
    outcome = await send(server)
    assert outcome.startswith("retry: authentication failed: 535"), outcome
    assert inbox.messages == []


async def test_an_untrusted_certificate_is_refused(starttls_server) -> None:
    """Without the test CA the certificate does not verify: nothing is sent in clear."""
    controller, inbox = starttls_server
    server = SmtpServer("127.0.0.1", controller.port, USER, PASSWORD, starttls=True, timeout_s=5)
    outcome = await send(server)
    assert outcome.startswith("retry: before DATA"), outcome
    assert "CERTIFICATE_VERIFY_FAILED" in outcome
    assert inbox.messages == []


async def test_no_starttls_against_a_server_that_requires_it(starttls_server) -> None:
    controller, inbox = starttls_server
    server = SmtpServer("127.0.0.1", controller.port, USER, PASSWORD, timeout_s=5)
    outcome = await send(server)
    assert outcome.startswith("retry"), outcome
    assert inbox.messages == []
