"""Review events on `reviewloop.reviews`."""

from typing import ClassVar, Literal

from pydantic import AwareDatetime, Field

from shared.events.envelope import EventEnvelope, ExternalId
from shared.events.orders import OrderItem
from shared.events.payload import Payload
from shared.topics import CLASSIFIED, REVIEWS, TopicSpec

ReviewSource = Literal["survey", "trustpilot", "google", "generic"]


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
    # The name the reviewer chose to be shown with a published review (None: anonymous).
    reviewer_name: str | None = Field(
        default=None, max_length=80, exclude_if=lambda value: value is None
    )
    # A discount offered to every respondent alike, never tied to the rating.
    incentivized: bool = False
    submitted_at: AwareDatetime


class ReviewSubmitted(EventEnvelope[ReviewSubmittedPayload]):
    topic: ClassVar[TopicSpec] = REVIEWS
    type: Literal["review.submitted"] = "review.submitted"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.review_id}"


Sentiment = Literal["negative", "neutral", "positive"]
MatchMethod = Literal["reference", "survey", "email_product"]


class Scored(Payload):
    name: str = Field(max_length=64)
    confidence: float = Field(ge=0, le=1)


class ReviewClassification(Payload):
    """What the classifier found; the model version allows replays after an upgrade."""

    model_version: str = Field(max_length=64)
    language: str = Field(max_length=8)
    language_confidence: float = Field(ge=0, le=1)
    sentiment: Sentiment
    sentiment_confidence: float = Field(ge=0, le=1)
    star_text_mismatch: bool
    severity: Literal["low", "medium", "high"]
    severity_reasons: list[str] = Field(default_factory=list, max_length=20)
    topics: list[Scored] = Field(default_factory=list, max_length=20)
    abuse: list[Scored] = Field(default_factory=list, max_length=10)
    removal_candidate: bool
    question: Scored | None = None
    explanations: list[str] = Field(default_factory=list, max_length=30)
    # False when ingest's second, slower classification pass will announce this review again:
    # alerts act on this one at once, automatic replies wait for the final word. Left off the
    # wire when true, so a final classification reads as before the second pass existed.
    final: bool = Field(default=True, exclude_if=lambda value: value)
    # The text says "unfortunately" or its kin: something went wrong, however the rest reads
    # (automatic replies leave it to a person). Left off the wire when false.
    regret: bool = Field(default=False, exclude_if=lambda value: not value)
    # On the second pass's classification: the fast pass's reading of the same revision. Two
    # readings that disagree on a complaint make an uncertain review, which automatic replies
    # leave to a person. Left off the wire when there was no first pass.
    first_pass_sentiment: Sentiment | None = Field(
        default=None, exclude_if=lambda value: value is None
    )


class OrderContext(Payload):
    """The order a review is about, so alerts and replies need no call back to ingest."""

    order_id: ExternalId
    placed_at: AwareDatetime | None = None
    delivered_at: AwareDatetime | None = None
    refunded: bool = False
    items: list[OrderItem] = Field(default_factory=list, max_length=50)


class ReviewClassifiedPayload(Payload):
    review_id: ExternalId
    source: ReviewSource
    source_review_id: ExternalId
    # Reviews of one customer about one order, on any platform, share a case.
    case_key: str = Field(max_length=300)
    revision: int = Field(ge=1)
    rating: int | None = Field(default=None, ge=1, le=5)
    title: str | None = Field(default=None, max_length=500)
    text: str | None = Field(default=None, max_length=20_000)
    reviewer_name: str | None = Field(default=None, max_length=255)
    product_id: ExternalId | None = None
    verified: bool
    match_method: MatchMethod | None = None
    # The reviewer got something for reviewing (the same for every answer, whatever the
    # rating): shown as a label wherever the review is published.
    incentivized: bool = Field(default=False, exclude_if=lambda value: not value)
    order: OrderContext | None = None
    created_at: AwareDatetime
    updated_at: AwareDatetime
    classification: ReviewClassification
    # This revision came from a JSON-lines import of past reviews, not from a live delivery:
    # consumers may hold back what only makes sense for news (paging staff, SLA timers).
    # Left off the wire when false, so live events stay readable by consumers that predate it.
    backfill: bool = Field(default=False, exclude_if=lambda value: not value)


class ReviewClassified(EventEnvelope[ReviewClassifiedPayload]):
    topic: ClassVar[TopicSpec] = CLASSIFIED
    type: Literal["review.classified"] = "review.classified"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.review_id}"


class ReviewDeletedPayload(Payload):
    review_id: ExternalId
    source: ReviewSource
    deleted_at: AwareDatetime


class ReviewDeleted(EventEnvelope[ReviewDeletedPayload]):
    topic: ClassVar[TopicSpec] = CLASSIFIED
    type: Literal["review.deleted"] = "review.deleted"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.review_id}"
