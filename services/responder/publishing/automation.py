"""Automatic replies: a review the policy lets through (positive or FAQ, shop opted in) is
queued at classification; when its delay has passed, this worker decides again on the review as
it is now (it may have been reclassified or answered by a person meanwhile), drafts a reply,
lints it, and publishes only a clean one. Anything refused stays for a person, with the reason."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from services.responder.replies import policy, service
from services.responder.replies import repository as replies
from services.responder.reviews import repository as reviews
from services.responder.settings import ResponderSettings
from services.responder.shops import repository as shops
from services.responder.shops.config import ShopSettings
from shared.db.pool import Connection, Pool

ACTOR = "automation"


@dataclass
class AutomationWorker:
    pool: Pool
    settings: ResponderSettings
    clock: Callable[[], datetime]
    batch: int = 20

    async def run_once(self) -> int:
        now = self.clock()
        async with self.pool.acquire() as conn, conn.transaction():
            due = await replies.claim_automatic(conn, now, self.batch)
            for row in due:
                status, reason = await self._decide(conn, row, now)
                await replies.decide_automatic(
                    conn, row["shop_id"], row["review_id"], status, reason, now
                )
        return len(due)

    async def _decide(
        self, conn: Connection, row: dict[str, Any], now: datetime
    ) -> tuple[str, str]:
        shop = await shops.get(conn, row["shop_id"])
        review = await reviews.get(conn, row["shop_id"], row["review_id"])
        if review is None:
            return "refused", "the review is gone"
        drafts = await replies.drafts_of(conn, shop.shop_id, review["review_id"])
        decision = policy.in_hand(review, drafts) or policy.decide_for(review, shop.settings)
        if not decision.allowed:
            return "refused", decision.reason
        draft = await service.create_draft(conn, shop, review, ACTOR, now, auto=True)
        findings = await service.check_off_loop(draft["text"], review, shop)
        decision = policy.decide_for(review, shop.settings, findings)
        if not decision.allowed:
            return "refused", decision.reason
        approved = await replies.approve_draft(conn, draft["id"], ACTOR, now)
        try:
            await service.publish(conn, shop, review, approved, ACTOR, now, auto=True)
        except service.ReplyError as exc:
            return "refused", exc.message
        return "published", decision.reason


def due_at(review: dict[str, Any], settings: ShopSettings, at: datetime) -> datetime | None:
    """When an automatic reply may go out for this review (None: it waits for a person)."""
    if not policy.decide_for(review, settings).allowed:
        return None
    return at + timedelta(minutes=settings.automation.delay_minutes)
