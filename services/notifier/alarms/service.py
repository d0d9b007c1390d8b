"""Shop-level alarms: too many negative reviews in the trailing window, and a topic whose share
doubled against the window before. Each alarm fires once per window.

The review handler only asks for a check (`alarm_checks`); `run_due_checks` does them, one
shop per transaction, some seconds later (`alarm_check_delay_s`): an alarm about a week's
trend loses nothing by that, and a review's alert no longer waits for the window counts."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from services.notifier.alarms import repository
from services.notifier.notifications import content
from services.notifier.notifications import repository as notifications
from services.notifier.reviews import repository as reviews
from services.notifier.settings import NotifierSettings
from services.notifier.shops import repository as shops
from services.notifier.shops.repository import ShopRow
from shared.db.pool import Connection, Pool


def window_bucket(now: datetime, days: int) -> int:
    """Numbered windows since the epoch: 'once per window' is one key per bucket."""
    return int(now.timestamp() // (days * 86_400))


def spiking_topics(
    now_counts: dict[str, int],
    now_total: int,
    before_counts: dict[str, int],
    before_total: int,
    min_reviews: int,
    min_baseline: int,
) -> list[str]:
    """Topics whose share of reviews at least doubled (pure). Only against a window before
    with at least `min_baseline` reviews: a new shop has nothing to double from ("0 of 0"), and
    every topic of its first reviews would look like a spike."""
    if now_total == 0 or before_total < max(min_baseline, 1):
        return []
    spikes = []
    for topic, n in sorted(now_counts.items()):
        if n < min_reviews:
            continue
        share_now = n / now_total
        share_before = before_counts.get(topic, 0) / before_total
        if share_now >= 2 * share_before:
            spikes.append(topic)
    return spikes


@dataclass(frozen=True)
class Alarm:
    key: str  # once per window and shop
    subject: str
    lines: list[str]
    event: dict[str, Any]


def alarm_email(shop_name: str, shop_id: str, alarms: list[Alarm]) -> dict[str, Any]:
    """One email for every alarm a check raised (pure): five spiking topics are one message,
    not five at once."""
    if len(alarms) == 1:
        (alarm,) = alarms
        return content.plain(alarm.subject, alarm.lines, alarm.event)
    lines: list[str] = []
    for alarm in alarms:
        lines += [alarm.subject.removeprefix("[Reviewloop]"), *alarm.lines, ""]
    return content.plain(
        f"[Reviewloop][ALARM] {len(alarms)} alarms for {shop_name}: "
        + ", ".join(a.key for a in alarms),
        lines[:-1],
        {"type": "shop.alarms", "shop_id": shop_id, "alarms": [a.event for a in alarms]},
    )


async def check_alarms(
    conn: Connection, settings: NotifierSettings, shop_id: str, shop: ShopRow, now: datetime
) -> int:
    cfg = shop.settings
    recipients = shop.escalation_recipients()
    if not recipients:
        return 0
    window = timedelta(days=cfg.negative_share_window_days)
    current = await reviews.window_counts(conn, shop_id, now - window, now)
    bucket = window_bucket(now, cfg.negative_share_window_days)
    alarms: list[Alarm] = []
    if current.total >= cfg.negative_share_min_reviews:
        share = current.negative / current.total
        if share >= cfg.negative_share_threshold:
            top = sorted(current.topics.items(), key=lambda kv: -kv[1])[:5]
            alarms.append(
                Alarm(
                    "negative-share",
                    f"[Reviewloop][ALARM][negative-share] {share:.0%} negative reviews for "
                    f"{shop.name}",
                    [
                        f"{current.negative} of {current.total} reviews in the last "
                        f"{cfg.negative_share_window_days} days were negative ({share:.0%}; "
                        f"threshold {cfg.negative_share_threshold:.0%}).",
                        "Topics driving it: "
                        + (", ".join(f"{t} ({n})" for t, n in top) or "none recorded"),
                    ],
                    {
                        "type": "shop.negative_share_alarm",
                        "shop_id": shop_id,
                        "share": share,
                        "reviews": current.total,
                        "negative": current.negative,
                        "topics": dict(top),
                    },
                )
            )
    before = await reviews.window_counts(conn, shop_id, now - 2 * window, now - window)
    for topic in spiking_topics(
        current.topics,
        current.total,
        before.topics,
        before.total,
        cfg.topic_spike_min_reviews,
        cfg.topic_spike_min_baseline,
    ):
        alarms.append(
            Alarm(
                f"topic-spike:{topic}",
                f"[Reviewloop][ALARM][topic-spike] '{topic}' is up for {shop.name}",
                [
                    f"Reviews about '{topic}': {current.topics[topic]} of {current.total} in the "
                    f"last {cfg.negative_share_window_days} days, {before.topics.get(topic, 0)} "
                    f"of {before.total} in the days before: its share at least doubled.",
                ],
                {"type": "shop.topic_spike_alarm", "shop_id": shop_id, "topic": topic},
            )
        )
    if not alarms:
        return 0
    # Each alarm once per window; what is new goes out in one email per recipient.
    fresh = await repository.record_fired(conn, shop_id, bucket, [a.key for a in alarms])
    new = [a for a in alarms if a.key in fresh]
    if not new:
        return 0
    body = alarm_email(shop.name, shop_id, new)
    batch = hashlib.sha256("\n".join(a.key for a in new).encode()).hexdigest()[:16]
    queued = 0
    for to in recipients:
        queued += await notifications.add(
            conn,
            shop_id,
            f"alarm:{shop_id}:{bucket}:{batch}:{to}",
            "alarm",
            None,
            None,
            "email",
            to,
            body,
        )
    return queued


async def request_check(
    conn: Connection, settings: NotifierSettings, shop_id: str, changed_at: datetime
) -> None:
    """The shop's reviews changed: check its alarms a little later."""
    await repository.request_check(
        conn, shop_id, changed_at + timedelta(seconds=settings.alarm_check_delay_s)
    )


# A crashed check comes due again after this long.
CHECK_LEASE = timedelta(minutes=5)


async def run_due_checks(
    pool: Pool, settings: NotifierSettings, clock: Callable[[], datetime], limit: int = 50
) -> int:
    """Check the alarms of up to `limit` shops whose check is due; returns how many.

    The check row is leased in a transaction of its own, not held locked while the windows are
    counted: every review of the shop asks for a check in its own transaction, and would wait
    for the count to finish (at 100 reviews/s that stalled the consumer for the length of each
    check). A review whose transaction commits after the count's snapshot found the row there
    and asked for nothing, so a shop that got reviews during the last `2 x delay` is checked
    once more."""
    delay = timedelta(seconds=settings.alarm_check_delay_s)
    done = 0
    while done < limit:
        async with pool.acquire() as conn:
            now = clock()
            async with conn.transaction():
                shop_id = await repository.lease_due_check(conn, now, now + CHECK_LEASE)
            if shop_id is None:
                break
            async with conn.transaction():
                shop = await shops.get(conn, shop_id)
                await check_alarms(conn, settings, shop_id, shop, now)
                recent = await reviews.classified_since(conn, shop_id, now - 2 * delay)
                await repository.finish_check(conn, shop_id, now + delay if recent else None)
        done += 1
    return done
