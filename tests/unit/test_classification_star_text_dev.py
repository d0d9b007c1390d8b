"""The second pass's star/text mismatch outside English, on the development star/text sets
(`stars-dev-*.jsonl`: 80 shop reviews per language in de, sl, lv and ro, half under stars that
clearly contradict the text). The `e5+lexicon` and `e5-de-sl-lv-ro` thresholds were chosen on
these (combine.py); the frozen `stars-<language>.jsonl` sets are their check (`evaluate`)."""

from collections import Counter

import pytest

from services.ingest.classification import Classifier, evaluate
from services.ingest.classification.datasets import star_text_reviews


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
    section = evaluate._star_text(embedding_classifier, star_text_reviews("stars-dev-*.jsonl"))
    assert (section["contradicting"], section["consistent"]) == (160, 160)
    assert section["flagged"] >= 115
    # e5+lexicon by the <= 4 % rule; e5-de-sl-lv-ro at the lowest adding no false flag
    assert section["false_flags"] <= 4


@pytest.mark.timeout(300)
def test_the_second_pass_on_the_mixed_development_sets(embedding_classifier: Classifier) -> None:
    """Release 2026.12.35 on `stars-mixed-dev-*.jsonl` (docs/classification.md "Mixed
    reviews"): 50 of 80 contradicting flagged and 11 of 80 mixed consistent ones, all mixed."""
    section = evaluate._star_text(
        embedding_classifier, star_text_reviews("stars-mixed-dev-*.jsonl")
    )
    assert (section["contradicting"], section["consistent"]) == (80, 80)
    assert section["flagged"] >= 48
    assert section["false_flags"] <= 11
    assert section["by_tag"]["mixed"]["consistent"] == 80
