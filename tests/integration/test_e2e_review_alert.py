"""End to end through real processes: a negative platform review posted to ingest is stored,
classified, published, and the notifier's alert email reaches the SMTP sink once."""

import asyncio
import json
import mailbox
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy

import httpx
import pytest

from services.ingest.shops import repository as shops
from tests.conftest import connect_as, service_env
from tests.support.admin import API, create_shop
from tests.support.platforms import body_of, standard_headers
from tests.support.services import ServiceProcess, running_services, smtp_env

pytestmark = pytest.mark.integration

WHSEC = "whsec_ZTJlLXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVmZ2g="


@pytest.fixture
def stack(infra, database, prefix, log_dir) -> Iterator[dict[str, ServiceProcess]]:
    envs = {
        n: {**service_env(n, infra, database, prefix), **smtp_env(n, infra)}
        for n in ("ingest", "notifier")
    }
    with running_services(envs, log_dir) as procs:
        yield procs


async def _register_without_contact(infra, database: str, shop_id: str) -> None:
    conn = await connect_as(infra, database, "ingest")
    try:
        await shops.insert(conn, shop_id, "standard", "Old", "en", "SI", "UTC", WHSEC)
    finally:
        await conn.close()


def mails_to(maildir, address: str) -> list:
    box = mailbox.Maildir(maildir, create=False)
    found = [message_from_bytes(box.get_bytes(k), policy=policy.default) for k in box.keys()]
    return [m for m in found if address in str(m["To"])]


def test_negative_review_reaches_support_as_one_alert_email(stack, infra) -> None:
    ingest, notifier = stack["ingest"], stack["notifier"]
    shop_id = f"e2e-{uuid.uuid4().hex[:6]}"
    support = f"support-{uuid.uuid4().hex[:8]}@example.com"
    # Alert recipients are the registry's (#18): the contact address stands in for them.
    create_shop(ingest.url, shop_id, "standard", WHSEC, contact_email=support)

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


def _post_negative_review(ingest_url: str, shop_id: str, review_id: str) -> None:
    body = body_of(
        {
            "type": "review.created",
            "data": {
                "review_id": review_id,
                "rating": 1,
                "text": "The teapot arrived broken. Nobody answers my emails.",
                "language": "en",
                "created_at": datetime.now(UTC).isoformat(),
                "reviewer": {"name": "Ana"},
            },
        }
    )
    posted = httpx.post(
        f"{ingest_url}/reviews/generic/{shop_id}",
        content=body,
        headers=standard_headers(body, WHSEC),
    )
    assert posted.status_code == 202, posted.text


def test_a_shop_without_support_address_alerts_its_contact_or_records_no_recipient(
    stack, infra, database, prefix
) -> None:
    """The first 1-star review of a shop without an alert recipient produced no alert, no
    notification row and no log line. The shop's contact address (registered with ingest,
    announced on the shops topic) is alerted instead; a shop with neither has the review
    recorded as "not alerted: no recipient", counted and shown by `reviewloop status`."""
    ingest, notifier = stack["ingest"], stack["notifier"]
    with_contact, without = (f"e2e-{uuid.uuid4().hex[:6]}" for _ in range(2))
    contact = f"owner-{uuid.uuid4().hex[:8]}@example.com"
    create_shop(ingest.url, with_contact, "standard", WHSEC, contact_email=contact)
    # The registry now refuses a shop without a contact (#18): one registered before that.
    asyncio.run(_register_without_contact(infra, database, without))
    _post_negative_review(ingest.url, with_contact, "neg-contact")
    _post_negative_review(ingest.url, without, "neg-nobody")

    deadline = time.monotonic() + 60
    mails: list = []
    rows: list = []
    while time.monotonic() < deadline and not (mails and rows):
        mails = mails_to(infra.maildir, contact)
        rows = httpx.get(f"{notifier.url}/v1/shops/{without}/notifications", headers=API).json()
        time.sleep(0.3)
    assert len(mails) == 1, ingest.log_tail() + notifier.log_tail()
    assert mails[0]["Subject"].startswith("[Reviewloop][negative]")
    assert [(r["review_id"], r["status"], r["last_error"]) for r in rows] == [
        ("generic:neg-nobody", "unroutable", "not alerted: no recipient")
    ]
    assert any(
        "not alerted: no recipient" in line and without in line
        for line in notifier.log_path.read_text().splitlines()
    ), notifier.log_tail()
    metrics = httpx.get(f"{notifier.url}/metrics").text
    assert "reviewloop_alerts_unroutable_total 1.0" in metrics

    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("REVIEWLOOP_")},
        **service_env("notifier", infra, database, prefix),
        "REVIEWLOOP_KAFKA_BOOTSTRAP_SERVERS": infra.kafka_bootstrap,
        "REVIEWLOOP_KAFKA_TOPIC_PREFIX": prefix,
    }
    shown = subprocess.run(
        [sys.executable, "-m", "services.cli", "status", "--json", "--service", "notifier"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["alerts_unroutable"] == {without: 1}
    text = subprocess.run(
        [sys.executable, "-m", "services.cli", "status", "--service", "notifier"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert f"{without}  1" in text.stdout, text.stdout


async def _announcements(infra, database: str, shop_id: str, review_id: str) -> list[dict]:
    conn = await connect_as(infra, database, "ingest")
    try:
        rows = await conn.fetch(
            "SELECT body FROM outbox WHERE event_type = 'review.classified' ORDER BY id"
        )
    finally:
        await conn.close()
    events = [json.loads(bytes(r["body"])) for r in rows]
    return [
        e["payload"]["classification"]
        for e in events
        if e["shop_id"] == shop_id and e["payload"]["source_review_id"] == review_id
    ]


def test_second_pass_alerts_on_an_angry_text_under_five_stars(stack, infra, database) -> None:
    """Five stars over a text that is plainly a complaint: the fast model reads it as positive
    (no alert), the second pass (e5) reads it as negative with a star/text mismatch and its
    final announcement alerts support within seconds, once."""
    ingest, notifier = stack["ingest"], stack["notifier"]
    shop_id = f"e2e-{uuid.uuid4().hex[:6]}"
    support = f"support-{uuid.uuid4().hex[:8]}@example.com"
    create_shop(ingest.url, shop_id, "standard", WHSEC, contact_email=support)
    text = "Honestly a joke of a product, it stopped charging after two days."
    body = body_of(
        {
            "type": "review.created",
            "data": {
                "review_id": "misclick-1",
                "rating": 5,
                "text": text,
                "language": "en",
                "created_at": datetime.now(UTC).isoformat(),
                "reviewer": {"name": "Ana"},
            },
        }
    )
    started = time.monotonic()
    posted = httpx.post(
        f"{ingest.url}/reviews/generic/{shop_id}",
        content=body,
        headers=standard_headers(body, WHSEC),
    )
    assert posted.status_code == 202, posted.text
    mails: list = []
    while time.monotonic() < started + 60 and not mails:
        mails = mails_to(infra.maildir, support)
        time.sleep(0.2)
    assert len(mails) == 1, ingest.log_tail() + notifier.log_tail()
    took = time.monotonic() - started
    text_part = mails[0].get_body(("plain",)).get_content()
    assert "stars and text disagree" in text_part and "stopped charging" in text_part
    assert "Why: 5 stars but negative text" in text_part
    time.sleep(2)
    assert len(mails_to(infra.maildir, support)) == 1
    assert took < 15, f"the second pass's alert took {took:.1f} s"
    # The fast model's announcement came first and read the text as positive; the final one
    # is the second pass's.
    fast, final = asyncio.run(_announcements(infra, database, shop_id, "misclick-1"))
    assert (fast["final"], fast["sentiment"], fast["star_text_mismatch"]) == (
        False,
        "positive",
        False,
    )
    # `final` is left off the wire when true.
    assert ("final" in final, final["sentiment"], final["star_text_mismatch"]) == (
        False,
        "negative",
        True,
    )
    assert fast["model_version"].startswith("fast-") and final["model_version"].startswith(
        "embedding-"
    )
