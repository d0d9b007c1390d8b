"""The shop's Google Product Reviews feed and the public page of one review (the feed's
`review_url`)."""

import asyncio
from typing import Any

from services.responder.storefront.feed import repository
from services.responder.storefront.feed.google import feed_xml, xml_text
from services.responder.storefront.feed.schemas import PublishedReview, Publisher
from shared.db.pool import Pool


class NoSuchShop(Exception):
    pass


class NoSuchReview(Exception):
    """Unknown, or not published (held, rejected or deleted): the same answer for all. Carries
    the shop when it is known (its name and language for the page that says so)."""

    def __init__(self, review_id: str, publisher: Publisher | None) -> None:
        super().__init__(review_id)
        self.publisher = publisher


def publisher_of(shop: dict[str, Any]) -> Publisher:
    name = xml_text(shop["display_name"])
    return Publisher(shop["shop_id"], name.strip() if name else shop["shop_id"], shop["locale"])


async def google_feed(pool: Pool, shop_id: str, public_url: str) -> bytes:
    async with pool.acquire() as conn:
        shop = await repository.shop(conn, shop_id)
        if shop is None:
            raise NoSuchShop(shop_id)
        rows = await repository.product_reviews(conn, shop_id)
    reviews = [PublishedReview.of(r) for r in rows]
    # A big shop's feed takes a while to serialize: off the event loop, so the other storefront
    # requests of this process are not kept waiting meanwhile.
    return await asyncio.to_thread(feed_xml, publisher_of(shop), reviews, public_url)


async def published_review(
    pool: Pool, shop_id: str, review_id: str
) -> tuple[Publisher, PublishedReview]:
    async with pool.acquire() as conn:
        shop = await repository.shop(conn, shop_id)
        row = await repository.published_review(conn, shop_id, review_id) if shop else None
    if shop is None:
        raise NoSuchReview(review_id, None)
    if row is None:
        raise NoSuchReview(review_id, publisher_of(shop))
    return publisher_of(shop), PublishedReview.of(row)
