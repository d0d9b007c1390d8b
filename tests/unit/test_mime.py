"""shared/email/mime.py: the fast multipart builder keeps headers on one line and both parts."""

from datetime import UTC, datetime
from email import message_from_bytes, policy

from shared.email.mime import alternative


def build(subject: str, name: str = "Reviewloop") -> bytes:
    return alternative(
        (name, "alerts@example.com"),
        "support@shop.example",
        subject,
        "<n.1@reviewloop.test>",
        datetime(2026, 11, 23, 12, 0, tzinfo=UTC),
        "Plain text: 1★ review",
        "<p>HTML &amp; part</p>",
        {"Auto-Submitted": "auto-generated"},
    )


def test_both_parts_and_unicode_headers_survive_a_round_trip() -> None:
    msg = message_from_bytes(
        build("[Reviewloop][negative] 1★ review für Größe"), policy=policy.default
    )
    assert str(msg["Subject"]) == "[Reviewloop][negative] 1★ review für Größe"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Message-ID"] == "<n.1@reviewloop.test>"
    assert msg.get_body(("plain",)).get_content().strip() == "Plain text: 1★ review"
    assert msg.get_body(("html",)).get_content().strip() == "<p>HTML &amp; part</p>"


def test_line_breaks_cannot_inject_headers() -> None:
    raw = build("hello\r\nBcc: victim@example.com", name="Shop\nX-Evil: 1")
    msg = message_from_bytes(raw, policy=policy.default)
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert "victim@example.com" in str(msg["Subject"])
