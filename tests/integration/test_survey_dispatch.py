"""Survey timing and sending against real PostgreSQL and a real SMTP server, with a clock the
test moves (no sleeps)."""

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from urllib.parse import urlparse

import pytest

from shared.events import (
    OrderCancelled,
    OrderDelivered,
    OrderRefunded,
    OrderReturned,
    parse_event,
)
from tests.support.smtp import ScriptedSmtp
from tests.support.survey import T0, SurveyHarness, placed, running_survey, unique_email

pytestmark = pytest.mark.integration

SHOP = "tea-shop"


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    async with running_survey(infra, make_settings, SHOP) as harness:
        yield harness


def delivered(order_id: str, at: datetime) -> OrderDelivered:
    return OrderDelivered(shop_id=SHOP, payload={"order_id": order_id, "delivered_at": at})


async def test_delivered_order_gets_exactly_one_localized_email_when_due(survey) -> None:
    email = unique_email()
    await survey.feed(placed(SHOP, "o-1", email))
    await survey.feed(delivered("o-1", T0 + timedelta(days=2)))
    dispatcher = survey.dispatcher()

    # Due: delivery + 14 days of use for the teapot (the slowest listed product).
    expected = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)  # 10:00 in Ljubljana
    survey.clock.now = expected - timedelta(minutes=1)
    assert await dispatcher.run_once() == 0
    assert survey.mails_to(email) == []

    survey.clock.now = expected
    assert await dispatcher.run_once() == 1
    assert await dispatcher.run_once() == 0
    (mail,) = survey.mails_to(email)
    assert mail["Subject"] == "Kako ste zadovoljni z naročilom pri Čaj & Co?"
    assert mail["Message-ID"].endswith("@surveys.example.com>")
    assert mail["Message-ID"].startswith("<invitation.")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = mail["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith("https://surveys.example.com/u/")
    assert mail["Content-Language"] == "sl"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert mail.get_content_type() == "multipart/alternative"
    assert "Pozdravljeni, Ana Novak," in text
    # Most expensive first; HTML from product names is escaped, plain text is plain.
    assert text.index("Čajnik") < text.index("Zeleni čaj")
    assert "Zeleni čaj <b>bio</b>" in text
    assert "Zeleni čaj &lt;b&gt;bio&lt;/b&gt;" in html and "<b>bio</b>" not in html
    link = re.search(r"https://surveys\.example\.com/s/\S+", text)
    assert link is not None and link.group(0) in html
    # No ids or addresses in links.
    assert "o-1" not in link.group(0) and email.split("@")[0] not in link.group(0)
    assert await survey.status_of(SHOP, "o-1") == ("sent", None)

    # The survey link opens the survey page in the customer's language.
    async with survey.http() as http:
        page = await http.get(urlparse(link.group(0)).path)
        assert page.status_code == 200 and "Kako ocenjujete izdelek Čajnik?" in page.text


@pytest.mark.parametrize(
    "event",
    [
        OrderCancelled(shop_id=SHOP, payload={"order_id": "o-x", "cancelled_at": T0}),
        OrderRefunded(
            shop_id=SHOP,
            payload={"order_id": "o-x", "refund_id": "r", "refunded_at": T0, "full": True},
        ),
        OrderReturned(
            shop_id=SHOP, payload={"order_id": "o-x", "return_id": "x", "returned_at": T0}
        ),
    ],
    ids=["cancelled", "refunded", "returned"],
)
async def test_cancellation_refund_or_return_checked_again_when_due(survey, event) -> None:
    """Cancelled before shipping: nothing. Refunded or returned: a service-only survey, no
    product to rate (#18, the default `refunded_orders: "service_survey"`;
    tests/integration/test_survey_consent.py has the page and the "none" choice)."""
    email = unique_email()
    await survey.feed(placed(SHOP, "o-x", email))
    await survey.feed(delivered("o-x", T0 + timedelta(days=1)))
    await survey.feed(event)  # arrives after scheduling: checked again when due
    survey.clock.advance(days=60)
    await survey.dispatcher().run_once()
    if isinstance(event, OrderCancelled):
        assert survey.mails_to(email) == []
        assert await survey.status_of(SHOP, "o-x") == ("skipped", "cancelled")
        return
    (mail,) = survey.mails_to(email)
    text = mail.get_body(("plain",)).get_content()
    assert "Čajnik" not in text and "Zeleni čaj" not in text
    assert await survey.status_of(SHOP, "o-x") == ("sent", None)


async def test_partial_refund_drops_the_refunded_item_from_the_email(survey) -> None:
    email = unique_email()
    await survey.feed(placed(SHOP, "o-p", email))
    await survey.feed(
        OrderRefunded(
            shop_id=SHOP,
            payload={
                "order_id": "o-p",
                "refund_id": "r1",
                "refunded_at": T0,
                "full": False,
                "items": [{"product_id": "pot", "quantity": 1}],
            },
        )
    )
    survey.clock.advance(days=60)
    await survey.dispatcher().run_once()
    (mail,) = survey.mails_to(email)
    text = mail.get_body(("plain",)).get_content()
    assert "Zeleni čaj" in text and "Čajnik" not in text


async def test_events_in_any_order_schedule_the_same_survey(survey) -> None:
    email = unique_email()
    # The delivery arrives before the order itself.
    await survey.feed(delivered("o-late", T0 + timedelta(days=2)))
    await survey.feed(placed(SHOP, "o-late", email))
    row = await survey.pool.fetchrow(
        "SELECT send_at FROM survey_emails e JOIN surveys s ON s.id = e.survey_id "
        "WHERE s.order_id = 'o-late'"
    )
    assert row["send_at"] == datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


async def test_b2b_unsubscribed_and_cooldown_are_skipped_with_a_reason(survey) -> None:
    b2b_email, repeat_email = unique_email(), unique_email()
    await survey.feed(placed(SHOP, "o-b2b", b2b_email, b2b=True))
    await survey.feed(placed(SHOP, "o-first", repeat_email))
    await survey.feed(placed(SHOP, "o-second", repeat_email, at=T0 + timedelta(days=1)))
    survey.clock.advance(days=40)
    await survey.dispatcher().run_once()
    assert await survey.status_of(SHOP, "o-b2b") == ("skipped", "b2b")
    assert len(survey.mails_to(repeat_email)) == 1
    statuses = {await survey.status_of(SHOP, o) for o in ("o-first", "o-second")}
    assert statuses == {("sent", None), ("skipped", "cooldown")}


async def test_two_workers_racing_send_each_email_once(survey) -> None:
    emails = [unique_email() for _ in range(30)]
    for i, email in enumerate(emails):
        await survey.feed(placed(SHOP, f"race-{i}", email))
    survey.clock.advance(days=60)
    first, second = survey.dispatcher(), survey.dispatcher()
    await asyncio.gather(first.run_once(), second.run_once(), first.run_once())
    assert [len(survey.mails_to(e)) for e in emails] == [1] * 30


async def test_smtp_4xx_is_retried_and_5xx_suppresses_the_address(survey) -> None:
    retry_email, bounce_email = unique_email(), unique_email()
    with ScriptedSmtp(temporary_failures=1, refused={bounce_email}) as smtp:
        survey.settings.smtp_port = smtp.port
        await survey.feed(placed(SHOP, "o-4xx", retry_email))
        await survey.feed(placed(SHOP, "o-5xx", bounce_email))
        survey.clock.advance(days=60)
        dispatcher = survey.dispatcher()
        await dispatcher.run_once()
        assert await survey.status_of(SHOP, "o-4xx") == ("pending", None)
        assert await survey.status_of(SHOP, "o-5xx") == ("failed", None)
        survey.clock.advance(minutes=2)
        await dispatcher.run_once()
        assert await survey.status_of(SHOP, "o-4xx") == ("sent", None)
        assert smtp.accepted_for(retry_email) == 1
        assert smtp.accepted_for(bounce_email) == 0
    assert await survey.suppression(bounce_email) == "bounced"


async def test_a_claim_whose_worker_died_becomes_unknown_and_is_never_resent(survey) -> None:
    email = unique_email()
    await survey.feed(placed(SHOP, "o-crash", email))
    survey.clock.advance(days=60)
    # A worker claimed the email, reserved the address (from there on it may have reached the
    # SMTP server) and died before writing the outcome.
    async with survey.pool.acquire() as conn:
        from services.survey.surveys import repository

        claimed = await repository.claim_due(conn, survey.clock(), 10)
        assert await repository.reserve_recipient(conn, claimed[0].id, email, claimed[0].attempts)
    assert [c.kind for c in claimed] == ["invitation"]
    dispatcher = survey.dispatcher()
    await dispatcher.run_once()  # within the lease: left alone
    assert await survey.status_of(SHOP, "o-crash") == ("sending", None)
    survey.clock.advance(seconds=survey.settings.dispatch_claim_lease_s + 1)
    await dispatcher.run_once()
    assert await survey.status_of(SHOP, "o-crash") == ("unknown", None)
    survey.clock.advance(days=10)
    await dispatcher.run_once()
    assert survey.mails_to(email) == []


async def test_a_claim_whose_worker_died_before_its_turn_is_sent_once_later(survey) -> None:
    """A batch's worker died (kill -9, or the database went away during the check) before an
    email's turn: it never reached the SMTP server, so after the lease it is sent, once."""
    email = unique_email()
    await survey.feed(placed(SHOP, "o-queued", email))
    survey.clock.advance(days=60)
    async with survey.pool.acquire() as conn:
        from services.survey.surveys import repository

        claimed = await repository.claim_due(conn, survey.clock(), 10)
    assert [c.kind for c in claimed] == ["invitation"]
    dispatcher = survey.dispatcher()
    await dispatcher.run_once()  # within the lease: left alone
    assert await survey.status_of(SHOP, "o-queued") == ("sending", None)
    survey.clock.advance(seconds=survey.settings.dispatch_claim_lease_s + 1)
    await dispatcher.run_once()
    assert await survey.status_of(SHOP, "o-queued") == ("sent", None)
    # The dead worker's claim cannot send it a second time.
    async with survey.pool.acquire() as conn:
        assert not await repository.reserve_recipient(
            conn, claimed[0].id, email, claimed[0].attempts
        )
    survey.clock.advance(days=1)
    await dispatcher.run_once()
    assert len(survey.mails_to(email)) == 1


async def test_one_reminder_only_without_an_answer(survey) -> None:
    quiet, answering = unique_email(), unique_email()
    await survey.feed(placed(SHOP, "o-quiet", quiet))
    await survey.feed(placed(SHOP, "o-answer", answering, at=T0 + timedelta(minutes=1)))
    survey.clock.advance(days=40)
    dispatcher = survey.dispatcher()
    await dispatcher.run_once()
    # The second customer answers.
    await survey.pool.execute(
        "UPDATE surveys SET answered_at = $1 WHERE order_id = 'o-answer'", survey.clock()
    )
    survey.clock.advance(days=5, hours=1)
    await dispatcher.run_once()
    survey.clock.advance(days=10)
    await dispatcher.run_once()
    assert [m["Message-ID"].split(".")[0] for m in survey.mails_to(quiet)] == [
        "<invitation",
        "<reminder",
    ]
    assert len(survey.mails_to(answering)) == 1


async def test_the_reminder_keeps_to_the_send_window_and_skips_sundays(survey) -> None:
    """A walk saw a reminder due at 22:26 on a Saturday: sent-at plus five days, never moved
    into the window the invitation keeps (10:00-18:00 local, no Sundays)."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Europe/Ljubljana")
    email = unique_email()
    await survey.feed(placed(SHOP, "o-night", email))
    # The invitation goes out late on a Tuesday (a dispatcher catching up, or "send now"):
    # five days on is a Sunday night.
    night = (T0 + timedelta(days=40)).astimezone(zone)
    night = night.replace(hour=22, minute=30, second=0, microsecond=0)
    night += timedelta(days=(1 - night.weekday()) % 7)
    survey.clock.advance(seconds=(night - survey.clock()).total_seconds())
    assert await survey.dispatcher().run_once() == 1
    due = await survey.pool.fetchval(
        "SELECT e.send_at FROM survey_emails e JOIN surveys s ON s.id = e.survey_id"
        " WHERE s.order_id = 'o-night' AND e.kind = 'reminder'"
    )
    local = due.astimezone(zone)
    assert (local.weekday(), local.hour, local.minute) == (0, 10, 0), local  # Monday 10:00


async def test_scheduled_event_is_emitted_once_through_the_outbox(survey) -> None:
    await survey.feed(placed(SHOP, "o-evt", unique_email()))
    await survey.feed(delivered("o-evt", T0 + timedelta(days=2)))
    bodies = await survey.pool.fetch(
        "SELECT body FROM outbox WHERE event_type = 'survey.scheduled'"
    )
    events = [parse_event(bytes(r["body"])) for r in bodies]
    assert [e.payload.order_id for e in events].count("o-evt") == 1
