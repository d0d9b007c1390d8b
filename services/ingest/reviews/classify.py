"""The classification worker: stored reviews waiting for the classifier are claimed
(`FOR UPDATE SKIP LOCKED`, so replicas share the work), classified in a batch, and announced as
`review.classified` with everything the notifier and responder need, in one transaction."""

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from services.ingest.classification import Classifier, ReviewInput, load_classifier
from services.ingest.reviews import repository
from services.ingest.reviews.repository import StoredReview
from shared.db.pool import Connection, Pool
from shared.db.unit_of_work import within
from shared.events.orders import OrderItem
from shared.events.reviews import OrderContext, ReviewClassified, ReviewClassifiedPayload
from shared.memory import freeze_long_lived

log = logging.getLogger(__name__)


def _order_context(row: dict[str, Any] | None) -> OrderContext | None:
    if row is None:
        return None
    details = row["details"] or {}
    return OrderContext(
        order_id=row["order_id"],
        placed_at=datetime.fromisoformat(details["placed_at"])
        if details.get("placed_at")
        else None,
        delivered_at=row["delivered_at"],
        refunded=bool(row["refunded"]),
        items=[
            OrderItem(**{**item, "unit_price": Decimal(str(item["unit_price"]))})
            for item in details.get("items", [])[:50]
        ],
    )


@dataclass
class ClassificationWorker:
    kind: str
    batch_size: int = 100
    _classifier: Classifier | None = None

    def classifier(self) -> Classifier:
        if self._classifier is None:
            self._classifier = load_classifier(self.kind)
            freeze_long_lived()  # the model lives as long as the process
        return self._classifier

    async def run_once(self, pool: Pool) -> int:
        async with pool.acquire() as conn, conn.transaction():
            claimed = await repository.claim_for_classification(conn, self.batch_size)
            if not claimed:
                return 0
            inputs = [
                ReviewInput(
                    text=r.text,
                    title=r.title,
                    rating=r.rating,
                    declared_language=r.language_declared,
                    verified_purchase=r.match_method is not None,
                )
                for r in claimed
            ]
            # CPU work off the event loop, so HTTP requests keep being answered meanwhile.
            results = await asyncio.to_thread(self.classifier().classify_many, inputs)
            for review, result in zip(claimed, results, strict=True):
                await self._announce(conn, review, result.to_event().model_dump(mode="json"))
        return len(claimed)

    async def _announce(
        self, conn: Connection, review: StoredReview, classification: dict[str, Any]
    ) -> None:
        await repository.save_classification(
            conn, review.shop_id, review.review_id, classification, classification["model_version"]
        )
        context = (
            _order_context(await repository.order_context(conn, review.shop_id, review.order_id))
            if review.order_id
            else None
        )
        event = ReviewClassified(
            shop_id=review.shop_id,
            payload=ReviewClassifiedPayload(
                review_id=review.review_id,
                source=review.source,
                source_review_id=review.source_review_id,
                case_key=review.case_key,
                revision=review.revision,
                rating=review.rating,
                title=review.title,
                text=review.text,
                reviewer_name=review.reviewer_name,
                product_id=review.product_id,
                verified=review.match_method is not None,
                match_method=review.match_method,
                incentivized=review.incentivized,
                order=context,
                created_at=review.source_created_at,
                updated_at=review.source_updated_at,
                classification=classification,
                backfill=review.backfill,
            ),
        )
        # A background pass: no request, so no correlation id of its own.
        await within(conn).emit(event)


def run_factory(kind: str) -> Callable[[Pool], Any]:
    worker = ClassificationWorker(kind)
    # Load now: a misconfigured or missing model stops the service at start, not at the first
    # review.
    worker.classifier()

    async def run(pool: Pool) -> int:
        # Drain what is waiting (bounded), then wait for the next interval.
        total = 0
        for _ in range(20):
            handled = await worker.run_once(pool)
            total += handled
            if handled < worker.batch_size:
                break
        return total

    return run
