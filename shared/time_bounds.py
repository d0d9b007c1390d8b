"""Bounds for every date and duration that comes from outside (API bodies, query parameters,
platform payloads), checked at the edge so that nothing valid-looking reaches a consumer that
then cannot compute with it: year 0001 or 9999 passes `datetime` but overflows the first
`+ timedelta`, and a delay of a billion days overflows `timedelta` itself.

- `FactTime`: when something happened (an order placed, paid, delivered; a review written):
  from 2000 on, and at most a year ahead of the real clock (generous: a platform's clock may be
  off, and a test's clock may run ahead; what matters is that nothing is near year 9999).
- `WindowTime`: a bound of a query period or a schedule: between 2000 and 2100, so a period of
  any length the API allows, or a schedule plus any bounded delay, stays representable.
- `DelayDays`, `DelayHours`: durations settings may ask for.
Each refuses naive times (no UTC offset) too; pydantic turns the reason into a 422.
"""

from datetime import UTC, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, Field

EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
MAX_AHEAD = timedelta(days=366)
MAX_DELAY_DAYS = 365


class TimeOutOfBounds(ValueError):
    pass


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise TimeOutOfBounds("needs a UTC offset, e.g. 2026-11-01T00:00:00Z")
    return value


def window_time(value: datetime) -> datetime:
    _aware(value)
    if not EARLIEST <= value < LATEST:
        raise TimeOutOfBounds("must lie between 2000-01-01 and 2100-01-01")
    return value


def fact_time(value: datetime) -> datetime:
    window_time(value)
    if value > datetime.now(UTC) + MAX_AHEAD:
        raise TimeOutOfBounds("lies more than a year in the future")
    return value


def check_window(*bounds: tuple[str, datetime | None]) -> None:
    """Query parameters such as `("from", since)`: TimeOutOfBounds naming the first bad one.
    Checked before anything is computed from them (a default `to - 30 days` overflows too)."""
    for name, value in bounds:
        if value is not None:
            try:
                window_time(value)
            except TimeOutOfBounds as exc:
                raise TimeOutOfBounds(f"{name}: {exc}") from None


def query_period(
    since: datetime | None,
    until: datetime | None,
    now: datetime,
    *,
    default: timedelta,
    longest: timedelta | None = None,
) -> tuple[datetime, datetime]:
    """The [from, to) a report is asked for: `to` is now and `from` `default` before it unless
    given; both bounded and with a UTC offset (check_window), from before to, and at most
    `longest` long. TimeOutOfBounds says why not."""
    check_window(("from", since), ("to", until))
    until = until or now
    since = since or until - default
    if since >= until:
        raise TimeOutOfBounds("from must be before to")
    if longest is not None and until - since > longest:
        raise TimeOutOfBounds(f"the period is at most {longest.days} days")
    return since, until


FactTime = Annotated[datetime, AfterValidator(fact_time)]
WindowTime = Annotated[datetime, AfterValidator(window_time)]
DelayDays = Annotated[int, Field(ge=0, le=MAX_DELAY_DAYS)]
DelayHours = Annotated[int, Field(ge=0, le=MAX_DELAY_DAYS * 24)]
