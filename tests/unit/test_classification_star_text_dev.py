"""The second pass's star/text mismatch outside English, on the development star/text sets
(`stars-dev-*.jsonl`: 80 shop reviews per language in de, sl, lv and ro, half under stars that
clearly contradict the text). The `e5+lexicon` thresholds were chosen on these (combine.py);
the frozen `stars-<language>.jsonl` sets are their check (`evaluate`)."""

from collections import Counter

import pytest

from services.ingest.classification import Classifier, ReviewInput
from services.ingest.classification.combine import stars_label
from services.ingest.classification.datasets import star_text_reviews


def _flags(classifier: Classifier) -> Counter[str]:
    reviews = star_text_reviews("stars-dev-*.jsonl")
    results = classifier.classify_many(
        [ReviewInput(text=r.text, rating=r.rating, declared_language=r.language) for r in reviews]
    )
    counts: Counter[str] = Counter()
    for review, result in zip(reviews, results, strict=True):
        agrees = review.text_sentiment == stars_label(review.rating)
        side = "agreeing" if agrees else "contradicting"
        counts[side] += 1
        counts[f"{side} flagged"] += result.star_text_mismatch
    return counts


def test_the_development_sets_share_no_review_with_the_frozen_ones() -> None:
    reviews = star_text_reviews("stars-dev-*.jsonl")
    assert Counter(r.language for r in reviews) == {"de": 80, "sl": 80, "lv": 80, "ro": 80}
    assert not {r.id for r in reviews} & {r.id for r in star_text_reviews()}
    assert not {r.text for r in reviews} & {r.text for r in star_text_reviews()}


@pytest.mark.timeout(300)
def test_the_second_pass_flags_contradicting_stars_outside_english(
    embedding_classifier: Classifier,
) -> None:
    """Measured on release 2026.12.35: 120 of 160 flagged, 4 of 160 agreeing (the thresholds
    before: 82 and 1; the `e5+lexicon` ones alone: 110 and 4)."""
    counts = _flags(embedding_classifier)
    assert (counts["contradicting"], counts["agreeing"]) == (160, 160)
    assert counts["contradicting flagged"] >= 115
    # e5+lexicon by the <= 4 % rule; e5-de-sl-lv-ro at the lowest adding no false flag
    assert counts["agreeing flagged"] <= 4
