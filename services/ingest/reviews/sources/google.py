"""Google Business Profile-style reviews: the review resource (`reviewId`, `starRating` ONE..FIVE,
`comment`, `reviewer.displayName`, `createTime`, `updateTime`), alone, in `{"reviews": [...]}`,
or wrapped as `{"eventType": "NEW_REVIEW" | "UPDATED_REVIEW" | "DELETED_REVIEW", "review": ...}`.
No order link."""

from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.ingest.reviews.sources.base import (
    NAME_LIMIT,
    TEXT_LIMIT,
    ReviewFact,
    SourceReviewId,
    bounded,
)
from services.ingest.webhooks.adapters.base import validate_model

STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class GReviewer(_Model):
    displayName: str | None = None
    isAnonymous: bool = False


class GReview(_Model):
    reviewId: SourceReviewId
    starRating: Literal["ONE", "TWO", "THREE", "FOUR", "FIVE"]
    comment: str | None = None
    reviewer: GReviewer = GReviewer()
    createTime: AwareDatetime
    updateTime: AwareDatetime | None = None


class GDeleted(_Model):
    reviewId: SourceReviewId


class GEvent(_Model):
    eventType: Literal["NEW_REVIEW", "UPDATED_REVIEW", "DELETED_REVIEW"]
    review: dict[str, Any]


class GList(_Model):
    reviews: list[dict[str, Any]] = Field(min_length=1, max_length=500)


def _fact(review: GReview) -> ReviewFact:
    name = None if review.reviewer.isAnonymous else bounded(review.reviewer.displayName, NAME_LIMIT)
    return ReviewFact(
        source="google",
        source_review_id=review.reviewId,
        operation="upsert",
        updated_at=review.updateTime or review.createTime,
        created_at=review.createTime,
        rating=STARS[review.starRating],
        text=bounded(review.comment, TEXT_LIMIT),
        reviewer_name=name,
    )


def parse(data: Any, received_at: datetime) -> list[ReviewFact]:
    if isinstance(data, dict) and "eventType" in data:
        event = validate_model(GEvent, data, "google review event")
        if event.eventType == "DELETED_REVIEW":
            deleted = validate_model(GDeleted, event.review, "google review event: review")
            return [ReviewFact("google", deleted.reviewId, "delete", updated_at=received_at)]
        return [_fact(validate_model(GReview, event.review, "google review event: review"))]
    if isinstance(data, dict) and "reviews" in data:
        listing = validate_model(GList, data, "google reviews")
        return [_fact(validate_model(GReview, r, "google review")) for r in listing.reviews]
    return [_fact(validate_model(GReview, data, "google review"))]
