"""What every review source gives the review service."""

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from services.ingest.webhooks.adapters.base import PayloadError
from services.ingest.webhooks.adapters.ids import PlatformId
from shared.events.reviews import ReviewSource
from shared.time_bounds import TimeOutOfBounds, fact_time


@dataclass(frozen=True)
class ReviewFact:
    source: ReviewSource
    source_review_id: str
    operation: Literal["upsert", "delete"]
    updated_at: datetime
    created_at: datetime | None = None
    rating: int | None = None
    title: str | None = None
    text: str | None = None
    language: str | None = None
    reviewer_name: str | None = None
    reviewer_email: str | None = None
    # The platform's link to the purchase: an order id or the shop's order reference.
    reference_id: str | None = None
    product_id: str | None = None
    platform_verified: bool = False
    # The reviewer got something for reviewing (our surveys' incentive, the same for everyone).
    incentivized: bool = False
    # Read from a JSON-lines import of past reviews rather than delivered live.
    backfill: bool = False

    def __post_init__(self) -> None:
        # A year-9999 review would be stored, then overflow the SLA due time downstream.
        for name, value in (("created_at", self.created_at), ("updated_at", self.updated_at)):
            if value is None:
                continue
            try:
                fact_time(value)
            except TimeOutOfBounds as exc:
                raise PayloadError(f"review {self.source_review_id}: {name}: {exc}") from None

    @property
    def review_id(self) -> str:
        return f"{self.source}:{self.source_review_id}"


def bounded(text: str | None, limit: int) -> str | None:
    """Platform texts are kept whole up to a generous cap; beyond it they are cut, not refused."""
    if text is None:
        return None
    text = text.strip()
    return text[:limit] or None


TEXT_LIMIT = 20_000
TITLE_LIMIT = 500
NAME_LIMIT = 255

# A review's id is "{source}:{the platform's id}" and must fit the events' 128 characters.
SourceReviewId = Annotated[PlatformId, Field(max_length=128 - len("trustpilot:"))]
