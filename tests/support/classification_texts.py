"""The texts of the classification fixtures that measure the classifier (evaluation and
development sets), for tests that keep training data apart from them."""

import json
import re
from collections import Counter
from typing import Any

from services.ingest.classification.datasets import FIXTURES

TRAINING_FILES = ("terse-train", "topic-train", "shop-train")
# One writer's texts by the brief of shop-train.jsonl (and shop-english-dev, shop-eval): per
# (sentiment, tag).
SHOP_BRIEF = {
    ("negative", "plain"): 40,
    ("negative", "sarcasm"): 25,
    ("negative", "polite"): 20,
    ("positive", "plain"): 35,
    ("positive", "mixed"): 25,
    ("neutral", "neutral"): 15,
}


def shop_brief_counts(rows: list[dict[str, Any]]) -> dict[tuple[str, str], float]:
    """Per (sentiment, tag), in writers' shares: {key: n / SHOP_BRIEF[key]}."""
    counts = Counter((row["sentiment"], row["tags"][0]) for row in rows)
    return {key: n / SHOP_BRIEF.get(key, 1) for key, n in counts.items()}


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
