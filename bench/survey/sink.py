"""The SMTP sink the dispatcher is measured against: a real aiosmtpd server that also records
when it accepted each message (by Message-ID), so lateness is measured where the email lands.

    python -m bench.survey.sink PORT MAILDIR

Two modes, switched at run time over stdin so one process (and one port) serves every phase:

- `maildir`: what the repo's sink does (`python -m aiosmtpd -n -u -c aiosmtpd.handlers.Mailbox
  DIR`): the same handler class parses each message and writes one file into the Maildir;
- `count`: the same SMTP server, but the message is only counted: no parsing, no disk. This
  shows the dispatcher's own limit when the sink is not the bottleneck.

The server is built like aiosmtpd's own command line (`SMTP(handler, enable_SMTPUTF8=True)` on
the default asyncio loop), so in `maildir` mode the only extra work is the recording: one regex
over the header block and two list appends per message.

Commands on stdin, one per line, each answered with one line on stdout:
`count` -> `count <messages> <bytes>`; `mode maildir|count` -> `ok`;
`dump <path>` -> `ok <n>` (writes "<message-id>\\t<unix time>" lines); `stop` -> exits.
"""

import asyncio
import re
import sys
import time
from pathlib import Path
from typing import Any

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP, Envelope, Session

HOST = "127.0.0.1"
READY_LINE = "ready"
_MESSAGE_ID = re.compile(rb"^Message-ID:[ \t]*(<[^>\r\n]*>)", re.IGNORECASE | re.MULTILINE)


def message_id_of(content: bytes) -> bytes:
    headers = content.split(b"\r\n\r\n", 1)[0]
    found = _MESSAGE_ID.search(headers)
    return found.group(1) if found else b"<none>"


class RecordingSink:
    def __init__(self, maildir: Path) -> None:
        self.mailbox = Mailbox(maildir)
        self.mode = "maildir"
        self.ids: list[bytes] = []
        self.times: list[float] = []
        self.bytes = 0

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.content
        assert isinstance(content, bytes)
        if self.mode == "maildir":
            # Exactly the repo sink's work: parse, add X-Peer/X-MailFrom/X-RcptTo, write a file.
            await self.mailbox.handle_DATA(server, session, envelope)
        # Taken right before aiosmtpd writes "250": the moment the message is accepted.
        self.times.append(time.time())
        self.ids.append(message_id_of(content))
        self.bytes += len(content)
        return "250 OK"

    def dump(self, path: Path) -> int:
        with path.open("w") as out:
            for mid, at in zip(self.ids, self.times, strict=True):
                out.write(f"{mid.decode(errors='replace')}\t{at:.6f}\n")
        return len(self.ids)


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
            answer = f"count {len(sink.ids)} {sink.bytes}"
        elif word == "mode" and arg in ("maildir", "count"):
            sink.mode = arg
            answer = "ok"
        elif word == "dump":
            answer = f"ok {sink.dump(Path(arg))}"
        else:
            answer = f"error unknown command {line!r}"
        print(answer, flush=True)


async def main(port: int, maildir: Path) -> None:
    sink = RecordingSink(maildir)
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
    # The default asyncio loop, like `python -m aiosmtpd` (no uvloop).
    asyncio.run(main(int(sys.argv[1]), Path(sys.argv[2])))
