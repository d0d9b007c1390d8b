"""Storing reviews from every source: once per source review id, newest version wins."""

from dataclasses import dataclass
from typing import Literal

from services.ingest.reviews import repository
from services.ingest.reviews.matching import match
from services.ingest.reviews.sources.base import ReviewFact
from shared.db.pool import Connection
from shared.events.reviews import ReviewDeleted, ReviewDeletedPayload
from shared.logging import correlation_id_var
from shared.outbox import repository as outbox

# What storing one fact did: a review seen for the first time, a newer version of a known one,
# nothing (a duplicate, or an older version arriving late), or a deletion.
Outcome = Literal["new", "updated", "unchanged", "deleted"]


@dataclass
class StoreResult:
    stored: int = 0
    unchanged: int = 0
    deleted: int = 0


async def store_fact(conn: Connection, shop_id: str, fact: ReviewFact) -> Outcome:
    """Call inside a transaction. Stored reviews wait for the classifier, which announces
    them; deletions are announced at once."""
    if fact.operation == "delete":
        deleted = await repository.mark_deleted(conn, shop_id, fact.review_id, fact.updated_at)
        if deleted is None:
            return "unchanged"
        event = ReviewDeleted(
            shop_id=shop_id,
            payload=ReviewDeletedPayload(
                review_id=fact.review_id, source=fact.source, deleted_at=fact.updated_at
            ),
        )
        await outbox.add(conn, event, correlation_id_var.get())
        return "deleted"
    found = await match(conn, shop_id, fact)
    stored = await repository.upsert(conn, shop_id, fact, found.order_id, found.method)
    if stored is None:
        return "unchanged"
    return "new" if stored.revision == 1 else "updated"


async def store(conn: Connection, shop_id: str, facts: list[ReviewFact]) -> StoreResult:
    """Call inside a transaction."""
    result = StoreResult()
    for fact in facts:
        outcome = await store_fact(conn, shop_id, fact)
        if outcome == "unchanged":
            result.unchanged += 1
        elif outcome == "deleted":
            result.deleted += 1
        else:
            result.stored += 1
    return result
