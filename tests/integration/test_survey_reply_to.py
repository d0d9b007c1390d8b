"""Customer emails say who to answer (issue #18): every survey email (invitation, reminder,
case follow-up) carries `Reply-To` the shop's contact address from the registry's profile
(`shop.updated`), and the follow-up names how to reach the shop. Read from the real SMTP sink."""

from collections.abc import AsyncIterator

import pytest

from shared.events import CaseFollowUpRequested, OrderDelivered
from shared.events.shops import ShopUpdated
from tests.support.survey import T0, SurveyHarness, placed, running_survey, unique_email

pytestmark = pytest.mark.integration

SHOP = "tea-shop"
PLAIN = "plain-shop"  # no contact in its profile


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    async with running_survey(infra, make_settings, SHOP) as harness:
        await harness.feed(
            ShopUpdated(
                shop_id=SHOP,
                payload={
                    "version": 2,
                    "platform": "standard",
                    "display_name": "Čaj & Co",
                    "locale": "sl",
                    "country": "SI",
                    "timezone": "Europe/Ljubljana",
                    "contact_email": "pomoc@caj.example",
                    "contact_url": "https://caj.example/kontakt",
                    "contact_phone": "+386 1 234 5678",
                },
            )
        )
        await harness.shop(PLAIN)
        yield harness


async def test_invitation_reminder_and_follow_up_reply_to_the_shop(survey) -> None:
    email, plain_email = unique_email(), unique_email()
    for shop, address in ((SHOP, email), (PLAIN, plain_email)):
        await survey.feed(placed(shop, "o-1", address))
        await survey.feed(
            OrderDelivered(shop_id=shop, payload={"order_id": "o-1", "delivered_at": T0})
        )
    dispatcher = survey.dispatcher()
    survey.clock.advance(days=15)
    assert await dispatcher.run_once() == 2
    survey.clock.advance(days=6)
    assert await dispatcher.run_once() == 2
    await survey.feed(
        CaseFollowUpRequested(
            shop_id=SHOP,
            occurred_at=survey.clock.now,
            payload={
                "case_id": 7,
                "case_key": "order:o-1",
                "review_id": "rev-1",
                "review_ids": ["rev-1"],
                "order_id": "o-1",
                "language": "sl",
                "resolved_at": survey.clock.now,
            },
        )
    )
    survey.clock.advance(days=3)
    assert await survey.follow_up_dispatcher().run_once() == 1

    mails = survey.mails_to(email)
    kinds = [m["Message-ID"].split(".")[0] for m in mails]
    assert kinds == ["<invitation", "<reminder", "<follow-up"]
    assert [m["Reply-To"] for m in mails] == ["pomoc@caj.example"] * 3
    # Still sent from the service's own address: only answers go to the shop.
    assert all("pomoc@caj.example" not in m["From"] for m in mails)

    follow_up = mails[-1]
    text = follow_up.get_body(("plain",)).get_content()
    html = follow_up.get_body(("html",)).get_content()
    assert "Kako dosežete trgovino Čaj & Co:" in text
    assert "E-pošta: pomoc@caj.example" in text
    assert "Spletna stran: https://caj.example/kontakt" in text
    assert "Telefon: +386 1 234 5678" in text
    assert "Lahko tudi preprosto odgovorite na to sporočilo" in text
    assert 'href="mailto:pomoc@caj.example"' in html and 'href="tel:+38612345678"' in html

    # A shop whose profile names no contact: no Reply-To (answers would reach nobody useful
    # anyway, but a made-up one would be worse).
    plain = survey.mails_to(plain_email)
    assert len(plain) == 2 and all(m["Reply-To"] is None for m in plain)
