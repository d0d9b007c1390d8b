"""How long to wait after failures: one doubling rule for every retry in the product.

A `Backoff` gives the wait after the n-th failure in a row: `first`, twice that, four times ...
up to `cap`. Work that retries later through the database writes `next_attempt(now, attempts)`
(the attempt count is what the row keeps); a loop that retries in process takes its waits from
`waits()` and starts over with `reset()` once it succeeds.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

# Beyond this many doublings any cap the product uses is reached long since; stopping there
# keeps the arithmetic finite for a row that has failed a thousand times.
_MAX_DOUBLINGS = 64


@dataclass(frozen=True)
class Backoff:
    first_s: float
    cap_s: float = float("inf")
    # Share of each wait drawn at random (0.2: between 80 % and 100 % of it), so that many
    # clients that failed together do not all come back at the same instant.
    jitter: float = 0.0

    def __post_init__(self) -> None:
        if self.first_s < 0 or not 0.0 <= self.jitter < 1.0:
            raise ValueError(f"not a backoff: {self!r}")

    def seconds(self, attempts: int, rand: Callable[[], float] = random.random) -> float:
        """The wait after `attempts` failures in a row (none or one: `first_s`)."""
        doublings = min(max(attempts - 1, 0), _MAX_DOUBLINGS)
        wait = min(self.first_s * 2.0**doublings, self.cap_s)
        return wait * (1.0 - self.jitter * rand()) if self.jitter else wait

    def delay(self, attempts: int) -> timedelta:
        return timedelta(seconds=self.seconds(attempts))

    def next_attempt(self, now: datetime, attempts: int) -> datetime:
        """When work that has failed `attempts` times is due again."""
        return now + self.delay(attempts)

    def waits(self) -> "Waits":
        return Waits(self)


class Waits:
    """The waits of one retrying loop: each `next()` is the wait after one more failure."""

    def __init__(self, backoff: Backoff) -> None:
        self.backoff = backoff
        self._failures = 0

    def next(self) -> float:
        self._failures += 1
        return self.backoff.seconds(self._failures)

    def reset(self) -> None:
        """After a success: the next failure waits `first_s` again."""
        self._failures = 0


# Retries recorded in the database (alert deliveries, reply publications): 30 s, 1, 2, 4 ...
# minutes, at most an hour.
DURABLE = Backoff(first_s=30.0, cap_s=3600.0)
# Reconnecting to a dependency that went away (Kafka, PostgreSQL): every 30 s at most, so that
# a long outage costs little and the recovery is seen soon.
RECONNECT_CAP_S = 30.0
