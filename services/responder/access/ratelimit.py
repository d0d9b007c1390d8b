"""Rate limits per user and on failed authentication: token buckets.

The per-user limit of the API (`SharedTokenBuckets`) lives in PostgreSQL, so every replica
spends from the same bucket: N replicas do not give a user N times the rate. The failed
authentication counters (`FailedAttempts`) and the storefront's per-address limit stay in each
process's memory (`TokenBuckets`): they slow guessing and scraping down per replica, and a
database write per failed or anonymous request would hand those callers the database's time.
"""

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from services.responder.access import repository
from shared.db.pool import Pool


@dataclass
class _Bucket:
    tokens: float
    at: float


class TokenBuckets:
    def __init__(
        self,
        per_minute: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 100_000,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def take(self, key: str) -> float:
        """0 when the request may go on, else the seconds until a token is free."""
        return self._use(key, spend=True)

    def peek(self, key: str) -> float:
        """What `take` would answer, without spending a token."""
        return self._use(key, spend=False)

    def _use(self, key: str, spend: bool) -> float:
        now = self.clock()
        bucket = self._buckets.pop(key, None) or _Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        wait = 0.0
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0 if spend else 0.0
        else:
            wait = (1.0 - bucket.tokens) / self.rate
        # Most recently used last; the oldest keys go first when memory is capped.
        self._buckets[key] = bucket
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait


class FailedAttempts:
    """Failed authentications, counted per client address and per API key prefix: guessing
    keys costs a database lookup each, so past the burst an address (or a prefix someone is
    aiming at) waits before any credential it sends is even looked at."""

    def __init__(
        self, per_minute: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.buckets = TokenBuckets(per_minute, burst, clock)

    def wait(self, keys: list[str]) -> float:
        return max((self.buckets.peek(k) for k in keys), default=0.0)

    def failed(self, keys: list[str]) -> None:
        for key in keys:
            self.buckets.take(key)


class SharedTokenBuckets:
    """Token buckets in PostgreSQL (`rate_limit_buckets`), one per limiter key: one statement
    refills and spends, so replicas serialise on the bucket's row and share its budget."""

    def __init__(self, per_minute: float, burst: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)

    async def take(self, pool: Pool, key: str, now: datetime) -> float:
        """0 when the request may go on, else the seconds until a token is free."""
        async with pool.acquire() as conn:
            tokens, allowed = await repository.take_token(conn, key, self.rate, self.burst, now)
        return 0.0 if allowed else (1.0 - tokens) / self.rate

    async def prune(self, pool: Pool, now: datetime) -> int:
        async with pool.acquire() as conn:
            return await repository.prune_buckets(conn, self.burst / self.rate, now)
