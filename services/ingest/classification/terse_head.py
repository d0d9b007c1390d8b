"""The second pass's reader of terse reviews: a logistic regression on e5's sentence embedding,
trained on a few words at a time in de, sl, lv and ro (`train_terse.py`).

The general e5 head learnt sentiment from English sentences of ordinary length; told a fact in
a few Slovenian words ("Kavni mlinček je po tednu obmolknil", the coffee grinder fell silent
after a week) it hesitates, and a terse complaint under 5 stars raised no mismatch. This head
reads only such texts: at most `sentiment.TERSE_MAX_WORDS` words in a language the lists cover
besides English."""

import json
from pathlib import Path

import numpy as np

from services.ingest.classification.sentiment import ARTIFACTS, CLASSES, softmax

HEAD_NAME = "sentiment-e5-terse-head"


class TerseHead:
    """A logistic-regression head on e5's embedding, by its artifact name (the shop head,
    shop_head.py, is one too)."""

    def __init__(self, directory: Path = ARTIFACTS, name: str = HEAD_NAME) -> None:
        meta = json.loads((directory / f"{name}.json").read_text("utf-8"))
        if tuple(meta["classes"]) != CLASSES:
            raise ValueError(f"{name}: classes {meta['classes']} are not {CLASSES}")
        with np.load(directory / f"{name}.npz") as weights:
            self._w = weights["weights"].astype(np.float64)
            self._b = weights["bias"].astype(np.float64)

    def probabilities(self, vector: np.ndarray) -> tuple[float, float, float]:
        z = vector.astype(np.float64) @ self._w + self._b
        p = softmax([float(v) for v in z])
        return (p[0], p[1], p[2])
