"""The notifier against real PostgreSQL, the real SMTP sink and a real local HTTP receiver,
with a clock the test moves."""

import mailbox
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from services.notifier.alarms.service import run_due_checks
from services.notifier.app import MIGRATIONS, build
from services.notifier.consumer import consumer
from services.notifier.delivery.worker import DeliveryWorker
from services.notifier.settings import NotifierSettings
from services.notifier.timers.worker import TimerWorker
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool
from shared.email.smtp import SmtpConnection
from shared.events import ReplyPublished, ReviewClassified, ShopUpdated
from shared.events.envelope import EventEnvelope
from shared.events.replies import ReviewSentimentCorrected
from shared.standard_webhooks import verify
from tests.support.clock import T0, Clock
from tests.support.receiver import Receiver

pytestmark = pytest.mark.integration

AUTH = {"Authorization": "Bearer api-token-dev-only"}


@dataclass
class Notifier:
    settings: NotifierSettings
    pool: Pool
    maildir: Any
    clock: Clock = field(default_factory=Clock)

    async def feed(self, event: EventEnvelope[Any]) -> None:
        handler = consumer(self.settings).handlers[event.type]
        async with self.pool.acquire() as conn, conn.transaction():
            await handler(conn, event)  # type: ignore[arg-type]

    async def deliver(self) -> int:
        return await DeliveryWorker(self.pool, self.settings, self.clock).run_once()

    async def timers(self) -> int:
        return await TimerWorker(self.pool, self.settings, self.clock).run_once()

    async def alarms(self) -> int:
        return await run_due_checks(self.pool, self.settings, self.clock)

    def http(self) -> httpx.AsyncClient:
        app, runtime = build(self.settings)
        runtime.pool = self.pool
        runtime.clock = self.clock  # the requests' "now" is the test's too
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://n")

    def mails_to(self, address: str) -> list[EmailMessage]:
        box = mailbox.Maildir(self.maildir, create=False)
        found = [message_from_bytes(box.get_bytes(k), policy=policy.default) for k in box.keys()]
        return [m for m in found if address in str(m["To"])]  # type: ignore[misc]


@pytest.fixture
async def notifier(infra, make_settings) -> AsyncIterator[Notifier]:
    settings = make_settings(
        NotifierSettings,
        smtp_host=infra.smtp_host,
        smtp_port=infra.smtp_port,
        responder_base_url="https://responder.example.com",
        # The webhook receivers here listen on loopback.
        outbound_allow_private_networks=True,
    )
    pool = await create_pool(settings)
    await apply_migrations(pool, "notifier", service_migrations("notifier", MIGRATIONS))
    n = Notifier(settings, pool, infra.maildir)
    yield n
    await pool.close()


def inbox() -> str:
    return f"support-{uuid.uuid4().hex[:8]}@example.com"


async def shop(
    n: Notifier,
    shop_id: str,
    *,
    alert_recipients: list[str] | None = None,
    escalation_recipients: list[str] | None = None,
    contact_email: str | None = None,
    sla: dict[str, Any] | None = None,
    version: int = 0,
    **settings: Any,
) -> None:
    """The registry's announcement of the shop (recipients, contact, SLA: the registry's), then
    the notifier's own settings (digest, alarms), if any."""
    await n.feed(
        ShopUpdated(
            shop_id=shop_id,
            payload={
                "version": version,
                "platform": "standard",
                "display_name": "Tea Shop",
                "locale": "en",
                "country": "SI",
                "timezone": "Europe/Ljubljana",
                "contact_email": contact_email,
                "alert_recipients": alert_recipients or [],
                "escalation_recipients": escalation_recipients or [],
                "sla": sla or {},
            },
        )
    )
    if settings:
        async with n.http() as http:
            r = await http.patch(
                f"/v1/shops/{shop_id}/notification-settings", json=settings, headers=AUTH
            )
            assert r.status_code == 200, r.text


def classified(
    shop_id: str,
    review_id: str,
    sentiment: str = "negative",
    rating: int = 1,
    revision: int = 1,
    created: datetime = T0,
    severity: str = "low",
    topics: tuple[str, ...] = (),
) -> ReviewClassified:
    return ReviewClassified(
        occurred_at=created,
        shop_id=shop_id,
        payload={
            "review_id": review_id,
            "source": "trustpilot",
            "source_review_id": review_id,
            "case_key": f"review:{review_id}",
            "revision": revision,
            "rating": rating,
            "text": "The teapot arrived broken and nobody answers.",
            "verified": True,
            "match_method": "reference",
            "order": {
                "order_id": "1001",
                "placed_at": T0 - timedelta(days=5),
                "items": [
                    {"product_id": "pot", "name": "Teapot", "quantity": 1, "unit_price": "35"}
                ],
            },
            "created_at": created,
            "updated_at": created,
            "classification": {
                "model_version": "test",
                "language": "en",
                "language_confidence": 0.9,
                "sentiment": sentiment,
                "sentiment_confidence": 0.9,
                "star_text_mismatch": False,
                "severity": severity,
                "severity_reasons": [],
                "removal_candidate": False,
                "topics": [{"name": t, "confidence": 0.8} for t in topics],
            },
        },
    )


async def test_negative_review_gives_one_alert_with_everything_staff_need(notifier) -> None:
    support = inbox()
    await shop(notifier, "s1", alert_recipients=[support])
    event = classified("s1", "trustpilot:r1", topics=("damaged_packaging",))
    await notifier.feed(event)
    await notifier.feed(event)  # redelivery
    await notifier.feed(classified("s1", "trustpilot:r2", sentiment="positive", rating=5))
    await notifier.deliver()
    await notifier.deliver()
    (mail,) = notifier.mails_to(support)
    assert mail["Subject"].startswith("[Reviewloop][negative][severity:low] 1★ trustpilot")
    text = mail.get_body(("plain",)).get_content()
    for expected in (
        "Teapot",
        "damaged_packaging",
        "verified buyer",
        "nobody answers",
        "Reply due by: 2026-11-18T09:00",
        "https://responder.example.com/console/reviews/s1/trustpilot%3Ar1",
    ):
        assert expected in text, expected


async def at(notifier, now: datetime) -> None:
    """The clock at `now`: due timers fired and what they queued delivered."""
    notifier.clock.now = now
    await notifier.timers()
    await notifier.deliver()


async def test_escalation_fires_when_unanswered_and_not_when_replied(notifier) -> None:
    support, boss = inbox(), inbox()
    await shop(notifier, "s2", alert_recipients=[support], escalation_recipients=[boss])
    await notifier.feed(classified("s2", "g:late"))
    await notifier.feed(classified("s2", "g:answered"))
    notifier.clock.now = T0 + timedelta(hours=23)
    await notifier.feed(
        ReplyPublished(
            shop_id="s2",
            payload={
                "review_id": "g:answered",
                "reply_id": "x",
                "published_at": notifier.clock.now,
            },
        )
    )
    await at(notifier, notifier.clock.now)
    assert notifier.mails_to(boss) == []
    await at(notifier, T0 + timedelta(hours=24, minutes=1))
    (first,) = notifier.mails_to(boss)
    assert (
        "[ESCALATION:first]" in first["Subject"]
        and "g:late" in first.get_body(("plain",)).get_content()
    )
    await at(notifier, T0 + timedelta(hours=48, minutes=1))
    assert len(notifier.mails_to(boss)) == 2


async def test_a_review_arriving_after_its_deadline_is_alerted_once_and_escalates_later(
    notifier,
) -> None:
    """A walk posted a live review written years ago (as a platform re-sends an edited old
    review): the alert and both escalations went out in the same second."""
    support, boss = inbox(), inbox()
    await shop(notifier, "s-old", alert_recipients=[support], escalation_recipients=[boss])
    notifier.clock.now = T0
    old = classified("s-old", "t:old", created=T0 - timedelta(days=400))
    await notifier.feed(old.model_copy(update={"occurred_at": T0}))
    await at(notifier, T0)
    (alert,) = notifier.mails_to(support)
    text = alert.get_body(("plain",)).get_content()
    assert "passed before the review reached Reviewloop" in text, text
    assert notifier.mails_to(boss) == []
    # One SLA period (24 h) after it arrived, not after it was written.
    await at(notifier, T0 + timedelta(hours=23, minutes=59))
    assert notifier.mails_to(boss) == []
    await at(notifier, T0 + timedelta(hours=24, minutes=1))
    (first,) = notifier.mails_to(boss)
    assert "[ESCALATION:first]" in first["Subject"]
    # A live review within its deadline keeps the deadline of its writing.
    await notifier.feed(classified("s-old", "t:new", created=notifier.clock.now))
    await notifier.deliver()
    fresh = [
        m for m in notifier.mails_to(support) if "t%3Anew" in m.get_body(("plain",)).get_content()
    ]
    assert len(fresh) == 1
    assert "passed before" not in fresh[0].get_body(("plain",)).get_content()


async def test_a_later_milder_classification_stops_the_escalation(notifier) -> None:
    """The fast pass read the review as negative (alert, escalation timers); ingest's second
    pass reads the same revision as positive: nobody is paged for an unanswered negative."""
    support, boss = inbox(), inbox()
    await shop(notifier, "s9", alert_recipients=[support], escalation_recipients=[boss])
    await notifier.feed(classified("s9", "g:milder"))
    final = classified("s9", "g:milder", sentiment="positive", rating=5)
    await notifier.feed(final.model_copy(update={"occurred_at": T0 + timedelta(seconds=3)}))
    await notifier.feed(classified("s9", "g:still"))
    notifier.clock.now = T0 + timedelta(hours=48, minutes=1)
    await notifier.timers()
    await notifier.deliver()
    escalated = [m.get_body(("plain",)).get_content() for m in notifier.mails_to(boss)]
    assert len(escalated) == 2 and all("g:still" in m for m in escalated), escalated
    assert len(notifier.mails_to(support)) == 2  # the fast pass's alerts went out


def corrected(
    shop_id: str, review_id: str, sentiment: str, by_staff: bool = True
) -> ReviewSentimentCorrected:
    at = T0 + timedelta(hours=1)
    return ReviewSentimentCorrected(
        shop_id=shop_id,
        occurred_at=at,
        payload={
            "review_id": review_id,
            "sentiment": sentiment,
            "by_staff": by_staff,
            "corrected_at": at,
        },
    )


async def test_a_persons_sentiment_correction_decides_the_escalation(notifier) -> None:
    """The responder announces a person's reading of the sentiment: a negative corrected to
    positive stops escalating and a later classification keeps the person's reading (also when
    the correction came first); one corrected to negative escalates from its SLA; a correction
    taken back escalates as the classifier's reading does."""
    support, boss = inbox(), inbox()
    await shop(notifier, "s10", alert_recipients=[support], escalation_recipients=[boss])
    await notifier.feed(classified("s10", "g:fine"))
    await notifier.feed(corrected("s10", "g:fine", "positive"))
    second_pass = classified("s10", "g:fine").model_copy(
        update={"occurred_at": T0 + timedelta(hours=2)}
    )
    await notifier.feed(second_pass)
    await notifier.feed(classified("s10", "g:sarcasm", sentiment="positive", rating=5))
    await notifier.feed(corrected("s10", "g:sarcasm", "negative"))
    await notifier.feed(corrected("s10", "g:early", "positive"))
    await notifier.feed(classified("s10", "g:early"))
    await notifier.feed(classified("s10", "g:back"))
    await notifier.feed(corrected("s10", "g:back", "positive"))
    await notifier.feed(corrected("s10", "g:back", "negative", by_staff=False))
    notifier.clock.now = T0 + timedelta(hours=24, minutes=1)
    await notifier.timers()
    await notifier.deliver()
    escalated = sorted(
        next(r for r in ("g:sarcasm", "g:back", "g:fine", "g:early") if r in body)
        for body in (m.get_body(("plain",)).get_content() for m in notifier.mails_to(boss))
    )
    assert escalated == ["g:back", "g:sarcasm"]
    # Alerted on arrival: the two classified before a person read them. The one a person had
    # corrected before its classification came is not alerted (and g:sarcasm's correction to
    # negative pages nobody: a person set it).
    alerted = sorted(
        next(r for r in ("g:sarcasm", "g:back", "g:fine", "g:early") if quote(r, "") in body)
        for body in (m.get_body(("plain",)).get_content() for m in notifier.mails_to(support))
    )
    assert alerted == ["g:back", "g:fine"]


async def test_an_edit_read_as_negative_overrides_a_positive_correction(notifier) -> None:
    """A person read the review as positive; the reviewer then edits it into a complaint: the
    edit alerts and escalates as a new negative would, before the responder's announcement of
    the dropped correction arrives (the topics are not ordered against each other)."""
    support, boss = inbox(), inbox()
    await shop(notifier, "s11", alert_recipients=[support], escalation_recipients=[boss])
    await notifier.feed(classified("s11", "g:edit", sentiment="neutral", rating=5))
    await notifier.feed(corrected("s11", "g:edit", "positive"))
    # The same revision read again keeps the person's reading: no alert.
    again = classified("s11", "g:edit", rating=5).model_copy(
        update={"occurred_at": T0 + timedelta(hours=2)}
    )
    await notifier.feed(again)
    await notifier.deliver()
    assert notifier.mails_to(support) == []
    edit = classified("s11", "g:edit", rating=1, revision=2).model_copy(
        update={"occurred_at": T0 + timedelta(hours=3)}
    )
    await notifier.feed(edit)
    await notifier.deliver()
    (alert,) = notifier.mails_to(support)
    assert "/console/reviews/s11/g%3Aedit" in alert.get_body(("plain",)).get_content()
    notifier.clock.now = T0 + timedelta(hours=24, minutes=1)
    await notifier.timers()
    await notifier.deliver()
    assert len(notifier.mails_to(boss)) == 1


async def test_signed_webhooks_standard_and_slack(notifier) -> None:
    await shop(notifier, "s3")
    with Receiver() as receiver:
        async with notifier.http() as http:
            std = await http.post(
                "/v1/shops/s3/rules",
                headers=AUTH,
                json={
                    "name": "hook",
                    "channel": "webhook",
                    "url": receiver.url,
                    "filters": {"sentiments": ["negative"]},
                },
            )
            slack = await http.post(
                "/v1/shops/s3/rules",
                headers=AUTH,
                json={
                    "name": "slack",
                    "channel": "webhook",
                    "url": receiver.url + "/slack",
                    "format": "slack",
                    "filters": {"max_rating": 2},
                },
            )
        secret = std.json()["signing_secret"]
        assert secret.startswith("whsec_") and slack.status_code == 201
        await notifier.feed(classified("s3", "t:1"))
        await notifier.deliver()
        assert len(receiver.requests) == 2
        by_path = {
            b.get("review_id", "slack"): (h, raw)
            for (h, raw), b in zip(receiver.requests, receiver.bodies(), strict=True)
        }
        headers, raw = by_path["t:1"]
        assert verify(headers, raw, [secret], notifier.clock())
        assert not verify(headers, raw + b" ", [secret], notifier.clock())
        assert (
            "text" in receiver.bodies()[[b.get("review_id") for b in receiver.bodies()].index(None)]
        )


async def test_failing_receiver_is_retried_then_paused_and_resumable(notifier) -> None:
    await shop(notifier, "s4")
    notifier.settings.receiver_pause_after = 3
    with Receiver(status=503) as receiver:
        async with notifier.http() as http:
            await http.post(
                "/v1/shops/s4/rules",
                headers=AUTH,
                json={"name": "hook", "channel": "webhook", "url": receiver.url},
            )
        for i in range(3):
            await notifier.feed(classified("s4", f"t:{i}"))
        for _ in range(6):
            await notifier.deliver()
            notifier.clock.now += timedelta(hours=1)
        assert len(receiver.requests) == 3  # paused after three failures in a row
        async with notifier.http() as http:
            receivers = (await http.get("/v1/shops/s4/receivers", headers=AUTH)).json()
            assert receivers[0]["paused_at"] is not None
            receiver.status = 200
            resumed = await http.post(
                "/v1/shops/s4/receivers/resume", headers=AUTH, json={"url": receiver.url}
            )
            assert resumed.json()["requeued"] == 3
        await notifier.deliver()
        assert len(receiver.requests) == 6
        # Sent again with the same webhook-id: a receiver can drop what it already has.
        ids = [h["webhook-id"] for h, _ in receiver.requests]
        assert sorted(ids[:3]) == sorted(ids[3:]) and len(set(ids)) == 3


async def test_digest_and_negative_share_alarm(notifier) -> None:
    support = inbox()
    await shop(
        notifier,
        "s5",
        alert_recipients=[support],
        negative_share_min_reviews=10,
        topic_spike_min_reviews=100,
    )
    delay = timedelta(seconds=notifier.settings.alarm_check_delay_s)
    # Nine reviews, all negative: not enough data for the alarm.
    for i in range(9):
        await notifier.feed(classified("s5", f"r:{i}", created=T0 + timedelta(minutes=i)))
    notifier.clock.now = T0 + timedelta(minutes=9)
    assert await notifier.alarms() == 1  # one check for the shop, however many reviews
    await notifier.deliver()
    assert not [m for m in notifier.mails_to(support) if "ALARM" in m["Subject"]]
    await notifier.feed(
        classified("s5", "r:9", sentiment="positive", rating=5, created=T0 + timedelta(minutes=10))
    )
    # The first check saw reviews arrive during its last 2 x delay, so it asked for one more,
    # a delay later: not due yet.
    notifier.clock.now = T0 + timedelta(minutes=9) + delay - timedelta(seconds=1)
    assert await notifier.alarms() == 0
    notifier.clock.now = T0 + timedelta(minutes=10) + delay
    assert await notifier.alarms() == 1
    await notifier.deliver()
    alarms = [m for m in notifier.mails_to(support) if "ALARM" in m["Subject"]]
    # It fired once the tenth review was in (9 of 10 negative) ...
    assert len(alarms) == 1 and "90%" in alarms[0]["Subject"]
    # ... and once for the window: another negative review is checked, but sends nothing.
    await notifier.feed(classified("s5", "r:10", created=T0 + timedelta(minutes=11)))
    notifier.clock.now = T0 + timedelta(minutes=11) + delay
    assert await notifier.alarms() == 1
    await notifier.deliver()
    assert len([m for m in notifier.mails_to(support) if "ALARM" in m["Subject"]]) == 1
    # A shop that went quiet gets one last check, then none.
    notifier.clock.now = T0 + timedelta(minutes=20)
    assert await notifier.alarms() == 1
    notifier.clock.now = T0 + timedelta(minutes=30)
    assert await notifier.alarms() == 0
    # The daily digest at 08:00 local time.
    await notifier.timers()
    notifier.clock.now = datetime(2026, 11, 18, 7, 1, tzinfo=UTC)  # 08:01 in Ljubljana
    await notifier.timers()
    await notifier.deliver()
    (digest,) = [m for m in notifier.mails_to(support) if "DIGEST" in m["Subject"]]
    text = digest.get_body(("plain",)).get_content()
    assert "New reviews in the last 24 hours: 11 (10 negative, 0 neutral, 1 positive)" in text
    assert "Unanswered negative reviews: 10" in text
    # Each unanswered negative links straight to its page in the console.
    base = notifier.settings.responder_base_url
    assert text.count(f"{base}/console/reviews/") == 10


async def test_redaction_removes_personal_data_from_stored_notifications(notifier) -> None:
    from shared.events import CustomerRedactRequested

    await shop(notifier, "s6", alert_recipients=[inbox()])
    await notifier.feed(classified("s6", "t:gdpr"))
    await notifier.feed(
        CustomerRedactRequested(
            shop_id="s6",
            payload={"request_id": "rq", "email": "john@example.com", "order_ids": ["1001"]},
        )
    )
    contents = await notifier.pool.fetch("SELECT content FROM notifications WHERE shop_id = 's6'")
    assert contents and all(r["content"] == {"redacted": True} for r in contents)


async def test_a_delivery_worker_holds_no_more_claims_than_sends_in_flight(
    notifier, monkeypatch
) -> None:
    """A worker that dies leaves only what it was sending `unknown`: each lane claims its next
    notification when it is free to send it. (A batch claimed at once left the notifications
    waiting behind others `unknown` and never sent; found by the fault run, docs/reliability.md.)
    """
    support = inbox()
    await shop(notifier, "s-lanes", alert_recipients=[support])
    for n in range(10):
        await notifier.feed(classified("s-lanes", f"lane:{n}"))
    held: list[int] = []
    send = SmtpConnection.send

    async def counting(self, sender, recipient, message):
        held.append(
            await notifier.pool.fetchval(
                "SELECT count(*) FROM notifications WHERE status = 'sending' AND shop_id = $1",
                "s-lanes",
            )
        )
        return await send(self, sender, recipient, message)

    monkeypatch.setattr(SmtpConnection, "send", counting)
    assert await notifier.deliver() == 10
    assert len(held) == 10 and max(held) <= notifier.settings.delivery_concurrency
    assert len(notifier.mails_to(support)) == 10


async def test_alert_and_escalation_links_open_the_review_in_the_console(
    notifier, make_settings
) -> None:
    """The links were `<base>/reviews/<raw id>`: no such route (404), and an id with '/', '#'
    or a space broke the path. They open the review's page in the staff console, the shop and
    the id each one encoded segment; a signed-out click goes through the sign-in page and back."""
    from urllib.parse import parse_qs, urlsplit

    from tests.support.console import browser_client, sign_in, staff
    from tests.support.responder import classified as responder_classified
    from tests.support.responder import running_responder, shop_event

    review_id = "generic:a/b#c d?e"
    support, boss = inbox(), inbox()
    await shop(notifier, "s-link", alert_recipients=[support], escalation_recipients=[boss])
    await notifier.feed(classified("s-link", review_id))
    await notifier.deliver()
    notifier.clock.now = T0 + timedelta(hours=24, minutes=1)
    await notifier.timers()
    await notifier.deliver()
    base = notifier.settings.responder_base_url
    links = [
        line.strip()
        for mail in (*notifier.mails_to(support), *notifier.mails_to(boss))
        for line in mail.get_body(("plain",)).get_content().splitlines()
        if base in line
    ]
    assert len(links) == 2, links
    paths = {link[link.index(base) + len(base) :] for link in links}
    assert paths == {"/console/reviews/s-link/generic%3Aa%2Fb%23c%20d%3Fe"}
    async with running_responder(make_settings) as responder:
        await responder.feed(shop_event("s-link"))
        await responder.feed(responder_classified("s-link", review_id))
        await staff(responder, "agent", ["s-link"], "agent@s-link.example")
        async with browser_client(responder) as client:
            for path in paths:
                first = await client.get(path)
                assert first.status_code == 303
                (back,) = parse_qs(urlsplit(first.headers["location"]).query)["next"]
                assert back == path
                signed = await sign_in(client, "agent@s-link.example", next_path=back)
                assert signed.headers["location"] == path
                r = await client.get(path)
                assert r.status_code == 200, r.text
                assert "generic:a/b#c d?e" in r.text


class _Always:
    """The fault sink's per-connection dice, loaded: every transaction meets `phase`."""

    def __init__(self, phase: str) -> None:
        self.phase = phase

    def choice(self, phases: tuple[str, ...]) -> str:
        return self.phase


async def test_an_alert_whose_smtp_outcome_is_unknown_is_sent_again_with_the_same_message_id(
    notifier, tmp_path
) -> None:
    """The server stored the message and the connection dropped before its "250" (the SMTP
    unknown window): the alert was recorded `unknown` and never sent again (63 of 2,726 alerts
    in the fault run). Staff notifications are at least once: it goes again, same Message-ID."""
    from tests.faults.smtp import FaultySmtp
    from tests.support.services import free_port

    sink = FaultySmtp(free_port(), tmp_path / "maildir")
    sink.random = _Always("data_stored")  # type: ignore[assignment]
    sink.start()
    try:
        settings = notifier.settings.model_copy(
            update={"smtp_host": "127.0.0.1", "smtp_port": sink.port}
        )
        support = inbox()
        await shop(notifier, "s-unknown", alert_recipients=[support])
        await notifier.feed(classified("s-unknown", "t:unknown"))
        sink.set_mode("drop")
        assert await DeliveryWorker(notifier.pool, settings, notifier.clock).run_once() == 1
        (first,) = sink.messages()
        row = await notifier.pool.fetchrow(
            "SELECT id, status, last_error, message_token FROM notifications "
            "WHERE shop_id = 's-unknown'"
        )
        assert row["status"] == "pending" and row["last_error"].startswith("outcome unknown")
        sink.set_mode("ok")
        notifier.clock.now += timedelta(minutes=1)
        assert await DeliveryWorker(notifier.pool, settings, notifier.clock).run_once() == 1
        first_id, second_id = (m.message_id for m in sink.messages())
        assert (
            first_id
            == second_id
            == first.message_id
            == f"<notification.{row['id']}.{row['message_token']}@reviewloop.local>"
        )
        status = await notifier.pool.fetchval(
            "SELECT status FROM notifications WHERE id = $1", row["id"]
        )
        assert status == "sent"
    finally:
        sink.stop()


async def test_a_claim_whose_delivery_worker_died_is_sent_again(notifier) -> None:
    """A worker killed between claim and result left the alert `unknown` for good; now it is
    due again once the lease has run out."""
    support = inbox()
    await shop(notifier, "s-died", alert_recipients=[support])
    await notifier.feed(classified("s-died", "t:died"))
    await notifier.pool.execute(
        "UPDATE notifications SET status = 'sending', claimed_at = $1, attempts = 1 "
        "WHERE shop_id = 's-died'",
        notifier.clock.now,
    )
    await notifier.deliver()
    assert notifier.mails_to(support) == []  # still within its lease: maybe in flight
    notifier.clock.now += timedelta(seconds=notifier.settings.delivery_claim_lease_s + 1)
    await notifier.deliver()
    (mail,) = notifier.mails_to(support)
    row = await notifier.pool.fetchrow(
        "SELECT id, status, message_token FROM notifications WHERE shop_id = 's-died'"
    )
    assert row["status"] == "sent"
    token = row["message_token"]
    assert mail["Message-ID"] == f"<notification.{row['id']}.{token}@reviewloop.local>"


async def test_message_ids_do_not_repeat_where_notification_ids_do(notifier) -> None:
    """`<notification.1@domain>` repeats in every installation sharing the domain (staging and
    production, a database rebuilt): a mailbox that holds one drops the next as the same."""
    support = inbox()
    await shop(notifier, "s-ids", alert_recipients=[support])
    await notifier.feed(classified("s-ids", "t:ids-1"))
    await notifier.deliver()
    (first,) = notifier.mails_to(support)
    # The same notification id again, as a rebuilt database would number it.
    row_id = await notifier.pool.fetchval("SELECT id FROM notifications WHERE shop_id = 's-ids'")
    await notifier.pool.execute("DELETE FROM notifications WHERE shop_id = 's-ids'")
    await notifier.pool.execute(f"ALTER TABLE notifications ALTER COLUMN id RESTART WITH {row_id}")
    await notifier.feed(classified("s-ids", "t:ids-2"))
    assert (
        await notifier.pool.fetchval("SELECT id FROM notifications WHERE shop_id = 's-ids'")
        == row_id
    )
    await notifier.deliver()
    second = [m for m in notifier.mails_to(support) if m["Message-ID"] != first["Message-ID"]]
    assert len(second) == 1, [m["Message-ID"] for m in notifier.mails_to(support)]
    assert first["Message-ID"].startswith(f"<notification.{row_id}.")
    assert second[0]["Message-ID"].startswith(f"<notification.{row_id}.")


async def test_a_new_shop_gets_no_topic_spike_and_alarms_come_in_one_email(notifier) -> None:
    """A new shop's first reviews raised a "0 of 0 ... at least doubled" topic-spike alarm per
    topic, five alarm emails at once. A spike needs a baseline (`topic_spike_min_baseline`
    reviews the window before), and a check's alarms go out as one email."""
    support = inbox()
    await shop(
        notifier,
        "s-spike",
        alert_recipients=[support],
        negative_share_min_reviews=10,
        topic_spike_min_reviews=2,
    )
    topics = ("delivery", "price", "quality", "service", "taste")
    delay = timedelta(seconds=notifier.settings.alarm_check_delay_s)
    for i in range(6):
        await notifier.feed(
            classified("s-spike", f"new:{i}", created=T0 + timedelta(minutes=i), topics=topics)
        )
    notifier.clock.now = T0 + timedelta(minutes=6) + delay
    assert await notifier.alarms() == 1
    await notifier.deliver()
    assert [m["Subject"] for m in notifier.mails_to(support) if "ALARM" in m["Subject"]] == []

    # With a baseline (20 reviews about something else the week before) and four more
    # negatives now: a negative-share alarm and five spikes, in one email.
    for i in range(20):
        await notifier.feed(
            classified(
                "s-spike",
                f"old:{i}",
                sentiment="positive",
                rating=5,
                created=T0 - timedelta(days=8, minutes=i),
                topics=("packaging",),
            )
        )
    for i in range(4):
        await notifier.feed(
            classified("s-spike", f"more:{i}", created=T0 + timedelta(minutes=10 + i))
        )
    notifier.clock.now = T0 + timedelta(minutes=20) + delay
    assert await notifier.alarms() == 1
    await notifier.deliver()
    (alarm,) = [m for m in notifier.mails_to(support) if "ALARM" in m["Subject"]]
    assert alarm["Subject"].startswith("[Reviewloop][ALARM] 6 alarms for Tea Shop")
    text = alarm.get_body(("plain",)).get_content()
    assert "10 of 10 reviews in the last 7 days were negative" in text
    for topic in topics:
        assert f"Reviews about '{topic}': 6 of 10 in the last 7 days, 0 of 20" in text
    # Once per window: checked again, nothing new.
    await notifier.feed(classified("s-spike", "more:x", created=T0 + timedelta(minutes=30)))
    notifier.clock.now = T0 + timedelta(minutes=30) + delay
    assert await notifier.alarms() == 1
    await notifier.deliver()
    assert len([m for m in notifier.mails_to(support) if "ALARM" in m["Subject"]]) == 1


async def test_a_shop_without_support_address_alerts_escalates_and_digests_to_its_contact(
    notifier,
) -> None:
    """The contact address of shop.updated stands in for every staff recipient while the shop
    has set none of its own."""
    contact = inbox()
    await notifier.feed(
        ShopUpdated(
            shop_id="s-contact",
            payload={
                "platform": "standard",
                "display_name": "Tea Shop",
                "locale": "en",
                "country": "SI",
                "timezone": "Europe/Ljubljana",
                "contact_email": contact,
            },
        )
    )
    await notifier.feed(classified("s-contact", "c:1"))
    await notifier.timers()  # schedules the digest
    await notifier.deliver()
    notifier.clock.now = T0 + timedelta(hours=24, minutes=1)
    await notifier.timers()
    await notifier.deliver()
    subjects = sorted(m["Subject"] for m in notifier.mails_to(contact))
    assert len(subjects) == 3, subjects
    assert "[DIGEST]" in subjects[0] and "[ESCALATION:first]" in subjects[1]
    assert subjects[2].startswith("[Reviewloop][negative]")
