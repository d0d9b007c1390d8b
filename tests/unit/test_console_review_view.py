"""The review page reads the stored classification and order JSON defensively: whatever shape
an older classifier or a partial order wrote, the page shows what is there and never fails."""

from datetime import UTC, datetime

import pytest

from services.responder.console.review import view


def test_a_full_classification_with_confidences_and_explanations() -> None:
    found = view.classification(
        {
            "sentiment": "negative",
            "sentiment_confidence": 0.954,
            "severity": "high",
            "severity_reasons": ["safety: fire", 3],
            "topics": [{"name": "delivery", "confidence": 0.8}, "refund", {"confidence": 1}],
            "abuse": [{"name": "insult", "confidence": True}],
            "question": {"name": "delivery_time", "confidence": 0.7},
            "removal_candidate": True,
            "explanations": ["negative words: broken"],
            "language": "de",
            "language_confidence": 0.9,
            "model_version": "m-3",
        }
    )
    assert found["sentiment_percent"] == 95 and found["severity_reasons"] == ["safety: fire"]
    assert found["topics"] == [view.Scored("delivery", 80), view.Scored("refund", None)]
    # A boolean is not a confidence.
    assert found["abuse"] == [view.Scored("insult", None)]
    assert found["question"] == view.Scored("delivery_time", 70)
    assert found["removal_candidate"] is True and found["explanations"] == [
        "negative words: broken"
    ]
    assert (found["language"], found["language_percent"], found["model_version"]) == (
        "de",
        90,
        "m-3",
    )


@pytest.mark.parametrize("stored", [None, [], "text", {"topics": "x", "question": 5}])
def test_anything_else_shows_nothing_rather_than_failing(stored: object) -> None:
    found = view.classification(stored)
    assert found["topics"] == [] and found["question"] is None and found["sentiment"] is None


def test_the_order_context_from_its_json() -> None:
    order = view.order(
        {
            "order_id": "1001",
            "placed_at": "2026-11-12T07:00:00+00:00",
            "delivered_at": "not a date",
            "refunded": True,
            "items": [{"product_id": "pot", "name": "Teapot", "quantity": 2}, "junk"],
        }
    )
    assert order is not None
    assert order["placed_at"] == datetime(2026, 11, 12, 7, tzinfo=UTC)
    assert order["delivered_at"] is None and order["refunded"] is True
    assert [(i["name"], i["quantity"]) for i in order["items"]] == [("Teapot", 2)]
    assert view.order(None) is None


def test_review_links_encode_the_id_as_one_segment() -> None:
    assert view.review_url("s-link", "generic:a/b#c d?e") == (
        "/console/reviews/s-link/generic%3Aa%2Fb%23c%20d%3Fe"
    )


def test_actors_by_name_where_known() -> None:
    assert view.actor_name("user:7", {7: "Ana"}) == "Ana"
    assert view.actor_name("user:8", {7: "Ana"}) == "user:8"
    assert view.actor_name("connector", {}) == "connector"
