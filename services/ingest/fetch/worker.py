"""The fetch worker: claim orders that thin webhooks named, fetch them from the platform's API,
and apply the answer through the same state machine as any delivery.

Claims commit before any HTTP traffic (`FOR UPDATE SKIP LOCKED` with a lease, so replicas never
fetch the same order at once and a crashed worker's claim expires); API calls run outside any
transaction, each holding one of the shop's `fetch_max_per_shop` slots shared by all replicas
(a shop whose slots other replicas hold waits for the next tick); each order's facts are applied
in a transaction of their own.
"""

import asyncio
import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import httpx
from prometheus_client import Counter

from services.ingest.fetch.fetcher import fetch_facts
from services.ingest.fetch.transport import FetchError
from services.ingest.orders import repository as orders
from services.ingest.orders.repository import FetchClaim
from services.ingest.orders.service import apply_facts
from services.ingest.settings import IngestSettings
from services.ingest.shops import repository as shops
from services.ingest.webhooks.adapters.base import PayloadError
from shared.db.pool import Pool
from shared.http import outbound
from shared.logging import correlation_id_var, new_correlation_id
from shared.slots.leases import LeasedSlots

log = logging.getLogger(__name__)

FETCHES = Counter(
    "reviewloop_ingest_order_fetches_total",
    "Orders fetched from platform APIs, by outcome.",
    ["platform", "outcome"],  # applied | failed | gave_up | no_credentials | no_slot
)

NO_CREDENTIALS = "no API credentials for this shop"
NO_SLOT = "other replicas are calling this shop's API (INGEST_FETCH_MAX_PER_SHOP)"
# A tick drains at most this many full batches, so shutdown never waits long for it.
MAX_BATCHES_PER_TICK = 5
# Recorded errors are for operators reading a row, not for whole answers.
MAX_ERROR_CHARS = 500


class FetchWorker:
    def __init__(self, settings: IngestSettings) -> None:
        self.settings = settings
        # Shops already reported as lacking credentials (reported once per process).
        self._reported: set[str] = set()

    async def run_once(self, pool: Pool) -> int:
        """Fetch what is due now; returns how many orders were applied."""
        s = self.settings
        applied = 0
        for _ in range(MAX_BATCHES_PER_TICK):
            async with pool.acquire() as conn:
                claims = await orders.claim_fetches(
                    conn,
                    s.fetch_batch_size,
                    s.fetch_retry_base_s,
                    s.fetch_retry_max_s,
                    s.fetch_max_attempts,
                )
            if not claims:
                break
            applied += await self._fetch_batch(pool, claims)
            if len(claims) < s.fetch_batch_size:
                break
        return applied

    async def _fetch_batch(self, pool: Pool, claims: list[FetchClaim]) -> int:
        async with pool.acquire() as conn:
            credentials = await shops.api_credentials(conn, sorted({c.shop_id for c in claims}))
        waiting = [c for c in claims if c.shop_id not in credentials]
        ready = [c for c in claims if c.shop_id in credentials]
        if waiting:
            delay = timedelta(seconds=self.settings.fetch_without_credentials_delay_s)
            await self._defer(pool, waiting, delay, NO_CREDENTIALS)
            self._report_missing_credentials(waiting)
        self._reported.difference_update(credentials)
        if not ready:
            return 0
        by_shop: dict[str, list[FetchClaim]] = {}
        for claim in ready:
            by_shop.setdefault(claim.shop_id, []).append(claim)
        limit = asyncio.Semaphore(self.settings.fetch_concurrency)
        timeout = httpx.Timeout(self.settings.fetch_timeout_s)
        policy = outbound.policy_of(self.settings)
        async with outbound.client(policy, timeout=timeout) as http:
            results = await asyncio.gather(
                *(
                    self._fetch_shop(pool, http, limit, shop_claims, *credentials[shop_id])
                    for shop_id, shop_claims in by_shop.items()
                )
            )
        return sum(results)

    async def _fetch_shop(
        self,
        pool: Pool,
        http: httpx.AsyncClient,
        limit: asyncio.Semaphore,
        claims: list[FetchClaim],
        platform: str,
        credentials: dict[str, Any],
    ) -> int:
        """One shop's claims, in as many lanes as this replica holds of the shop's slots."""
        s = self.settings
        # Held for the whole batch; the worst case is one lane fetching every claim.
        lease_s = 60.0 + s.fetch_batch_size * s.fetch_timeout_s
        slots = LeasedSlots(pool, f"fetch:{claims[0].shop_id}", s.fetch_max_per_shop, lease_s)
        lanes = await slots.hold(min(len(claims), s.fetch_max_per_shop))
        if lanes == 0:
            delay = timedelta(seconds=s.fetch_interval_s)
            await self._defer(pool, claims, delay, NO_SLOT)
            for claim in claims:
                FETCHES.labels(claim.platform, "no_slot").inc()
            return 0
        queue = list(claims)

        async def lane() -> int:
            applied = 0
            while queue:
                applied += await self._fetch_one(
                    pool, http, limit, queue.pop(0), platform, credentials
                )
            return applied

        try:
            return sum(await asyncio.gather(*(lane() for _ in range(lanes))))
        finally:
            await slots.keep(0)

    async def _defer(
        self, pool: Pool, claims: Sequence[FetchClaim], delay: timedelta, reason: str
    ) -> None:
        """Put claims back for `delay` without counting an attempt: the shop cannot be asked
        yet (no credentials: fetched in full once an operator sets them, which also wakes
        them; or no free slot)."""
        async with pool.acquire() as conn:
            await orders.defer_fetches(
                conn, [(c.shop_id, c.order_id) for c in claims], delay, reason
            )

    def _report_missing_credentials(self, claims: Sequence[FetchClaim]) -> None:
        for claim in claims:
            FETCHES.labels(claim.platform, "no_credentials").inc()
            if claim.shop_id not in self._reported:
                self._reported.add(claim.shop_id)
                log.warning(
                    "orders wait for API credentials: set them with "
                    "PUT /v1/admin/shops/{shop_id}/api-credentials",
                    extra={"shop_id": claim.shop_id, "platform": claim.platform},
                )

    async def _fetch_one(
        self,
        pool: Pool,
        http: httpx.AsyncClient,
        limit: asyncio.Semaphore,
        claim: FetchClaim,
        platform: str,
        credentials: dict[str, Any],
    ) -> int:
        # Events caused by this fetch share one id in logs, outbox rows and Kafka headers.
        token = correlation_id_var.set(new_correlation_id())
        try:
            try:
                async with limit:
                    facts = await fetch_facts(http, platform, credentials, claim.order_id)
            except FetchError as exc:
                await self._failed(pool, claim, str(exc))
                return 0
            except PayloadError as exc:
                await self._failed(pool, claim, f"cannot map the order: {exc}")
                return 0
            except Exception as exc:
                # A bug must not stop the other orders of the batch; the retry may succeed.
                log.exception(
                    "order fetch crashed",
                    extra={"shop_id": claim.shop_id, "order_id": claim.order_id},
                )
                await self._failed(pool, claim, f"unexpected error: {type(exc).__name__}")
                return 0
            async with pool.acquire() as conn, conn.transaction():
                events = await apply_facts(conn, claim.shop_id, facts)
                await orders.fetch_succeeded(conn, claim.shop_id, claim.order_id, claim.requests)
            FETCHES.labels(claim.platform, "applied").inc()
            log.info(
                "order fetched",
                extra={
                    "shop_id": claim.shop_id,
                    "order_id": claim.order_id,
                    "events": [e.type for e in events],
                },
            )
            return 1
        finally:
            correlation_id_var.reset(token)

    async def _failed(self, pool: Pool, claim: FetchClaim, error: str) -> None:
        async with pool.acquire() as conn:
            await orders.fetch_failed(conn, claim.shop_id, claim.order_id, error[:MAX_ERROR_CHARS])
        context = {
            "shop_id": claim.shop_id,
            "order_id": claim.order_id,
            "attempt": claim.attempts,
            "error": error,
        }
        if claim.attempts >= self.settings.fetch_max_attempts:
            FETCHES.labels(claim.platform, "gave_up").inc()
            # The order keeps needs_fetch; a new webhook for it starts the attempts again.
            log.error("order fetch failed for the last time: giving up", extra=context)
        else:
            FETCHES.labels(claim.platform, "failed").inc()
            log.warning("order fetch failed: will retry", extra=context)
