"""Fires due timers: SLA escalations (only if the review is still unanswered) and daily
digests. Each timer's effect is written in the transaction that marks it fired."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from services.notifier.notifications import content
from services.notifier.notifications import repository as notifications
from services.notifier.reviews import repository as reviews
from services.notifier.settings import NotifierSettings
from services.notifier.shops import repository as shops
from services.notifier.timers import repository as timers
from services.notifier.timers.repository import TimerRow
from shared.db.pool import Connection, Pool
from shared.metrics import SLA_BREACHES
from shared.timezones import zone


def next_digest_time(now: datetime, hour: int, timezone: str | None) -> tuple[str, datetime]:
    """The next local digest hour after `now`, and its local date (the timer's subject)."""
    tz = zone(timezone) or zone("UTC")
    assert tz is not None
    local = now.astimezone(tz)
    at = datetime.combine(local.date(), time(hour), tz)
    if at <= local:
        at = datetime.combine(local.date() + timedelta(days=1), time(hour), tz)
    return at.date().isoformat(), at.astimezone(now.tzinfo)


@dataclass
class TimerWorker:
    pool: Pool
    settings: NotifierSettings
    clock: Callable[[], datetime]

    async def run_once(self) -> int:
        now = self.clock()
        fired = 0
        async with self.pool.acquire() as conn:
            await self._schedule_digests(conn, now)
            while True:
                breaches: list[str] = []
                async with conn.transaction():
                    due = await timers.claim_due(conn, now, 50)
                    for timer in due:
                        if (level := await self._fire(conn, timer, now)) is not None:
                            breaches.append(level)
                # Counted once committed: a rolled-back batch fires (and counts) again later.
                for level in breaches:
                    SLA_BREACHES.labels(level).inc()
                fired += len(due)
                if len(due) < 50:
                    return fired

    async def _schedule_digests(self, conn: Connection, now: datetime) -> None:
        for shop_id in await shops.all_ids(conn):
            shop = await shops.get(conn, shop_id)
            if not shop.settings.digest_enabled or await timers.has_pending_digest(conn, shop_id):
                continue
            subject, due = next_digest_time(now, shop.settings.digest_hour, shop.timezone)
            await timers.add(conn, shop_id, "digest", subject, due)

    async def _fire(self, conn: Connection, timer: TimerRow, now: datetime) -> str | None:
        """Returns the SLA level breached ("first", "second"), if the timer was one."""
        shop = await shops.get(conn, timer.shop_id)
        if timer.kind == "digest":
            await self._digest(conn, timer, shop, now)
            return None
        if not await reviews.is_open(conn, timer.shop_id, timer.subject):
            return None  # answered (or deleted) in time: nothing to escalate
        level = "first" if timer.kind == "sla1" else "second"
        link = content.review_link(self.settings.responder_base_url, timer.subject, timer.shop_id)
        body = content.escalation(
            shop.name, timer.shop_id, timer.subject, level, timer.due_at, link
        )
        for to in shop.escalation_recipients():
            await notifications.add(
                conn,
                timer.shop_id,
                f"escalation:{timer.shop_id}:{timer.subject}:{timer.kind}:{to}",
                "escalation",
                timer.subject,
                None,
                "email",
                to,
                body,
            )
        return level

    async def _digest(
        self, conn: Connection, timer: TimerRow, shop: shops.ShopRow, now: datetime
    ) -> None:
        since = timer.due_at - timedelta(days=1)
        counts = await reviews.sentiment_counts(conn, timer.shop_id, since, timer.due_at)
        window = await reviews.window_counts(conn, timer.shop_id, since, timer.due_at)
        open_negatives = await reviews.unanswered_negatives(conn, timer.shop_id, 20)
        scheduled, answered = await reviews.survey_totals(
            conn, timer.shop_id, timer.due_at - timedelta(days=30), timer.due_at
        )
        facts = content.DigestFacts(
            date=timer.subject,
            at=timer.due_at,
            sentiments=counts,
            open_negatives=open_negatives,
            topics=sorted(window.topics.items(), key=lambda kv: -kv[1])[:5],
            surveys_scheduled=scheduled,
            surveys_answered=answered,
        )
        body = content.digest(shop.name, timer.shop_id, facts, self.settings.responder_base_url)
        for to in shop.digest_to():
            await notifications.add(
                conn,
                timer.shop_id,
                f"digest:{timer.shop_id}:{timer.subject}:{to}",
                "digest",
                None,
                None,
                "email",
                to,
                body,
            )
