"""When a review's SLA runs out, and whether an imported review is already past it. Pure
functions."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.notifier.shops.config import NotificationSettings

SATURDAY = 5


def sla_deadline(
    start: datetime, hours: float, cfg: NotificationSettings, tz: ZoneInfo
) -> datetime:
    """`hours` after `start`, counted on the clock, or only within business hours."""
    if not cfg.business_hours_only:
        return start + timedelta(hours=hours)
    remaining = timedelta(hours=hours)
    local = start.astimezone(tz)
    open_t, close_t = (
        time(cfg.business_start_hour),
        (time(cfg.business_end_hour) if cfg.business_end_hour < 24 else time.max),
    )
    while True:
        day = local.date()
        opens = datetime.combine(day, open_t, tz)
        closes = datetime.combine(day, close_t, tz)
        if local.weekday() >= SATURDAY or local >= closes:
            local = datetime.combine(day + timedelta(days=1), open_t, tz)
            continue
        local = max(local, opens)
        available = closes - local
        if remaining <= available:
            return (local + remaining).astimezone(start.tzinfo)
        remaining -= available
        local = datetime.combine(day + timedelta(days=1), open_t, tz)


def overdue_backfill(
    backfill: bool,
    created_at: datetime,
    arrived_at: datetime,
    cfg: NotificationSettings,
    tz: ZoneInfo,
) -> bool:
    """An imported past review whose reply deadline had run out before it reached us. Paging
    staff or starting SLA timers for it would present history as an emergency (and escalate at
    once); it still counts everywhere else. A recent one, imported to close a gap of lost
    webhooks, is still news and is alerted like a live review."""
    return backfill and sla_deadline(created_at, cfg.sla_hours, cfg, tz) <= arrived_at
