"""Operators preview the survey's customer emails (invitation, reminder, case follow-up) in
every language with the shop's branding, and send one test copy to an address of their choice
(issue #18): built by the functions the real sends use, from a made-up order whose links lead
nowhere; the test copy arrives once at the real SMTP sink, marked `[TEST]`, and no order,
survey, email, suppression or cooldown row changes. Real PostgreSQL and SMTP."""

from collections.abc import AsyncIterator
from typing import get_args

import pytest

from services.survey import suppressions
from services.survey.email.translations import TEXTS, Texts
from services.survey.previews.samples import PREVIEW_TOKEN, PRODUCT_NAME
from services.survey.previews.schemas import KINDS, Language
from shared.events import OrderDelivered
from shared.events.shops import ShopUpdated
from tests.support.smtp import ScriptedSmtp
from tests.support.survey import T0, SurveyHarness, placed, running_survey, unique_email

pytestmark = pytest.mark.integration

SHOP = "tea-shop"
NAME = "Čaj & Co"
CONTACT = "pomoc@caj.example"
API = {"Authorization": "Bearer api-token-dev-only"}
LOGO = "https://caj.example/logo.png"
COLOR = "#aa3300"
SUBJECT_KEY = {
    "invitation": "subject",
    "reminder": "reminder_subject",
    "follow_up": "follow_up_subject",
}
# Every row a test copy must leave alone, as text (order by the primary key).
TABLES = ("orders", "surveys", "survey_emails", "follow_up_emails", "suppressions", "shops")


def profile(shop_id: str) -> ShopUpdated:
    return ShopUpdated(
        shop_id=shop_id,
        payload={
            "version": 2,
            "platform": "standard",
            "display_name": NAME,
            "locale": "de",
            "country": "SI",
            "timezone": "Europe/Ljubljana",
            "contact_email": CONTACT,
        },
    )


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    async with running_survey(infra, make_settings, SHOP) as harness:
        await harness.feed(profile(SHOP))
        async with harness.http() as http:
            r = await http.patch(
                f"/v1/shops/{SHOP}/survey-settings",
                headers=API,
                json={"brand": {"logo_url": LOGO, "primary_color": COLOR}},
            )
            assert r.status_code == 200, r.text
        yield harness


async def snapshot(survey: SurveyHarness) -> dict[str, list[str]]:
    return {
        table: [
            r["row"]
            for r in await survey.pool.fetch(f"SELECT t::text AS row FROM {table} t ORDER BY 1")
        ]
        for table in TABLES
    }


async def test_every_kind_in_every_language_with_the_shops_branding(survey) -> None:
    assert set(get_args(Language)) == set(TEXTS)
    async with survey.http() as http:
        for kind in KINDS:
            for language in get_args(Language):
                r = await http.get(
                    f"/v1/shops/{SHOP}/emails/{kind}/preview",
                    params={"language": language},
                    headers=API,
                )
                assert r.status_code == 200, r.text
                p = r.json()
                assert (p["kind"], p["language"], p["reply_to"]) == (kind, language, CONTACT)
                assert p["subject"] == Texts(language, shop=NAME)(SUBJECT_KEY[kind])
                assert NAME in p["text"]
                assert "Čaj &amp; Co" in p["html"] and "Čaj & Co" not in p["html"]
                assert f'src="{LOGO}"' in p["html"] and COLOR in p["html"]
                assert f'lang="{language}"' in p["html"]
                # Links lead nowhere: the made-up token, never a signed one.
                assert f"/u/{PREVIEW_TOKEN}" in p["text"]
                if kind != "follow_up":
                    assert f"/s/{PREVIEW_TOKEN}" in p["text"]
                    assert "Alex Example" in p["text"]
                    assert f"{PRODUCT_NAME[language]} 1" in p["text"]
                else:
                    assert f"{CONTACT}" in p["text"]  # how to reach the shop

        # A returned or refunded order gets the service-only survey: nothing to rate.
        for kind in ("invitation", "reminder"):
            for language in get_args(Language):
                r = await http.get(
                    f"/v1/shops/{SHOP}/emails/{kind}/preview",
                    params={"language": language, "refunded": "true"},
                    headers=API,
                )
                assert r.status_code == 200, r.text
                p = r.json()
                t = Texts(language, shop=NAME)
                assert t("intro_service") in p["text"] and t("cta_service") in p["text"]
                assert f"{t('products')}:" not in p["text"] and "Alex Example" in p["text"]
                assert PRODUCT_NAME[language] not in p["text"] + p["html"]
                assert p["subject"] == t(SUBJECT_KEY[kind])

        # Without a language: the shop's locale (de).
        r = await http.get(f"/v1/shops/{SHOP}/emails/reminder/preview", headers=API)
        assert r.json()["language"] == "de"
        assert r.json()["subject"].startswith("Kurze Erinnerung")

        # The preview's links are answered as invalid ones by the survey and unsubscribe pages.
        for page in ("s", "u"):
            assert (await http.get(f"/{page}/{PREVIEW_TOKEN}")).status_code == 404

        unknown = await http.get(f"/v1/shops/{SHOP}/emails/alert/preview", headers=API)
        assert unknown.status_code == 404
        assert "invitation, reminder, follow_up" in unknown.json()["detail"]
        bad_language = await http.get(
            f"/v1/shops/{SHOP}/emails/invitation/preview", params={"language": "fr"}, headers=API
        )
        assert bad_language.status_code == 422
        assert all(f"'{lang}'" in bad_language.text for lang in ("en", "de", "sl", "lv", "ro"))

        # A shop the survey has not heard of: the defaults its real emails would have.
        fresh = await http.get("/v1/shops/new-shop/emails/invitation/preview", headers=API)
        assert fresh.status_code == 200, fresh.text
        f = fresh.json()
        assert f["language"] == "en" and f["reply_to"] is None
        assert "#1f6feb" in f["html"] and "new-shop" in f["subject"]

        anonymous = await http.get(f"/v1/shops/{SHOP}/emails/invitation/preview")
        assert anonymous.status_code == 401


async def test_a_test_copy_arrives_once_and_touches_no_order_or_survey(survey) -> None:
    # A real order with its invitation due, so the tables are not empty.
    customer = unique_email()
    await survey.feed(placed(SHOP, "o-1", customer))
    await survey.feed(OrderDelivered(shop_id=SHOP, payload={"order_id": "o-1", "delivered_at": T0}))
    before = await snapshot(survey)
    assert before["surveys"] and before["survey_emails"]

    to = unique_email()
    async with survey.http() as http:
        r = await http.post(
            f"/v1/shops/{SHOP}/emails/invitation/test",
            headers=API,
            json={"to": to, "language": "sl"},
        )
    assert r.status_code == 200, r.text
    sent = r.json()
    assert sent["sent"] is True and sent["to"] == to
    (mail,) = survey.mails_to(to)
    subject = Texts("sl", shop=NAME)("subject")
    assert str(mail["Subject"]) == sent["subject"] == f"[TEST] {subject}"
    assert mail["Message-ID"] == sent["message_id"]
    assert mail["Reply-To"] == CONTACT and mail["To"] == to
    text = mail.get_body(("plain",)).get_content()
    assert "Vzorčni izdelek 1" in text and f"/s/{PREVIEW_TOKEN}" in text
    assert COLOR in mail.get_body(("html",)).get_content()

    # An internationalised address is an address too (SMTPUTF8); here the service-only email.
    idn = f"jürgen-{to.split('@')[0]}@bücher.example"
    async with survey.http() as http:
        r = await http.post(
            f"/v1/shops/{SHOP}/emails/invitation/test",
            headers=API,
            json={"to": idn, "language": "en", "refunded": True},
        )
    assert r.status_code == 200, r.text
    (service_only,) = survey.mails_to(idn)
    text = service_only.get_body(("plain",)).get_content()
    assert Texts("en", shop=NAME)("cta_service") in text and "Sample product" not in text

    assert await snapshot(survey) == before
    assert survey.mails_to(customer) == []


async def test_test_copies_are_limited_per_shop_and_hour(survey) -> None:
    to = unique_email()
    url = f"/v1/shops/{SHOP}/emails/follow_up/test"
    async with survey.http() as http:
        for _ in range(survey.settings.test_sends_per_hour):
            r = await http.post(url, headers=API, json={"to": to})
            assert r.status_code == 200, r.text
        refused = await http.post(url, headers=API, json={"to": to})
        assert refused.status_code == 429
        wait = int(refused.headers["Retry-After"])
        assert wait == 3600  # the first one counted leaves the window then
        assert "10 test copies per shop and hour" in refused.json()["detail"]
        # Another shop has its own allowance.
        await survey.feed(profile("other-shop"))
        other = await http.post(
            "/v1/shops/other-shop/emails/reminder/test", headers=API, json={"to": to}
        )
        assert other.status_code == 200, other.text

        survey.clock.advance(seconds=wait - 1)
        assert (await http.post(url, headers=API, json={"to": to})).status_code == 429
        survey.clock.advance(seconds=1)
        again = await http.post(url, headers=API, json={"to": to})
        assert again.status_code == 200, again.text
    assert len(survey.mails_to(to)) == 12
    follow_ups = [m for m in survey.mails_to(to) if "other-shop" not in str(m["Message-ID"])]
    assert all(str(m["Subject"]).startswith("[TEST] ") for m in follow_ups)


async def test_refusals_of_a_test_copy(survey) -> None:
    unsubscribed = unique_email()
    async with survey.pool.acquire() as conn:
        await suppressions.add(
            conn, SHOP, unsubscribed, "unsubscribed", survey.settings.suppression_pepper
        )
    async with survey.http() as http:
        r = await http.post(
            f"/v1/shops/{SHOP}/emails/invitation/test", headers=API, json={"to": unsubscribed}
        )
        assert r.status_code == 409 and "suppression list" in r.json()["detail"]
        # Invented shop ids would each bring their own allowance: only announced shops.
        r = await http.post(
            "/v1/shops/nobody/emails/invitation/test", headers=API, json={"to": unique_email()}
        )
        assert r.status_code == 404 and "unknown shop" in r.json()["detail"]
        r = await http.post(
            f"/v1/shops/{SHOP}/emails/digest/test", headers=API, json={"to": unique_email()}
        )
        assert r.status_code == 404 and "notifier" in r.json()["detail"]
        r = await http.post(
            f"/v1/shops/{SHOP}/emails/invitation/test", headers=API, json={"to": "not-an-address"}
        )
        assert r.status_code == 422
    assert survey.mails_to(unsubscribed) == []


async def test_a_test_copy_the_server_refuses_is_a_502(infra, make_settings) -> None:
    refused = unique_email()
    with ScriptedSmtp(refused={refused}) as smtp:
        async with running_survey(infra, make_settings, SHOP, smtp_port=smtp.port) as survey:
            await survey.feed(profile(SHOP))
            async with survey.http() as http:
                r = await http.post(
                    f"/v1/shops/{SHOP}/emails/invitation/test", headers=API, json={"to": refused}
                )
            assert r.status_code == 502 and "550" in r.json()["detail"]
            # Never suppressed for it: a test copy touches no suppression row.
            assert await survey.suppression(refused) is None
