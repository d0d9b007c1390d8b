"""The one SMTP sink: a real aiosmtpd server that can store every message in a Maildir, record
when it accepted each one, and answer as a test scripts it (temporary failures first, refused
recipients). The local stack runs it as a process, the tests in a thread (`Sink` with aiosmtpd's
`Controller`), the benchmarks as a process they steer over stdin (`SinkProcess`).

    python -m deploy.local.smtp_sink --port PORT [--maildir DIR] [--control MODULE:FACTORY]

It prints `ready <port>` once it listens. With ``--control``, ``FACTORY(sink)`` returns the
commands it answers on stdin, one line in, one line out (`stop` ends it); the benchmarks use
that to read what the sink recorded. The server is built like aiosmtpd's own command line
(``SMTP(handler, enable_SMTPUTF8=True)`` on the default asyncio loop), so non-ASCII customer
names and addresses get through.
"""

import argparse
import asyncio
import importlib
import os
import smtplib
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP, Envelope, Session

from deploy.local.launcher import (
    Launched,
    listener_pid,
    pid_alive,
    port_open,
    python_module,
    running_pid,
    stop_pid_files,
    tail,
    wait_until,
)
from deploy.local.layout import (
    DEFAULT_STATE_DIR,
    LOCALHOST,
    SMTP_PORT,
    StackError,
    log,
    log_file,
    pid_file,
    resolve_state,
    stack_lock,
)

MODULE = "deploy.local.smtp_sink"
READY_LINE = "ready"
SMTP_START_TIMEOUT = 20.0
COMMAND_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 10.0


# Called with the moment a message was accepted (right before the "250") and its envelope.
OnAccept = Callable[[float, Envelope], None]
# The answer to one control line's argument (the text after the command word).
Command = Callable[[str], str]


class Sink:
    """The aiosmtpd handler. ``maildir``: where messages are stored while ``store`` is on;
    ``on_accept``: told of every accepted message; ``temporary_failures``: that many DATA
    commands answer 451 first; ``refused``: recipients answered 550."""

    def __init__(
        self,
        maildir: Path | None = None,
        *,
        on_accept: OnAccept | None = None,
        temporary_failures: int = 0,
        refused: Iterable[str] = (),
    ) -> None:
        self.mailbox = Mailbox(maildir) if maildir is not None else None
        self.store = self.mailbox is not None
        self.on_accept = on_accept
        self.temporary_left = temporary_failures
        self.refused = set(refused)
        self.accepted: Counter[str] = Counter()
        # The thread-run server (tests) and the test reading `accepted` share the counters.
        self.lock = threading.Lock()

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address in self.refused:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self.lock:
            if self.temporary_left > 0:
                self.temporary_left -= 1
                return "451 4.3.0 try again later"
        if self.store and self.mailbox is not None:
            # Parses the message, adds X-Peer/X-MailFrom/X-RcptTo and writes one file.
            await self.mailbox.handle_DATA(server, session, envelope)
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.accepted[rcpt] += 1
        if self.on_accept is not None:
            self.on_accept(time.time(), envelope)
        return "250 OK"


async def _control(commands: dict[str, Command]) -> None:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        line = (await reader.readline()).decode().strip()
        if not line or line == "stop":
            break
        word, _, arg = line.partition(" ")
        command = commands.get(word)
        try:
            answer = command(arg) if command else f"error unknown command {line!r}"
        except (ValueError, OSError) as exc:
            answer = f"error {line!r}: {exc}"
        print(answer, flush=True)


async def serve(
    port: int, sink: Sink, commands: dict[str, Command] | None = None, host: str = LOCALHOST
) -> None:
    """Listen on ``port`` until stdin says `stop` (with ``commands``) or forever."""
    loop = asyncio.get_running_loop()

    def factory() -> Any:
        return SMTP(sink, enable_SMTPUTF8=True)

    server = await loop.create_server(factory, host=host, port=port)
    print(f"{READY_LINE} {port}", flush=True)
    try:
        if commands is None:
            await server.serve_forever()
        else:
            await _control(commands)
    finally:
        server.close()
        await server.wait_closed()


def command_line(port: int, maildir: Path | None = None, control: str | None = None) -> list[str]:
    args = ["--port", str(port)]
    if maildir is not None:
        args += ["--maildir", str(maildir)]
    if control is not None:
        args += ["--control", control]
    return python_module(MODULE, *args)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog=f"python -m {MODULE}", description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default=LOCALHOST)
    parser.add_argument("--maildir", type=Path, help="store every message here")
    parser.add_argument(
        "--control",
        metavar="MODULE:FACTORY",
        help="answer FACTORY(sink)'s commands on stdin (a benchmark's recorder)",
    )
    args = parser.parse_args(argv)
    if args.maildir is not None:
        for sub in ("cur", "new", "tmp"):
            (args.maildir / sub).mkdir(parents=True, exist_ok=True)
    sink = Sink(args.maildir)
    commands = None
    if args.control is not None:
        module, _, name = args.control.partition(":")
        commands = getattr(importlib.import_module(module), name)(sink)
    # The default asyncio loop, like `python -m aiosmtpd` (no uvloop).
    asyncio.run(serve(args.port, sink, commands, args.host))


# --------------------------------------------------------------------------------------------
# A sink process a benchmark steers
# --------------------------------------------------------------------------------------------


@dataclass
class SinkProcess:
    """The sink in its own process. With ``control`` (see the module docstring) `command`
    sends a line and returns the answer; without, it runs as the local stack runs it."""

    log_path: Path
    port: int
    maildir: Path | None = None
    control: str | None = None

    def __post_init__(self) -> None:
        self.process = Launched(
            "SMTP sink",
            command_line(self.port, self.maildir, self.control),
            log_path=self.log_path,
            control=self.control is not None,
        )
        self._lock = asyncio.Lock()

    @property
    def pid(self) -> int:
        return self.process.pid

    async def start(self) -> None:
        self.process.start()
        if self.control is not None:
            async with asyncio.timeout(SMTP_START_TIMEOUT):
                line = await self.process.read_line()
            if not line.startswith(READY_LINE):
                raise RuntimeError(f"SMTP sink said {line!r}; see {self.log_path}")
            return
        deadline = time.monotonic() + SMTP_START_TIMEOUT
        while not await asyncio.to_thread(smtp_ready, self.port):
            if not self.process.running():
                raise RuntimeError(f"SMTP sink exited with {self.process.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"SMTP sink not ready in {SMTP_START_TIMEOUT:.0f}s")
            await asyncio.sleep(0.2)

    async def command(self, line: str) -> str:
        async with self._lock, asyncio.timeout(COMMAND_TIMEOUT_S):
            answer = await self.process.send_line(line)
        if not answer or answer.startswith("error"):
            raise RuntimeError(f"SMTP sink: {line!r} -> {answer!r}")
        return answer

    async def stop(self) -> None:
        if not self.process.running():
            return
        if self.control is not None:
            try:
                self.process.write_line("stop")
                if await self.process.wait_exit_async(STOP_TIMEOUT_S) is not None:
                    return
            except OSError:
                pass
        await self.process.stop_async(STOP_TIMEOUT_S)


# --------------------------------------------------------------------------------------------
# The stack's sink on 127.0.0.1:2525
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SmtpInfo:
    host: str
    port: int
    maildir: Path
    started_here: bool


# "smtp" is in the command line of this module and of `python -m aiosmtpd`, which a checkout
# from before this module started: either is ours to stop.
SMTP_MARKER = "smtp"


def maildir_in(state_dir: Path) -> Path:
    return state_dir / "smtp" / "maildir"


def smtp_ready(port: int = SMTP_PORT) -> bool:
    try:
        with smtplib.SMTP(LOCALHOST, port, timeout=3) as smtp:
            code, _ = smtp.ehlo()
            return code == 250
    except (OSError, smtplib.SMTPException):
        return False


def maildir_of(pid: int | None) -> Path | None:
    """The maildir a running sink writes to, from its command line (`--maildir DIR`, or the
    last argument of `python -m aiosmtpd ... aiosmtpd.handlers.Mailbox DIR`)."""
    if pid is None:
        return None
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    args = [a.decode(errors="replace") for a in raw.split(b"\0") if a]
    if "--maildir" in args[:-1]:
        return Path(args[args.index("--maildir") + 1])
    if "aiosmtpd.handlers.Mailbox" in args:
        return Path(args[-1])
    return None


def own_pid(state_dir: Path) -> int | None:
    return running_pid(pid_file(state_dir, "smtp"), SMTP_MARKER)


def ensure_smtp(state_dir: Path = DEFAULT_STATE_DIR) -> SmtpInfo:
    """Start the sink on 127.0.0.1:2525 storing every message in a Maildir."""
    state_dir = resolve_state(state_dir)
    maildir = maildir_in(state_dir)
    with stack_lock():
        if smtp_ready():
            # Someone else's sink (another checkout/state dir): report where *it* stores mail,
            # otherwise tests would wait for messages in the wrong directory.
            actual = maildir_of(listener_pid(SMTP_PORT)) or maildir
            if actual != maildir:
                log.warning("SMTP sink already running with maildir %s", actual)
            return SmtpInfo(host=LOCALHOST, port=SMTP_PORT, maildir=actual, started_here=False)
        if port_open(SMTP_PORT):
            raise StackError(f"port {SMTP_PORT} is open but does not answer EHLO")
        # Drop a stale process that holds the pid file but never bound the port.
        stop_pid_files([(pid_file(state_dir, "smtp"), SMTP_MARKER, "SMTP sink")], 5)
        log_path = log_file(state_dir, "smtp")
        started = time.monotonic()
        pid = (
            Launched(
                "SMTP sink",
                command_line(SMTP_PORT, maildir),
                log_path=log_path,
                pid_path=pid_file(state_dir, "smtp"),
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
            .start()
            .pid
        )

        def ready() -> bool:
            if not pid_alive(pid, SMTP_MARKER):
                raise StackError(f"SMTP sink exited during startup\n{tail(log_path)}")
            return smtp_ready()

        if not wait_until(ready, SMTP_START_TIMEOUT):
            raise StackError(
                f"SMTP sink not ready within {SMTP_START_TIMEOUT:.0f}s\n{tail(log_path)}"
            )
        log.info("SMTP sink ready (%.1fs)", time.monotonic() - started)
        return SmtpInfo(host=LOCALHOST, port=SMTP_PORT, maildir=maildir, started_here=True)


def stop_smtp(state_dir: Path = DEFAULT_STATE_DIR) -> None:
    state_dir = resolve_state(state_dir)
    with stack_lock():
        stop_pid_files([(pid_file(state_dir, "smtp"), SMTP_MARKER, "SMTP sink")], 10)


if __name__ == "__main__":
    main()
