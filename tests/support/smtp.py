"""A real SMTP server whose answers a test scripts (temporary failures first, permanently
refused recipients): the local stack's sink (deploy/local/smtp_sink.py) in a thread."""

from types import TracebackType

from aiosmtpd.controller import Controller

from deploy.local.launcher import free_port
from deploy.local.smtp_sink import Sink


class ScriptedSmtp:
    def __init__(self, temporary_failures: int = 0, refused: set[str] | None = None) -> None:
        self.port = free_port()
        self.handler = Sink(temporary_failures=temporary_failures, refused=refused or ())
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
        with self.handler.lock:
            return self.handler.accepted[address]
