"""Late and old orders (a first webhook, a backfill) through real Kafka, PostgreSQL and SMTP:
an old purchase is skipped with its reason and mails nobody; a past-due one waits for the
customer's next send window."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.survey.settings import SurveySettings
from shared.events import OrderDelivered
from tests.support.kafka import eventually
from tests.support.survey import SurveyHarness, placed, unique_email

pytestmark = pytest.mark.integration

SHOP = "age-shop"
LJ = ZoneInfo("Europe/Ljubljana")
# 03:51 on a Tuesday night in Ljubljana, the time of the reported email.
NIGHT = datetime(2026, 11, 17, 3, 51, tzinfo=LJ)


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    settings = make_settings(SurveySettings, smtp_host=infra.smtp_host, smtp_port=infra.smtp_port)
    harness = await SurveyHarness.start(settings, infra.maildir)
    await harness.shop(SHOP)
    harness.clock.now = NIGHT.astimezone(UTC)
    yield harness
    await harness.close()


async def invitation(survey: SurveyHarness, order_id: str) -> tuple[str, str | None] | None:
    try:
        return await survey.status_of(SHOP, order_id)
    except AssertionError:
        return None


async def test_an_old_order_is_skipped_too_old_and_a_past_due_one_waits_for_the_window(
    survey,
) -> None:
    old_email, late_email = unique_email(), unique_email()
    old = placed(SHOP, "o-2017", old_email, at=datetime(2017, 3, 1, 9, 0, tzinfo=UTC))
    # Placed 20 days ago, delivered 18 days ago: due days ago, not too old.
    late_placed = NIGHT - timedelta(days=20)
    late = placed(SHOP, "o-late", late_email, at=late_placed)
    late_delivered = OrderDelivered(
        shop_id=SHOP,
        payload={"order_id": "o-late", "delivered_at": late_placed + timedelta(days=2)},
    )
    async with survey.consuming("survey.orders"):
        await survey.publish(old)
        await survey.publish(late)
        await survey.publish(late_delivered)

        async def both_scheduled() -> bool:
            status = await invitation(survey, "o-late")
            return await invitation(survey, "o-2017") is not None and status is not None

        await eventually(both_scheduled, wait_s=30)
        # The delivery may be folded after the placement: wait until its schedule is final.
        await eventually(
            lambda: survey.pool.fetchval(
                "SELECT delivered_at IS NOT NULL FROM orders WHERE order_id = 'o-late'"
            ),
            wait_s=30,
        )

    assert await survey.status_of(SHOP, "o-2017") == ("skipped", "too_old")
    send_at = await survey.pool.fetchval(
        "SELECT e.send_at FROM survey_emails e JOIN surveys s ON s.id = e.survey_id "
        "WHERE s.order_id = 'o-late' AND e.kind = 'invitation'"
    )
    assert send_at == datetime(2026, 11, 17, 10, 0, tzinfo=LJ)

    dispatcher = survey.dispatcher()
    assert await dispatcher.run_once() == 0  # 03:51: nothing goes out at night
    survey.clock.now = send_at
    assert await dispatcher.run_once() == 1
    survey.clock.advance(days=30)
    await dispatcher.run_once()  # the reminder
    assert len(survey.mails_to(late_email)) == 2
    assert survey.mails_to(old_email) == []
    assert await survey.status_of(SHOP, "o-2017") == ("skipped", "too_old")


async def test_a_pending_invitation_that_ages_out_is_skipped_when_due(survey) -> None:
    # A dispatcher stopped for months must not wake up to mail every pending invitation.
    email = unique_email()
    await survey.feed(placed(SHOP, "o-waited", email, at=survey.clock()))
    assert await survey.status_of(SHOP, "o-waited") == ("pending", None)
    survey.clock.advance(days=120)
    assert await survey.dispatcher().run_once() == 1
    assert await survey.status_of(SHOP, "o-waited") == ("skipped", "too_old")
    assert survey.mails_to(email) == []


async def test_a_send_time_staff_set_is_kept_past_the_maximum_age(survey) -> None:
    # Staff moved this one pending invitation far out on purpose: their decision, not a backfill.
    email, old_email = unique_email(), unique_email()
    await survey.feed(placed(SHOP, "o-override", email, at=survey.clock()))
    await survey.feed(placed(SHOP, "o-old", old_email, at=datetime(2017, 3, 1, tzinfo=UTC)))
    later = survey.clock() + timedelta(days=100)
    async with survey.http() as http:
        for order_id in ("o-override", "o-old"):
            r = await http.put(
                f"/v1/shops/{SHOP}/surveys/{order_id}/send-at",
                json={"send_at": later.isoformat()},
                headers={"Authorization": "Bearer api-token-dev-only"},
            )
            assert r.status_code == 200, r.text
    # An invitation skipped too_old is not revived by a send time.
    assert await survey.status_of(SHOP, "o-old") == ("skipped", "too_old")
    survey.clock.now = later + timedelta(days=1)
    assert await survey.dispatcher().run_once() == 1
    assert await survey.status_of(SHOP, "o-override") == ("sent", None)
    assert len(survey.mails_to(email)) == 1
    assert survey.mails_to(old_email) == []
