"""The notifier after issue #18: alert and escalation recipients, the contact and the SLA are
the shop registry's (learned from `shop.updated`); the settings it still owns (digest, alarms)
are versioned (`ETag`/`If-Match`) and audited; a review nobody could be alerted about is
visible as "not alerted: no recipient"; its emails can be previewed and sent as a test copy.
Real PostgreSQL and the real SMTP sink, in-process with a clock the test moves."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from shared.events import ShopRedactRequested
from tests.integration.test_notifier import (
    AUTH,
    Notifier,
    classified,
    corrected,
    inbox,
    notifier,
    shop,
)
from tests.support.clock import T0

pytestmark = pytest.mark.integration

__all__ = ["notifier"]  # the fixture, shared with test_notifier.py

SETTINGS = "/v1/shops/{shop_id}/notification-settings"


async def test_a_member_the_registry_owns_is_refused_naming_its_owner(notifier: Notifier) -> None:
    await shop(notifier, "m1", digest_hour=9)
    url = SETTINGS.format(shop_id="m1")
    async with notifier.http() as http:
        before = (await http.get(url, headers=AUTH)).json()
        for method in ("PATCH", "PUT"):
            r = await http.request(
                method, url, json={"sla_hours": 12, "digest_hour": 7}, headers=AUTH
            )
            assert r.status_code == 422, r.text
            assert r.json()["detail"] == (
                "sla_hours is owned by the shop registry: PATCH /v1/admin/shops/m1 (as sla.hours)"
            )
            r = await http.request(
                method,
                url,
                json={"support_email": "a@example.com", "contact_email": "b@example.com"},
                headers=AUTH,
            )
            assert r.status_code == 422, r.text
            assert r.json()["detail"] == (
                "contact_email is owned by the shop registry: PATCH /v1/admin/shops/m1; "
                "support_email is owned by the shop registry: PATCH /v1/admin/shops/m1 "
                "(as alert_recipients)"
            )
        # Nothing changed, not even the member the refused patch also named.
        assert (await http.get(url, headers=AUTH)).json() == before
        moved = {
            "support_email",
            "escalation_emails",
            "sla_hours",
            "business_hours_only",
            "business_start_hour",
            "business_end_hour",
        }
        assert not moved & set(before)


async def test_a_stored_row_from_before_the_move_still_loads_and_alerts_the_registrys_recipients(
    notifier: Notifier,
) -> None:
    """Settings stored before #18 still hold `support_email`, `sla_hours`, ...: they load (the
    old members are dropped), and alerts go where the registry says, by its SLA."""
    registry, old = inbox(), inbox()
    await shop(notifier, "legacy", alert_recipients=[registry], sla={"hours": 6})
    await notifier.pool.execute(
        "UPDATE shops SET settings = $2 WHERE shop_id = $1",
        "legacy",
        {"support_email": old, "sla_hours": 48, "business_hours_only": True, "digest_hour": 6},
    )
    async with notifier.http() as http:
        r = await http.get(SETTINGS.format(shop_id="legacy"), headers=AUTH)
        assert r.status_code == 200, r.text
        assert r.json()["digest_hour"] == 6 and "support_email" not in r.json()
    await notifier.feed(classified("legacy", "t:legacy"))
    await notifier.deliver()
    assert len(notifier.mails_to(registry)) == 1 and notifier.mails_to(old) == []
    due = await notifier.pool.fetchval(
        "SELECT due_at FROM timers WHERE shop_id = 'legacy' AND kind = 'sla1'"
    )
    assert due == T0 + timedelta(hours=6)


async def test_etag_if_match_and_the_trail_of_changes(notifier: Notifier) -> None:
    url = SETTINGS.format(shop_id="v1")
    async with notifier.http() as http:
        first = await http.get(url, headers=AUTH)
        assert first.headers["ETag"] == '"0"'
        r = await http.patch(
            url,
            json={"digest_hour": 7},
            headers={**AUTH, "If-Match": '"0"', "Reviewloop-Actor": "ana@shop.example"},
        )
        assert r.status_code == 200, r.text
        assert r.headers["ETag"] == '"1"' and r.json()["digest_hour"] == 7
        # Made against version 0, which is gone: 412, nothing changes.
        stale = await http.put(url, json={"digest_hour": 5}, headers={**AUTH, "If-Match": '"0"'})
        assert stale.status_code == 412, stale.text
        assert stale.headers["ETag"] == '"1"'
        now = await http.get(url, headers=AUTH)
        assert now.json()["digest_hour"] == 7 and now.headers["ETag"] == '"1"'
        # A patch that changes nothing keeps the version and writes no entry.
        same = await http.patch(url, json={"digest_hour": 7}, headers=AUTH)
        assert same.headers["ETag"] == '"1"'
        r = await http.patch(url, json={"digest_enabled": False}, headers=AUTH)
        assert r.headers["ETag"] == '"2"'
        trail = (await http.get(url + "/changes", headers=AUTH)).json()
    assert [(c["version"], c["actor"], c["before"], c["after"]) for c in trail] == [
        (2, "api-token", {"digest_enabled": True}, {"digest_enabled": False}),
        (1, "api-token:ana@shop.example", {"digest_hour": 8}, {"digest_hour": 7}),
    ]
    assert all(c["entity"] == "notification_settings" for c in trail)


async def test_escalations_follow_the_registrys_sla_and_move_when_it_changes(
    notifier: Notifier,
) -> None:
    support, boss = inbox(), inbox()
    await shop(
        notifier,
        "sla",
        version=1,
        alert_recipients=[support],
        escalation_recipients=[boss],
        sla={"hours": 4},
    )
    await notifier.feed(classified("sla", "t:sla"))
    await notifier.deliver()
    (alert,) = notifier.mails_to(support)
    assert "Reply due by: 2026-11-17T13:00" in alert.get_body(("plain",)).get_content()
    # The registry now grants 10 hours: the pending escalations move (10 h and 20 h).
    await shop(
        notifier,
        "sla",
        version=2,
        alert_recipients=[support],
        escalation_recipients=[boss],
        sla={"hours": 10},
    )
    # An older announcement arriving late changes nothing.
    await shop(notifier, "sla", version=1, alert_recipients=[support], sla={"hours": 4})
    due = {
        r["kind"]: r["due_at"]
        for r in await notifier.pool.fetch(
            "SELECT kind, due_at FROM timers WHERE shop_id = 'sla' AND kind LIKE 'sla%'"
        )
    }
    assert due == {"sla1": T0 + timedelta(hours=10), "sla2": T0 + timedelta(hours=20)}
    notifier.clock.now = T0 + timedelta(hours=5)
    await notifier.timers()
    await notifier.deliver()
    assert notifier.mails_to(boss) == []
    notifier.clock.now = T0 + timedelta(hours=10, minutes=1)
    await notifier.timers()
    await notifier.deliver()
    (escalation,) = notifier.mails_to(boss)
    assert "[ESCALATION:first]" in escalation["Subject"]


async def test_a_review_before_the_shops_first_announcement_is_timed_again_by_it(
    notifier: Notifier,
) -> None:
    """Timed by the default SLA (24 hours) while the shop was unknown; the first profile's SLA
    (6 hours) moves its escalations."""
    await notifier.feed(classified("early", "t:early"))
    await shop(notifier, "early", alert_recipients=[inbox()], sla={"hours": 6})
    due = {
        r["kind"]: r["due_at"]
        for r in await notifier.pool.fetch(
            "SELECT kind, due_at FROM timers WHERE shop_id = 'early' AND kind LIKE 'sla%'"
        )
    }
    assert due == {"sla1": T0 + timedelta(hours=6), "sla2": T0 + timedelta(hours=12)}


async def test_the_digest_goes_to_the_alert_recipients_unless_it_has_its_own(
    notifier: Notifier,
) -> None:
    support, reader = inbox(), inbox()
    await shop(notifier, "d1", alert_recipients=[support])
    await shop(notifier, "d2", alert_recipients=[support], digest_recipients=[reader])
    await notifier.timers()  # schedules the digests
    notifier.clock.now = datetime(2026, 11, 18, 7, 1, tzinfo=UTC)  # 08:01 in Ljubljana
    await notifier.timers()
    await notifier.deliver()
    assert [m["Subject"] for m in notifier.mails_to(support)] == [
        "[Reviewloop][DIGEST] Tea Shop 2026-11-18"
    ]
    assert [m["Subject"] for m in notifier.mails_to(reader)] == [
        "[Reviewloop][DIGEST] Tea Shop 2026-11-18"
    ]


async def test_a_review_nobody_can_be_alerted_about_is_listed_as_not_alerted(
    notifier: Notifier,
) -> None:
    """No rule, no alert recipient, no contact in the registry's profile: the negative review
    is recorded and shown as "not alerted: no recipient", and no email goes anywhere. One a
    person corrected before its classification arrived needed no alert: none is recorded."""
    review_id = f"t:nobody-{uuid.uuid4().hex[:8]}"
    await shop(notifier, "nobody", alert_recipients=[], contact_email=None)
    await notifier.feed(classified("nobody", review_id))
    await notifier.feed(classified("nobody", "t:happy", sentiment="positive", rating=5))
    await notifier.feed(corrected("nobody", "t:read", "negative"))
    await notifier.feed(classified("nobody", "t:read"))
    assert await notifier.deliver() == 0
    async with notifier.http() as http:
        r = await http.get(
            "/v1/shops/nobody/notifications", params={"review_id": review_id}, headers=AUTH
        )
        assert r.status_code == 200, r.text
        other = await http.get(
            "/v1/shops/nobody/notifications", params={"review_id": "t:happy"}, headers=AUTH
        )
    assert [(n["review_id"], n["kind"], n["status"], n["reason"]) for n in r.json()] == [
        (review_id, "alert", "unroutable", "not alerted: no recipient")
    ]
    assert other.json() == []  # a positive review needed no alert
    async with notifier.http() as http:
        read = await http.get(
            "/v1/shops/nobody/notifications", params={"review_id": "t:read"}, headers=AUTH
        )
    assert read.status_code == 200 and read.json() == []  # a person is on it already
    box = notifier.mails_to("@")
    assert not [m for m in box if review_id in m.get_body(("plain",)).get_content()]


async def test_shop_redaction_forgets_the_trail_of_changes_and_the_test_copies(
    notifier: Notifier,
) -> None:
    await shop(notifier, "gone", digest_recipients=[inbox()])
    async with notifier.http() as http:
        r = await http.post("/v1/shops/gone/emails/alert/test", json={"to": inbox()}, headers=AUTH)
        assert r.status_code == 200, r.text
    counts = """
        SELECT (SELECT count(*) FROM settings_changes WHERE shop_id = 'gone'),
               (SELECT count(*) FROM email_test_sends WHERE shop_id = 'gone')
    """
    assert tuple(await notifier.pool.fetchrow(counts)) == (1, 1)
    await notifier.feed(ShopRedactRequested(shop_id="gone", payload={"request_id": "rq-gone"}))
    assert tuple(await notifier.pool.fetchrow(counts)) == (0, 0)
