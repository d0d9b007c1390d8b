"""The texts of the classification fixtures that measure the classifier (evaluation and
development sets), for tests that keep training data apart from them."""

import json
import re

from services.ingest.classification.datasets import FIXTURES

TRAINING_FILES = ("terse-train", "topic-train", "shop-train")


def normal(text: str) -> str:
    """Lower case, punctuation and spacing collapsed: a copy with other commas is still a copy."""
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def evaluation_texts() -> set[str]:
    return {
        normal(item[key])
        for path in FIXTURES.glob("*.jsonl")
        if not path.name.startswith(TRAINING_FILES)
        for line in path.read_text("utf-8").splitlines()
        if line.startswith("{")
        for item in [json.loads(line)]
        for key in ("text", "title")
        if item.get(key)
    }
