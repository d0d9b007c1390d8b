"""When a review's reply SLA runs out: the one computation the notifier (escalation timers)
and the responder (due times) share, so one review is due at the same moment in both. Pure."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from shared.events.shops import Sla

SATURDAY = 5


def deadline(start: datetime, hours: float, sla: Sla, tz: ZoneInfo) -> datetime:
    """`hours` after `start`, counted on the clock, or only within business hours (Mon-Fri,
    `business_start_hour`..`business_end_hour` in `tz`). `hours` is a parameter, not always
    `sla.hours`: the notifier's second escalation waits twice the SLA."""
    if not sla.business_hours_only or sla.business_end_hour <= sla.business_start_hour:
        # A day without working hours would never end the count (the event's bounds allow
        # start >= end): counted on the clock rather than never.
        return start + timedelta(hours=hours)
    remaining = timedelta(hours=hours)
    local = start.astimezone(tz)
    open_t, close_t = (
        time(sla.business_start_hour),
        (time(sla.business_end_hour) if sla.business_end_hour < 24 else time.max),
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
