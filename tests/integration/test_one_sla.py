"""One review, one SLA (issue #18): the notifier's alert said "due 21:00" while the responder
said "due 09:00 next day", each by its own SLA setting. Both now learn the SLA from the
registry's `shop.updated` and compute the due time by `shared/sla.py`: the same events fed to
both give the notifier's escalation timer and the responder's due time the same moment, for a
business-hours SLA too. Real PostgreSQL, both services in-process."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from services.notifier.app import MIGRATIONS as NOTIFIER_MIGRATIONS
from services.notifier.consumer import consumer
from services.notifier.settings import NotifierSettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import Pool, create_pool
from shared.events.envelope import EventEnvelope
from tests.support.responder import classified, running_responder, shop_event, user_with_key

pytestmark = pytest.mark.integration

# Friday 2026-11-20, 15:30 in Ljubljana (UTC+1).
FRIDAY = datetime(2026, 11, 20, 14, 30, tzinfo=UTC)


@pytest.fixture
async def notifier_pool(make_settings) -> AsyncIterator[tuple[NotifierSettings, Pool]]:
    settings = make_settings(NotifierSettings)
    pool = await create_pool(settings)
    try:
        await apply_migrations(
            pool, "notifier", service_migrations("notifier", NOTIFIER_MIGRATIONS)
        )
        yield settings, pool
    finally:
        await pool.close()


async def test_one_review_is_due_at_the_same_moment_in_the_notifier_and_the_responder(
    notifier_pool: tuple[NotifierSettings, Pool], make_settings
) -> None:
    settings, pool = notifier_pool
    handlers = consumer(settings).handlers

    async def to_notifier(event: EventEnvelope[Any]) -> None:
        async with pool.acquire() as conn, conn.transaction():
            await handlers[event.type](conn, event)  # type: ignore[arg-type]

    # 16 working hours, 9 to 17 in Ljubljana, alert recipient set so the review is alerted.
    profile = shop_event(
        "s-sla",
        version=1,
        contact_email="help@tea.example",
        hours=16,
        business_hours_only=True,
        business_start_hour=9,
        business_end_hour=17,
    )
    review = classified("s-sla", "t:friday", created=FRIDAY)
    async with running_responder(make_settings) as responder:
        for event in (profile, review):
            await to_notifier(event)
            await responder.feed(event)
        async with responder.http() as http:
            _, agent = await user_with_key(http, "agent", ["s-sla"])
            r = await http.get("/v1/reviews/t:friday", headers=agent)
            assert r.status_code == 200, r.text
            responder_due = datetime.fromisoformat(r.json()["review"]["sla_due_at"])
    notifier_due = await pool.fetchval(
        "SELECT due_at FROM timers WHERE shop_id = $1 AND kind = 'sla1' AND subject = $2",
        "s-sla",
        "t:friday",
    )
    # The alert staff read says so too (it went to the contact address: no alert recipients).
    alerted = await pool.fetch(
        "SELECT target, content FROM notifications WHERE shop_id = $1 AND kind = 'alert'",
        "s-sla",
    )
    # Friday 15:30-17:00 (1.5 h), Monday 9-17 (8 h), Tuesday 9:00-15:30 (6.5 h).
    expected = datetime(2026, 11, 24, 14, 30, tzinfo=UTC)
    assert responder_due == expected
    assert notifier_due == expected
    assert [(a["target"], a["content"]["event"]["reply_due_by"]) for a in alerted] == [
        ("help@tea.example", expected.isoformat())
    ]
