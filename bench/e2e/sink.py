"""The SMTP sink of the end-to-end benchmark: a real aiosmtpd server in its own process that
records, for every message, the moment it accepted it (right before answering `250`), its
envelope recipients and its Message-ID, so each email can be mapped back to the request that
caused it.

    python -m bench.e2e.sink PORT

The correlation marker (`e2e-<run>-<flow><step>-<n>`, see `bench.e2e.load`) is looked for in
the recipients first (survey invitations go to a per-order address), then in the raw message
(alerts all go to the shop's support address; the review title with the marker is in their
quoted-printable text): two regex searches, no MIME parsing on the accept path. A message with
no marker (the notifier's alarms) is kept whole and parsed for its subject when the record is
dumped, after the step.

Commands on stdin, one per line, each answered with one line on stdout:
`count` -> `count <messages>` (since the last `clear`); `clear` -> `ok`;
`matched <prefix>` -> `matched <n>` (distinct markers starting with the prefix);
`dump <path>` -> `ok <n>` (writes "<unix time>\\t<recipients>\\t<message-id>\\t<marker>\\t<subject>"
lines for the messages since the last `clear`); `stop` -> exits.
"""

import asyncio
import re
import sys
import time
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session

HOST = "127.0.0.1"
READY_LINE = "ready"
MARKER = re.compile(r"e2e-[0-9a-f]{6}-[a-z]\d+-\d{6}")
MARKER_BYTES = re.compile(MARKER.pattern.encode())
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
    breaks removed (the marker's characters are never encoded): microseconds, no MIME parsing.
    Empty when neither has it (a base64 body, an email of no item)."""
    found = MARKER.search(rcpt)
    if found:
        return found.group(0)
    in_body = MARKER_BYTES.search(content.replace(b"=\r\n", b"").replace(b"=\n", b""))
    return in_body.group(0).decode() if in_body else ""


class RecordingSink:
    def __init__(self) -> None:
        self.records: list[Record] = []
        self.parsed = 0

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        # Taken first: the moment the whole message is in, right before the "250".
        at = time.time()
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
        return "250 OK"

    def _parse_new(self) -> None:
        for record in self.records[self.parsed :]:
            parse(record)
        self.parsed = len(self.records)

    def matched(self, prefix: str) -> int:
        """Distinct markers starting with `prefix` among the messages found so far (nothing is
        parsed here: this runs while emails still arrive)."""
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


async def _control(sink: RecordingSink) -> None:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        line = (await reader.readline()).decode().strip()
        if not line or line == "stop":
            break
        word, _, arg = line.partition(" ")
        if word == "count":
            answer = f"count {len(sink.records)}"
        elif word == "clear":
            sink.clear()
            answer = "ok"
        elif word == "matched" and arg:
            answer = f"matched {sink.matched(arg)}"
        elif word == "dump" and arg:
            answer = f"ok {sink.dump(Path(arg))}"
        else:
            answer = f"error unknown command {line!r}"
        print(answer, flush=True)


async def main(port: int) -> None:
    sink = RecordingSink()
    loop = asyncio.get_running_loop()

    def factory() -> Any:
        return SMTP(sink, enable_SMTPUTF8=True)

    server = await loop.create_server(factory, host=HOST, port=port)
    print(f"{READY_LINE} {port}", flush=True)
    try:
        await _control(sink)
    finally:
        server.close()
        await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
