"""What the public reviews API answers: nothing about a reviewer beyond the display name they
chose (no order id, no email, no customer id)."""

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field


class Sort(StrEnum):
    newest = "newest"
    oldest = "oldest"
    highest = "highest"
    lowest = "lowest"


# Pages deeper than this are refused (422): an OFFSET walks every row before it.
MAX_PAGE = 200
MAX_PER_PAGE = 50
DEFAULT_PER_PAGE = 10


class Aggregate(BaseModel):
    count: int
    # Rounded to 2 decimals; null while there is no published review.
    mean: float | None
    distribution: dict[str, int] = Field(
        description='Published reviews per star, keys "1" to "5" (always all five).'
    )


class Reply(BaseModel):
    text: str
    published_at: datetime | None


class PublicReview(BaseModel):
    id: str
    rating: int
    title: str | None
    body: str | None
    display_name: str | None = Field(description="As the reviewer chose it; null: anonymous.")
    language: str
    submitted_at: datetime
    verified: bool
    verified_by: str | None = Field(description="How the purchase was verified.")
    incentivized: bool
    reply: Reply | None


class ReviewsPage(BaseModel):
    shop_id: str
    product_id: str | None = Field(description="null: reviews of the shop itself.")
    aggregate: Aggregate = Field(
        description="Over every published review of the product (or shop), whatever the "
        "language filter."
    )
    reviews: list[PublicReview]
    page: int
    per_page: int
    total: int = Field(description="Published reviews matching the filter.")
    next_page: int | None
