"""The end-to-end bench's SMTP recorder finds the marker of an alert whose body is base64 as it
accepts the message, without MIME parsing (parsing 6,000 alerts at once blocked the sink and
delayed the last emails), and counts a message without one only once parsed, never before it is
asked (the drain loop otherwise waits out its whole timeout for alerts that already arrived)."""

import base64
from email.message import EmailMessage

from aiosmtpd.smtp import Envelope

from bench.e2e.sink import Recorder

MARKER = "e2e-abc123-a1-000007"


def _envelope(body: str, cte: str) -> Envelope:
    message = EmailMessage()
    message["Subject"] = "Negative review"
    message["Message-ID"] = "<m1@example.test>"
    message.set_content(body, cte=cte)
    envelope = Envelope()
    envelope.rcpt_tos = ["support@example.test"]
    envelope.content = message.as_bytes().replace(b"\n", b"\r\n")
    return envelope


def test_a_marker_in_a_base64_body_is_found_on_accept() -> None:
    recorder = Recorder()
    envelope = _envelope(f"Review «{MARKER}» — 1 star\n" + "Ünterwegs " * 40, "base64")
    assert isinstance(envelope.content, bytes)
    assert MARKER.encode() not in envelope.content  # not readable without decoding
    recorder.accept(1.0, envelope)
    assert recorder.records[0].marker == MARKER
    assert recorder.records[0].content is None  # nothing left to parse later
    assert recorder.matched("e2e-abc123-a1") == 1
    assert recorder.matched("e2e-abc123-a2") == 0


def test_a_marker_only_a_mime_parse_finds_is_matched_before_the_dump() -> None:
    recorder = Recorder()
    # In a header's encoded word only: the accept path does not read headers.
    envelope = _envelope("no marker in the body", "7bit")
    assert isinstance(envelope.content, bytes)
    subject = f"=?utf-8?b?{base64.b64encode(MARKER.encode()).decode()}?="
    envelope.content = envelope.content.replace(b"Negative review", subject.encode())
    recorder.accept(1.0, envelope)
    assert recorder.records[0].marker == ""
    assert recorder.matched("e2e-abc123-a1") == 1


def test_a_quoted_printable_marker_is_found_on_accept() -> None:
    recorder = Recorder()
    recorder.accept(1.0, _envelope(f"Review {MARKER} 1 star " + "x" * 100, "quoted-printable"))
    assert recorder.records[0].marker == MARKER
    assert recorder.matched("e2e-abc123") == 1
