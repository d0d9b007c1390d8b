"""Delivers queued replies: claim (SKIP LOCKED, committed before any I/O), POST to the shop's
connector, record the outcome. Retries 5xx, 429, timeouts and connection errors with backoff
(30 s, 1, 2, 4 ... minutes, at most an hour) up to `connector_max_attempts`; then `failed`."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx

from services.responder.publishing import connector
from services.responder.replies import repository as replies
from services.responder.replies import service
from services.responder.reviews import repository as reviews
from services.responder.settings import ResponderSettings
from services.responder.shops import repository as shops
from shared.db.pool import Pool
from shared.metrics import RESPONDER_REPLIES

log = logging.getLogger(__name__)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


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
        async with httpx.AsyncClient(timeout=self.settings.connector_timeout_s) as http:
            for publication in claimed:
                try:
                    await self._deliver(publication, http)
                except Exception:
                    log.exception("publication failed", extra={"publication": publication["id"]})
        return len(claimed)

    async def _deliver(self, publication: dict[str, Any], http: httpx.AsyncClient) -> None:
        now = self.clock()
        async with self.pool.acquire() as conn:
            shop = await shops.get(conn, publication["shop_id"])
            review = await reviews.get(conn, publication["shop_id"], publication["review_id"])
            draft = await replies.get_draft(conn, [publication["shop_id"]], publication["draft_id"])
        url, secret = shop.connector_url, shop.connector_secret
        if (
            review is None
            or review["deleted_at"] is not None
            or draft is None
            or not url
            or not secret
        ):
            async with self.pool.acquire() as conn, conn.transaction():
                await service.give_up(
                    conn, publication, "review deleted, or draft or connector gone", now
                )
            RESPONDER_REPLIES.labels("failed").inc()
            return
        raw = connector.body(publication, review, draft)
        headers = connector.headers(publication["reply_id"], raw, secret, now.timestamp())
        result = await connector.deliver(http, url, raw, headers)
        RESPONDER_REPLIES.labels(result.outcome).inc()
        async with self.pool.acquire() as conn, conn.transaction():
            if result.outcome == "published":
                await service.confirm_published(conn, publication, self.clock())
            elif (
                result.outcome == "retry"
                and publication["attempts"] < self.settings.connector_max_attempts
            ):
                await replies.retry_at(
                    conn, publication["id"], result.detail, now + backoff(publication["attempts"])
                )
            else:
                log.error(
                    "reply not published",
                    extra={"publication": publication["id"], "detail": result.detail},
                )
                await service.give_up(conn, publication, result.detail, now)
