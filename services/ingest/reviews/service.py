"""Storing reviews from every source: once per source review id, newest version wins."""

from dataclasses import dataclass
from typing import Literal

from services.ingest.reviews import repository
from services.ingest.reviews.matching import match
from services.ingest.reviews.schemas import ReviewsAccepted
from services.ingest.reviews.sources import PARSERS, Parser
from services.ingest.reviews.sources.base import ReviewFact
from services.ingest.shops.directory import ShopDirectory
from services.ingest.shops.repository import ShopRow
from services.ingest.webhooks.adapters.base import WebhookRequest
from services.ingest.webhooks.inbound import BadSignature, UnknownEndpoint, UnsupportedMediaType
from services.ingest.webhooks.signatures import verify_standard
from shared.db.pool import Connection, Pool
from shared.db.unit_of_work import unit_of_work, within
from shared.events.reviews import ReviewDeleted, ReviewDeletedPayload

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
        await within(conn).emit(event)
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


@dataclass(frozen=True)
class ReviewEndpoint:
    """Where a platform's reviews arrive: its parser and the shop (with its secrets)."""

    parser: Parser
    shop: ShopRow


async def endpoint(shops: ShopDirectory, source: str, shop_id: str) -> ReviewEndpoint:
    """Looked up before the body is read. Raises UnknownEndpoint."""
    parser = PARSERS.get(source)
    shop = await shops.get(shop_id)
    if parser is None or shop is None:
        raise UnknownEndpoint
    return ReviewEndpoint(parser, shop)


async def receive(pool: Pool, to: ReviewEndpoint, request: WebhookRequest) -> ReviewsAccepted:
    """A platform's delivery of reviews: verified (Standard Webhooks, the shop's secrets),
    mapped, stored in one transaction. Raises BadSignature, UnsupportedMediaType or
    PayloadError."""
    if not verify_standard(request.headers, request.body, to.shop.secrets, request.received_at):
        raise BadSignature
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise UnsupportedMediaType
    facts = to.parser(request.json(), request.received_at)
    async with unit_of_work(pool) as uow:
        result = await store(uow.conn, to.shop.shop_id, facts)
    return ReviewsAccepted(stored=result.stored, unchanged=result.unchanged, deleted=result.deleted)
