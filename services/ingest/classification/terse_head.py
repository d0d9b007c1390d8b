"""The second pass's reader of terse reviews: a logistic regression on e5's sentence embedding,
trained on a few words at a time in de, sl, lv and ro (`train_terse.py`).

The general e5 head learnt sentiment from English sentences of ordinary length; told a fact in
a few Slovenian words ("Kavni mlinček je po tednu obmolknil", the coffee grinder fell silent
after a week) it hesitates, and a terse complaint under 5 stars raised no mismatch. This head
reads only such texts: at most `sentiment.TERSE_MAX_WORDS` words in a language the lists cover
besides English."""

import json
import math
from pathlib import Path

import numpy as np

from services.ingest.classification.sentiment import ARTIFACTS, CLASSES, TERSE_LANGUAGES

HEAD_NAME = "sentiment-e5-terse-head"
LANGUAGES = TERSE_LANGUAGES


class TerseHead:
    def __init__(self, directory: Path = ARTIFACTS) -> None:
        meta = json.loads((directory / f"{HEAD_NAME}.json").read_text("utf-8"))
        if tuple(meta["classes"]) != CLASSES:
            raise ValueError(f"{HEAD_NAME}: classes {meta['classes']} are not {CLASSES}")
        self.version: str = meta["version"]
        with np.load(directory / f"{HEAD_NAME}.npz") as weights:
            self._w = weights["weights"].astype(np.float64)
            self._b = weights["bias"].astype(np.float64)

    def probabilities(self, vector: np.ndarray) -> tuple[float, float, float]:
        z = vector.astype(np.float64) @ self._w + self._b
        top = float(z.max())
        e = [math.exp(float(v) - top) for v in z]
        total = sum(e)
        return (e[0] / total, e[1] / total, e[2] / total)
