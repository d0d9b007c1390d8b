"""Features of the linear sentiment model, computed the same way in training and at run time.

Four groups:
- n-grams of the folded text: words (`w:`) and word bigrams (`b:`). Character 3-5-grams were
  tried and dropped: on English held-out data they moved accuracy by less than 0.01 and halved
  the speed; inflected languages go through the lexicon head's stems instead;
- lexicon features: counts of polarity terms and emoji from the multilingual lists, the same
  for every language, which lets weights learned on English data apply to de, sl, lv and ro;
- English word valences (valence.py), for the English head only;
- the mean of the static multilingual word embedding (static_embedding.py) over the text's
  words, with a flag for "no word known": what lets the multilingual head read texts the lists
  miss.
"""

import itertools
import math
import re
from collections.abc import Iterable

import numpy as np

from services.ingest.classification import valence
from services.ingest.classification.lexicons.sentiment import NEGATIVE_EMOJI, POSITIVE_EMOJI
from services.ingest.classification.scan import Scan
from services.ingest.classification.static_embedding import StaticEmbedding
from services.ingest.classification.text import SENTENCE_END, PreparedText

_WORD = re.compile(r"\w+")
_POSITIVE_EMOJI = re.compile("[" + "".join(sorted(POSITIVE_EMOJI)) + "]")
_NEGATIVE_EMOJI = re.compile("[" + "".join(sorted(NEGATIVE_EMOJI)) + "]")

LEXICON_FEATURES = (
    "lex:pos",
    "lex:neg",
    "lex:pos_negated",
    "lex:neg_negated",
    "lex:balance",
    "punct:exclaim",
)


def ngrams(model_text: str) -> list[str]:
    """Distinct features in order of first occurrence: the same order in every process (a set's
    order follows the per-process string hash seed, and the order changes float sums)."""
    words = _WORD.findall(model_text)
    feats = ["w:" + w for w in words]
    feats += [f"b:{a} {b}" for a, b in itertools.pairwise(words)]
    return list(dict.fromkeys(feats))


def lexicon_counts(scan: Scan, original: str) -> dict[str, float]:
    """Evidence counts, before scaling. Also the explanation of the lexicon model."""
    pos = neg = pos_negated = neg_negated = 0
    for m in scan.of("polarity"):
        if m.label == "positive":
            if m.negated:
                pos_negated += 1
            else:
                pos += 1
        elif m.negated:
            neg_negated += 1
        else:
            neg += 1
    if original.isascii():
        emoji_pos = emoji_neg = 0
    else:
        emoji_pos = len(_POSITIVE_EMOJI.findall(original))
        emoji_neg = len(_NEGATIVE_EMOJI.findall(original))
    return {
        "pos": pos,
        "neg": neg,
        "pos_negated": pos_negated,
        "neg_negated": neg_negated,
        "emoji_pos": emoji_pos,
        "emoji_neg": emoji_neg,
        "exclaim": min(original.count("!"), 5),
    }


def polarity_words(scan: Scan, reading: str) -> tuple[list[str], list[str]]:
    """The list words that point to `reading` and those that point against it, for the
    explanation: a negated word points the other way ("nicht gut" is against praise). A neutral
    reading has no side: every word is shown as read."""
    toward: list[str] = []
    against: list[str] = []
    for m in scan.of("polarity"):
        shown = f"not {m.text}" if m.negated else m.text
        points = m.label if not m.negated else _OPPOSITE.get(m.label, m.label)
        (toward if reading == "neutral" or points == reading else against).append(shown)
    return list(dict.fromkeys(toward)), list(dict.fromkeys(against))


_OPPOSITE = {"positive": "negative", "negative": "positive"}


def lexicon_vector(counts: dict[str, float]) -> list[float]:
    """In LEXICON_FEATURES order. log1p keeps a 30-word rant from outweighing everything.

    Emoji count as polarity words: the training data has none, so separate emoji features
    would never get a weight."""
    pos = counts["pos"] + counts["emoji_pos"]
    neg = counts["neg"] + counts["emoji_neg"]
    # A negated positive ("not good") is negative evidence and vice versa; the model also sees
    # them separately because "not bad" is weaker praise than "good".
    balance = (pos + 0.5 * counts["neg_negated"] - neg - counts["pos_negated"]) / (
        pos + neg + counts["neg_negated"] + counts["pos_negated"] + 1.0
    )
    return [
        math.log1p(pos),
        math.log1p(neg),
        math.log1p(counts["pos_negated"]),
        math.log1p(counts["neg_negated"]),
        balance,
        math.log1p(counts["exclaim"]),
    ]


def has_evidence(counts: dict[str, float]) -> bool:
    keys = ("pos", "neg", "pos_negated", "neg_negated", "emoji_pos", "emoji_neg")
    return any(counts[k] for k in keys)


def index_features(feats: Iterable[str], vocabulary: dict[str, int]) -> list[int]:
    return [i for i in map(vocabulary.get, feats) if i is not None]


class DenseFeatures:
    """The dense inputs of both heads: `english` = valences + `multilingual`, and
    `multilingual` = list features + embedding mean + "no word known"."""

    def __init__(self, embedding: StaticEmbedding, valences: dict[str, float]) -> None:
        self.embedding = embedding
        self.valences = valences
        self._zero = np.zeros(embedding.dim, dtype=np.float32)

    @classmethod
    def load(cls) -> "DenseFeatures":
        return cls(StaticEmbedding.load(), valence.load_lexicon())

    @property
    def multilingual_size(self) -> int:
        return len(LEXICON_FEATURES) + self.embedding.dim + 1

    @property
    def english_size(self) -> int:
        return len(valence.FEATURES) + self.multilingual_size

    def multilingual(self, prepared: PreparedText, lex: list[float]) -> np.ndarray:
        pooled = self.embedding.mean([t for t in prepared.tokens if t != SENTENCE_END])
        unknown = np.array([1.0 if pooled is None else 0.0], dtype=np.float32)
        vector = self._zero if pooled is None else pooled
        return np.concatenate((np.asarray(lex, dtype=np.float32), vector, unknown))

    def english(self, prepared: PreparedText, lex: list[float]) -> np.ndarray:
        return np.concatenate(
            (
                np.asarray(valence.features(prepared.original, self.valences), dtype=np.float32),
                self.multilingual(prepared, lex),
            )
        )
