"""Train the second pass's topic head and write `artifacts/topic-e5-head.{npz,json}`.

    python -m services.ingest.classification.train_topics

The examples are the complaint cases of the per-language topic tests
(tests/unit/test_classification_topic_terms_<lang>.py and ..._topic_recall*_<lang>.py: ~2,070
short shop reviews in en, de, sl, lv and ro, each naming its main topic, written by helpers
who never opened the evaluation sets), and the reviews of
tests/fixtures/classification/topic-train-*.jsonl (200 Romanian ones, release 2026.12.32). So
this runs from a source checkout with the dev extra
(pytest), never in a service. Never the dev, blind or frozen sets: those measure it. Embeds
with the second pass's own encoder (~30 s on two threads) and fits a class-balanced
multinomial logistic regression; deterministic for the same library versions.
"""

import argparse
import hashlib
import importlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from services.ingest.classification import datasets
from services.ingest.classification.embedding import Encoder, reading
from services.ingest.classification.sentiment import ARTIFACTS
from services.ingest.classification.text import prepare
from services.ingest.classification.topic_head import COMPLAINT_TOPICS, HEAD_NAME
from services.ingest.classification.train import MAX_ITER, write_npz

REPO = Path(__file__).resolve().parents[3]
CASE_FILES = "tests/unit/test_classification_topic_*_??.py"
TRAIN_FILES = "tests/fixtures/classification/topic-train-*.jsonl"
# C from 1, 3, 10 with each language held out in turn (mean accuracy 0.75, 0.78, 0.80).
C = 10.0


def _values(item: Any) -> tuple[Any, ...] | None:
    values = getattr(item, "values", item)  # a pytest.param(...) carries its tuple in .values
    if isinstance(values, tuple) and len(values) >= 3 and isinstance(values[0], str):
        return values
    return None


def cases() -> list[tuple[str, str]]:
    """(text, main topic) of every complaint case and training review, once per text, in file
    order."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    seen: dict[str, str] = {}
    for path in sorted(REPO.glob(CASE_FILES)):
        module = importlib.import_module(f"tests.unit.{path.stem}")
        for name, value in vars(module).items():
            if not name.isupper() or not isinstance(value, list):
                continue
            for item in value:
                values = _values(item)
                if values and values[2] in COMPLAINT_TOPICS:
                    seen.setdefault(values[0], values[2])
    for review in datasets.topic_training():
        if review.get("main_topic") not in COMPLAINT_TOPICS:
            raise ValueError(f"{TRAIN_FILES}: no complaint main_topic: {review}")
        seen.setdefault(review["text"], review["main_topic"])
    return list(seen.items())


def digest(examples: list[tuple[str, str]]) -> str:
    """What the head was trained on, recorded so a test can tell when the cases changed."""
    return hashlib.sha256(json.dumps(examples, ensure_ascii=False).encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ARTIFACTS)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    examples = cases()
    encoder = Encoder(threads=2)
    texts = [reading(prepare(None, text).original) for text, _ in examples]
    x = np.vstack(encoder.embed_batches([texts[i : i + 16] for i in range(0, len(texts), 16)]))
    y = np.array([COMPLAINT_TOPICS.index(topic) for _, topic in examples])
    head = LogisticRegression(C=C, max_iter=MAX_ITER, class_weight="balanced")
    with threadpool_limits(limits=1):  # the same bytes whatever the core count (train.py)
        head.fit(x, y)
    args.out.mkdir(parents=True, exist_ok=True)
    write_npz(
        args.out / f"{HEAD_NAME}.npz",
        {"weights": head.coef_.T.astype(np.float32), "bias": head.intercept_.astype(np.float32)},
    )
    counts = Counter(topic for _, topic in examples)
    meta = {
        "name": HEAD_NAME,
        "classes": list(COMPLAINT_TOPICS),
        "encoder": "multilingual-e5-small 4-bit (e5_encoder.py), 'passage: query: ' prefix",
        "training": {
            "command": "python -m services.ingest.classification.train_topics",
            "estimator": "sklearn LogisticRegression (lbfgs, multinomial)",
            "C": C,
            "class_weight": "balanced",
            "examples": len(examples),
            "per_topic": dict(sorted(counts.items())),
            "source": f"{CASE_FILES} and {TRAIN_FILES}",
            "examples_sha256": digest(examples),
        },
    }
    (args.out / f"{HEAD_NAME}.json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    print(f"train_topics: {len(examples)} cases, {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
