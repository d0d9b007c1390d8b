"""Case follow-ups (issue 7): a resolved case reaches survey as `case.follow_up_requested` on
real Kafka, and the customer gets one email through the real SMTP sink; never a second one."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

import pytest

from services.survey.follow_ups import repository as follow_ups
from services.survey.shops import repository as shops
from shared.email.smtp import SmtpConnection
from shared.events import (
    CaseFollowUpRequested,
    CustomerDataRequested,
    CustomerRedactRequested,
    ReplyPublished,
    parse_event,
)
from tests.support.kafka import eventually
from tests.support.smtp import ScriptedSmtp
from tests.support.survey import T0, SurveyHarness, placed, running_survey, unique_email

pytestmark = pytest.mark.integration

SHOP = "tea-shop"


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    async with running_survey(infra, make_settings, SHOP) as harness:
        yield harness


def resolved(
    order_id: str | None,
    case_key: str | None = None,
    at: datetime = T0,
    language: str = "sl",
    review_id: str = "rev-1",
    shop_id: str = SHOP,
) -> CaseFollowUpRequested:
    return CaseFollowUpRequested(
        shop_id=shop_id,
        occurred_at=at,
        payload={
            "case_id": 7,
            "case_key": case_key or f"order:{order_id}",
            "review_id": review_id,
            "review_ids": [review_id],
            "order_id": order_id,
            "language": language,
            "resolved_at": at,
        },
    )


def follow_up_mails(survey: SurveyHarness, email: str) -> list[Any]:
    return [m for m in survey.mails_to(email) if m["Message-ID"].startswith("<follow-up.")]


async def row(survey: SurveyHarness, case_key: str) -> follow_ups.FollowUpRow | None:
    async with survey.pool.acquire() as conn:
        return await follow_ups.get(conn, SHOP, case_key)


async def test_one_follow_up_over_kafka_in_the_send_window_and_never_a_second(survey) -> None:
    email = unique_email()
    await survey.feed(placed(SHOP, "o-1", email))
    # Resolved at 19:00 in Ljubljana: + 2 days is a Thursday evening, out of the window.
    event = resolved("o-1", at=T0 + timedelta(hours=9))
    reopened_and_resolved_again = resolved("o-1", at=T0 + timedelta(hours=10))
    # Another type on the same topic is the notifier's business, not survey's.
    reply = ReplyPublished(
        shop_id=SHOP,
        payload={"review_id": "rev-1", "reply_id": "reply-1", "published_at": T0},
    )
    # Same partition key as the others, so once it is stored everything before it is handled.
    marker = resolved(None, case_key="review:marker")

    async with survey.consuming("survey.replies"):
        await survey.publish(event)
        await survey.publish(event)  # redelivered: same event id
        await survey.publish(reopened_and_resolved_again)  # new event, same case
        await survey.publish(reply)
        await survey.publish(marker)
        await eventually(lambda: row(survey, "review:marker"), wait_s=30)

    rows = await survey.pool.fetch("SELECT case_key, status, send_at FROM follow_up_emails")
    assert sorted((r["case_key"], r["status"]) for r in rows) == [
        ("order:o-1", "pending"),
        ("review:marker", "skipped"),
    ]
    inbox = await survey.pool.fetch(
        "SELECT event_type FROM inbox WHERE consumer = 'survey.replies' ORDER BY event_type"
    )
    # The duplicate never got past the inbox; the reply was not even claimed.
    assert [r["event_type"] for r in inbox] == ["case.follow_up_requested"] * 3
    stored = await row(survey, "order:o-1")
    assert stored is not None
    # Friday 10:00 in Ljubljana.
    assert stored.send_at == datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

    dispatcher = survey.follow_up_dispatcher()
    survey.clock.now = stored.send_at - timedelta(minutes=1)
    assert await dispatcher.run_once() == 0
    survey.clock.now = stored.send_at
    assert await dispatcher.run_once() == 1
    survey.clock.advance(days=30)
    assert await dispatcher.run_once() == 0

    (mail,) = follow_up_mails(survey, email)
    assert mail["Subject"] == "Vaše mnenje o trgovini Čaj & Co: je vse urejeno?"
    assert mail["Message-ID"] == stored.message_id
    assert mail["Message-ID"].endswith("@surveys.example.com>")
    assert "o-1" not in mail["Message-ID"]
    assert mail["Content-Language"] == "sl"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail["List-Unsubscribe"].startswith("<https://surveys.example.com/u/")
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "Pozdravljeni, Ana Novak," in text
    assert "lahko svojo oceno po želji posodobite" in text
    assert "Čaj &amp; Co" in html
    # Nothing but the unsubscribe link: no survey, no offer.
    assert "/s/" not in text and "code" not in text.lower()
    after = await row(survey, "order:o-1")
    assert after is not None and after.status == "sent" and after.recipient == email
    assert after.attempts == 1


async def test_unsubscribe_link_of_a_follow_up_stops_the_next_one(survey) -> None:
    email = unique_email()
    await survey.feed(placed(SHOP, "o-a", email, locale="de-AT"))
    await survey.feed(placed(SHOP, "o-b", email, locale="de-AT"))
    # A language survey has no texts for falls back to the order's locale.
    await survey.feed(resolved("o-a", language="fr"))
    survey.clock.advance(days=3)
    await survey.follow_up_dispatcher().run_once()
    (mail,) = follow_up_mails(survey, email)
    assert mail["Subject"] == "Ihr Feedback an Čaj & Co: Hat alles geklappt?"

    async with survey.http() as http:
        done = await http.post(
            urlparse(mail["List-Unsubscribe"].strip("<>")).path,
            content=b"List-Unsubscribe=One-Click",
        )
    assert done.status_code == 200

    await survey.feed(resolved("o-b"))
    survey.clock.advance(days=3)
    assert await survey.follow_up_dispatcher().run_once() == 1
    assert len(follow_up_mails(survey, email)) == 1
    skipped = await row(survey, "order:o-b")
    assert skipped is not None
    assert (skipped.status, skipped.skip_reason) == ("skipped", "unsubscribed")


async def test_who_gets_no_follow_up_and_why(survey) -> None:
    known, redacted, disabled_shop_mail = unique_email(), unique_email(), unique_email()
    await survey.feed(placed(SHOP, "o-known", known, b2b=True))
    await survey.feed(placed(SHOP, "o-redacted", redacted))
    await survey.feed(
        CustomerRedactRequested(
            shop_id=SHOP, payload={"request_id": "r-1", "order_ids": ["o-redacted"]}
        )
    )
    await survey.feed(placed("quiet-shop", "o-quiet", disabled_shop_mail))
    async with survey.pool.acquire() as conn:
        quiet = await shops.get(conn, "quiet-shop")
        await shops.put_settings(
            conn, "quiet-shop", quiet.settings.model_copy(update={"follow_up_enabled": False})
        )

    await survey.feed(resolved(None, case_key="review:no-order"))
    await survey.feed(resolved("o-never-seen"))
    await survey.feed(resolved("o-redacted"))
    await survey.feed(resolved("o-known"))  # a business buyer still hears back
    await survey.feed(resolved("o-quiet", shop_id="quiet-shop"))
    survey.clock.advance(days=5)
    await survey.follow_up_dispatcher().run_once()

    rows = await survey.pool.fetch(
        "SELECT shop_id, case_key, status, skip_reason, recipient FROM follow_up_emails"
    )
    outcome = {r["case_key"]: (r["status"], r["skip_reason"]) for r in rows}
    assert outcome == {
        "review:no-order": ("skipped", "no_order"),
        "order:o-never-seen": ("skipped", "unknown_order"),
        "order:o-redacted": ("skipped", "redacted"),
        "order:o-known": ("sent", None),
        "order:o-quiet": ("skipped", "disabled"),
    }
    assert [r["recipient"] for r in rows if r["status"] == "skipped"] == [None] * 4
    assert len(follow_up_mails(survey, known)) == 1
    assert follow_up_mails(survey, redacted) == []
    assert follow_up_mails(survey, disabled_shop_mail) == []


async def test_redaction_removes_the_follow_ups_personal_data(survey) -> None:
    email = unique_email()
    await survey.feed(placed(SHOP, "o-gdpr", email))
    await survey.feed(resolved("o-gdpr"))
    survey.clock.advance(days=3)
    await survey.follow_up_dispatcher().run_once()
    assert len(follow_up_mails(survey, email)) == 1

    request = CustomerDataRequested(
        shop_id=SHOP, payload={"request_id": "d-1", "email": email.upper()}
    )
    await survey.feed(request)
    body = await survey.pool.fetchval(
        "SELECT body FROM outbox WHERE event_type = 'customer.data_exported'"
    )
    exported = parse_event(bytes(body)).payload.data
    assert [(f["case_key"], f["recipient"]) for f in exported["follow_ups"]] == [
        ("order:o-gdpr", email)
    ]

    redact = CustomerRedactRequested(
        shop_id=SHOP, payload={"request_id": "r-2", "email": email, "order_ids": []}
    )
    async with survey.consuming("survey.privacy"):
        await survey.publish(redact)

        async def forgotten() -> bool:
            stored = await row(survey, "order:o-gdpr")
            return stored is not None and stored.recipient is None

        await eventually(forgotten, wait_s=30)
    dump = await survey.pool.fetchval(
        "SELECT coalesce(string_agg(f::text, ' '), '') FROM follow_up_emails f"
    )
    assert email not in dump and "Ana Novak" not in dump
    stored = await row(survey, "order:o-gdpr")
    assert stored is not None and stored.status == "sent"  # the fact stays, the person goes


async def test_smtp_4xx_is_retried_and_5xx_suppresses_the_address(survey) -> None:
    retry_email, bounce_email = unique_email(), unique_email()
    with ScriptedSmtp(temporary_failures=1, refused={bounce_email}) as smtp:
        survey.settings.smtp_port = smtp.port
        await survey.feed(placed(SHOP, "o-4xx", retry_email))
        await survey.feed(placed(SHOP, "o-5xx", bounce_email))
        await survey.feed(resolved("o-4xx"))
        await survey.feed(resolved("o-5xx"))
        survey.clock.advance(days=3)
        dispatcher = survey.follow_up_dispatcher()
        await dispatcher.run_once()
        statuses = {
            r["case_key"]: r["status"]
            for r in await survey.pool.fetch("SELECT case_key, status FROM follow_up_emails")
        }
        assert statuses == {"order:o-4xx": "pending", "order:o-5xx": "failed"}
        survey.clock.advance(minutes=2)
        await dispatcher.run_once()
        assert smtp.accepted_for(retry_email) == 1
        assert smtp.accepted_for(bounce_email) == 0
    sent = await row(survey, "order:o-4xx")
    assert sent is not None and (sent.status, sent.attempts) == ("sent", 2)
    assert await survey.suppression(bounce_email) == "bounced"


async def test_a_claim_whose_worker_died_becomes_unknown_and_is_never_resent(survey) -> None:
    email = unique_email()
    await survey.feed(placed(SHOP, "o-crash", email))
    await survey.feed(resolved("o-crash"))
    survey.clock.advance(days=3)
    # A worker claimed the follow-up, reserved the address (from there on it may have reached
    # the SMTP server) and died before writing the outcome.
    async with survey.pool.acquire() as conn:
        claimed = await follow_ups.claim_due(conn, survey.clock(), 10)
        assert await follow_ups.reserve_recipient(conn, claimed[0].id, email, claimed[0].attempts)
    assert [c.case_key for c in claimed] == ["order:o-crash"]
    dispatcher = survey.follow_up_dispatcher()
    assert await dispatcher.run_once() == 0  # within the lease: left alone
    survey.clock.advance(seconds=survey.settings.dispatch_claim_lease_s + 1)
    await dispatcher.run_once()
    stored = await row(survey, "order:o-crash")
    assert stored is not None and stored.status == "unknown"
    survey.clock.advance(days=10)
    await dispatcher.run_once()
    assert follow_up_mails(survey, email) == []


async def test_a_claim_whose_worker_died_before_sending_is_sent_once_later(survey) -> None:
    """The worker died between the claim and the reservation (kill -9, or the database went away
    during the check): nothing reached the SMTP server, so after the lease it is sent, once."""
    email = unique_email()
    await survey.feed(placed(SHOP, "o-early", email))
    await survey.feed(resolved("o-early"))
    survey.clock.advance(days=3)
    async with survey.pool.acquire() as conn:
        (claimed,) = await follow_ups.claim_due(conn, survey.clock(), 10)
    dispatcher = survey.follow_up_dispatcher()
    assert await dispatcher.run_once() == 0  # within the lease: left alone
    survey.clock.advance(seconds=survey.settings.dispatch_claim_lease_s + 1)
    assert await dispatcher.run_once() == 1
    stored = await row(survey, "order:o-early")
    assert stored is not None and (stored.status, stored.attempts) == ("sent", 2)
    # The dead worker's claim can no longer send it.
    async with survey.pool.acquire() as conn:
        assert not await follow_ups.reserve_recipient(conn, claimed.id, email, claimed.attempts)
    survey.clock.advance(days=1)
    await dispatcher.run_once()
    assert len(follow_up_mails(survey, email)) == 1


async def test_the_worker_holds_one_claim_at_a_time(survey, monkeypatch) -> None:
    """A worker that dies leaves at most the follow-up it was sending in 'sending': it claims
    the next one only when it is about to send it (a batch claimed at once was 6 here)."""
    emails = [unique_email() for _ in range(6)]
    for n, email in enumerate(emails):
        await survey.feed(placed(SHOP, f"o-one-{n}", email))
        await survey.feed(resolved(f"o-one-{n}"))
    survey.clock.advance(days=3)
    held: list[int] = []
    send = SmtpConnection.send

    async def counting(self: SmtpConnection, sender: str, recipient: str, message: bytes) -> Any:
        held.append(
            await survey.pool.fetchval(
                "SELECT count(*) FROM follow_up_emails WHERE status = 'sending'"
            )
        )
        return await send(self, sender, recipient, message)

    monkeypatch.setattr(SmtpConnection, "send", counting)
    assert await survey.follow_up_dispatcher().run_once() == 6
    assert held == [1] * 6
    assert [len(follow_up_mails(survey, e)) for e in emails] == [1] * 6
