"""Reviewloop's own review format, for any review platform or connector (Standard Webhooks
signed): `{"type": "review.created" | "review.updated" | "review.deleted", "data": {...}}`.
Also the line format of the JSON-lines import."""

from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.ingest.reviews.sources.base import (
    TEXT_LIMIT,
    TITLE_LIMIT,
    ReviewFact,
    SourceReviewId,
    bounded,
)
from services.ingest.webhooks.adapters.base import PayloadError, clean_email, validate_model
from shared.events.envelope import ExternalId


class GenericReviewer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=255)
    email: str | None = Field(default=None, max_length=320)


class GenericReview(BaseModel):
    model_config = ConfigDict(extra="forbid")

    review_id: SourceReviewId
    rating: int | None = Field(default=None, ge=1, le=5)
    title: str | None = None
    text: str | None = None
    language: str | None = Field(default=None, max_length=35)
    created_at: AwareDatetime
    updated_at: AwareDatetime | None = None
    reviewer: GenericReviewer = GenericReviewer()
    order_id: ExternalId | None = None
    product_id: ExternalId | None = None
    verified_by_platform: bool = False


class GenericDeleted(BaseModel):
    model_config = ConfigDict(extra="forbid")

    review_id: SourceReviewId


class GenericEnvelope(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["review.created", "review.updated", "review.deleted"]
    data: dict[str, Any]


def parse(data: Any, received_at: datetime) -> list[ReviewFact]:
    envelope = validate_model(GenericEnvelope, data, "review webhook")
    if envelope.type == "review.deleted":
        deleted = validate_model(GenericDeleted, envelope.data, "review webhook: data")
        return [ReviewFact("generic", deleted.review_id, "delete", updated_at=received_at)]
    review = validate_model(GenericReview, envelope.data, "review webhook: data")
    if review.rating is None and not (review.text or "").strip():
        raise PayloadError("review webhook: data: a review needs a rating or a text")
    return [
        ReviewFact(
            source="generic",
            source_review_id=review.review_id,
            operation="upsert",
            updated_at=review.updated_at or review.created_at,
            created_at=review.created_at,
            rating=review.rating,
            title=bounded(review.title, TITLE_LIMIT),
            text=bounded(review.text, TEXT_LIMIT),
            language=review.language,
            reviewer_name=review.reviewer.name,
            reviewer_email=clean_email(review.reviewer.email),
            reference_id=review.order_id,
            product_id=review.product_id,
            platform_verified=review.verified_by_platform,
        )
    ]
