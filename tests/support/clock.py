"""The clock the in-process harnesses run on: the test moves it, nothing sleeps."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

# A Tuesday, 09:00 UTC.
T0 = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)
