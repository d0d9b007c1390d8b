"""Verified buyer: tie a review to the order it is about, and say how.

In order of strength: the survey it came from (`survey`), the platform's order reference
(`reference`), the reviewer's email and the product within a window (`email_product`). A review
that matches nothing is kept and marked unverified: a reason a shop may ask the platform to
remove it, never a reason for us to hide it.
"""

from dataclasses import dataclass
from datetime import timedelta

from services.ingest.reviews import repository
from services.ingest.reviews.sources.base import ReviewFact
from shared.db.pool import Connection

EMAIL_MATCH_WINDOW = timedelta(days=365)


@dataclass(frozen=True)
class Match:
    order_id: str | None
    method: str | None


async def match(conn: Connection, shop_id: str, fact: ReviewFact) -> Match:
    if fact.source == "survey" and fact.reference_id:
        return Match(fact.reference_id, "survey")
    if fact.reference_id and await repository.order_exists(conn, shop_id, fact.reference_id):
        return Match(fact.reference_id, "reference")
    if fact.reviewer_email:
        order_id = await repository.order_by_email_and_product(
            conn,
            shop_id,
            fact.reviewer_email,
            fact.product_id,
            fact.created_at or fact.updated_at,
            EMAIL_MATCH_WINDOW,
        )
        if order_id is not None:
            return Match(order_id, "email_product")
    return Match(None, None)
