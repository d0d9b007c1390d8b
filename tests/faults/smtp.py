"""The fault run's SMTP sink: a small SMTP server whose behaviour the run switches while mail
flows, and which records every message it accepted (also as a Maildir, for inspection).

Modes:
- `ok`: accept everything;
- `tempfail`: a 4xx answer, at a phase chosen per connection (greeting 421, MAIL 451,
  RCPT 450, end of DATA 451): the sender must retry later;
- `drop`: close the connection without an answer at a phase chosen per connection: on
  connect, after MAIL, after RCPT (nothing sent: retry), in the middle of DATA (not stored) or
  after DATA was stored but before the "250" (the sender cannot know: the SMTP "unknown"
  window of docs/decisions.md).

Runs its own event loop in a thread, so nothing the run does in its own loop delays it.
"""

import asyncio
import mailbox
import random
import re
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

TEMPFAIL_PHASES = ("greeting", "mail", "rcpt", "data_end")
DROP_PHASES = ("connect", "mail", "rcpt", "data_middle", "data_stored")

Reply = Callable[[str], Awaitable[None]]
Fate = Callable[[str], str | None]


@dataclass(frozen=True)
class Received:
    message_id: str
    recipient: str
    subject: str
    text: str
    at: float


@dataclass
class SinkState:
    mode: str = "ok"
    messages: list[Received] = field(default_factory=list)
    # Message-IDs whose DATA began but was cut (not stored) or stored without a "250".
    data_cut: list[str] = field(default_factory=list)
    stored_unanswered: list[str] = field(default_factory=list)
    # Message-IDs whose sender vanished during DATA.
    client_cut: list[str] = field(default_factory=list)
    refused: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    connections: int = 0

    def data_attempted(self) -> set[str]:
        """Message-IDs whose message reached DATA at least once (stored or not): the ones a
        sender may rightly call `unknown`."""
        stored = {m.message_id for m in self.messages}
        return stored | set(self.data_cut) | set(self.client_cut)


def _message_id(partial: bytes) -> str:
    match = re.search(rb"^Message-ID:\s*(<[^>\r\n]*>)", partial, re.IGNORECASE | re.MULTILINE)
    return match.group(1).decode(errors="replace") if match else ""


def _plain_text(msg: EmailMessage) -> str:
    try:
        body = msg.get_body(("plain",))
        return str(body.get_content()) if body is not None else ""
    except Exception:
        return ""


class FaultySmtp:
    def __init__(self, port: int, maildir: Path, seed: int = 0) -> None:
        self.port = port
        self.maildir = maildir
        self.state = SinkState()
        self.lock = threading.Lock()
        self.random = random.Random(seed)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        maildir.parent.mkdir(parents=True, exist_ok=True)
        self._box = mailbox.Maildir(maildir, create=True)

    # -- control (from any thread) -----------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        assert mode in ("ok", "tempfail", "drop")
        with self.lock:
            self.state.mode = mode

    def hits(self) -> int:
        """Connections and transactions refused or dropped so far."""
        with self.lock:
            return sum(self.state.refused.values()) + sum(self.state.dropped.values())

    def messages(self) -> list[Received]:
        with self.lock:
            return list(self.state.messages)

    def snapshot(self) -> SinkState:
        with self.lock:
            return SinkState(
                mode=self.state.mode,
                messages=list(self.state.messages),
                data_cut=list(self.state.data_cut),
                stored_unanswered=list(self.state.stored_unanswered),
                client_cut=list(self.state.client_cut),
                refused=Counter(self.state.refused),
                dropped=Counter(self.state.dropped),
                connections=self.state.connections,
            )

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="faulty-smtp", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("SMTP sink did not start")

    def stop(self) -> None:
        loop = self._loop
        if loop is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    # -- server ------------------------------------------------------------------------------

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._server = loop.run_until_complete(
            asyncio.start_server(self._session, "127.0.0.1", self.port, reuse_address=True)
        )
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            self._server.close()
            loop.close()

    def _plan(self, transaction: bool) -> tuple[str, str | None]:
        """The fate of a new connection, or of the next transaction on an open one (a server
        in trouble fails those too): (mode, phase)."""
        with self.lock:
            if not transaction:
                self.state.connections += 1
            mode = self.state.mode
            phases: tuple[str, ...] = TEMPFAIL_PHASES if mode == "tempfail" else DROP_PHASES
            if transaction:
                phases = tuple(p for p in phases if p not in ("connect", "greeting"))
            return mode, (self.random.choice(phases) if mode != "ok" else None)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        mode, phase = self._plan(transaction=False)
        try:
            await self._converse(reader, writer, mode, phase)
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            pass
        finally:
            writer.close()

    def _count(self, counter: str, phase: str) -> None:
        with self.lock:
            getattr(self.state, counter)[phase] += 1

    async def _converse(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        mode: str,
        phase: str | None,
    ) -> None:
        plan = [mode, phase]

        def fate(at: str) -> str | None:
            """'drop', 'tempfail' or None at this phase."""
            if plan[1] != at:
                return None
            self._count("dropped" if plan[0] == "drop" else "refused", at)
            return plan[0]

        async def reply(line: str) -> None:
            writer.write(line.encode() + b"\r\n")
            await writer.drain()

        if fate("connect"):
            return
        if fate("greeting"):
            await reply("421 4.3.2 service not available, try later")
            return
        await reply("220 faults.local ESMTP")
        recipient = ""
        while True:
            raw = await reader.readline()
            if not raw:
                return
            line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            verb = line[:4].upper()
            if verb == "EHLO":
                await reply("250-faults.local\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760")
            elif verb == "HELO":
                await reply("250 faults.local")
            elif verb == "MAIL":
                recipient = ""
                plan[:] = self._plan(transaction=True)
                what = fate("mail")
                if what == "drop":
                    return
                await reply("451 4.3.0 try again later" if what else "250 OK")
            elif verb == "RCPT":
                what = fate("rcpt")
                if what == "drop":
                    return
                if what:
                    await reply("450 4.2.0 mailbox busy")
                    continue
                match = re.search(r"<([^>]*)>", line)
                recipient = match.group(1) if match else line[8:].strip()
                await reply("250 OK")
            elif verb == "DATA":
                await reply("354 end data with <CR><LF>.<CR><LF>")
                await self._data(reader, reply, recipient, fate)
                if plan[1] in ("data_middle", "data_stored"):
                    return
            elif verb == "RSET":
                recipient = ""
                await reply("250 OK")
            elif verb == "NOOP":
                await reply("250 OK")
            elif verb == "QUIT":
                await reply("221 bye")
                return
            else:
                await reply("500 5.5.1 unknown command")

    async def _data(
        self,
        reader: asyncio.StreamReader,
        reply: Reply,
        recipient: str,
        fate: Fate,
    ) -> None:
        lines: list[bytes] = []
        cut = fate("data_middle") == "drop"
        while True:
            try:
                raw = await reader.readline()
            except (ConnectionError, OSError):
                raw = b""
            if not raw:
                # The sender vanished during DATA (killed, or its connection broke).
                with self.lock:
                    self.state.client_cut.append(_message_id(b"".join(lines)))
                return
            if raw in (b".\r\n", b".\n"):
                break
            lines.append(raw[1:] if raw.startswith(b"..") else raw)
        data = b"".join(lines)
        parsed = message_from_bytes(data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        message_id = str(parsed["Message-ID"] or "")
        if cut:
            # Read to the end, then vanish: for the sender the connection broke during DATA.
            with self.lock:
                self.state.data_cut.append(message_id)
            return
        what = fate("data_end")
        if what == "tempfail":
            await reply("451 4.3.0 queue full, try later")
            return
        self._box.add(data)
        received = Received(
            message_id=message_id,
            recipient=recipient or str(parsed["To"] or ""),
            subject=str(parsed["Subject"] or ""),
            text=_plain_text(parsed),
            at=time.monotonic(),
        )
        with self.lock:
            self.state.messages.append(received)
        if fate("data_stored") == "drop":
            with self.lock:
                self.state.stored_unanswered.append(message_id)
            return
        await reply("250 OK queued")
