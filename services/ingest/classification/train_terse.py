"""Train the second pass's terse-review head and write
`artifacts/sentiment-e5-terse-head.{npz,json}`.

    python -m services.ingest.classification.train_terse

The examples are `tests/fixtures/classification/terse-train.jsonl`: short shop reviews in de,
sl, lv and ro, each labelled with what its text says, written for this head by helpers who read
no project file (the file's comment says how). Never the terse evaluation sets a, b and c, the
development, blind or frozen sets: those measure it. So this runs from a source checkout, never
in a service. Embeds with the second pass's own encoder (~30 s on two threads), reads each
writer pair's texts with a head trained on the other pair's (a new writer's wording is what the
head meets in a shop), reports the star/text mismatch those readings, blended with e5's general
head as the second pass blends them, would raise at each threshold, and fits a class-balanced
multinomial logistic regression on all of them; deterministic for the same library versions.
"""

import argparse
import hashlib
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from services.ingest.classification import datasets
from services.ingest.classification.embedding import HEAD_NAME as E5_HEAD_NAME
from services.ingest.classification.embedding import TERSE_WEIGHT, Encoder, reading
from services.ingest.classification.sentiment import ARTIFACTS, CLASSES, TERSE_LANGUAGES
from services.ingest.classification.terse_head import HEAD_NAME
from services.ingest.classification.text import prepare
from services.ingest.classification.train import MAX_ITER, write_npz

SOURCE = "tests/fixtures/classification/terse-train.jsonl"
EXTRA_SOURCE = "tests/fixtures/classification/terse-train-extra.jsonl"
VERSION = "2026.12.30"
# From 3, 10, 30 by the recall of the star/text mismatch at <= 4 % false flags, each writer pair
# read by a head trained on the other's and blended as the second pass blends it (negative and
# positive texts: 0.20 and 0.21, 0.25 and 0.26, 0.29 and 0.29; the head alone's accuracy 0.66,
# 0.67, 0.67).
C = 30.0
THRESHOLDS = (0.6, 0.65, 0.7, 0.75, 0.8)


def examples(extra: bool = False) -> list[dict[str, Any]]:
    """The shipped head's examples; with `extra` also terse-train-extra.jsonl, which a head of
    release 2026.12.32 was tried on and not shipped (docs/classification.md, "Terse reviews")."""
    rows = datasets.terse_training() + (datasets.terse_training_extra() if extra else [])
    for row in rows:
        if row["language"] not in TERSE_LANGUAGES or row["sentiment"] not in CLASSES:
            raise ValueError(f"{SOURCE} or {EXTRA_SOURCE}: {row}")
    return rows


def digest(rows: list[dict[str, Any]]) -> str:
    """What the head was trained on, recorded so a test can tell when the examples changed."""
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def _fit(x: np.ndarray, y: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    head = LogisticRegression(C=c, max_iter=MAX_ITER, class_weight="balanced")
    with threadpool_limits(limits=1):  # the same bytes whatever the core count (train.py)
        head.fit(x, y)
    return head


def writers(rows: list[dict[str, Any]]) -> list[str]:
    """Ids are <language>-<writers>-<n>: a pair of writers (1, 2) or, in the extra file, one
    writer (3-10); in shop-train.jsonl one writer per language in each of two groups (a, b)."""
    return [str(row["id"]).split("-")[1] for row in rows]


def held_out(x: np.ndarray, y: np.ndarray, groups: list[str], c: float) -> np.ndarray:
    """Each writer group's probabilities from a head trained on the other groups' texts."""
    out = np.zeros((len(y), len(CLASSES)))
    for group in sorted(set(groups)):
        mask = np.array([g == group for g in groups])
        out[mask] = _fit(x[~mask], y[~mask], c).predict_proba(x[mask])
    return out


def general_head(x: np.ndarray) -> np.ndarray:
    with np.load(ARTIFACTS / f"{E5_HEAD_NAME}.npz") as weights:
        z = x @ weights["weights"].astype(np.float64) + weights["bias"].astype(np.float64)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def mismatch_table(probs: np.ndarray, y: np.ndarray) -> dict[str, dict[str, float]]:
    """Per threshold: of the negative texts, the share whose P(negative) reaches it (flagged
    under 4-5 stars), of the positive ones the share whose P(positive) does (flagged under 1-2),
    and the false flags: positive texts with P(negative) at it, negative with P(positive)."""
    negative, positive = y == 0, y == 2
    table: dict[str, dict[str, float]] = {}
    for tau in THRESHOLDS:
        table[f"{tau:.2f}"] = {
            "negative_recall": round(float((probs[negative, 0] >= tau).mean()), 3),
            "negative_false_flags": round(float((probs[positive, 0] >= tau).mean()), 3),
            "positive_recall": round(float((probs[positive, 2] >= tau).mean()), 3),
            "positive_false_flags": round(float((probs[negative, 2] >= tau).mean()), 3),
        }
    return table


def embedded(rows: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """The rows' texts as the second pass reads them (e5 on two threads), and their labels."""
    texts = [reading(prepare(None, row["text"]).original) for row in rows]
    encoder = Encoder(threads=2)
    x = np.vstack(encoder.embed_batches([texts[i : i + 16] for i in range(0, len(texts), 16)]))
    y = np.array([CLASSES.index(row["sentiment"]) for row in rows])
    return x.astype(np.float64), y


def write_head(
    out: Path,
    name: str,
    version: str,
    head: Any,
    rows: list[dict[str, Any]],
    training: dict[str, Any],
) -> None:
    """A head on e5's embedding as `<name>.npz` and `<name>.json` (what it was trained on, with
    `training`'s command, source and held-out figures), for the de/sl/lv/ro heads."""
    out.mkdir(parents=True, exist_ok=True)
    write_npz(
        out / f"{name}.npz",
        {"weights": head.coef_.T.astype(np.float32), "bias": head.intercept_.astype(np.float32)},
    )
    counts = Counter((r["language"], r["sentiment"]) for r in rows)
    meta = {
        "name": name,
        "version": version,
        "classes": list(CLASSES),
        "languages": list(TERSE_LANGUAGES),
        "encoder": "multilingual-e5-small 4-bit (e5_encoder.py), 'passage: query: ' prefix",
        "training": {
            "command": training["command"],
            "estimator": "sklearn LogisticRegression (lbfgs, multinomial)",
            "C": head.C,
            "class_weight": "balanced",
            "examples": len(rows),
            "per_language_and_label": {
                f"{lang} {label}": n for (lang, label), n in sorted(counts.items())
            },
            "source": training["source"],
            "examples_sha256": digest(rows),
            **{k: v for k, v in training.items() if k not in ("command", "source")},
        },
    }
    (out / f"{name}.json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ARTIFACTS)
    parser.add_argument(
        "--with-extra", action="store_true", help="also terse-train-extra.jsonl (not shipped)"
    )
    args = parser.parse_args(argv)
    if args.with_extra and args.out == ARTIFACTS:
        # The shipped head is trained without them (docs/classification.md, release 2026.12.32).
        parser.error("--with-extra trains a head that is not shipped: give --out DIR")
    started = time.perf_counter()
    rows = examples(args.with_extra)
    x, y = embedded(rows)
    blend = TERSE_WEIGHT * held_out(x, y, writers(rows), C) + (1 - TERSE_WEIGHT) * general_head(x)
    accuracy = round(float((blend.argmax(axis=1) == y).mean()), 3)
    table = mismatch_table(blend, y)
    write_head(
        args.out,
        HEAD_NAME,
        VERSION,
        _fit(x, y, C),
        rows,
        {
            "command": "python -m services.ingest.classification.train_terse",
            "source": SOURCE + (f" and {EXTRA_SOURCE}" if args.with_extra else ""),
            "held_out": "each writer pair read by a head trained on the other's, blended with "
            f"the general e5 head at {TERSE_WEIGHT}",
            "held_out_accuracy": accuracy,
            "held_out_mismatch": table,
        },
    )
    print(f"train_terse: {len(rows)} examples, held-out accuracy {accuracy}, ", end="")
    print(f"{time.perf_counter() - started:.0f} s")
    for tau, shares in table.items():
        print(f"  {tau}: {shares}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
