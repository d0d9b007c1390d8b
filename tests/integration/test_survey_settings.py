"""Survey settings (issue #18): versioned with `ETag`/`If-Match`, bounded, audited, and applied
at once to the invitations still waiting: a change of the send window (in the PATCH's own
transaction) or of the shop's time zone (from `shop.updated` on real Kafka) moves them; sent
ones, reminders and times staff set by hand stay. Real PostgreSQL, Kafka and SMTP."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.survey.app import MIGRATIONS
from shared.db.notify import channel
from shared.events import CaseFollowUpRequested, OrderDelivered
from shared.events.catalogue import parse_event
from shared.events.privacy import ShopRedactRequested
from shared.events.shops import ShopReviewPolicyChanged, ShopUpdated
from tests.support.kafka import eventually
from tests.support.survey import T0, SurveyHarness, placed, running_survey, unique_email

pytestmark = pytest.mark.integration

SHOP = "tea-shop"
URL = f"/v1/shops/{SHOP}/survey-settings"
API = {"Authorization": "Bearer api-token-dev-only"}
LJ = ZoneInfo("Europe/Ljubljana")
NY = ZoneInfo("America/New_York")


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    async with running_survey(infra, make_settings, SHOP) as harness:
        yield harness


def delivered(order_id: str, at: datetime) -> OrderDelivered:
    return OrderDelivered(shop_id=SHOP, payload={"order_id": order_id, "delivered_at": at})


async def email_times(survey: SurveyHarness) -> dict[tuple[str, str], tuple[str, datetime]]:
    rows = await survey.pool.fetch(
        """
        SELECT s.order_id, e.kind, e.status, e.send_at FROM survey_emails e
        JOIN surveys s ON s.id = e.survey_id WHERE s.shop_id = $1
        """,
        SHOP,
    )
    return {(r["order_id"], r["kind"]): (r["status"], r["send_at"]) for r in rows}


async def follow_up_time(survey: SurveyHarness) -> datetime:
    send_at: datetime = await survey.pool.fetchval(
        "SELECT send_at FROM follow_up_emails WHERE shop_id = $1 AND status = 'pending'", SHOP
    )
    return send_at


async def test_etag_if_match_and_the_trail_of_changes(survey) -> None:
    async with survey.http() as http:
        r = await http.get(URL, headers=API)
        assert r.status_code == 200 and r.headers["ETag"] == '"0"'
        first = r.json()

        who = {**API, "If-Match": '"0"', "Reviewloop-Actor": "ana@shop.example"}
        r = await http.patch(URL, json={"cooldown_days": 12}, headers=who)
        assert r.status_code == 200, r.text
        assert r.headers["ETag"] == '"1"' and r.json()["cooldown_days"] == 12

        # A second editor still holding version 0: refused, and nothing changes.
        r = await http.patch(URL, json={"cooldown_days": 40}, headers=who)
        assert r.status_code == 412, r.text
        assert r.headers["ETag"] == '"1"' and "version 1" in r.json()["detail"]
        r = await http.get(URL, headers=API)
        assert r.json()["cooldown_days"] == 12 and r.headers["ETag"] == '"1"'

        # PUT is a merge patch too; a list of tags, and `*`, match as RFC 9110 says.
        r = await http.put(
            URL, json={"incentive_code": "THANKS"}, headers={**API, "If-Match": '"7", "1"'}
        )
        assert r.status_code == 200 and r.headers["ETag"] == '"2"', r.text
        r = await http.patch(URL, json={"skip_sundays": False}, headers={**API, "If-Match": "*"})
        assert r.status_code == 200 and r.headers["ETag"] == '"3"'
        # Without If-Match it applies to what is stored; a patch that changes nothing writes
        # nothing: same version, no entry.
        r = await http.patch(URL, json={"skip_sundays": False}, headers=API)
        assert r.status_code == 200 and r.headers["ETag"] == '"3"'
        assert r.json() == {
            **first,
            "cooldown_days": 12,
            "incentive_code": "THANKS",
            "skip_sundays": False,
        }

        r = await http.get(f"{URL}/changes", headers=API)
        assert r.status_code == 200, r.text
        trail = r.json()
        assert [(c["version"], c["actor"], c["before"], c["after"]) for c in trail] == [
            (3, "api-token", {"skip_sundays": True}, {"skip_sundays": False}),
            (2, "api-token", {"incentive_code": None}, {"incentive_code": "THANKS"}),
            (1, "api-token:ana@shop.example", {"cooldown_days": 30}, {"cooldown_days": 12}),
        ]
        assert {(c["action"], c["entity"]) for c in trail} == {
            ("settings.changed", "survey_settings")
        }
        assert trail[0]["at"].startswith(T0.strftime("%Y-%m-%dT%H:%M"))  # the service's clock

        # Shop redaction forgets the trail (it names staff).
        await survey.feed(ShopRedactRequested(shop_id=SHOP, payload={"request_id": "rq-1"}))
        assert (await http.get(f"{URL}/changes", headers=API)).json() == []


async def test_a_member_the_registry_owns_is_refused_with_where_to_change_it(survey) -> None:
    async with survey.http() as http:
        r = await http.patch(
            URL, json={"timezone": "Europe/Vienna", "cooldown_days": 3}, headers=API
        )
        assert r.status_code == 422, r.text
        assert r.json()["detail"] == (
            "timezone is owned by the shop registry: PATCH /v1/admin/shops/tea-shop"
        )
        r = await http.get(URL, headers=API)
        assert r.headers["ETag"] == '"0"' and r.json()["cooldown_days"] == 30


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"category_delays_days": {"furniture": 1_000_000_000}}, "furniture"),
        ({"category_delays_days": {"": 3}}, "[key]"),
        ({"category_delays_days": {"x" * 61: 3}}, "[key]"),
        ({"category_delays_days": {f"c{i}": 3 for i in range(101)}}, "category_delays_days"),
        ({"default_delay_days": 366}, "default_delay_days"),
        ({"fallback_days": -1}, "fallback_days"),
        ({"reminder_delay_days": 0}, "reminder_delay_days"),
        ({"send_window_start_hour": 18, "send_window_end_hour": 10}, None),
        ({"tenant_group": ""}, "tenant_group"),
        ({"incentive_code": "TEN\r\nBcc: x@y"}, "incentive_code"),
        ({"brand": {"primary_color": "red"}}, "primary_color"),
        ({"review_platforms": [{"name": "G", "url": "https://g.example"}] * 6}, "review_platforms"),
        ({"review_platforms": [{"name": "", "url": "https://g.example"}]}, "name"),
        ({"review_platforms": [{"name": "G", "url": "javascript:alert(1)"}]}, "url"),
    ],
)
async def test_every_value_is_bounded(survey, patch, field) -> None:
    async with survey.http() as http:
        r = await http.patch(URL, json=patch, headers=API)
        assert r.status_code == 422, r.text
        detail = r.json()["detail"]
        if field is None:  # a rule across members names them in its message
            assert "send_window_end_hour must be after send_window_start_hour" in r.text
        else:
            assert any(e["loc"][-1] == field for e in detail), detail
        r = await http.get(URL, headers=API)
        assert r.headers["ETag"] == '"0"'  # nothing stored


async def test_pending_invitations_follow_the_window_and_the_time_zone(survey) -> None:
    # o-sent: delivered long ago, due at once, sent now (its reminder is pending).
    sent_to = unique_email()
    await survey.feed(placed(SHOP, "o-sent", sent_to, at=T0 - timedelta(days=20)))
    await survey.feed(delivered("o-sent", T0 - timedelta(days=16)))
    assert await survey.dispatcher().run_once() == 1
    # o-1: delivered Thursday; the teapot's 14 days of use make it due Thursday 3 December,
    # 10:00 in Ljubljana, the window's opening.
    await survey.feed(placed(SHOP, "o-1", unique_email()))
    await survey.feed(delivered("o-1", T0 + timedelta(days=2)))
    # o-hand: staff set its time by hand.
    await survey.feed(placed(SHOP, "o-hand", unique_email()))
    await survey.feed(delivered("o-hand", T0 + timedelta(days=2)))
    by_hand = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    async with survey.http() as http:
        r = await http.put(
            f"/v1/shops/{SHOP}/surveys/o-hand/send-at",
            json={"send_at": by_hand.isoformat()},
            headers=API,
        )
        assert r.status_code == 200, r.text
    # A case about o-sent was resolved: its follow-up is due two days later, Thursday 10:00.
    await survey.feed(
        CaseFollowUpRequested(
            shop_id=SHOP,
            payload={
                "case_id": 1,
                "case_key": "order:o-sent",
                "review_id": "r-1",
                "review_ids": ["r-1"],
                "order_id": "o-sent",
                "language": "sl",
                "resolved_at": T0,
            },
        )
    )
    assert await follow_up_time(survey) == datetime(2026, 11, 19, 10, tzinfo=LJ)
    before = await email_times(survey)
    assert before[("o-1", "invitation")] == ("pending", datetime(2026, 12, 3, 10, tzinfo=LJ))
    assert before[("o-sent", "invitation")][0] == "sent"
    assert before[("o-sent", "reminder")][0] == "pending"

    async with survey.http() as http:
        r = await http.patch(
            URL, json={"send_window_start_hour": 14, "send_window_end_hour": 18}, headers=API
        )
        assert r.status_code == 200, r.text
    after = await email_times(survey)
    assert after[("o-1", "invitation")] == ("pending", datetime(2026, 12, 3, 14, tzinfo=LJ))
    for untouched in (("o-sent", "invitation"), ("o-sent", "reminder"), ("o-hand", "invitation")):
        assert after[untouched] == before[untouched], untouched
    assert after[("o-hand", "invitation")][1] == by_hand
    assert await follow_up_time(survey) == datetime(2026, 11, 19, 14, tzinfo=LJ)

    # A change that does not touch timing moves nothing.
    async with survey.http() as http:
        assert (await http.patch(URL, json={"incentive_code": "X"}, headers=API)).is_success
    assert await email_times(survey) == after

    # The registry moves the shop to New York: the same 14:00 is now New York's.
    moved = ShopUpdated(
        shop_id=SHOP,
        payload={
            "version": 1,
            "platform": "standard",
            "display_name": "Čaj & Co",
            "locale": "sl",
            "country": "SI",
            "timezone": "America/New_York",
        },
    )

    async def applied() -> bool:
        tz = await survey.pool.fetchval("SELECT timezone FROM shops WHERE shop_id = $1", SHOP)
        return bool(tz == "America/New_York")

    async with survey.consuming("survey.shops"):
        await survey.publish(moved)
        await eventually(applied, wait_s=30)
    in_new_york = await email_times(survey)
    assert in_new_york[("o-1", "invitation")] == ("pending", datetime(2026, 12, 3, 14, tzinfo=NY))
    for untouched in (("o-sent", "invitation"), ("o-sent", "reminder"), ("o-hand", "invitation")):
        assert in_new_york[untouched] == before[untouched], untouched
    assert await follow_up_time(survey) == datetime(2026, 11, 19, 14, tzinfo=NY)

    # A replay of an older profile changes nothing, neither the shop nor the times.
    await survey.feed(
        ShopUpdated(
            shop_id=SHOP,
            payload={**moved.payload.model_dump(), "version": 0, "timezone": "Europe/Ljubljana"},
        )
    )
    assert await email_times(survey) == in_new_york

    # And when it is due, it goes.
    survey.clock.now = datetime(2026, 12, 3, 14, tzinfo=NY)
    dispatcher = survey.dispatcher()
    assert await dispatcher.run_once() >= 1
    assert (await email_times(survey))[("o-1", "invitation")][0] == "sent"


async def test_settings_stored_before_the_bounds_stay_readable(survey) -> None:
    """Migration 0012 drops what the API now refuses, so such a shop's settings still load."""
    stored = {
        "category_delays_days": {"": 3, "x" * 61: 4, "food\n": 5, "sofa": 30},
        "tenant_group": "",
        "incentive_code": "TEN\r\n",
    }
    await survey.pool.execute("UPDATE shops SET settings = $2 WHERE shop_id = $1", SHOP, stored)
    await survey.pool.execute((MIGRATIONS / "0012_bound_survey_settings.sql").read_text())
    async with survey.http() as http:
        r = await http.get(URL, headers=API)
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["category_delays_days"] == {"sofa": 30}
    assert got["tenant_group"] is None and got["incentive_code"] == "TEN"


async def test_an_invitation_moved_to_now_wakes_the_dispatcher(survey) -> None:
    """The dispatcher need not wait for its poll: shorter delays make a waiting invitation due
    now, and the commit notifies the dispatcher's channel (migration 0007's trigger compares
    with the database's clock, so this test runs on the real one)."""
    survey.clock.now = datetime.now(UTC)
    async with survey.http() as http:
        slow = {
            "category_delays_days": {"food": 30, "home": 30},
            "send_window_start_hour": 0,
            "send_window_end_hour": 24,
            "skip_sundays": False,
        }
        assert (await http.patch(URL, json=slow, headers=API)).is_success
        await survey.feed(
            placed(SHOP, "o-wake", unique_email(), at=survey.clock.now - timedelta(days=2))
        )
        await survey.feed(delivered("o-wake", survey.clock.now - timedelta(days=1)))
        (status, due) = (await email_times(survey))[("o-wake", "invitation")]
        assert status == "pending" and due > survey.clock.now + timedelta(days=28)

        woken = asyncio.Event()

        def on_wake(*_: object) -> None:
            woken.set()

        schema = await survey.pool.fetchval("SELECT current_schema()")
        wake = channel(schema, "dispatch")
        async with survey.pool.acquire() as listener:
            await listener.add_listener(wake, on_wake)
            fast = {"category_delays_days": {"food": 0, "home": 0}}
            assert (await http.patch(URL, json=fast, headers=API)).is_success
            await asyncio.wait_for(woken.wait(), 10)
            await listener.remove_listener(wake, on_wake)
    assert (await email_times(survey))[("o-wake", "invitation")] == ("pending", survey.clock.now)


async def policies(survey: SurveyHarness) -> list[ShopReviewPolicyChanged]:
    rows = await survey.pool.fetch(
        "SELECT body FROM outbox WHERE event_type = 'shop.review_policy.changed' ORDER BY id"
    )
    events = [parse_event(bytes(r["body"])) for r in rows]
    assert all(isinstance(e, ShopReviewPolicyChanged) for e in events)
    return events  # type: ignore[return-value]


async def test_the_review_policy_is_announced_when_its_facts_change(survey) -> None:
    """The disclosure page states these facts (issue 20): the shop's registration announces
    the defaults, a change of a member the page states announces the new version in the
    change's own transaction, any other change nothing; never the incentive code itself."""
    (registered,) = await policies(survey)
    assert registered.shop_id == SHOP and registered.payload.version == 0
    assert registered.payload.default_delay_days == 10
    assert registered.payload.category_delays_days["furniture"] == 21
    assert registered.payload.consent.countries == {
        "DE": "consent_or_notice",
        "AT": "consent_or_notice",
    }
    assert registered.payload.reminder_enabled and not registered.payload.incentive_offered

    async with survey.http() as http:
        r = await http.patch(
            URL,
            json={
                "default_delay_days": 4,
                "category_delays_days": {"tea": 2},
                "incentive_code": "THANKS10",
            },
            headers=API,
        )
        assert r.status_code == 200, r.text
        # The brand is not on the page: no announcement.
        r = await http.patch(URL, json={"brand": {"primary_color": "#000000"}}, headers=API)
        assert r.status_code == 200, r.text
        r = await http.patch(URL, json={"reminder_enabled": False}, headers=API)
        assert r.status_code == 200 and r.headers["ETag"] == '"3"', r.text

    _, changed, reminders_off = await policies(survey)
    assert changed.payload.version == 1 and changed.payload.default_delay_days == 4
    assert changed.payload.category_delays_days["tea"] == 2
    assert changed.payload.category_delays_days["food"] == 3  # the built-in ones stay
    assert changed.payload.incentive_offered
    assert "THANKS10" not in changed.model_dump_json()
    assert reminders_off.payload.version == 3 and not reminders_off.payload.reminder_enabled

    # A profile the survey applies announces the current policy again (catching up a shop
    # registered before the announcement existed).
    await survey.shop(SHOP, country="AT", tz="Europe/Vienna")
    again = (await policies(survey))[-1]
    assert again.payload == reminders_off.payload
