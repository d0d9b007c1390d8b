"""Trustpilot-style review webhooks: `{"events": [{"eventName": "service-review-created" |
"product-review-created" | ...-updated | ...-deleted, "eventData": {...}}]}`. No customer email;
`referenceId` is the shop's order reference."""

from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.ingest.reviews.sources.base import (
    NAME_LIMIT,
    TEXT_LIMIT,
    TITLE_LIMIT,
    ReviewFact,
    SourceReviewId,
    bounded,
)
from services.ingest.webhooks.adapters.base import PayloadError, validate_model
from services.ingest.webhooks.adapters.ids import PlatformId


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class TpConsumer(_Model):
    id: PlatformId | None = None
    name: str | None = None


class TpProduct(_Model):
    # The product id of the review's events: ExternalId's limit (empty means none).
    sku: str | None = Field(default=None, max_length=128)
    mpn: str | None = Field(default=None, max_length=128)
    productUrl: str | None = None


class TpEventData(_Model):
    id: SourceReviewId
    language: str | None = None
    title: str | None = None
    text: str | None = None
    content: str | None = None  # product reviews
    referenceId: str | None = None
    stars: int | None = Field(default=None, ge=1, le=5)
    createdAt: AwareDatetime | None = None
    updatedAt: AwareDatetime | None = None
    isVerified: bool = False
    consumer: TpConsumer | None = None
    product: TpProduct | None = None


class TpEvent(_Model):
    eventName: str
    eventData: TpEventData


class TpBody(_Model):
    events: list[TpEvent] = Field(min_length=1, max_length=500)


def parse(data: Any, received_at: datetime) -> list[ReviewFact]:
    body = validate_model(TpBody, data, "trustpilot webhook")
    facts = []
    for event in body.events:
        name = event.eventName
        kind, _, action = name.rpartition("-")
        if kind not in ("service-review", "product-review") or action not in (
            "created",
            "updated",
            "deleted",
        ):
            raise PayloadError(f"trustpilot webhook: eventName: unknown event {name!r}")
        d = event.eventData
        updated_at = d.updatedAt or d.createdAt or received_at
        if action == "deleted":
            facts.append(ReviewFact("trustpilot", d.id, "delete", updated_at=received_at))
            continue
        if d.stars is None:
            raise PayloadError(f"trustpilot webhook: {name}: eventData.stars: missing")
        product = d.product
        facts.append(
            ReviewFact(
                source="trustpilot",
                source_review_id=d.id,
                operation="upsert",
                updated_at=updated_at,
                created_at=d.createdAt or received_at,
                rating=d.stars,
                title=bounded(d.title, TITLE_LIMIT),
                text=bounded(d.text or d.content, TEXT_LIMIT),
                language=d.language,
                reviewer_name=bounded(d.consumer.name, NAME_LIMIT) if d.consumer else None,
                reference_id=d.referenceId or None,
                product_id=(product.sku or product.mpn) if product else None,
                platform_verified=d.isVerified,
            )
        )
    return facts
