"""Text sentiment from the committed linear model (artifacts/sentiment-linear.*).

Two heads share one artifact:
- `en`: word, bigram and character n-grams plus the lexicon features, for English text;
- `lexicon`: the lexicon features alone, for de, sl, lv, ro (and, with less confidence, any
  other language). Both were trained on English data; the lexicon head transfers because its
  features count polarity words from lists written for every language.
"""

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from services.ingest.classification.features import has_evidence, lexicon_counts, lexicon_vector
from services.ingest.classification.language import SUPPORTED
from services.ingest.classification.scan import Scan
from services.ingest.classification.schemas import SentimentLabel
from services.ingest.classification.text import PreparedText

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
Weights = tuple[float, float, float]
_WORD = re.compile(r"\w+")  # as features.ngrams
MODEL_NAME = "sentiment-linear"
CLASSES: tuple[SentimentLabel, SentimentLabel, SentimentLabel] = ("negative", "neutral", "positive")
# Outside the five languages the lists barely apply: the text counts for less against the stars.
_OTHER_LANGUAGE_DAMPING = 0.6
# English: share of the n-gram head's scores when the term lists found polarity words (the rest
# is the lexicon head), and the weight of the n-gram head alone when they found none.
EN_NGRAM_SHARE = 0.3
EN_NGRAM_ONLY_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class TextSentiment:
    label: SentimentLabel
    confidence: float
    probabilities: tuple[float, float, float]  # in CLASSES order
    head: str
    evidence: tuple[str, ...]
    # How much the text counts against the stars when both are known.
    weight: float


def _softmax(z: list[float]) -> list[float]:
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


class LinearSentimentModel:
    def __init__(self, directory: Path = ARTIFACTS, name: str = MODEL_NAME) -> None:
        meta: dict[str, Any] = json.loads((directory / f"{name}.json").read_text("utf-8"))
        if tuple(meta["classes"]) != CLASSES:
            raise ValueError(f"{name}: classes {meta['classes']}, expected {CLASSES}")
        self.meta = meta
        self.version: str = meta["version"]
        features: list[str] = meta["vocabulary"]
        with np.load(directory / f"{name}.npz") as weights:
            ngram_w = weights["ngram_weights"].astype(np.float64)
            self._en_lex_w = weights["en_lexicon_weights"].astype(np.float64).tolist()
            self._en_bias = weights["en_bias"].astype(np.float64).tolist()
            self._lex_w = weights["lexicon_weights"].astype(np.float64).tolist()
            self._lex_bias = weights["lexicon_bias"].astype(np.float64).tolist()
        if ngram_w.shape != (len(features), len(CLASSES)):
            raise ValueError(f"{name}: weights do not match the vocabulary")
        # A review has a few dozen n-grams: plain tuples summed in Python beat numpy's per-call
        # overhead several times over at that size. Bigrams are nested by their first word, so
        # scoring never builds a string per bigram (building and hashing them was most of the
        # cost on long reviews).
        self._words: dict[str, Weights] = {}
        self._bigrams: dict[str, dict[str, Weights]] = {}
        for feature, row in zip(features, ngram_w.tolist(), strict=True):
            kind, _, value = feature.partition(":")
            weights = (row[0], row[1], row[2])
            if kind == "w":
                self._words[value] = weights
            else:
                first, _, second = value.partition(" ")
                self._bigrams.setdefault(first, {})[second] = weights

    @staticmethod
    def _linear(bias: list[float], weights: list[list[float]], x: list[float]) -> list[float]:
        z = list(bias)
        for value, row in zip(x, weights, strict=True):
            if value:
                z[0] += value * row[0]
                z[1] += value * row[1]
                z[2] += value * row[2]
        return z

    def en_scores(
        self, model_text: str, lex: list[float]
    ) -> tuple[list[float], list[tuple[tuple[str, ...], Weights]]]:
        """The same features as `features.ngrams` (distinct words and bigrams), in text order."""
        words = _WORD.findall(model_text)
        known: list[tuple[tuple[str, ...], Weights]] = []
        seen_words: set[str] = set()
        seen_pairs: set[tuple[str, str]] = set()
        word_get = self._words.get
        bigram_get = self._bigrams.get
        previous = ""
        for word in words:
            if word not in seen_words:
                seen_words.add(word)
                weights = word_get(word)
                if weights is not None:
                    known.append(((word,), weights))
            if previous:
                following = bigram_get(previous)
                if following is not None:
                    weights = following.get(word)
                    if weights is not None and (previous, word) not in seen_pairs:
                        seen_pairs.add((previous, word))
                        known.append(((previous, word), weights))
            previous = word
        z = self._linear(self._en_bias, self._en_lex_w, lex)
        if known:
            scale = 1.0 / math.sqrt(len(known))
            for _, w in known:
                z[0] += w[0] * scale
                z[1] += w[1] * scale
                z[2] += w[2] * scale
        return z, known

    def lexicon_scores(self, lex: list[float]) -> list[float]:
        return self._linear(self._lex_bias, self._lex_w, lex)

    @staticmethod
    def _top_features(
        known: list[tuple[tuple[str, ...], Weights]], cls: int, k: int = 3
    ) -> tuple[str, ...]:
        """The n-grams that pushed hardest towards the predicted class, for the explanation."""
        best = sorted(known, key=lambda fw: fw[1][cls], reverse=True)[:k]
        return tuple(" ".join(f) for f, w in best if w[cls] > 0)

    def predict(self, prepared: PreparedText, scan: Scan, language: str) -> TextSentiment | None:
        counts = lexicon_counts(scan, prepared.original)
        lex = lexicon_vector(counts)
        evidence_in_lists = has_evidence(counts)
        if language == "en" and prepared.tokens:
            z_en, known = self.en_scores(prepared.model_text, lex)
            if evidence_in_lists:
                # The n-grams learned movie and medicine reviews; shop reviews share their
                # polarity words but not their topics, so the lists lead where they apply.
                z = [
                    EN_NGRAM_SHARE * a + (1 - EN_NGRAM_SHARE) * b
                    for a, b in zip(z_en, self.lexicon_scores(lex), strict=True)
                ]
                weight = 1.0
            else:
                z = z_en
                weight = EN_NGRAM_ONLY_WEIGHT
            probs = _softmax(z)
            cls = max(range(3), key=probs.__getitem__)
            head = "en" if evidence_in_lists else "en-ngrams"
            evidence = tuple(
                dict.fromkeys(
                    [m.text for m in scan.of("polarity")] + list(self._top_features(known, cls))
                )
            )[:4]
            confidence = probs[cls] * (1.0 if evidence_in_lists else EN_NGRAM_ONLY_WEIGHT)
        else:
            if not evidence_in_lists:
                return None
            probs = _softmax(self.lexicon_scores(lex))
            cls = max(range(3), key=probs.__getitem__)
            terms = [m.text for m in scan.of("polarity")]
            evidence = tuple(dict.fromkeys(terms))[:3]
            head = "lexicon"
            confidence = probs[cls]
            weight = 1.0
            if language not in SUPPORTED:
                confidence *= _OTHER_LANGUAGE_DAMPING
                weight = _OTHER_LANGUAGE_DAMPING
        p = (probs[0], probs[1], probs[2])
        return TextSentiment(CLASSES[cls], round(confidence, 3), p, head, evidence, weight)
