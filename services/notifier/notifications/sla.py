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


def overdue_backfill(
    backfill: bool, created_at: datetime, arrived_at: datetime, sla: Sla, tz: ZoneInfo
) -> bool:
    """An imported past review whose reply deadline had run out before it reached us. Paging
    staff or starting SLA timers for it would present history as an emergency (and escalate at
    once); it still counts everywhere else. A recent one, imported to close a gap of lost
    webhooks, is still news and is alerted like a live review."""
    return backfill and deadline(created_at, sla.hours, sla, tz) <= arrived_at
