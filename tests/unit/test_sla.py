"""The one reply-SLA computation (shared/sla.py) the notifier and the responder share."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from shared.events.shops import Sla
from shared.sla import deadline

LJ = ZoneInfo("Europe/Ljubljana")
# Friday 2026-11-20, 15:00 in Ljubljana (UTC+1).
FRIDAY_3PM = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)


def test_on_the_clock_by_default() -> None:
    assert deadline(FRIDAY_3PM, 24, Sla(), LJ) == FRIDAY_3PM + timedelta(hours=24)


def test_business_hours_skip_evenings_and_the_weekend() -> None:
    sla = Sla(hours=4, business_hours_only=True, business_start_hour=9, business_end_hour=17)
    # 2 hours on Friday (15-17), 2 on Monday (9-11).
    assert deadline(FRIDAY_3PM, 4, sla, LJ) == datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    # Received on Saturday: the count starts on Monday at 9.
    saturday = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
    assert deadline(saturday, 1, sla, LJ) == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    # Open until midnight: 8 hours from Friday 15:00 end at 23:00 the same day.
    late = sla.model_copy(update={"business_end_hour": 24})
    assert deadline(FRIDAY_3PM, 8, late, LJ) == datetime(2026, 11, 20, 22, 0, tzinfo=UTC)


def test_a_window_without_hours_is_refused() -> None:
    with pytest.raises(ValidationError, match="business_end_hour must be after"):
        Sla(hours=4, business_hours_only=True, business_start_hour=17, business_end_hour=9)


def test_a_window_without_hours_counts_on_the_clock_instead_of_never() -> None:
    # The model refuses it; a value built around validation (a stored row) must still end.
    sla = Sla.model_construct(
        hours=4, business_hours_only=True, business_start_hour=17, business_end_hour=9
    )
    assert deadline(FRIDAY_3PM, 4, sla, LJ) == FRIDAY_3PM + timedelta(hours=4)
