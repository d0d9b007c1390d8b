"""Stored text in the messages Reviewloop sends: HTML and script in review texts, names and shop
names come out escaped in HTML parts, and CR/LF in names and subjects never start a header of
their own (alert emails and survey emails). Survey pages: tests/integration/test_survey_pages.py."""

from datetime import UTC, datetime
from decimal import Decimal
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from email.utils import formataddr

import pytest

from services.notifier.notifications.content import alert, plain
from services.survey.email.render import (
    UNFOLDED,
    EmailContent,
    FollowUpContent,
    build_follow_up,
    build_message,
)
from services.survey.orders.view import Item
from shared.events.orders import OrderItem
from shared.events.reviews import OrderContext
from tests.support.responder import classified

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
SCRIPT = "<script>alert('x')</script>"
IMG = '"><img src=x onerror=alert(1)>'
CRLF = "Shop\r\nBcc: victim@example.com\r\n\r\n<b>body</b>"
INJECTED = ("Bcc", "Cc", "Reply-To")


def parts(raw: bytes) -> tuple[dict[str, list[str]], str, str]:
    """The headers of a sent message, and its text and HTML parts, as a mail client reads them."""
    msg = message_from_bytes(raw, policy=default)
    headers = {name: [str(v) for v in msg.get_all(name, [])] for name in set(msg.keys())}
    text = html = ""
    for part in msg.walk():
        if part.get_content_type() == "text/plain":
            text = part.get_content()
        elif part.get_content_type() == "text/html":
            html = part.get_content()
    return headers, text, html


def assert_no_injected_headers(headers: dict[str, list[str]]) -> None:
    for name in INJECTED:
        assert name not in headers, headers
    for values in headers.values():
        assert all("\r" not in v and "\n" not in v for v in values), values


def alert_email(content: dict[str, str]) -> bytes:
    """What the notifier's delivery worker builds from a stored notification."""
    msg = EmailMessage()
    msg["From"] = formataddr(("Reviewloop", "alerts@reviewloop.example"))
    msg["To"] = "staff@shop.example"
    msg["Subject"] = content["subject"]
    msg.set_content(content["text"])
    msg.add_alternative(content["html"], subtype="html")
    return bytes(msg)


def test_alert_emails_escape_review_text_and_keep_shop_names_on_one_line() -> None:
    event = classified(
        "s1",
        "t:1",
        text=f"Broken {SCRIPT} {IMG}",
        reviewer_name=f"Eve {SCRIPT}",
        order_id=None,
    )
    review = event.payload.model_copy(
        update={
            "title": f"Title {IMG}",
            "order": OrderContext(
                order_id="1001",
                items=[OrderItem(product_id="p", name=SCRIPT, quantity=1, unit_price=Decimal("1"))],
            ),
        }
    )
    content = alert(CRLF, review, NOW, "https://responder.example/reviews/t:1")
    headers, text, html = parts(alert_email(content))
    assert_no_injected_headers(headers)
    assert headers["Subject"] == [
        "[Reviewloop][negative][severity:low] 1★ trustpilot review for "
        "Shop Bcc: victim@example.com <b>body</b>"
    ]
    for hostile in (SCRIPT, IMG, "<img", "<script"):
        assert hostile not in html
    assert "&lt;script&gt;" in html and "&quot;&gt;&lt;img" in html
    # The plain text says what the customer wrote, as text.
    assert SCRIPT in text and IMG in text


@pytest.mark.parametrize("subject", [CRLF, "a\nb", "a\rb", "a\u2028b", "a\x85b"])
def test_every_notification_subject_is_one_header_line(subject: str) -> None:
    content = plain(f"Digest for {subject}", [SCRIPT], {"type": "digest"})
    headers, _, html = parts(alert_email(content))
    assert_no_injected_headers(headers)
    assert SCRIPT not in html


def survey_content(**fields: object) -> EmailContent:
    base: dict[str, object] = {
        "language": "en",
        "shop_name": CRLF,
        "recipient": "jane@example.com",
        "recipient_name": f"Jane\r\nBcc: other@example.com {SCRIPT}",
        "items": [Item("p", f"Mug {IMG}", None, 1, Decimal("12"))],
        "survey_url": "https://survey.example/s/token",
        "unsubscribe_url": "https://survey.example/u/token",
        "logo_url": None,
        "color": "#123456",
        "reminder": False,
    }
    return EmailContent(**{**base, **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize("reminder", [False, True])
def test_survey_emails_escape_names_and_never_inject_headers(reminder: bool) -> None:
    msg = build_message(survey_content(reminder=reminder), "s@shop.example", "<m@x>", NOW)
    headers, _, html = parts(msg.as_bytes(policy=UNFOLDED))
    assert_no_injected_headers(headers)
    assert headers["To"] == ["jane@example.com"]
    assert "Bcc: victim@example.com" in headers["From"][0]  # shown as part of the name
    for hostile in (SCRIPT, IMG, "<img", "<script", "<b>body</b>"):
        assert hostile not in html
    assert "&lt;script&gt;" in html


def test_case_follow_up_emails_escape_names_and_never_inject_headers() -> None:
    content = FollowUpContent(
        language="en",
        shop_name=CRLF,
        recipient="jane@example.com",
        recipient_name=f"Jane\r\nBcc: other@example.com {SCRIPT}",
        unsubscribe_url="https://survey.example/u/token",
        logo_url=None,
        color="#123456",
    )
    msg = build_follow_up(content, "s@shop.example", "<m@x>", NOW)
    headers, _, html = parts(msg.as_bytes(policy=UNFOLDED))
    assert_no_injected_headers(headers)
    assert SCRIPT not in html and "<b>body</b>" not in html
