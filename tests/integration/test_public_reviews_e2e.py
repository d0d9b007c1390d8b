"""Issue 20's acceptance, end to end through real processes (ingest, survey, responder and the
storefront), Kafka, PostgreSQL and SMTP: a customer's 1-star survey review is published and
shows in the public API, the widget, the JSON-LD and the Google feed; rejecting it for its
rating is refused; a rejection for personal data is in the ledger and the reviewer is told by
email; the shop's published reply shows under the review; a GDPR redaction removes the review
everywhere, the feed included."""

import json
import mailbox
import re
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any
from urllib.parse import quote, urlparse

import httpx
import pytest

from tests.conftest import service_env
from tests.support.admin import ADMIN, API, create_shop
from tests.support.services import ServiceProcess, running_services, smtp_env

pytestmark = pytest.mark.integration

BOOTSTRAP = {"Authorization": "Bearer bootstrap-admin-key-dev-only"}
LEAK = "The kettle leaks after two days and the handle burns my fingers."
PHONE = "+386 41 555 123"


@pytest.fixture
def stack(infra, database, prefix, log_dir) -> Iterator[dict[str, ServiceProcess]]:
    storefront = ServiceProcess("responder.storefront", {}, log_dir)
    storefront.env.update(
        {
            **service_env("storefront", infra, database, prefix),
            "STOREFRONT_HTTP_PORT": str(storefront.port),
            "STOREFRONT_PUBLIC_URL": storefront.url,
            # Every read sees the last write: this test checks changes, not the cache.
            "STOREFRONT_CACHE_SECONDS": "0",
        }
    )
    envs = {
        "ingest": service_env("ingest", infra, database, prefix),
        "survey": {
            **service_env("survey", infra, database, prefix),
            **smtp_env("survey", infra),
            "SURVEY_STOREFRONT_PUBLIC_URL": storefront.url,
        },
        "responder": service_env("responder", infra, database, prefix),
    }
    with running_services(envs, log_dir) as procs:
        storefront.start()
        try:
            storefront.wait_ready(kafka=False)
            yield {**procs, "storefront": storefront}
        finally:
            storefront.kill()


def eventually(check: Callable[[], Any], what: str, wait_s: float = 60.0) -> Any:
    deadline = time.monotonic() + wait_s
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.3)


def mails_to(maildir, address: str) -> list[EmailMessage]:
    box = mailbox.Maildir(maildir, create=False)
    found = [message_from_bytes(box.get_bytes(k), policy=policy.default) for k in box.keys()]
    return [m for m in found if address in str(m["To"])]  # type: ignore[misc]


def order(order_id: str, email: str) -> dict[str, Any]:
    return {
        "order_id": order_id,
        "placed_at": (datetime.now(UTC) - timedelta(days=1)).isoformat(),
        "currency": "EUR",
        "customer": {"email": email, "country": "SI", "locale": "en"},
        "items": [
            {
                "product_id": "kettle",
                "sku": "KT-1",
                "name": "Kettle",
                "quantity": 1,
                "unit_price": "49.00",
            },
            {
                "product_id": "mug",
                "sku": "MG-1",
                "name": "Mug",
                "quantity": 1,
                "unit_price": "9.00",
            },
        ],
    }


def test_a_survey_review_is_shown_moderated_answered_and_erased(stack, infra) -> None:
    ingest, survey, responder, storefront = (
        stack[n] for n in ("ingest", "survey", "responder", "storefront")
    )
    shop = f"pub-{uuid.uuid4().hex[:8]}"
    email = f"ana-{uuid.uuid4().hex[:8]}@example.com"
    create_shop(ingest.url, shop, "standard")
    sv = httpx.Client(base_url=survey.url, headers=API, timeout=10)
    rs = httpx.Client(base_url=responder.url, headers=BOOTSTRAP, timeout=10)
    sf = httpx.Client(base_url=storefront.url, timeout=10)

    # The survey knows the shop once its profile arrived: then any hour may send.
    window = {"send_window_start_hour": 0, "send_window_end_hour": 24, "skip_sundays": False}
    eventually(
        lambda: sv.patch(f"/v1/shops/{shop}/survey-settings", json=window).status_code == 200,
        "the survey to know the shop",
    )
    posted = httpx.post(
        f"{ingest.url}/v1/shops/{shop}/orders", json=order("o-1", email), headers=API
    )
    assert posted.status_code == 202, posted.text
    eventually(
        lambda: (
            sv.put(
                f"/v1/shops/{shop}/surveys/o-1/send-at",
                json={"send_at": datetime.now(UTC).isoformat(), "outside_window": True},
            ).status_code
            == 200
        ),
        "the survey to be scheduled",
    )
    (invitation,) = eventually(lambda: mails_to(infra.maildir, email), "the survey email")
    text = invitation.get_body(("plain",)).get_content()
    link = urlparse(re.search(r"\S+/s/\S+", text).group(0)).path
    page = httpx.get(survey.url + link, timeout=10)
    assert page.status_code == 200 and 'name="reviewer_name"' in page.text
    # Most expensive line first: the kettle, then the mug.
    answered = httpx.post(
        survey.url + link,
        data={
            "rating_0": "1",
            "text_0": LEAK,
            "rating_1": "4",
            "text_1": f"Nice mug. Call me about it on {PHONE}.",
            "reviewer_name": "Ana K.",
            "nps": "3",
        },
        timeout=10,
    )
    assert answered.status_code == 200, answered.text

    # 1. The 1-star review is published by default: API, widget, JSON-LD, feed.
    def kettle() -> dict[str, Any]:
        r = sf.get(f"/v1/shops/{shop}/products/kettle/reviews")
        return r.json() if r.status_code == 200 and r.json()["reviews"] else {}

    shown = eventually(kettle, "the kettle review in the public API")
    (review,) = shown["reviews"]
    assert review["rating"] == 1 and review["body"] == LEAK
    assert review["display_name"] == "Ana K." and review["verified"] is True
    assert shown["aggregate"]["count"] == 1 and shown["aggregate"]["distribution"]["1"] == 1
    assert "@" not in json.dumps(shown)  # no address, nothing personal but the chosen name
    widget = sf.get(f"/v1/shops/{shop}/products/kettle/widget", params={"lang": "en"})
    assert widget.status_code == 200 and "The kettle leaks" in widget.text
    jsonld = sf.get(f"/v1/shops/{shop}/products/kettle/jsonld").json()
    assert jsonld["@type"] == "Product" and jsonld["aggregateRating"]["reviewCount"] == 1
    feed = sf.get(f"/feeds/google/{shop}.xml")
    assert feed.status_code == 200 and LEAK[:20] in feed.text
    rid = review["id"]
    path = f"/v1/reviews/{quote(rid, safe='')}"

    # 2. Its rating is never a reason: refused, nothing recorded, still shown.
    refused = rs.post(
        f"{path}/moderation",
        params={"shop_id": shop},
        json={"action": "reject", "reason": "rating", "evidence": "1 star"},
    )
    assert refused.status_code == 422, refused.text
    assert "never" in refused.text
    assert kettle()["reviews"][0]["id"] == rid

    # 3. The mug review names a phone number: rejected for personal data, in the ledger, and
    #    the reviewer is told why.
    mug = eventually(
        lambda: sf.get(f"/v1/shops/{shop}/products/mug/reviews").json().get("reviews"),
        "the mug review",
    )
    mug_path = f"/v1/reviews/{quote(mug[0]['id'], safe='')}"
    rejected = rs.post(
        f"{mug_path}/moderation",
        params={"shop_id": shop},
        json={"action": "reject", "reason": "personal_data", "evidence": "a phone number"},
    )
    assert rejected.status_code in (200, 201), rejected.text
    assert sf.get(f"/v1/shops/{shop}/products/mug/reviews").json()["reviews"] == []
    ledger = rs.get(f"/v1/shops/{shop}/moderation").json()
    assert json.dumps(ledger).count("personal_data") >= 1
    # Maildir keys have no order: the notice is the mail that is not the invitation.
    invited = invitation["Message-ID"]
    (notice,) = eventually(
        lambda: [m for m in mails_to(infra.maildir, email) if m["Message-ID"] != invited],
        "the rejection email",
    )
    assert "personal" in notice.get_body(("plain",)).get_content().lower()

    # 4. The shop's reply, approved by a human, shows under the 1-star review.
    reply = "We are sorry the kettle leaks. Please write to us and we will replace it at once."
    draft = rs.post(f"{path}/drafts", params={"shop_id": shop}, json={"text": reply})
    assert draft.status_code == 201, draft.text
    draft_id = draft.json()["id"]
    assert rs.post(f"/v1/drafts/{draft_id}/approve").status_code == 200
    assert rs.post(f"/v1/drafts/{draft_id}/publish").status_code == 202
    replied = eventually(lambda: kettle()["reviews"][0].get("reply") or {}, "the public reply")
    assert replied["text"] == reply
    # And in the widget; the structured data and Google's feed carry the review, not the reply
    # (README, "Reviews where shoppers decide").
    assert "replace it at once" in sf.get(f"/v1/shops/{shop}/products/kettle/widget").text
    jsonld = sf.get(f"/v1/shops/{shop}/products/kettle/jsonld").text
    feed_now = sf.get(f"/feeds/google/{shop}.xml").text
    assert LEAK[:20] in feed_now and "replace it at once" not in feed_now
    assert "The kettle leaks" in jsonld and "replace it at once" not in jsonld

    # 5. The customer asks to be forgotten: gone from the API, the widget and the feed.
    erased = httpx.post(
        f"{ingest.url}/v1/admin/shops/{shop}/customer-redactions",
        json={"email": email},
        headers=ADMIN,
    )
    assert erased.status_code == 202, erased.text
    eventually(
        lambda: sf.get(f"/v1/shops/{shop}/products/kettle/reviews").json()["reviews"] == [],
        "the redaction to reach the storefront",
    )
    assert LEAK not in sf.get(f"/v1/shops/{shop}/products/kettle/widget").text
    assert LEAK[:20] not in sf.get(f"/feeds/google/{shop}.xml").text
