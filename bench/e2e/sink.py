"""What the end-to-end benchmark's SMTP sink records: for every message, the moment it was
accepted (right before the `250`), its envelope recipients and its Message-ID, so each email can
be mapped back to the request that caused it. The sink is the local stack's
(`deploy/local/smtp_sink.py`), in its own process, with these commands:

    python -m deploy.local.smtp_sink --port PORT --control bench.e2e.sink:commands

The correlation marker (`e2e-<run>-<flow><step>-<n>`, see `bench.e2e.load`) is looked for in
the recipients first (survey invitations go to a per-order address), then in the raw message
(alerts all go to the shop's support address; the review title with the marker is in their
text, quoted-printable or base64): regex searches and a base64 decode, no MIME parsing on the
accept path, which must keep up with the load. A message with no marker on the accept path
(the notifier's alarms) is kept whole and parsed on the next `matched` or `dump` command.

Commands on stdin, one per line, each answered with one line on stdout:
`count` -> `count <messages>` (since the last `clear`); `clear` -> `ok`;
`matched <prefix>` -> `matched <n>` (distinct markers starting with the prefix);
`dump <path>` -> `ok <n>` (writes "<unix time>\\t<recipients>\\t<message-id>\\t<marker>\\t<subject>"
lines for the messages since the last `clear`); `stop` -> exits.
"""

import binascii
import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.smtp import Envelope

from deploy.local.smtp_sink import Command, Sink

CONTROL = "bench.e2e.sink:commands"
MARKER = re.compile(r"e2e-[0-9a-f]{6}-[a-z]\d+-\d{6}")
MARKER_BYTES = re.compile(MARKER.pattern.encode())
# A base64 body: lines of base64 characters only (76 a line, as Python's email writes them; a
# last line under 16 characters is left out, and `Recorder.matched` parses what this misses).
_BASE64_BLOCK = re.compile(rb"(?:^[A-Za-z0-9+/]{16,}={0,2}\r?$\n?)+", re.MULTILINE)
_MESSAGE_ID = re.compile(rb"^Message-ID:[ \t]*(<[^>\r\n]*>)", re.IGNORECASE | re.MULTILINE)


class Record:
    __slots__ = ("at", "content", "marker", "message_id", "rcpt", "subject")

    def __init__(
        self, at: float, rcpt: str, message_id: str, marker: str, content: bytes | None
    ) -> None:
        self.at = at
        self.rcpt = rcpt
        self.message_id = message_id
        self.marker = marker
        self.subject = ""
        # Kept only until parsed (messages whose recipient carries no marker).
        self.content = content


def _text_of(message: EmailMessage) -> str:
    """Subject plus every decoded text part (quoted-printable or base64 as the sender chose)."""
    parts = [str(message.get("Subject", ""))]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            try:
                parts.append(part.get_content())
            except (LookupError, ValueError):
                continue
    return "\n".join(parts)


def parse(record: Record) -> None:
    """Find the marker (and the subject) of a message kept whole, then drop the bytes."""
    if record.content is None:
        return
    message = message_from_bytes(record.content, policy=policy.default)
    assert isinstance(message, EmailMessage)
    record.subject = str(message.get("Subject", "")).replace("\t", " ").replace("\n", " ")
    found = MARKER.search(_text_of(message))
    record.marker = found.group(0) if found else ""
    record.content = None


def marker_in(rcpt: str, content: bytes) -> str:
    """The marker in the recipients, else in the raw message with quoted-printable soft line
    breaks removed (the marker's characters are never encoded), else in its base64 blocks
    decoded (the notifier's alerts with non-ASCII text are base64): microseconds, no MIME
    parsing, so the sink keeps accepting at full speed. Empty when none has it (an email of no
    item)."""
    found = MARKER.search(rcpt)
    if found:
        return found.group(0)
    in_body = MARKER_BYTES.search(content.replace(b"=\r\n", b"").replace(b"=\n", b""))
    if in_body:
        return in_body.group(0).decode()
    for block in _BASE64_BLOCK.finditer(content):
        try:
            decoded = binascii.a2b_base64(block.group(0))
        except binascii.Error:
            continue
        in_block = MARKER_BYTES.search(decoded)
        if in_block:
            return in_block.group(0).decode()
    return ""


class Recorder:
    def __init__(self) -> None:
        self.records: list[Record] = []
        self.parsed = 0

    def accept(self, at: float, envelope: Envelope) -> None:
        content = envelope.content
        assert isinstance(content, bytes)
        rcpt = ",".join(envelope.rcpt_tos)
        headers = content.split(b"\r\n\r\n", 1)[0]
        found_id = _MESSAGE_ID.search(headers)
        message_id = found_id.group(1).decode(errors="replace") if found_id else ""
        mark = marker_in(rcpt, content)
        if mark:
            self.records.append(Record(at, rcpt, message_id, mark, None))
        else:
            # Parsed only when the record is dumped, after the step.
            self.records.append(Record(at, rcpt, message_id, "", content))

    def _parse_new(self) -> None:
        for record in self.records[self.parsed :]:
            parse(record)
        self.parsed = len(self.records)

    def matched(self, prefix: str) -> int:
        """Distinct markers starting with `prefix` among the messages found so far. Messages
        the accept path found no marker in (alarms; anything in an encoding it does not read)
        are parsed here first, so the drain loop never waits out its timeout for emails that
        have arrived."""
        self._parse_new()
        return len({r.marker for r in self.records if r.marker.startswith(prefix)})

    def clear(self) -> None:
        self.records = []
        self.parsed = 0

    def dump(self, path: Path) -> int:
        self._parse_new()
        with path.open("w") as out:
            for r in self.records:
                out.write(f"{r.at:.6f}\t{r.rcpt}\t{r.message_id}\t{r.marker}\t{r.subject}\n")
        return len(self.records)


def commands(sink: Sink) -> dict[str, Command]:
    recorder = Recorder()
    sink.on_accept = recorder.accept

    def clear(_: str) -> str:
        recorder.clear()
        return "ok"

    def matched(prefix: str) -> str:
        if not prefix:
            raise ValueError("matched needs a prefix")
        return f"matched {recorder.matched(prefix)}"

    def dump(path: str) -> str:
        if not path:
            raise ValueError("dump needs a path")
        return f"ok {recorder.dump(Path(path))}"

    return {
        "count": lambda _: f"count {len(recorder.records)}",
        "clear": clear,
        "matched": matched,
        "dump": dump,
    }
