"""The frozen evaluation sets of issue #21 never change: written before the term-list work,
measured by `evaluate`, never edited (tests/fixtures/classification/README.md)."""

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import get_args

import pytest

from services.ingest.classification.schemas import TopicName

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "classification"
PINNED = {
    "de": "a541482ca3f2d3820d4b39596273d338f7328bb2e5feaacb7d3ed360421c6fec",
    "sl": "431ad48b509c7db25b5d3a84d5b3f87efcc36f926725db9742d4fccd0c6d35e2",
    "en": "f98bb7f4ba1cca04139542c060135c1ef1f65fdb1811b37779d838b1af7dae96",
    "lv": "9d2fb15fd6727ce1414ea8ff46241c6fc2e9154095f477a9bd7e5d38d0f66984",
    "ro": "e6d754ebfdba4b53d38325a2987a008a899f184f5147b02c9e9c09befd954a9b",
}
# Every topic but praise is the main topic of exactly three complaints.
TOPICS = set(get_args(TopicName)) - {"praise"}


def reviews(lang: str) -> list[dict[str, object]]:
    lines = (FIXTURES / f"frozen-{lang}.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("//")]


@pytest.mark.parametrize("lang", sorted(PINNED))
def test_the_file_is_unchanged(lang: str) -> None:
    digest = hashlib.sha256((FIXTURES / f"frozen-{lang}.jsonl").read_bytes()).hexdigest()
    assert digest == PINNED[lang], f"frozen-{lang}.jsonl was edited: the frozen sets never change"


def test_every_frozen_file_is_pinned() -> None:
    assert {p.stem.removeprefix("frozen-") for p in FIXTURES.glob("frozen-*.jsonl")} == set(PINNED)


@pytest.mark.parametrize("lang", sorted(PINNED))
def test_the_composition_the_evaluation_relies_on(lang: str) -> None:
    items = reviews(lang)
    assert len(items) == 50
    assert len({item["id"] for item in items}) == 50
    assert all(item["language"] == lang for item in items)
    topical = [item for item in items if item["set"] == "topic"]
    assert len(topical) == 30
    assert all(item["sentiment"] == "negative" for item in topical)
    main = Counter(str(item["main_topic"]) for item in topical)
    assert set(main) == TOPICS and set(main.values()) == {3}
    reasons = Counter(r for item in items for r in item["severity_reasons"])  # type: ignore[attr-defined]
    assert reasons == {
        "health_injury": 2,
        "safety": 2,
        "legal_threat": 1,
        "fraud_claim": 1,
        "chargeback_threat": 1,
    }
