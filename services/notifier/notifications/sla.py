"""When a review's escalations are due, and whether an imported review is already past its
SLA. Pure functions over the registry's SLA (`shared/sla.py` computes the deadline for the
notifier and the responder alike, so one review is due at one moment in both)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from shared.events.shops import Sla
from shared.sla import deadline


def escalation_deadlines(created_at: datetime, sla: Sla, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The first escalation when the SLA runs out, the second when twice the SLA has."""
    return deadline(created_at, sla.hours, sla, tz), deadline(created_at, 2 * sla.hours, sla, tz)


def arrived_late(created_at: datetime, arrived_at: datetime, sla: Sla, tz: ZoneInfo) -> bool:
    """The review's reply deadline had passed before it reached us: an old review edited on
    its platform, a delivery held up for days."""
    return deadline(created_at, sla.hours, sla, tz) <= arrived_at


def escalation_start(
    created_at: datetime, arrived_at: datetime, sla: Sla, tz: ZoneInfo
) -> datetime:
    """Where the escalations count from: the review's writing, or its arrival when it came
    after its deadline. Counted from the writing, both escalations of such a review would go
    out in the second its alert did, for a review nobody could have answered yet."""
    return arrived_at if arrived_late(created_at, arrived_at, sla, tz) else created_at


def overdue_backfill(
    backfill: bool, created_at: datetime, arrived_at: datetime, sla: Sla, tz: ZoneInfo
) -> bool:
    """An imported past review whose reply deadline had run out before it reached us. Paging
    staff or starting SLA timers for it would present history as an emergency (and escalate at
    once); it still counts everywhere else. A recent one, imported to close a gap of lost
    webhooks, is still news and is alerted like a live review."""
    return backfill and arrived_late(created_at, arrived_at, sla, tz)
