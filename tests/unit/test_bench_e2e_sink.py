"""The end-to-end bench's SMTP recorder counts an email whose marker sits in a base64 body as
soon as it is asked, not only when the step's records are dumped (the drain loop otherwise
waits out its whole timeout for alerts that already arrived)."""

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


def test_a_marker_in_a_base64_body_is_matched_before_the_dump() -> None:
    recorder = Recorder()
    envelope = _envelope(f"Review «{MARKER}» — 1 star", "base64")
    assert isinstance(envelope.content, bytes)
    assert MARKER.encode() not in envelope.content  # the accept path cannot see it
    recorder.accept(1.0, envelope)
    assert recorder.matched("e2e-abc123-a1") == 1
    assert recorder.matched("e2e-abc123-a2") == 0


def test_a_quoted_printable_marker_is_found_on_accept() -> None:
    recorder = Recorder()
    recorder.accept(1.0, _envelope(f"Review {MARKER} 1 star " + "x" * 100, "quoted-printable"))
    assert recorder.records[0].marker == MARKER
    assert recorder.matched("e2e-abc123") == 1
