"""What the Google feed and the review page are built from: one published review with what is
known of its product, and the shop that publishes it."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Publisher:
    shop_id: str
    name: str
    locale: str | None


@dataclass(frozen=True, slots=True)
class PublishedReview:
    review_id: str
    product_id: str | None
    rating: int
    title: str | None
    body: str | None
    display_name: str | None
    language: str
    verified: bool
    verified_by: str | None
    incentivized: bool
    submitted_at: datetime
    reply_text: str | None
    replied_at: datetime | None
    product_name: str | None
    sku: str | None
    gtin: str | None
    mpn: str | None
    brand: str | None

    @classmethod
    def of(cls, row: dict[str, Any]) -> "PublishedReview":
        return cls(**row)
