"""A product's schema.org JSON-LD: `Product` with its identifiers, `AggregateRating` over every
published review of it and the newest `Review` items.

Product reviews only: Google treats a shop's reviews of itself on its own site as self-serving
and ineligible for review snippets. The text is safe inside a `<script>` element: `<`, `>` and
`&` are written as JSON escapes, so a review saying `</script>` cannot end the element.
"""

import json
from datetime import datetime
from typing import Any

from services.responder.storefront.structured_data import repository
from shared.db.pool import Connection, Pool

# Enough for rich results (Google reads the aggregate; the items are samples) while the
# snippet stays small on the product page.
MAX_REVIEWS = 20
ANONYMOUS = "Anonymous"


class NoSuchShop(Exception):
    pass


class NoSuchProduct(Exception):
    pass


def script_safe(document: dict[str, Any]) -> str:
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _rating(value: float | int) -> dict[str, Any]:
    return {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1}


def _day(at: datetime) -> str:
    return at.date().isoformat()


def document(
    product: repository.ProductRow,
    count: int,
    mean: float | None,
    reviews: list[repository.ReviewRow],
) -> dict[str, Any]:
    doc: dict[str, Any] = {"@context": "https://schema.org", "@type": "Product"}
    doc["name"] = product.name
    for field in ("sku", "gtin", "mpn"):
        if value := getattr(product, field):
            doc[field] = value
    if product.brand:
        doc["brand"] = {"@type": "Brand", "name": product.brand}
    if count and mean is not None:
        doc["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": round(mean, 2),
            "reviewCount": count,
            "bestRating": 5,
            "worstRating": 1,
        }
        doc["review"] = [_review(r) for r in reviews]
    return doc


def _review(r: repository.ReviewRow) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@type": "Review",
        "author": {"@type": "Person", "name": r.display_name or ANONYMOUS},
        "datePublished": _day(r.published_at or r.submitted_at),
        "inLanguage": r.language,
        "reviewRating": _rating(r.rating),
    }
    if r.title:
        item["name"] = r.title
    if r.body:
        item["reviewBody"] = r.body
    return item


async def product_jsonld(conn: Connection, shop_id: str, product_id: str) -> str | None:
    """The escaped JSON-LD text; None when the product's name is not known (schema.org's
    Product needs one, and it comes with the first order line of the product)."""
    product = await repository.product(conn, shop_id, product_id)
    if product is None:
        return None
    count, mean = await repository.aggregate(conn, shop_id, product_id)
    reviews = await repository.newest(conn, shop_id, product_id, MAX_REVIEWS) if count else []
    return script_safe(document(product, count, mean, reviews))


async def jsonld(pool: Pool, shop_id: str, product_id: str) -> str:
    async with pool.acquire() as conn:
        if not await repository.shop_known(conn, shop_id):
            raise NoSuchShop(f"no shop {shop_id!r} shows reviews here")
        text = await product_jsonld(conn, shop_id, product_id)
        if text is None:
            if await repository.has_reviews(conn, shop_id, product_id):
                raise NoSuchProduct(
                    f"product {product_id!r} of shop {shop_id!r} has reviews but no name yet "
                    "(it comes with the product's order lines); schema.org's Product needs one"
                )
            raise NoSuchProduct(f"shop {shop_id!r} has no product {product_id!r} here")
        return text
