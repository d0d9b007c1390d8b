"""Review sources on real and documented payloads."""

from datetime import UTC, datetime

import pytest

from services.ingest.reviews.sources import generic, google, trustpilot
from services.ingest.webhooks.adapters.base import PayloadError
from tests.support.platforms import fixture

NOW = datetime(2026, 11, 23, tzinfo=UTC)


@pytest.mark.parametrize("name", ["service-review-created", "service-review-created.captured"])
def test_trustpilot_published_and_captured_payloads(name: str) -> None:
    payload = fixture("trustpilot", name)
    (fact,) = trustpilot.parse(payload, NOW)
    data = payload["events"][0]["eventData"]
    assert fact.review_id == f"trustpilot:{data['id']}"
    assert fact.rating == data["stars"] and fact.text == data["text"]
    assert fact.reference_id == data["referenceId"]
    assert fact.language == "en" and fact.platform_verified is True
    assert fact.reviewer_email is None  # Trustpilot sends none


def test_trustpilot_update_delete_and_product_reviews() -> None:
    base = fixture("trustpilot", "service-review-created")["events"][0]
    updated = {**base, "eventName": "service-review-updated"}
    deleted = {"eventName": "service-review-deleted", "eventData": {"id": base["eventData"]["id"]}}
    product = {
        "eventName": "product-review-created",
        "eventData": {
            "id": "p1",
            "stars": 2,
            "content": "Zipper broke after a week",
            "createdAt": "2026-11-01T10:00:00Z",
            "referenceId": "1001",
            "product": {"sku": "JKT-1"},
        },
    }
    facts = trustpilot.parse({"events": [updated, deleted, product]}, NOW)
    assert [f.operation for f in facts] == ["upsert", "delete", "upsert"]
    assert facts[2].text == "Zipper broke after a week" and facts[2].product_id == "JKT-1"
    with pytest.raises(PayloadError, match="eventName"):
        trustpilot.parse({"events": [{**base, "eventName": "invitation-sent"}]}, NOW)
    with pytest.raises(PayloadError, match="stars"):
        trustpilot.parse(
            {"events": [{**base, "eventData": {**base["eventData"], "stars": None}}]}, NOW
        )


def test_google_resource_list_and_events() -> None:
    review = {
        "name": "accounts/1/locations/2/reviews/abc",
        "reviewId": "abc",
        "reviewer": {"displayName": "Marta K.", "isAnonymous": False},
        "starRating": "TWO",
        "comment": "Paket je prišel poškodovan.",
        "createTime": "2026-11-20T08:00:00Z",
        "updateTime": "2026-11-21T08:00:00Z",
    }
    (fact,) = google.parse(review, NOW)
    assert (fact.rating, fact.reviewer_name, fact.reference_id) == (2, "Marta K.", None)
    assert fact.updated_at == datetime(2026, 11, 21, 8, tzinfo=UTC)
    anonymous = {**review, "reviewer": {"displayName": "x", "isAnonymous": True}}
    assert google.parse({"reviews": [review, anonymous]}, NOW)[1].reviewer_name is None
    (gone,) = google.parse({"eventType": "DELETED_REVIEW", "review": {"reviewId": "abc"}}, NOW)
    assert gone.operation == "delete"
    with pytest.raises(PayloadError, match="starRating"):
        google.parse({**review, "starRating": "SIX"}, NOW)


def test_generic_format() -> None:
    (fact,) = generic.parse(
        {
            "type": "review.created",
            "data": {
                "review_id": "r-1",
                "rating": 1,
                "text": "<p>Never arrived</p>",
                "created_at": "2026-11-20T08:00:00Z",
                "reviewer": {"name": "Ana", "email": "Ana@Example.com"},
                "product_id": "tea",
            },
        },
        NOW,
    )
    assert fact.reviewer_email == "Ana@example.com" and fact.product_id == "tea"
    with pytest.raises(PayloadError, match="rating or a text"):
        generic.parse(
            {
                "type": "review.created",
                "data": {"review_id": "x", "created_at": "2026-01-01T00:00:00Z"},
            },
            NOW,
        )
    with pytest.raises(PayloadError, match="created_at"):
        generic.parse({"type": "review.created", "data": {"review_id": "x", "rating": 3}}, NOW)
