"""The classification workers: stored reviews waiting for the classifier are claimed
(`FOR UPDATE SKIP LOCKED`, so replicas share the work), classified in a batch, and announced as
`review.classified` with everything the notifier and responder need, in one transaction.

Two passes (docs/classification.md, "Two passes"): the fast model announces every review at
once, so alerts fire within a second; the slower, more accurate one (multilingual e5) follows
and announces the final classification, which may change the label or raise a star/text
mismatch the fast model missed. The fast announcement says `final: false`, so automatic replies
wait for the second one."""

import asyncio
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from services.ingest.classification import (
    Classification,
    Classifier,
    ReviewInput,
    load_classifier,
)
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


def _lower_priority(nice: int) -> None:
    tid = threading.get_native_id()
    try:
        os.setpriority(os.PRIO_PROCESS, tid, nice)
        if nice >= 19 and hasattr(os, "SCHED_IDLE"):
            # Linux's idle class: runs only on a CPU nobody else wants (nice 19 still took
            # enough of a busy 2-core machine to push the alert p99 at 100 reviews/s past 1 s).
            os.sched_setscheduler(tid, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError) as exc:  # not Linux, or not permitted: run at par
        log.warning("could not lower the classifier thread's priority", extra={"error": repr(exc)})


# Far longer than a batch of 4 takes even on a starved CPU (seconds); a killed replica's claims
# come back after it (10 minutes left one review unclassified past the fault run's drain). A
# batch outliving it may be read twice; the second stores the same revision again, harmless.
SECOND_PASS_LEASE = timedelta(minutes=2)

# What the notifier and the responder act on: a second reading that changes none of these is
# stored, not announced again (announcing every review twice doubled their consumers' work).
_ACTED_ON = ("sentiment", "star_text_mismatch", "severity", "severity_reasons", "removal_candidate")


def _topic_names(classification: dict[str, Any]) -> set[str]:
    return {t["name"] for t in classification.get("topics") or ()}


def worth_announcing(first: dict[str, Any] | None, second: dict[str, Any]) -> bool:
    """Whether the second pass announces its classification: when consumers would act on it
    differently, or when it may be answered automatically (a positive review, a question),
    which waits for the final word."""
    if first is None or any(first.get(k) != second.get(k) for k in _ACTED_ON):
        return True
    # Topics route alerts and shape drafted replies; the second pass's topic head may add one.
    if _topic_names(first) != _topic_names(second):
        return True
    return second.get("sentiment") == "positive" or second.get("question") is not None


@dataclass
class ClassificationWorker:
    kind: str
    batch_size: int = 100
    # This worker is the second pass (claims what the first announced).
    second_pass: bool = False
    # A second pass follows this one: its announcements are not final.
    second_pass_follows: bool = False
    threads: int = 1
    # Runs its model on its own thread at this nice value (Linux, per thread; the encoder's
    # OpenMP threads inherit it): the second pass yields the CPU to webhooks, the fast pass
    # and the alerts, and takes what is left.
    nice: int = 0
    _classifier: Classifier | None = None
    _executor: ThreadPoolExecutor | None = None

    def _run_on(self) -> ThreadPoolExecutor | None:
        if self.nice and self._executor is None:
            self._executor = ThreadPoolExecutor(
                1, f"classify-{self.kind}", initializer=_lower_priority, initargs=(self.nice,)
            )
        return self._executor

    def classifier(self) -> Classifier:
        if self._classifier is None:
            self._classifier = load_classifier(self.kind, self.threads)
            freeze_long_lived()  # the model lives as long as the process
        return self._classifier

    async def _classify(self, claimed: list[StoredReview]) -> list[Classification]:
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
        return await asyncio.get_running_loop().run_in_executor(
            self._run_on(), self.classifier().classify_many, inputs
        )

    async def run_once(self, pool: Pool) -> int:
        if self.second_pass:
            return await self._second_pass_once(pool)
        async with pool.acquire() as conn, conn.transaction():
            claimed = await repository.claim_for_classification(conn, self.batch_size)
            if not claimed:
                return 0
            results = await self._classify(claimed)
            final = not self.second_pass_follows
            for review, result in zip(claimed, results, strict=True):
                classification = result.to_event().model_copy(update={"final": final})
                dumped = classification.model_dump(mode="json")
                await repository.save_classification(
                    conn,
                    review.shop_id,
                    review.review_id,
                    dumped,
                    dumped["model_version"],
                    needs_second_pass=self.second_pass_follows,
                )
                await self._announce(conn, review, dumped)
        return len(claimed)

    async def _second_pass_once(self, pool: Pool) -> int:
        """Leased, not locked: e5 may wait for CPU a while, and an edit of a review must not
        wait for it. A review edited, deleted or redacted meanwhile is not stored (its own
        passes start again); a lease that runs out (a crashed replica) is claimed again."""
        async with pool.acquire() as conn, conn.transaction():
            claimed = await repository.claim_for_second_pass(
                conn, self.batch_size, SECOND_PASS_LEASE
            )
        if not claimed:
            return 0
        results = await self._classify(claimed)
        async with pool.acquire() as conn, conn.transaction():
            for review, result in zip(claimed, results, strict=True):
                classification = result.to_event()
                first = (review.classification or {}).get("sentiment")
                if first is not None:
                    classification = classification.model_copy(
                        update={"first_pass_sentiment": first}
                    )
                dumped = classification.model_dump(mode="json")
                stored = await repository.save_second_pass(
                    conn,
                    review.shop_id,
                    review.review_id,
                    review.revision,
                    dumped,
                    dumped["model_version"],
                )
                if stored and worth_announcing(review.classification, dumped):
                    await self._announce(conn, review, dumped)
        return len(claimed)

    async def _announce(
        self, conn: Connection, review: StoredReview, classification: dict[str, Any]
    ) -> None:
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


def run_factory(worker: ClassificationWorker) -> Callable[[Pool], Any]:
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
