"""A real SMTP server (aiosmtpd) whose answers a test scripts: temporary failures first,
permanently refused recipients."""

import threading
from collections import Counter
from types import TracebackType

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from tests.support.services import free_port


class _Handler:
    def __init__(self, temporary_failures: int, refused: set[str]) -> None:
        self.temporary_left = temporary_failures
        self.refused = refused
        self.accepted: Counter[str] = Counter()
        self.lock = threading.Lock()

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address in self.refused:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self.lock:
            if self.temporary_left > 0:
                self.temporary_left -= 1
                return "451 4.3.0 try again later"
            for rcpt in envelope.rcpt_tos:
                self.accepted[rcpt] += 1
        return "250 OK"


class ScriptedSmtp:
    def __init__(self, temporary_failures: int = 0, refused: set[str] | None = None) -> None:
        self.port = free_port()
        self.handler = _Handler(temporary_failures, refused or set())
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> "ScriptedSmtp":
        self.controller.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.controller.stop()

    def accepted_for(self, address: str) -> int:
        return self.handler.accepted[address]
