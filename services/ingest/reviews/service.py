"""Storing reviews from every source: once per source review id, newest version wins."""

from dataclasses import dataclass

from services.ingest.reviews import repository
from services.ingest.reviews.matching import match
from services.ingest.reviews.sources.base import ReviewFact
from shared.db.pool import Connection
from shared.events.reviews import ReviewDeleted, ReviewDeletedPayload
from shared.logging import correlation_id_var
from shared.outbox import repository as outbox


@dataclass
class StoreResult:
    stored: int = 0
    unchanged: int = 0
    deleted: int = 0


async def store(conn: Connection, shop_id: str, facts: list[ReviewFact]) -> StoreResult:
    """Call inside a transaction. Stored reviews wait for the classifier, which announces
    them; deletions are announced at once."""
    result = StoreResult()
    for fact in facts:
        if fact.operation == "delete":
            deleted = await repository.mark_deleted(conn, shop_id, fact.review_id, fact.updated_at)
            if deleted is None:
                result.unchanged += 1
                continue
            result.deleted += 1
            event = ReviewDeleted(
                shop_id=shop_id,
                payload=ReviewDeletedPayload(
                    review_id=fact.review_id, source=fact.source, deleted_at=fact.updated_at
                ),
            )
            await outbox.add(conn, event, correlation_id_var.get())
            continue
        found = await match(conn, shop_id, fact)
        stored = await repository.upsert(conn, shop_id, fact, found.order_id, found.method)
        if stored is None:
            result.unchanged += 1
        else:
            result.stored += 1
    return result
