"""The reviewer is told when their review is rejected (issue 20): `review.moderated` reaches
survey on real Kafka, and the reviewer gets one email through the real SMTP sink, in the
language they answered in, naming the review and the reason; never a second one for the same
decision, none for "held" or "published", none to a redacted customer or a bounced address,
and one even after an unsubscribe from survey emails (it is about their own content)."""

import re
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from email.message import EmailMessage
from urllib.parse import urlparse

import pytest

from services.responder.moderation.events import moderated
from services.survey import suppressions
from services.survey.email.translations import TEXTS
from services.survey.moderation_notices import repository as notices
from services.survey.moderation_notices.handlers import request_notice
from services.survey.moderation_notices.rules import skip_reason
from services.survey.orders.view import OrderView
from shared.events import CustomerDataRequested, CustomerRedactRequested, parse_event
from shared.events.replies import MODERATION_REASONS, ReviewModerated
from shared.events.shops import ShopUpdated
from tests.support.clock import T0
from tests.support.kafka import eventually
from tests.support.survey import SurveyHarness, placed, running_survey, unique_email

pytestmark = pytest.mark.integration

SHOP = "moderated-shop"


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    async with running_survey(infra, make_settings, SHOP) as harness:
        # How the reviewer reaches the shop: named in the email, and its Reply-To.
        await harness.feed(
            ShopUpdated(
                shop_id=SHOP,
                payload={
                    "platform": "standard",
                    "display_name": "Čaj & Co",
                    "locale": "sl",
                    "country": "SI",
                    "timezone": "Europe/Ljubljana",
                    "contact_email": "pomoc@caj.example",
                    "contact_phone": "+386 1 234 56 78",
                },
            )
        )
        yield harness


async def answered(
    survey: SurveyHarness, order_id: str, locale: str, name: str = ""
) -> tuple[str, str]:
    """The buyer's address and the id the pot's review (1 star) is published under."""
    email = unique_email()
    await survey.feed(placed(SHOP, order_id, email, at=survey.clock(), locale=locale))
    survey.clock.advance(days=60)
    # (an earlier order's reminder may be due too: it goes or is skipped in the same pass)
    assert await survey.dispatcher().run_once() >= 1
    (mail,) = survey.mails_to(email)
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    found = re.search(r"\S+/s/\S+", text)
    assert found is not None
    async with survey.http() as http:
        r = await http.post(
            urlparse(found.group(0)).path,
            data={
                "rating_0": "1",
                "text_0": "Pokrov je počil.",
                "rating_1": "5",
                "reviewer_name": name,
            },
        )
        assert r.status_code == 200, r.text
    review_id = await survey.pool.fetchval(
        "SELECT p.review_id FROM product_reviews p JOIN surveys s ON s.id = p.survey_id "
        "WHERE s.order_id = $1 AND p.product_id = 'pot'",
        order_id,
    )
    return email, f"survey:{review_id}"


def decision(review_id: str, kind: str, reason: str | None, minute: int = 0) -> ReviewModerated:
    at = T0 + timedelta(minutes=minute)
    return ReviewModerated(
        shop_id=SHOP,
        occurred_at=at,
        payload={
            "review_id": review_id,
            "decision": kind,
            "reason": reason,
            "language": "en",
            "decided_at": at,
        },
    )


def notices_to(survey: SurveyHarness, email: str) -> list[EmailMessage]:
    return [m for m in survey.mails_to(email) if m["Message-ID"].startswith("<moderation.")]


async def rows_of(survey: SurveyHarness, review_id: str) -> list[notices.NoticeRow]:
    async with survey.pool.acquire() as conn:
        return await notices.of_review(conn, SHOP, review_id)


async def test_a_rejection_is_told_once_in_the_reviewers_language(survey) -> None:
    # Answered in German; unsubscribed from survey emails afterwards.
    email, review_id = await answered(survey, "o-rejected", "de-AT")
    async with survey.pool.acquire() as conn:
        await suppressions.add(
            conn, SHOP, email, "unsubscribed", survey.settings.suppression_pepper
        )
    held_email, held_id = await answered(survey, "o-held", "en")
    # Built as the responder builds it (services/responder/moderation/events.py); the review's
    # language as the responder saw it is not the one the reviewer answered the survey in.
    rejected = moderated(
        SHOP, review_id, "o-rejected", "rejected", "personal_data", "sl", T0 + timedelta(minutes=1)
    )
    replayed = rejected.model_copy(update={"event_id": uuid.uuid4()})
    marker = decision("survey:survey-marker", "rejected", "spam_or_advertising", minute=9)

    async with survey.consuming("survey.replies"):
        await survey.publish(decision(review_id, "published", None))
        await survey.publish(rejected)
        await survey.publish(rejected)  # redelivered: same event id
        await survey.publish(replayed)  # the same decision again, another event id
        await survey.publish(decision(held_id, "held", "insult_or_hate", minute=2))
        await survey.publish(decision(held_id, "published", None, minute=3))
        await survey.publish(decision(held_id, "redacted", None, minute=4))
        await survey.publish(marker)
        await eventually(lambda: rows_of(survey, "survey:survey-marker"), wait_s=30)

    (row,) = await rows_of(survey, review_id)
    assert (row.status, row.reason, row.language) == ("pending", "personal_data", "de")
    assert await rows_of(survey, held_id) == []
    (unknown,) = await rows_of(survey, "survey:survey-marker")
    assert (unknown.status, unknown.skip_reason) == ("skipped", "unknown_review")

    dispatcher = survey.moderation_notice_dispatcher()
    assert await dispatcher.run_once() == 1
    survey.clock.advance(days=1)
    assert await dispatcher.run_once() == 0

    (mail,) = notices_to(survey, email)
    assert notices_to(survey, held_email) == []
    assert mail["Subject"] == "Ihre Bewertung von Čajnik wurde nicht veröffentlicht"
    assert mail["Content-Language"] == "de"
    assert mail["Reply-To"] == "pomoc@caj.example"
    # Not a mailing: no unsubscribe header.
    assert mail["List-Unsubscribe"] is None
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "mit 1 von 5 Sternen bewertet" in text
    assert "Der Grund: sie enthält personenbezogene Daten" in text
    assert "Ihre Sternebewertung war nicht der Grund" in text
    assert "pomoc@caj.example" in text and "+386 1 234 56 78" in text
    assert "Pokrov je počil." not in text  # the review's words are not repeated
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "personenbezogene Daten" in html and 'href="mailto:pomoc@caj.example"' in html
    (sent,) = await rows_of(survey, review_id)
    assert (sent.status, sent.recipient) == ("sent", email)

    # A later event of the same decision (a replay of the topic) finds it told already.
    async with survey.pool.acquire() as conn, conn.transaction():
        assert not await request_notice(conn, survey.settings, rejected, survey.clock())
    assert await dispatcher.run_once() == 0
    assert len(notices_to(survey, email)) == 1


async def test_no_notice_to_a_redacted_customer_or_a_bounced_address(survey) -> None:
    redacted_email, redacted_id = await answered(survey, "o-redacted", "sl-SI", "Mira Q.")
    bounced_email, bounced_id = await answered(survey, "o-bounced", "sl-SI")
    await survey.feed(decision(redacted_id, "rejected", "off_target", minute=1))
    await survey.feed(decision(bounced_id, "rejected", "off_target", minute=1))
    # A data request before the redaction shows the chosen name and the pending notice.
    await survey.feed(
        CustomerDataRequested(
            shop_id=SHOP, payload={"request_id": "d-1", "order_ids": ["o-redacted"]}
        )
    )
    body = await survey.pool.fetchval(
        "SELECT body FROM outbox WHERE event_type = 'customer.data_exported'"
    )
    exported = parse_event(bytes(body)).payload.data
    assert {s["reviewer_name"] for s in exported["surveys"]} == {"Mira Q."}
    assert [(n["review_id"], n["reason"], n["status"]) for n in exported["moderation_notices"]] == [
        (redacted_id, "off_target", "pending")
    ]
    # Redacted after the decision, before the notice is due.
    await survey.feed(
        CustomerRedactRequested(
            shop_id=SHOP, payload={"request_id": "r-1", "order_ids": ["o-redacted"]}
        )
    )
    async with survey.pool.acquire() as conn:
        await suppressions.add(
            conn, SHOP, bounced_email, "bounced", survey.settings.suppression_pepper
        )

    assert await survey.moderation_notice_dispatcher().run_once() == 2
    assert notices_to(survey, redacted_email) == []
    assert notices_to(survey, bounced_email) == []
    (redacted,) = await rows_of(survey, redacted_id)
    (bounced,) = await rows_of(survey, bounced_id)
    assert (redacted.status, redacted.skip_reason, redacted.recipient) == (
        "skipped",
        "redacted",
        None,
    )
    assert (bounced.status, bounced.skip_reason) == ("skipped", "bounced")
    # The name they chose is gone with their words.
    assert (
        await survey.pool.fetchval("SELECT count(*) FROM responses WHERE reviewer_name IS NOT NULL")
        == 0
    )


def test_every_reason_is_told_in_every_language() -> None:
    """Each reason of the closed list has its words in en, de, sl, lv and ro; an unsubscribe
    does not stop a notice, a bounce does."""
    for language in ("en", "de", "sl", "lv", "ro"):
        for reason in MODERATION_REASONS:
            assert TEXTS[language][f"reason_{reason}"], (language, reason)
    order = OrderView(SHOP, "o", customer_email="a@example.com")
    assert skip_reason(order, 3, "unsubscribed") is None  # transactional: sent anyway
    assert skip_reason(order, 3, "bounced") == "bounced"
    assert skip_reason(None, 3, None) == "redacted"
