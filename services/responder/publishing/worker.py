"""Delivers queued replies: claim (SKIP LOCKED, committed before any I/O), hand the reply to
the connector chosen for its review (`routing.py`), record the outcome. Retries 5xx, 429,
timeouts and connection errors with backoff (30 s, 1, 2, 4 ... minutes, at most an hour, never
sooner than the platform's Retry-After) up to `connector_max_attempts`; then `failed`."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx

from services.responder.publishing import routing
from services.responder.publishing.base import Reply, Result
from services.responder.replies import policy, service
from services.responder.replies import repository as replies
from services.responder.reviews import repository as reviews
from services.responder.settings import ResponderSettings
from services.responder.shops import repository as shops
from shared.backoff import DURABLE
from shared.db.pool import Pool
from shared.http import outbound
from shared.metrics import RESPONDER_REPLIES

log = logging.getLogger(__name__)


# A Retry-After beyond this is taken for a mistake rather than parking a reply for weeks.
MAX_RETRY_AFTER_S = 24 * 3600


def backoff(attempts: int) -> timedelta:
    return DURABLE.delay(attempts)


def retry_delay(attempts: int, result: Result) -> timedelta:
    asked = min(result.retry_after_s or 0.0, MAX_RETRY_AFTER_S)
    return max(backoff(attempts), timedelta(seconds=asked))


@dataclass
class PublishWorker:
    pool: Pool
    settings: ResponderSettings
    clock: Callable[[], datetime]

    async def run_once(self) -> int:
        now = self.clock()
        async with self.pool.acquire() as conn:
            lease = timedelta(seconds=self.settings.publish_claim_lease_s)
            await replies.requeue_stale(conn, now - lease)
            claimed = await replies.claim_due(conn, now, self.settings.publish_batch)
        if not claimed:
            return 0
        policy = outbound.policy_of(self.settings)
        async with outbound.client(policy, timeout=self.settings.connector_timeout_s) as http:
            for publication in claimed:
                try:
                    await self._deliver(publication, http)
                except Exception as exc:
                    log.exception("publication failed", extra={"publication": publication["id"]})
                    await self._after_error(publication, exc)
        return len(claimed)

    async def _after_error(self, publication: dict[str, Any], exc: Exception) -> None:
        """An attempt that raised is still an attempt: retried with the backoff, and given up
        at the limit like any other, instead of waiting in `delivering` for its lease to run out
        and being sent again and again."""
        now = self.clock()
        detail = f"unexpected error: {type(exc).__name__}"
        try:
            async with self.pool.acquire() as conn, conn.transaction():
                if publication["attempts"] < self.settings.connector_max_attempts:
                    due = now + backoff(publication["attempts"])
                    await replies.retry_at(conn, publication["id"], detail, due)
                else:
                    await service.give_up(conn, publication, detail, now)
        except Exception:
            # The database itself failing: the claim's lease puts the publication back.
            log.exception(
                "publication outcome not stored", extra={"publication": publication["id"]}
            )

    async def _deliver(self, publication: dict[str, Any], http: httpx.AsyncClient) -> None:
        now = self.clock()
        shop_id = publication["shop_id"]
        async with self.pool.acquire() as conn:
            shop = await shops.get(conn, shop_id)
            review = await reviews.get(conn, shop_id, publication["review_id"])
            draft = await replies.get_draft(conn, [shop_id], publication["draft_id"])
            connections = await shops.connections(conn, shop_id)
        if review is None or review["deleted_at"] is not None or draft is None:
            await self._give_up(publication, "review deleted, or draft gone", now)
            return
        if publication["auto"]:
            # The review may have changed since the automatic reply was drafted (an edit into
            # a complaint, a person's correction to negative): a thank-you must not go out
            # under it. A person answers instead.
            decision = policy.decide_for(review, shop.settings)
            if not decision.allowed:
                reason = f"the review changed since the automatic reply: {decision.reason}"
                await self._give_up(publication, reason, now)
                return
        adapter = routing.adapter_for(shop, connections, review["source"], now.timestamp())
        if adapter is None:
            await self._give_up(
                publication, f"no connector for {review['source']} reviews in this shop", now
            )
            return
        result = await adapter.deliver(http, Reply.of(publication, review, draft))
        async with self.pool.acquire() as conn, conn.transaction():
            await replies.set_channel(conn, publication["id"], adapter.channel)
            if result.outcome == "published":
                RESPONDER_REPLIES.labels("published").inc()
                await service.confirm_published(conn, publication, self.clock())
            elif (
                result.outcome == "retry"
                and publication["attempts"] < self.settings.connector_max_attempts
            ):
                RESPONDER_REPLIES.labels("retry").inc()
                due = now + retry_delay(publication["attempts"], result)
                await replies.retry_at(conn, publication["id"], result.detail, due)
            else:
                # Refused for good, or the last attempt failed too: either way it is over.
                RESPONDER_REPLIES.labels("failed").inc()
                log.error(
                    "reply not published",
                    extra={
                        "publication": publication["id"],
                        "channel": adapter.channel,
                        "detail": result.detail,
                    },
                )
                await service.give_up(conn, publication, result.detail, now)

    async def _give_up(self, publication: dict[str, Any], reason: str, now: datetime) -> None:
        async with self.pool.acquire() as conn, conn.transaction():
            await service.give_up(conn, publication, reason, now)
        RESPONDER_REPLIES.labels("failed").inc()
