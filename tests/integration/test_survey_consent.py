"""Consent per country, no gating and refunded orders (issue #18), on the real stack: survey's
PostgreSQL, the real SMTP sink, settings changed through the survey-settings API, and (for the
Shopify opt-out) the Shopify adapter and ingest's order state on Shopify's published payload.

- "the German consent rule": a German customer without consent is excluded `no_consent`; with
  consent, or with the shop's declared existing-customer notice, the survey goes out; a
  Slovenian customer without consent is asked; a Shopify marketing opt-out is honoured
  everywhere (`marketing_opt_out`).
- "the no-gating test": the same orders answered with opposite sentiments get identical
  invitations and identical thank-you pages with the same public-platform invitation, and the
  customers' next orders are treated alike.
- refunded orders: a fully refunded delivered order gets a service-only survey (no product to
  rate); a cancelled one gets nothing; `refunded_orders: "none"` excludes it (`refunded`).
"""

import copy
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from email.message import EmailMessage
from urllib.parse import urlencode, urlparse

import pytest

from services.ingest.orders.state import apply, new_state
from services.ingest.webhooks.adapters import ADAPTERS
from services.ingest.webhooks.adapters.base import WebhookRequest
from shared.events import OrderCancelled, OrderDelivered, OrderPlaced, OrderRefunded
from tests.support.platforms import body_of, live_shopify_order, shopify_headers
from tests.support.survey import T0, SurveyHarness, placed, running_survey, unique_email

pytestmark = pytest.mark.integration

SHOP = "kaffee-shop"
NOTICE_SHOP = "notice-shop"
API = {"Authorization": "Bearer api-token-dev-only"}
TRUSTPILOT = "https://www.trustpilot.com/review/caj.example"
LINK = re.compile(r"https://surveys\.example\.com/[su]/[^\s\"<>]+")


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    async with running_survey(infra, make_settings, SHOP) as harness:
        await harness.shop(NOTICE_SHOP)
        yield harness


async def patch(survey: SurveyHarness, shop: str, change: dict) -> dict:
    async with survey.http() as http:
        r = await http.patch(f"/v1/shops/{shop}/survey-settings", json=change, headers=API)
    assert r.status_code == 200, r.text
    body: dict = r.json()
    return body


def customer(email: str, country: str | None, consent: str | None = None) -> dict:
    c: dict = {"email": email, "name": "Ana Novak", "locale": "en", "country": country}
    if consent is not None:
        c["marketing_consent"] = consent
    return c


async def order(
    survey: SurveyHarness, shop: str, order_id: str, email: str, country: str, **kw
) -> None:
    await survey.feed(
        placed(
            shop,
            order_id,
            email,
            customer=customer(email, country, kw.pop("consent", None)),
            shipping_country=country,
        )
    )
    await survey.feed(
        OrderDelivered(shop_id=shop, payload={"order_id": order_id, "delivered_at": T0})
    )


def shopify_order_events(shop: str, email: str, state: str) -> list:
    """Shopify's published orders/create example, for a customer whose email marketing consent
    is `state`, through the Shopify adapter and ingest's order state: the events ingest would
    publish."""
    payload = copy.deepcopy(live_shopify_order("orders__create"))
    payload.update(
        email=email, created_at=T0.isoformat(), cancelled_at=None, financial_status="paid"
    )
    payload["customer"]["email_marketing_consent"] = {
        "state": state,
        "opt_in_level": "single_opt_in",
        "consent_updated_at": "2026-10-01T10:00:00Z",
    }
    body = body_of(payload)
    headers = shopify_headers(body, "s3cret-0123456789", "orders/create")
    request = WebhookRequest({k.lower(): v for k, v in headers.items()}, body, T0)
    (facts,) = ADAPTERS["shopify"].parse(request).orders
    _, events = apply(new_state(shop, facts), facts)
    assert facts.details is not None
    return events


async def test_the_german_consent_rule(survey) -> None:
    await patch(survey, NOTICE_SHOP, {"consent": {"existing_customer_notice": True}})
    emails = {name: unique_email() for name in ("de", "de_yes", "de_notice", "si", "si_opt")}
    await order(survey, SHOP, "o-de", emails["de"], "DE")
    await order(survey, SHOP, "o-de-yes", emails["de_yes"], "DE", consent="granted")
    await order(survey, NOTICE_SHOP, "o-de-notice", emails["de_notice"], "DE")
    await order(survey, SHOP, "o-si", emails["si"], "SI")
    events = shopify_order_events(SHOP, emails["si_opt"], "unsubscribed")
    opt_out = next(e for e in events if isinstance(e, OrderPlaced))
    assert opt_out.payload.customer.marketing_consent == "denied"
    for event in events:
        if event.type != "order.paid":  # not consumed by the survey
            await survey.feed(event)
    await survey.feed(
        OrderDelivered(
            shop_id=SHOP, payload={"order_id": opt_out.payload.order_id, "delivered_at": T0}
        )
    )

    survey.clock.advance(days=20)
    await survey.dispatcher().run_once()

    assert await survey.status_of(SHOP, "o-de") == ("skipped", "no_consent")
    assert await survey.status_of(SHOP, "o-de-yes") == ("sent", None)
    assert await survey.status_of(NOTICE_SHOP, "o-de-notice") == ("sent", None)
    assert await survey.status_of(SHOP, "o-si") == ("sent", None)
    assert await survey.status_of(SHOP, opt_out.payload.order_id) == (
        "skipped",
        "marketing_opt_out",
    )
    assert survey.mails_to(emails["de"]) == [] and survey.mails_to(emails["si_opt"]) == []
    for name in ("de_yes", "de_notice", "si"):
        assert len(survey.mails_to(emails[name])) == 1, name
    # The shop relying on the existing-customer notice says, in every email, that the customer
    # may object (§7(3) No. 4 UWG); the others do not need to.
    objection = "You may object to these emails at any time"
    (noticed,) = survey.mails_to(emails["de_notice"])
    assert objection in noticed.get_body(("plain",)).get_content()
    assert objection in noticed.get_body(("html",)).get_content()
    (plain,) = survey.mails_to(emails["si"])
    assert objection not in plain.get_body(("plain",)).get_content()


async def test_the_consent_policy_is_a_bounded_survey_setting(survey) -> None:
    async with survey.http() as http:
        r = await http.get(f"/v1/shops/{SHOP}/survey-settings", headers=API)
        assert r.json()["consent"] == {
            "countries": {"DE": "consent_or_notice", "AT": "consent_or_notice"},
            "default": "none",
            "existing_customer_notice": False,
        }
        assert r.json()["refunded_orders"] == "service_survey"
        for bad in ({"countries": {"XX": "consent"}}, {"default": "maybe"}):
            r = await http.patch(
                f"/v1/shops/{SHOP}/survey-settings", json={"consent": bad}, headers=API
            )
            assert r.status_code == 422, r.text
            assert "consent" in r.text
    # A merge patch adds a country and keeps the others.
    body = await patch(survey, SHOP, {"consent": {"countries": {"FR": "consent"}}})
    assert body["consent"]["countries"] == {
        "DE": "consent_or_notice",
        "AT": "consent_or_notice",
        "FR": "consent",
    }


def _normalised(mail: EmailMessage) -> tuple[str, ...]:
    """The email as the customer sees it, without its per-survey links."""
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    return (
        str(mail["Subject"]),
        str(mail["From"]),
        str(mail["Reply-To"]),
        LINK.sub("<link>", text),
        LINK.sub("<link>", html),
    )


def _survey_path(mail: EmailMessage) -> str:
    text = mail.get_body(("plain",)).get_content()
    link = re.search(r"https://surveys\.example\.com/s/\S+", text)
    assert link is not None
    return urlparse(link.group(0)).path


async def test_no_gating_opposite_answers_identical_invitations(survey) -> None:
    await patch(
        survey,
        SHOP,
        {
            "review_platforms": [{"name": "Trustpilot", "url": TRUSTPILOT}],
            "incentive_code": "HVALA10",
        },
    )
    unhappy, happy = unique_email(), unique_email()
    await order(survey, SHOP, "o-unhappy", unhappy, "SI")
    await order(survey, SHOP, "o-happy", happy, "SI")
    survey.clock.advance(days=20)
    assert await survey.dispatcher().run_once() == 2
    (to_unhappy,), (to_happy,) = survey.mails_to(unhappy), survey.mails_to(happy)
    assert _normalised(to_unhappy) == _normalised(to_happy)

    answers = {
        unhappy: {
            "rating_0": "1",
            "text_0": "Broke after a day. Terrible.",
            "rating_1": "1",
            "nps": "0",
            "comment": "Never again, awful service.",
        },
        happy: {
            "rating_0": "5",
            "text_0": "Wonderful, works perfectly.",
            "rating_1": "5",
            "nps": "10",
            "comment": "Great shop, thank you!",
        },
    }
    pages = {}
    async with survey.http() as http:
        for address, mail in ((unhappy, to_unhappy), (happy, to_happy)):
            r = await http.post(
                _survey_path(mail),
                content=urlencode(answers[address]),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            assert r.status_code == 200, r.text
            pages[address] = r.text
    # The thank-you page is the same page, public-platform invitation included.
    assert pages[unhappy] == pages[happy]
    assert f'href="{TRUSTPILOT}"' in pages[unhappy] and "Trustpilot" in pages[unhappy]
    assert "share your experience publicly" in pages[unhappy] and "HVALA10" in pages[unhappy]

    # What they answered changes nothing for their next emails: no reminder for either (both
    # answered), and their next orders are treated alike (both within the cooldown).
    survey.clock.advance(days=6)
    await survey.dispatcher().run_once()
    assert len(survey.mails_to(unhappy)) == len(survey.mails_to(happy)) == 1
    await order(survey, SHOP, "o-unhappy-2", unhappy, "SI")
    await order(survey, SHOP, "o-happy-2", happy, "SI")
    survey.clock.advance(days=1)
    await survey.dispatcher().run_once()
    assert await survey.status_of(SHOP, "o-unhappy-2") == await survey.status_of(SHOP, "o-happy-2")


async def test_a_fully_refunded_order_gets_a_service_only_survey(survey) -> None:
    email = unique_email()
    await order(survey, SHOP, "o-refunded", email, "SI")
    await survey.feed(
        OrderRefunded(
            shop_id=SHOP,
            payload={
                "order_id": "o-refunded",
                "refund_id": "r-1",
                "refunded_at": T0 + timedelta(days=3),
                "full": True,
            },
        )
    )
    survey.clock.advance(days=20)
    await survey.dispatcher().run_once()
    assert await survey.status_of(SHOP, "o-refunded") == ("sent", None)
    (mail,) = survey.mails_to(email)
    text = mail.get_body(("plain",)).get_content()
    assert "It was returned or refunded, and that experience counts too" in text
    assert "Share your experience: https://surveys.example.com/s/" in text
    # No product list, nothing to rate.
    assert "Your order:" not in text and "Čajnik" not in text and "Zeleni" not in text
    path = _survey_path(mail)
    async with survey.http() as http:
        page = await http.get(path)
        assert page.status_code == 200
        assert 'name="rating_' not in page.text and "Čajnik" not in page.text
        assert "so there is no product to rate" in page.text
        assert 'name="nps"' in page.text and 'name="comment"' in page.text
        # A rating posted anyway is not taken: there is no product on this survey.
        r = await http.post(
            path,
            content=urlencode({"rating_0": "1", "nps": "3", "comment": "Refund took weeks."}),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert r.status_code == 200, r.text
    stored = await survey.pool.fetchrow(
        "SELECT r.nps, r.comment FROM responses r JOIN surveys s ON s.id = r.survey_id"
        " WHERE s.shop_id = $1 AND s.order_id = 'o-refunded'",
        SHOP,
    )
    assert (stored["nps"], stored["comment"]) == (3, "Refund took weeks.")
    reviews = await survey.pool.fetchval(
        "SELECT count(*) FROM product_reviews p JOIN surveys s ON s.id = p.survey_id"
        " WHERE s.shop_id = $1 AND s.order_id = 'o-refunded'",
        SHOP,
    )
    assert reviews == 0


async def test_cancelled_gets_nothing_and_refunded_orders_none_excludes(survey) -> None:
    cancelled, refunded = unique_email(), unique_email()
    await survey.feed(placed(SHOP, "o-cancelled", cancelled))
    await survey.feed(
        OrderCancelled(shop_id=SHOP, payload={"order_id": "o-cancelled", "cancelled_at": T0})
    )
    await patch(survey, NOTICE_SHOP, {"refunded_orders": "none"})
    await order(survey, NOTICE_SHOP, "o-refunded", refunded, "SI")
    await survey.feed(
        OrderRefunded(
            shop_id=NOTICE_SHOP,
            payload={
                "order_id": "o-refunded",
                "refund_id": "r-1",
                "refunded_at": T0 + timedelta(days=3),
                "full": True,
            },
        )
    )
    survey.clock.advance(days=40)
    await survey.dispatcher().run_once()
    assert await survey.status_of(SHOP, "o-cancelled") == ("skipped", "cancelled")
    assert await survey.status_of(NOTICE_SHOP, "o-refunded") == ("skipped", "refunded")
    assert survey.mails_to(cancelled) == [] and survey.mails_to(refunded) == []
