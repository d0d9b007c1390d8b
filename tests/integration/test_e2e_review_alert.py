"""End to end through real processes: a negative platform review posted to ingest is stored,
classified, published, and the notifier's alert email reaches the SMTP sink once."""

import mailbox
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy

import httpx
import pytest

from tests.conftest import service_env
from tests.support.admin import API, create_shop
from tests.support.platforms import body_of, standard_headers
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

WHSEC = "whsec_ZTJlLXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVmZ2g="


@pytest.fixture
def stack(infra, database, prefix, log_dir) -> Iterator[dict[str, ServiceProcess]]:
    procs = {}
    for name in ("ingest", "notifier"):
        env = service_env(name, infra, database, prefix)
        env[f"{name.upper()}_SMTP_HOST"] = infra.smtp_host
        env[f"{name.upper()}_SMTP_PORT"] = str(infra.smtp_port)
        procs[name] = ServiceProcess(name, env, log_dir)
    try:
        for p in procs.values():
            p.start()
        for p in procs.values():
            p.wait_ready()
        yield procs
    finally:
        for p in procs.values():
            p.kill()


def mails_to(maildir, address: str) -> list:
    box = mailbox.Maildir(maildir, create=False)
    found = [message_from_bytes(box.get_bytes(k), policy=policy.default) for k in box.keys()]
    return [m for m in found if address in str(m["To"])]


def test_negative_review_reaches_support_as_one_alert_email(stack, infra) -> None:
    ingest, notifier = stack["ingest"], stack["notifier"]
    shop_id = f"e2e-{uuid.uuid4().hex[:6]}"
    support = f"support-{uuid.uuid4().hex[:8]}@example.com"
    create_shop(ingest.url, shop_id, "standard", WHSEC)
    r = httpx.put(
        f"{notifier.url}/v1/shops/{shop_id}/notification-settings",
        json={"support_email": support},
        headers=API,
    )
    assert r.status_code == 200, r.text

    review = {
        "type": "review.created",
        "data": {
            "review_id": "neg-1",
            "rating": 1,
            "title": "Broken and no answer",
            "text": (
                "The package arrived damaged and the teapot was broken. Nobody answers my emails."
            ),
            "language": "en",
            # Written just now: an older review would be past its SLA and escalate at once too.
            "created_at": datetime.now(UTC).isoformat(),
            "reviewer": {"name": "Ana"},
        },
    }
    body = body_of(review)
    posted = httpx.post(
        f"{ingest.url}/reviews/generic/{shop_id}",
        content=body,
        headers=standard_headers(body, WHSEC),
    )
    assert posted.status_code == 202, posted.text

    deadline = time.monotonic() + 60
    mails: list = []
    while time.monotonic() < deadline and not mails:
        mails = mails_to(infra.maildir, support)
        time.sleep(0.3)
    assert len(mails) == 1, ingest.log_tail() + notifier.log_tail()
    time.sleep(2)  # anything else (a duplicate, an escalation) would have arrived by now
    assert len(mails_to(infra.maildir, support)) == 1
    mail = mails[0]
    assert mail["Subject"].startswith("[Reviewloop][negative]")
    text = mail.get_body(("plain",)).get_content()
    assert "damaged_packaging" in text and "Nobody answers" in text
    # A redelivered or repeated review does not alert again.
    again = httpx.post(
        f"{ingest.url}/reviews/generic/{shop_id}",
        content=body,
        headers=standard_headers(body, WHSEC),
    )
    assert again.json()["unchanged"] == 1
    time.sleep(2)
    assert len(mails_to(infra.maildir, support)) == 1
