"""Keeps what shoppers see current with the consumer's events and published replies: called
from the responder's existing handlers, in their transaction. Database only."""

from datetime import datetime
from typing import Any

from services.responder.moderation import repository as public
from shared.db.pool import Connection
from shared.events.reviews import ReviewClassified

# Only reviews from our own surveys are published by Reviewloop: platform reviews are shown by
# their platform.
PUBLISHED_SOURCE = "survey"


async def on_classified(conn: Connection, event: ReviewClassified, stored: dict[str, Any]) -> None:
    """After the staff read model took this revision (`stored` is its row). Published on first
    sight, whatever the rating; an edit keeps a hold or rejection."""
    p = event.payload
    if p.source != PUBLISHED_SOURCE or p.rating is None:
        return
    if stored["redacted_at"] is not None:
        # A redacted customer's review never comes back, whatever revision arrives later.
        await public.delete_public(conn, event.shop_id, [p.review_id])
        return
    at = event.occurred_at
    await public.upsert_public(conn, event.shop_id, p, p.classification.language, at)
    if p.product_id is not None and p.order is not None:
        for item in p.order.items:
            if item.product_id == p.product_id:
                await public.upsert_product(conn, event.shop_id, item, at)
                break


async def on_deleted(conn: Connection, shop_id: str, review_id: str) -> None:
    await public.delete_public(conn, shop_id, [review_id])


async def on_customer_redacted(conn: Connection, shop_id: str, review_ids: list[str]) -> None:
    """The reviews leave every public place (API, widget, feed read this table) and the
    ledger's evidence, which may quote them, goes; the decisions themselves stay."""
    if review_ids:
        await public.delete_public(conn, shop_id, review_ids)
        await public.blank_evidence(conn, shop_id, review_ids)


async def on_shop_redacted(conn: Connection, shop_id: str) -> None:
    await public.forget_shop(conn, shop_id)


async def reply_published(
    conn: Connection, shop_id: str, review_id: str, text: str, at: datetime
) -> None:
    """The shop's reply shown under the review (survey reviews; no-op for others)."""
    await public.set_reply(conn, shop_id, review_id, text, at)
