"""Review events on `reviewloop.reviews`."""

from typing import ClassVar, Literal

from pydantic import AwareDatetime, Field

from shared.events.envelope import EventEnvelope, ExternalId
from shared.events.payload import Payload
from shared.topics import REVIEWS, TopicSpec

ReviewSource = Literal["survey", "trustpilot", "google", "generic", "import"]


class ReviewSubmittedPayload(Payload):
    review_id: ExternalId
    source: ReviewSource
    order_id: ExternalId | None = None
    product_id: ExternalId | None = None
    rating: int = Field(ge=1, le=5)
    title: str | None = Field(default=None, max_length=200)
    text: str | None = Field(default=None, max_length=5000)
    language: str | None = Field(default=None, max_length=35)
    verified_purchase: bool
    # A discount offered to every respondent alike, never tied to the rating.
    incentivized: bool = False
    submitted_at: AwareDatetime


class ReviewSubmitted(EventEnvelope[ReviewSubmittedPayload]):
    topic: ClassVar[TopicSpec] = REVIEWS
    type: Literal["review.submitted"] = "review.submitted"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.review_id}"
