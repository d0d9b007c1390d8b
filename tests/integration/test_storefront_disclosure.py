"""The disclosure page (issue 20), `GET /shops/{shop_id}/review-policy`: built from the shop's
real settings and ledger. The survey's settings reach it as `shop.review_policy.changed` over
real Kafka (survey outbox → relay → responder consumer → `shops.review_policy`); the counts per
reason are the ledger's rows; in the shop's language, or the one asked for; a strict CSP,
cacheable, 404 for an unknown shop; axe-clean in Chromium at phone and laptop width.
Real PostgreSQL and Kafka."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from services.responder.app import build as build_responder
from services.responder.settings import ResponderSettings
from services.responder.storefront.disclosure.endpoints import CSP
from services.responder.storefront.disclosure.texts import TEXTS
from services.responder.storefront.widget.texts import Texts as WidgetTexts
from services.survey.settings import SurveySettings
from shared.events.shops import ShopReviewPolicyChanged, ShopUpdated
from shared.kafka.admin import ensure_topics
from shared.kafka.producer import create_producer
from shared.outbox.relay import OutboxRelay
from tests.support.browser import LAPTOP, PHONE, chromium, tab
from tests.support.clock import T0
from tests.support.kafka import eventually
from tests.support.responder import Responder, running_responder
from tests.support.storefront import Storefront, running_storefront
from tests.support.survey import SurveyHarness

pytestmark = pytest.mark.integration

SHOP = "tea-shop"
PAGE = f"/shops/{SHOP}/review-policy"
SURVEY_API = {"Authorization": "Bearer api-token-dev-only"}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "public-reviews"


def policy(version: int, **changes: Any) -> ShopReviewPolicyChanged:
    payload: dict[str, Any] = {
        "version": version,
        "category_delays_days": {"food": 3, "tea": 2, "furniture": 21},
        "default_delay_days": 10,
        "reminder_enabled": True,
        "reminder_delay_days": 5,
        "consent": {
            "countries": {"DE": "consent_or_notice", "AT": "consent_or_notice"},
            "default": "none",
            "existing_customer_notice": True,
        },
        "incentive_offered": False,
        "refunded_orders_surveyed": True,
        "b2b_surveyed": False,
        "cooldown_days": 30,
        "max_order_age_days": 60,
        **changes,
    }
    return ShopReviewPolicyChanged(shop_id=SHOP, payload=payload)


def profile(locale: str = "de-DE", **changes: Any) -> ShopUpdated:
    return ShopUpdated(
        shop_id=SHOP,
        payload={
            "version": 1,
            "platform": "standard",
            "display_name": "Teeladen <Berlin>",
            "locale": locale,
            "country": "DE",
            "timezone": "Europe/Berlin",
            "contact_email": "hallo@tee.example",
            "contact_url": "https://tee.example/kontakt",
            **changes,
        },
    )


async def decide(
    responder: Responder, review_id: str, action: str, reason: str | None, days_ago: float
) -> None:
    await responder.pool.execute(
        """
        INSERT INTO moderation_decisions (shop_id, review_id, action, reason, evidence, actor,
                                          decided_at)
        VALUES ($1, $2, $3, $4, 'as recorded', 'user:1', $5)
        """,
        SHOP,
        review_id,
        action,
        reason,
        T0 - timedelta(days=days_ago),
    )


async def review(responder: Responder, review_id: str, rating: int, status: str) -> None:
    await responder.pool.execute(
        """
        INSERT INTO public_reviews (shop_id, review_id, product_id, rating, body, language,
                                    verified, verified_by, status, submitted_at, updated_at)
        VALUES ($1, $2, 'pot', $3, 'text', 'de', true, 'survey', $4, $5, $5)
        """,
        SHOP,
        review_id,
        rating,
        status,
        T0 - timedelta(days=3),
    )


def counts(html: str) -> dict[str, tuple[int, int, int]]:
    doc = lxml.html.fromstring(html)
    return {
        row.get("data-reason"): tuple(int(td.text_content()) for td in row.findall("td"))
        for row in doc.xpath('//table[@class="counts"]/tbody/tr')
    }


def text(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        yield r


@pytest.fixture
async def storefront(responder: Responder, make_settings) -> AsyncIterator[Storefront]:
    """The storefront process's app on its read-only pool, on the responder's clock; its
    response cache off, so each request reads the rows the test just wrote."""
    async with running_storefront(make_settings, cache_seconds=0) as sf:
        sf.app.state.clock = responder.clock
        yield sf


async def test_the_newest_policy_version_is_kept(responder) -> None:
    await responder.feed(policy(2, default_delay_days=7))
    await responder.feed(policy(1, default_delay_days=99))  # a late copy of an older one
    await responder.feed(policy(2, default_delay_days=7))  # a replay
    row = await responder.pool.fetchrow(
        "SELECT review_policy, review_policy_version FROM shops WHERE shop_id = $1", SHOP
    )
    assert row["review_policy_version"] == 2
    assert row["review_policy"]["default_delay_days"] == 7
    await responder.feed(policy(3, default_delay_days=8))
    assert (
        await responder.pool.fetchval(
            "SELECT review_policy->>'default_delay_days' FROM shops WHERE shop_id = $1", SHOP
        )
        == "8"
    )


async def test_counts_per_reason_are_the_ledger_rows_of_the_last_12_months(
    responder, storefront
) -> None:
    await responder.feed(profile(locale="en"))
    await responder.feed(policy(1))
    for i, rating in enumerate((1, 1, 2, 5)):
        await review(responder, f"r-{i}", rating, "published")
    await review(responder, "r-held", 1, "held")
    await review(responder, "r-rejected", 3, "rejected")
    await decide(responder, "r-held", "hold", "insult_or_hate", 10)
    await decide(responder, "r-rejected", "hold", "personal_data", 40)
    await decide(responder, "r-rejected", "reject", "personal_data", 39)
    await decide(responder, "r-2", "redact", "personal_data", 100)
    await decide(responder, "r-3", "reject", "spam_or_advertising", 200)
    await decide(responder, "r-3", "publish", None, 199)  # published again: not counted
    await decide(responder, "r-old", "reject", "off_target", 400)  # older than 12 months

    async with storefront.http() as http:
        r = await http.get(PAGE)
    assert r.status_code == 200, r.text
    assert counts(r.text) == {
        "insult_or_hate": (1, 0, 0),
        "personal_data": (1, 1, 1),
        "spam_or_advertising": (0, 1, 0),
        "off_target": (0, 0, 0),
        "illegal_content": (0, 0, 0),
        "not_a_buyer": (0, 0, 0),
    }
    doc = lxml.html.fromstring(r.text)
    (totals,) = doc.xpath('//table[@class="counts"]/tfoot/tr')
    assert [int(td.text_content()) for td in totals.findall("td")] == [2, 2, 1]
    shown = text(r.text)
    t = TEXTS["en"]
    assert t["moderation.published_now"].format(count=4) in shown  # held, rejected: not shown
    # Every fixed reason is listed, and the page says a rating never is one.
    for reason in ("insult_or_hate", "personal_data", "not_a_buyer"):
        assert t[f"reason.{reason}"] in shown
    assert t["moderation.never"] in shown

    # A year without decisions says so instead of a table of zeros.
    responder.clock.advance(days=400)
    async with storefront.http() as http:
        later = await http.get(PAGE)
    assert counts(later.text) == {} and t["moderation.none"] in text(later.text)


async def test_the_page_in_the_shops_language_with_links_to_the_others(
    responder, storefront
) -> None:
    await responder.feed(profile(locale="de-DE"))
    await responder.feed(policy(4, incentive_offered=True))
    de = TEXTS["de"]
    async with storefront.http() as http:
        r = await http.get(PAGE)
        assert r.status_code == 200, r.text
        assert r.headers["content-language"] == "de"
        assert r.headers["content-security-policy"] == CSP
        assert "set-cookie" not in r.headers
        doc = lxml.html.fromstring(r.text)
        assert doc.get("lang") == "de"
        shown = text(r.text)
        # The shop's name is text, never markup.
        assert "Wie Teeladen <Berlin> Bewertungen sammelt" in shown
        assert "&lt;Berlin&gt;" in r.text and "<Berlin>" not in r.text
        assert "10 Tage nach der Lieferung" in shown
        assert de["invited.reminder"].format(days="5 Tage") in shown
        assert "höchstens 30 Tage vorher" in shown
        assert de["consent.notice"].format(countries="Österreich und Deutschland") in shown
        assert de["incentive.offered"].format(label="Mit Anreiz") in shown
        # The labels and how-verified sentences are the widget's own words.
        widget = WidgetTexts("de")
        assert f"Was „{widget.t('verified')}“ bedeutet" in shown
        assert f"„{widget.t('incentivized')}“" in shown
        assert f"„{widget.t('verified')}“: {widget.t('verified_by.survey')}" in shown
        delays = {
            tr.findall("td")[0].text_content(): int(tr.findall("td")[1].text_content())
            for tr in doc.xpath('//table[@class="delays"]/tbody/tr')
        }
        assert delays == {"tea": 2, "food": 3, "furniture": 21, "alle anderen Produkte": 10}
        links = {a.get("hreflang"): a.get("href") for a in doc.xpath("//nav//a")}
        assert links == {code: f"?lang={code}" for code in ("en", "sl", "lv", "ro")}
        contact = {a.get("href") for a in doc.xpath('//ul[@class="contact"]//a')}
        assert contact == {"https://tee.example/kontakt", "mailto:hallo@tee.example"}

        # Asked for in another language; one it does not speak is refused with the choices.
        sl = await http.get(PAGE, params={"lang": "sl"})
        assert sl.headers["content-language"] == "sl"
        assert "10 dni po dostavi" in text(sl.text)
        refused = await http.get(PAGE, params={"lang": "fr"})
        assert refused.status_code == 422 and "'en'" in refused.text
        assert "'sl'" in refused.json()["detail"]
        # A browser's tag is its language (was a 422).
        slovene = await http.get(PAGE, params={"lang": "sl-SI"})
        assert slovene.status_code == 200 and slovene.headers["content-language"] == "sl"
        assert "10 dni po dostavi" in text(slovene.text)
        too_long = await http.get(PAGE, params={"lang": "x" * 40})
        assert too_long.status_code == 422

        # Cacheable: the same page again is a 304 by its ETag.
        again = await http.get(PAGE, headers={"If-None-Match": r.headers["etag"]})
        assert again.status_code == 304 and again.content == b""
        css = await http.get("/disclosure/v1.css")
        assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")

        unknown = await http.get("/shops/no-such-shop/review-policy")
        assert unknown.status_code == 404 and unknown.json() == {"detail": "no such shop"}
        bad = await http.get("/shops/bad%20id/review-policy")
        assert bad.status_code == 422


async def test_before_the_survey_announced_a_policy_the_page_says_so(responder, storefront) -> None:
    await responder.feed(profile(locale="en", contact_email=None, contact_url=None))
    async with storefront.http() as http:
        r = await http.get(PAGE)
    assert r.status_code == 200, r.text
    shown = text(r.text)
    t = TEXTS["en"]
    assert t["policy.unknown"] in shown and t["invited.all"] in shown
    # No timing guessed.
    assert "days after delivery" not in shown
    assert not lxml.html.fromstring(r.text).xpath('//table[@class="delays"]')
    assert t["contact.none"] in shown
    assert t["incentive.unknown"].format(label=WidgetTexts("en").t("incentivized")) in shown


@asynccontextmanager
async def survey_relay(survey: SurveyHarness, prefix: str) -> AsyncIterator[None]:
    """Survey's outbox onto Kafka, as its runtime would."""
    producer = create_producer(survey.settings)
    await producer.start()
    relay = OutboxRelay(survey.pool, producer, "survey", prefix, poll_interval=0.3)
    task = asyncio.create_task(relay.run())
    try:
        yield
    finally:
        await relay.stop()
        await asyncio.wait_for(task, 10)
        await producer.stop()


async def test_a_survey_settings_change_reaches_the_page_over_kafka(
    make_settings, infra, prefix
) -> None:
    await ensure_topics(infra.kafka_bootstrap, prefix, 2)
    survey = await SurveyHarness.start(
        make_settings(SurveySettings, smtp_host=infra.smtp_host, smtp_port=infra.smtp_port),
        infra.maildir,
    )
    _, runtime = build_responder(make_settings(ResponderSettings))
    await runtime.start()  # applies the responder's migrations, runs its consumer
    try:
        async with (
            survey_relay(survey, prefix),
            running_storefront(make_settings, cache_seconds=0) as storefront,
            storefront.http() as http,
        ):
            # Registration: the survey learns the shop and announces its defaults.
            await survey.shop(SHOP)

            async def says(phrase: str) -> bool:
                r = await http.get(PAGE, params={"lang": "en"})
                return r.status_code == 200 and phrase in text(r.text)

            await eventually(lambda: says("10 days after delivery"), wait_s=60)

            async with survey.http() as api:
                r = await api.patch(
                    f"/v1/shops/{SHOP}/survey-settings",
                    json={"default_delay_days": 4, "reminder_enabled": False},
                    headers=SURVEY_API,
                )
                assert r.status_code == 200, r.text

            await eventually(lambda: says("4 days after delivery"), wait_s=60)
            assert await says(TEXTS["en"]["invited.no_reminder"])
            version = await runtime.pool.fetchval(
                "SELECT review_policy_version FROM shops WHERE shop_id = $1", SHOP
            )
            assert version == 1
    finally:
        await runtime.stop()
        await survey.close()


async def test_the_page_is_accessible_on_a_phone_and_a_laptop(responder, storefront) -> None:
    await responder.feed(profile(locale="de-DE", contact_phone="+49 30 1234567"))
    await responder.feed(policy(2, incentive_offered=True))
    await review(responder, "r-1", 1, "published")
    await review(responder, "r-2", 2, "held")
    await decide(responder, "r-2", "hold", "insult_or_hate", 5)
    await decide(responder, "r-1", "redact", "personal_data", 6)
    async with storefront.serve() as base, chromium() as browser:
        for name, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
            for lang in ("de", "en"):
                async with tab(browser, viewport) as t:
                    r = await t.page.goto(f"{base}{PAGE}?lang={lang}")
                    assert r is not None and r.status == 200
                    assert await t.axe_violations() == [], (name, lang)
                    assert await t.horizontal_overflow() == 0, (name, lang)
                    assert await t.csp_violations() == [], (name, lang)
                    # The stylesheet applied (served by the page's own router, under its CSP).
                    width = await t.page.evaluate("getComputedStyle(document.body).maxWidth")
                    assert width != "none"
                    if lang == "de":
                        await t.screenshot(f"disclosure-{name}", SCREENSHOTS)
