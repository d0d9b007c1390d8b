"""Copies published product reviews into each connected Shopify store, periodically.

Per shop (one pass at a time across replicas): the standard `product_review` definition is
enabled once; every product review changed since the last pass (public_reviews.updated_at) is
upserted when published (stable handle: a repeat updates the same entry) or its copy deleted
when it is no longer published or no longer exists (held, rejected, deleted, redacted); then
every product touched gets `reviews.rating` and `reviews.rating_count` from ALL its published
reviews. What was written is remembered by hash, so a pass over unchanged reviews sends
nothing. Failures wait (30 s, 1, 2 ... minutes, at most an hour, never sooner than Shopify's
throttle figures ask) and are tried again; a throttled answer ends the shop's pass, since
every further call would be refused too."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx

from services.responder.settings import ResponderSettings
from services.responder.shopify_reviews import repository, service
from services.responder.shopify_reviews.connector import Outcome, ShopifyAdmin
from services.responder.shopify_reviews.repository import ShopifyConnection
from shared.backoff import DURABLE
from shared.db.pool import Connection, Pool
from shared.http import outbound

log = logging.getLogger(__name__)


def retry_at(now: datetime, attempts: int, outcome: Outcome) -> datetime:
    """After the `attempts`-th failure in a row."""
    asked = timedelta(seconds=outcome.retry_after_s or 0.0)
    return now + max(DURABLE.delay(attempts), asked)


class Throttled(Exception):
    """The shop's bucket is empty: the rest of its pass waits for the next one."""


@dataclass
class ShopifyReviewSync:
    pool: Pool
    settings: ResponderSettings
    clock: Callable[[], datetime]

    async def run_once(self) -> int:
        """Remote changes made (upserts, deletions, ratings written)."""
        async with self.pool.acquire() as conn:
            links = await repository.connections(conn)
        if not links:
            return 0
        changes = 0
        policy = outbound.policy_of(self.settings)
        async with outbound.client(policy, timeout=self.settings.connector_timeout_s) as http:
            for link in links:
                try:
                    changes += await self._shop(http, link)
                except Exception:
                    # One store failing must not stop the others; its rows keep their state.
                    log.exception("shopify review sync failed", extra={"shop_id": link.shop_id})
        return changes

    async def _shop(self, http: httpx.AsyncClient, link: ShopifyConnection) -> int:
        async with self.pool.acquire() as conn:
            if not await repository.try_lock_shop(conn, link.shop_id):
                return 0
            try:
                return await self._pass(conn, http, link)
            except Throttled:
                return 0
            finally:
                await repository.unlock_shop(conn, link.shop_id)

    async def _pass(
        self, conn: Connection, http: httpx.AsyncClient, link: ShopifyConnection
    ) -> int:
        admin = ShopifyAdmin(link.base_url, link.api_version, link.access_token)
        if not link.definition_enabled:
            enabled = await admin.enable_definition(http)
            if enabled.kind == "done":
                await repository.mark_definition_enabled(conn, link.shop_id)
            elif "THROTTLED" in enabled.codes:
                raise Throttled
            else:
                # The upserts say the same for each review; asked again next pass.
                log.warning(
                    "product_review definition not enabled",
                    extra={"shop_id": link.shop_id, "detail": enabled.detail},
                )
        now = self.clock()
        batch = self.settings.shopify_sync_batch
        changes = 0
        touched: set[str] = set()
        try:
            for review in await repository.due_reviews(conn, link.shop_id, now, batch):
                changes += await self._review(conn, http, admin, link.shop_id, review, touched)
        finally:
            if touched:
                await repository.mark_products(conn, link.shop_id, touched)
        for product_id in await repository.due_products(conn, link.shop_id, now, batch):
            changes += await self._rating(conn, http, admin, link.shop_id, product_id)
        return changes

    async def _review(
        self,
        conn: Connection,
        http: httpx.AsyncClient,
        admin: ShopifyAdmin,
        shop_id: str,
        review: dict[str, Any],
        touched: set[str],
    ) -> int:
        review_id: str = review["review_id"]
        product_id: str = review["product_id"]
        previous = review["synced_product_id"]
        gid = service.product_gid(product_id)
        wanted = review["status"] == "published" and gid is not None
        if wanted:
            assert gid is not None
            fields = service.review_fields(review, gid)
            digest = service.fingerprint(fields)
            if review["metaobject_id"] and review["synced_hash"] == digest:
                await repository.review_synced(
                    conn,
                    shop_id,
                    review_id,
                    product_id,
                    review["metaobject_id"],
                    digest,
                    review["updated_at"],
                    review["version"],
                )
                return 0
            outcome = await admin.upsert_review(http, service.handle(shop_id, review_id), fields)
            if outcome.kind != "done":
                await self._failed(conn, shop_id, review, outcome)
                return 0
            metaobject = outcome.payload.get("metaobject") or {}
            await repository.review_synced(
                conn,
                shop_id,
                review_id,
                product_id,
                metaobject.get("id"),
                digest,
                review["updated_at"],
                review["version"],
            )
            touched.update(p for p in (product_id, previous) if p)
            return 1
        changed = 0
        if review["metaobject_id"]:
            outcome = await admin.delete_review(http, review["metaobject_id"])
            if outcome.kind != "done":
                await self._failed(conn, shop_id, review, outcome)
                return 0
            touched.update(p for p in (product_id, previous) if p)
            changed = 1
        if review["status"] is None:
            await repository.forget_review(conn, shop_id, review_id)
        else:
            await repository.review_synced(
                conn,
                shop_id,
                review_id,
                product_id,
                None,
                None,
                review["updated_at"],
                review["version"],
            )
        return changed

    async def _failed(
        self, conn: Connection, shop_id: str, review: dict[str, Any], outcome: Outcome
    ) -> None:
        attempts = review["attempts"] + 1
        due = retry_at(self.clock(), attempts, outcome)
        detail = outcome.detail or outcome.kind
        await repository.review_failed(
            conn, shop_id, review["review_id"], review["product_id"], detail, due
        )
        log.warning(
            "shopify review not synced",
            extra={"shop_id": shop_id, "review_id": review["review_id"], "detail": detail},
        )
        if "THROTTLED" in outcome.codes:
            raise Throttled

    async def _rating(
        self,
        conn: Connection,
        http: httpx.AsyncClient,
        admin: ShopifyAdmin,
        shop_id: str,
        product_id: str,
    ) -> int:
        gid = service.product_gid(product_id)
        count, mean = await repository.product_aggregate(conn, shop_id, product_id)
        digest = service.fingerprint({"count": count, "mean": round(mean or 0.0, 2)})
        if gid is None or await repository.product_hash(conn, shop_id, product_id) == digest:
            await repository.product_synced(conn, shop_id, product_id, digest)
            return 0
        if count and mean is not None:
            outcome = await admin.set_rating(http, gid, mean, count)
        else:
            outcome = await admin.clear_rating(http, gid)
        if outcome.kind == "done":
            await repository.product_synced(conn, shop_id, product_id, digest)
            return 1
        attempts = await repository.product_attempts(conn, shop_id, product_id) + 1
        due = retry_at(self.clock(), attempts, outcome)
        await repository.product_failed(conn, shop_id, product_id, outcome.detail or "", due)
        log.warning(
            "shopify product rating not written",
            extra={"shop_id": shop_id, "product_id": product_id, "detail": outcome.detail},
        )
        if "THROTTLED" in outcome.codes:
            raise Throttled
        return 0
