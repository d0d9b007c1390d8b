"""Read deadlines for incoming HTTP connections, which uvicorn does not have.

uvicorn closes a keep-alive connection that stays idle after a response (`timeout_keep_alive`),
but nothing else: a connection that never sends a request, a request head sent a byte at a time
(slow loris) or a body that stops half way holds its socket, its memory and, for a body, a
running request for good. Here every request must have its head within `head_timeout_s` of the
connection opening (or of its first byte, on a reused connection) and its body within
`body_timeout_s` of the head or of its last body bytes; otherwise the connection is closed. A
request whose body is cut off this way ends as a client disconnect (`shared/http/app.py`).
"""

import asyncio
import logging
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger(__name__)


class _DeadlineProtocol(HttpToolsProtocol):
    head_timeout_s: float = 10.0
    body_timeout_s: float = 30.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None

    def _arm(self, seconds: float, waiting_for: str) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._expire, waiting_for)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expire(self, waiting_for: str) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            # DEBUG: one line per slow client would let anyone fill the log.
            log.debug("connection closed: %s not received in time", waiting_for)
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(self.head_timeout_s, "request head")

    def on_message_begin(self) -> None:
        super().on_message_begin()
        # A reused connection: uvicorn's keep-alive timer stopped at the first byte.
        if self._deadline is None:
            self._arm(self.head_timeout_s, "request head")

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        self._arm(self.body_timeout_s, "request body")

    def on_body(self, body: bytes) -> None:
        super().on_body(body)
        # The deadline is for a stalled sender: a large upload that keeps arriving is not one.
        if self._deadline is not None:
            self._arm(self.body_timeout_s, "request body")

    def on_message_complete(self) -> None:
        self._disarm()
        super().on_message_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def deadline_protocol(head_timeout_s: float, body_timeout_s: float) -> type[HttpToolsProtocol]:
    """uvicorn's httptools protocol with these read deadlines (`uvicorn.run(http=...)`)."""
    return type(
        "DeadlineProtocol",
        (_DeadlineProtocol,),
        {"head_timeout_s": head_timeout_s, "body_timeout_s": body_timeout_s},
    )
