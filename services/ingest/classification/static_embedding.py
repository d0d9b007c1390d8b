"""A static multilingual word embedding distilled from e5 (see distill_static.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
NAME = "static-e5"
# Inflected forms (sl/lv/ro/de endings) fall back to a shorter known stem.
_MIN_STRIP_LENGTH = 6
_MAX_STRIP = 3


class StaticEmbedding:
    """Folded word -> vector; `mean` pools a text's known words. Read-only after load."""

    def __init__(self, words: Sequence[str], vectors: np.ndarray) -> None:
        self._index = {word: row for row, word in enumerate(words)}
        self._vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.dim: int = int(self._vectors.shape[1])

    @classmethod
    def load(cls, directory: Path = ARTIFACTS) -> StaticEmbedding:
        with np.load(directory / f"{NAME}.npz") as data:
            vectors = data["vectors"].astype(np.float32) * data["scales"].astype(np.float32)
            return cls([str(w) for w in data["words"]], vectors)

    def row(self, word: str) -> int | None:
        """The row of a folded word, or of its stem with up to 3 final letters stripped."""
        index = self._index
        row = index.get(word)
        if row is not None or len(word) < _MIN_STRIP_LENGTH:
            return row
        for cut in range(1, _MAX_STRIP + 1):
            row = index.get(word[:-cut])
            if row is not None:
                return row
        return None

    def mean(self, words: Sequence[str]) -> np.ndarray | None:
        """Mean of the known (folded) words' vectors; None when no word is known."""
        get = self._index.get
        rows = []
        for word in words:
            # The dict hit is inlined: this runs for every review on the fast path.
            row = get(word)
            if row is None and len(word) >= _MIN_STRIP_LENGTH:
                row = self.row(word)
            if row is not None:
                rows.append(row)
        if not rows:
            return None
        pooled: np.ndarray = np.add.reduce(self._vectors.take(rows, axis=0), axis=0)
        pooled *= 1.0 / len(rows)
        return pooled
