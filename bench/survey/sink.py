"""What the survey benchmark's SMTP sink records: when it accepted each message (by
Message-ID), so lateness is measured where the email lands. The sink is the local stack's
(`deploy/local/smtp_sink.py`), run with these commands:

    python -m deploy.local.smtp_sink --port PORT --maildir DIR --control bench.survey.sink:commands

Two modes, switched at run time so one process (and one port) serves every phase:

- `maildir`: what the stack's sink does: parse each message and write one file into the
  Maildir;
- `count`: the same SMTP server, but the message is only counted: no parsing, no disk. This
  shows the dispatcher's own limit when the sink is not the bottleneck.

In `maildir` mode the only extra work is the recording: one regex over the header block and two
list appends per message.

Commands on stdin, one per line, each answered with one line on stdout:
`count` -> `count <messages> <bytes>`; `mode maildir|count` -> `ok`;
`dump <path>` -> `ok <n>` (writes "<message-id>\\t<unix time>" lines); `stop` -> exits.
"""

import re
from pathlib import Path

from aiosmtpd.smtp import Envelope

from deploy.local.smtp_sink import Command, Sink

CONTROL = "bench.survey.sink:commands"
_MESSAGE_ID = re.compile(rb"^Message-ID:[ \t]*(<[^>\r\n]*>)", re.IGNORECASE | re.MULTILINE)


def message_id_of(content: bytes) -> bytes:
    headers = content.split(b"\r\n\r\n", 1)[0]
    found = _MESSAGE_ID.search(headers)
    return found.group(1) if found else b"<none>"


class Recorder:
    def __init__(self) -> None:
        self.ids: list[bytes] = []
        self.times: list[float] = []
        self.bytes = 0

    def accept(self, at: float, envelope: Envelope) -> None:
        content = envelope.content
        assert isinstance(content, bytes)
        self.times.append(at)
        self.ids.append(message_id_of(content))
        self.bytes += len(content)

    def dump(self, path: Path) -> int:
        with path.open("w") as out:
            for mid, at in zip(self.ids, self.times, strict=True):
                out.write(f"{mid.decode(errors='replace')}\t{at:.6f}\n")
        return len(self.ids)


def commands(sink: Sink) -> dict[str, Command]:
    recorder = Recorder()
    sink.on_accept = recorder.accept

    def mode(arg: str) -> str:
        if arg not in ("maildir", "count"):
            raise ValueError("mode is maildir or count")
        sink.store = arg == "maildir"
        return "ok"

    return {
        "count": lambda _: f"count {len(recorder.ids)} {recorder.bytes}",
        "mode": mode,
        "dump": lambda arg: f"ok {recorder.dump(Path(arg))}",
    }
