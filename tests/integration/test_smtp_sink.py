"""The local SMTP sink is a real SMTP server that keeps every message for tests to read."""

import mailbox
import uuid
from email.message import EmailMessage

import aiosmtplib
import pytest

pytestmark = pytest.mark.integration


async def test_sink_accepts_and_stores_a_message(infra) -> None:
    subject = f"probe {uuid.uuid4()}"
    msg = EmailMessage()
    msg["From"] = "reviewloop@example.com"
    msg["To"] = "jane@example.com"
    msg["Subject"] = subject
    msg.set_content("Hello")
    await aiosmtplib.send(msg, hostname=infra.smtp_host, port=infra.smtp_port)

    subjects = [m["Subject"] for m in mailbox.Maildir(infra.maildir, create=False)]
    assert subject in subjects
