"""The star/text sets of issue #21 never change: shop reviews in five languages written by
helpers who read no project file, half under stars that clearly contradict the text; measured
by `evaluate`, never edited (tests/fixtures/classification/README.md)."""

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from services.ingest.classification.combine import stars_label
from services.ingest.classification.datasets import star_text_reviews

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "classification"
PINNED = {
    "de": "6b2cd9d986fffe36052dc40e40e00587c41e3687a883025bee9ce19f15dc0ba7",
    "en": "c31da820534abb7b2a8f7401851d6422ad85c2d9730e184f4076c06961e167ae",
    "lv": "c8dea0215f78d2119291909924c2603a3b69f96815945de751075736f585f30a",
    "ro": "1bf4b1c69c1d17b5c4fcfb12ed79be1c408db73ea88d1f2f5c9c8a20bcfe67f0",
    "sl": "4f1d22db3a536c6f8529b27e0ce9da841f0985c9f26fee93a37c2e17dd2b8d98",
}


# The second brief's sets (post-purchase survey answers, de/sl/lv/ro), written after release
# 2026.12.35's thresholds were chosen.
SURVEY_PINNED = {
    "de": "c6035d5c20b72a29503cd83a0ca021c7e00cb297456e926f088defd5e3fdc44d",
    "lv": "c01da8e172fca8b020116b3191b0258f8e976d734a0b6e67c5bd44851e899f45",
    "ro": "480fa4dc605547b829a88b97d3fdb9f54fb2be02f80fb37bb4de91ce04982284",
    "sl": "941b543e36d608a2f4fadb18ec74efb92b4e25513365eaa38e4241297f843c88",
}


@pytest.mark.parametrize("lang", sorted(PINNED))
def test_the_file_is_unchanged(lang: str) -> None:
    digest = hashlib.sha256((FIXTURES / f"stars-{lang}.jsonl").read_bytes()).hexdigest()
    assert digest == PINNED[lang], f"stars-{lang}.jsonl was edited: the star/text sets never change"


def test_every_star_text_file_is_pinned() -> None:
    assert {p.stem.removeprefix("stars-") for p in FIXTURES.glob("stars-??.jsonl")} == set(PINNED)


@pytest.mark.parametrize("lang", sorted(PINNED))
def test_the_composition_the_evaluation_relies_on(lang: str) -> None:
    reviews = [r for r in star_text_reviews() if r.language == lang]
    assert len(reviews) == 60 and len({r.id for r in reviews}) == 60
    kinds = Counter(
        (r.text_sentiment, "agrees" if stars_label(r.rating) == r.text_sentiment else "contradicts")
        for r in reviews
    )
    assert kinds == {
        ("negative", "agrees"): 15,
        ("negative", "contradicts"): 15,
        ("positive", "agrees"): 15,
        ("positive", "contradicts"): 15,
    }
    assert all(r.rating != 3 for r in reviews)


def test_the_written_kind_matches_the_stars() -> None:
    """The writers' own `kind` field says the same as the stars against the text's sentiment."""
    import json

    for path in [*FIXTURES.glob("stars-??.jsonl"), *FIXTURES.glob("stars-survey-*.jsonl")]:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip() or line.startswith("//"):
                continue
            item = json.loads(line)
            contradicts = stars_label(item["rating"]) != item["sentiment"]
            assert (item["kind"] == "contradicting") == contradicts, item["id"]


@pytest.mark.parametrize("lang", sorted(SURVEY_PINNED))
def test_the_survey_file_is_unchanged_and_balanced(lang: str) -> None:
    path = FIXTURES / f"stars-survey-{lang}.jsonl"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == SURVEY_PINNED[lang], (
        f"{path.name} was edited: the star/text sets never change"
    )
    reviews = [r for r in star_text_reviews("stars-survey-*.jsonl") if r.language == lang]
    kinds = Counter(
        (r.text_sentiment, "agrees" if stars_label(r.rating) == r.text_sentiment else "contradicts")
        for r in reviews
    )
    assert set(kinds.values()) == {10} and len(kinds) == 4


def test_every_survey_file_is_pinned() -> None:
    found = {p.stem.removeprefix("stars-survey-") for p in FIXTURES.glob("stars-survey-*.jsonl")}
    assert found == set(SURVEY_PINNED)
