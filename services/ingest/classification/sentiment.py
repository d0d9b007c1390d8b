"""Text sentiment from the committed linear model (artifacts/sentiment-linear.*).

Two heads share one artifact, both with a real neutral class (never an "unsure" fallback):
- `en`: word and bigram n-grams, English word valences, the list features and the static
  embedding mean, for English text;
- `multilingual`: the list features and the static embedding mean, for de, sl, lv, ro (and,
  with less confidence, any other language). Both were trained on English data; the
  multilingual head transfers because the lists are written for every language and the
  embedding places words of the five languages near their translations.
"""

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from services.ingest.classification.features import (
    DenseFeatures,
    has_evidence,
    lexicon_counts,
    lexicon_vector,
)
from services.ingest.classification.language import SUPPORTED
from services.ingest.classification.lexicons.sentiment import (
    CONTRAST_WORDS_EN,
    NEGATED_PRAISE_OPENERS,
)
from services.ingest.classification.scan import Scan
from services.ingest.classification.schemas import SentimentLabel
from services.ingest.classification.text import SENTENCE_END, PreparedText
from services.ingest.classification.topics import TopicHint

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
Weights = tuple[float, float, float]
# Whose thresholds a shop-head reading is held to (combine.SHOP_THRESHOLDS).
ShopReader = Literal["shop", "shop-en"]
_WORD = re.compile(r"\w+")  # as features.ngrams
MODEL_NAME = "sentiment-linear"
CLASSES: tuple[SentimentLabel, SentimentLabel, SentimentLabel] = ("negative", "neutral", "positive")
# Outside the five languages the lists barely apply: the text counts for less against the stars.
_OTHER_LANGUAGE_DAMPING = 0.6
# de, sl, lv, ro: where the lists found polarity words the list-only head decides (it reads
# "nicht schlecht" as the lists' negation rules say, where the embedding hears "schlecht", and
# the embedding calls short Slovene or Latvian complaints neutral). Without list words the
# embedding head reads the text alone and counts this much against the stars: it is the weakest
# reader (held-out macro-F1 ~0.52 in English) and confidently calls factual complaints neutral.
EMBEDDING_ONLY_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class TextSentiment:
    label: SentimentLabel
    confidence: float
    probabilities: tuple[float, float, float]  # in CLASSES order
    head: str
    evidence: tuple[str, ...]
    # How much the text counts against the stars when both are known.
    weight: float
    # The second pass's e5 topic head on the same embedding (topics.detect decides its use).
    topic_hint: TopicHint | None = None
    # `e5+lexicon`: the lists' own probabilities before the average. A star/text mismatch the
    # lists find alone (the fast pass's flag) stands on the second pass too (combine.py).
    lists_probabilities: tuple[float, float, float] | None = None
    # A terse text (<= TERSE_MAX_WORDS words) whose list words all point one way: that way.
    # Such a text says nothing else, so one word is its whole verdict (combine.py flags it
    # against contradicting stars); in a longer text one word is weak evidence.
    terse_verdict: SentimentLabel | None = None
    # The second pass's shop head on a text of more than a few words (shop_head.py): its
    # P(negative), which adds doubt under 4-5 stars and, nearly sure, a mismatch (combine.py),
    # with the thresholds of `shop_reader`: "shop" on the de/sl/lv/ro text it learnt from,
    # "shop-en" on English, which it reads without having learnt from any.
    shop_p_negative: float | None = None
    shop_reader: ShopReader = "shop"


# "Alles bestens" under 1 star, "Teile fehlen" under 5: the shortest reviews carry one list word.
TERSE_MAX_WORDS = 6
# The languages whose terse reviews the second pass's terse head reads (terse_head.py): those the
# lists cover besides English, which has its own n-gram head.
TERSE_LANGUAGES = ("de", "sl", "lv", "ro")
# The languages the second pass's shop head reads, and as whose: it learnt from de/sl/lv/ro shop
# reviews only and reads English ones through e5's shared space (0.903 of the 320 English shop
# texts written for its development, shop-english-dev, right; 0.925 for a head trained on one
# writer's half and read on the other's), so English has thresholds of its own
# (docs/classification.md, "The shop head in English").
SHOP_READERS: dict[str, ShopReader] = {"en": "shop-en", **dict.fromkeys(TERSE_LANGUAGES, "shop")}


def is_terse(prepared: PreparedText) -> bool:
    words = sum(1 for t in prepared.tokens if t != SENTENCE_END)
    return 0 < words <= TERSE_MAX_WORDS


def terse_verdict(
    prepared: PreparedText, counts: dict[str, float], scan: Scan
) -> SentimentLabel | None:
    if not is_terse(prepared):
        return None
    # "nicht schlecht" leans positive, "nicht gut" negative (features.lexicon_vector).
    positive = counts["pos"] + counts["emoji_pos"] + counts["neg_negated"]
    negative = counts["neg"] + counts["emoji_neg"] + counts["pos_negated"]
    if positive and not negative:
        return "positive"
    if negative and not positive:
        return "negative"
    if not positive and _waited_long(scan):
        return "negative"
    return None


def _waited_long(scan: Scan) -> bool:
    """A long wait told with a waiting verb or a delivery word ("Gaidīju 3 nedēļas", "Lieferung
    hat 3 Wochen gedauert"): in a review of a few words, that is the complaint."""
    if not any(not m.negated for m in scan.of("long_wait")):
        return False
    return any(not m.negated for m in scan.of("waiting")) or bool(scan.of("delivery_word"))


def _praise_by_negation(prepared: PreparedText, scan: Scan, counts: dict[str, float]) -> bool:
    """The lists find only praise in the English text, some of it told by negating a complaint
    ("No complaints at all", "No problems at all, arrived quickly"), and no contrast makes it a
    concession: the lists read it better than the English head, whose n-grams and valences take
    "no" and "complaints" for a complaint (a false negative alert under 5 stars)."""
    if counts["neg"] or counts["pos_negated"] or counts["emoji_neg"]:
        return False
    if not CONTRAST_WORDS_EN.isdisjoint(prepared.tokens):
        return False
    matches = scan.of("polarity")
    if not all(m.label == "positive" and not m.negated for m in matches):
        return False
    return any(
        m.end - m.start > 1 and prepared.tokens[m.start] in NEGATED_PRAISE_OPENERS for m in matches
    )


def softmax(z: list[float]) -> list[float]:
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


class LinearSentimentModel:
    def __init__(
        self,
        directory: Path = ARTIFACTS,
        name: str = MODEL_NAME,
        dense: DenseFeatures | None = None,
    ) -> None:
        meta: dict[str, Any] = json.loads((directory / f"{name}.json").read_text("utf-8"))
        if tuple(meta["classes"]) != CLASSES:
            raise ValueError(f"{name}: classes {meta['classes']}, expected {CLASSES}")
        self.meta = meta
        self.version: str = meta["version"]
        features: list[str] = meta["vocabulary"]
        with np.load(directory / f"{name}.npz") as weights:
            ngram_w = weights["ngram_weights"].astype(np.float64)
            self._en_dense_w = weights["en_dense_weights"].astype(np.float32)
            self._en_bias = weights["en_bias"].astype(np.float32)
            self._multi_w = weights["multilingual_weights"].astype(np.float32)
            self._multi_bias = weights["multilingual_bias"].astype(np.float32)
            self._lex_w = weights["lexicon_weights"].astype(np.float32)
            self._lex_bias = weights["lexicon_bias"].astype(np.float32)
        if ngram_w.shape != (len(features), len(CLASSES)):
            raise ValueError(f"{name}: weights do not match the vocabulary")
        self._dense = dense or DenseFeatures.load()
        if self._en_dense_w.shape[0] != self._dense.english_size or (
            self._multi_w.shape[0] != self._dense.multilingual_size
        ):
            raise ValueError(f"{name}: dense weights do not match the embedding and valences")
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

    def en_scores(
        self, prepared: PreparedText, lex: list[float]
    ) -> tuple[list[float], list[tuple[tuple[str, ...], Weights]]]:
        """The same features as `features.ngrams` (distinct words and bigrams), in text order,
        plus the dense English features."""
        words = _WORD.findall(prepared.model_text)
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
        dense = self._dense.english(prepared, lex) @ self._en_dense_w + self._en_bias
        z = [float(dense[0]), float(dense[1]), float(dense[2])]
        if known:
            scale = 1.0 / math.sqrt(len(known))
            for _, w in known:
                z[0] += w[0] * scale
                z[1] += w[1] * scale
                z[2] += w[2] * scale
        return z, known

    def multilingual_scores(self, prepared: PreparedText, lex: list[float]) -> list[float]:
        dense = self._dense.multilingual(prepared, lex)
        z = dense @ self._multi_w + self._multi_bias
        return [float(z[0]), float(z[1]), float(z[2])]

    def lexicon_scores(self, lex: list[float]) -> list[float]:
        z = np.asarray(lex, dtype=np.float32) @ self._lex_w + self._lex_bias
        return [float(z[0]), float(z[1]), float(z[2])]

    def knows_any_word(self, prepared: PreparedText) -> bool:
        row = self._dense.embedding.row
        return any(row(t) is not None for t in prepared.tokens)

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
        terms = [m.text for m in scan.of("polarity")]
        weight = 1.0
        if language == "en" and prepared.tokens:
            z, known = self.en_scores(prepared, lex)
            probs = softmax(z)
            cls = max(range(3), key=probs.__getitem__)
            head = "en"
            evidence = tuple(dict.fromkeys(terms + list(self._top_features(known, cls))))[:4]
            if CLASSES[cls] != "positive" and _praise_by_negation(prepared, scan, counts):
                probs = softmax(self.lexicon_scores(lex))
                cls = max(range(3), key=probs.__getitem__)
                head = "lexicon"
                evidence = tuple(dict.fromkeys(terms))[:3]
        else:
            in_lists = has_evidence(counts)
            # Nothing to read: no polarity term and no word the embedding knows.
            if not in_lists and not self.knows_any_word(prepared):
                return None
            if in_lists:
                z = self.lexicon_scores(lex)
                head = "lexicon"
            else:
                z = self.multilingual_scores(prepared, lex)
                head = "multilingual"
                weight = EMBEDDING_ONLY_WEIGHT
                if language in TERSE_LANGUAGES and is_terse(prepared):
                    # A few words, none listed: the static embedding reads them little better
                    # than chance, and the second pass's terse head reads them within seconds
                    # (combine.MISMATCH_P: this head raises no mismatch).
                    head = "multilingual-terse"
            probs = softmax(z)
            cls = max(range(3), key=probs.__getitem__)
            evidence = tuple(dict.fromkeys(terms))[:3]
            if language not in SUPPORTED:
                weight *= _OTHER_LANGUAGE_DAMPING
        confidence = probs[cls] * weight
        p = (probs[0], probs[1], probs[2])
        verdict = terse_verdict(prepared, counts, scan) if head != "en" else None
        return TextSentiment(
            CLASSES[cls], round(confidence, 3), p, head, evidence, weight, terse_verdict=verdict
        )
