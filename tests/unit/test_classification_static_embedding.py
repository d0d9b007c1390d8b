"""The static e5 word embedding: artifact, lookup rules and cross-lingual meaning."""

from __future__ import annotations

import numpy as np
import pytest

from services.ingest.classification.static_embedding import StaticEmbedding
from services.ingest.classification.text import fold, prepare


@pytest.fixture(scope="module")
def embedding() -> StaticEmbedding:
    return StaticEmbedding.load()


def _mean(embedding: StaticEmbedding, text: str) -> np.ndarray:
    vector = embedding.mean([t for t in prepare(None, text).tokens if t != "."])
    assert vector is not None, text
    return vector


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_artifact_loads_with_a_multilingual_vocabulary(embedding: StaticEmbedding) -> None:
    assert embedding.dim >= 32
    for word in ("broken", "kaputt", "slabo", "bojats", "stricat", "good", "dobro"):
        assert embedding.row(word) is not None, word


def test_mean_is_deterministic_and_order_free(embedding: StaticEmbedding) -> None:
    words = ["the", "delivery", "was", "late"]
    first = embedding.mean(words)
    assert first is not None and first.shape == (embedding.dim,)
    again = embedding.mean(list(reversed(words)))
    assert again is not None
    np.testing.assert_allclose(first, again, rtol=1e-6, atol=1e-7)
    np.testing.assert_array_equal(first, embedding.mean(words))


def test_unknown_words_only_give_none(embedding: StaticEmbedding) -> None:
    assert embedding.mean([]) is None
    assert embedding.mean(["qxzvwk", "zzqqxx"]) is None
    known = embedding.mean(["good"])
    with_unknown = embedding.mean(["good", "qxzvwk"])
    assert known is not None and with_unknown is not None
    np.testing.assert_array_equal(known, with_unknown)


def test_keys_are_folded_text(embedding: StaticEmbedding) -> None:
    # "Odlično" is stored under its folded key, which is what the classifier's tokens are.
    assert embedding.row(fold("Lieliski")) is not None
    assert embedding.row(fold("Odlično")) is not None
    assert embedding.row("odlično") is None


def test_suffix_fallback_strips_up_to_three_letters_of_long_words(
    embedding: StaticEmbedding,
) -> None:
    stem = "kaputt"
    row = embedding.row(stem)
    assert row is not None
    assert embedding.row(stem + "xq") == row
    assert embedding.row(stem + "xqz") == row
    assert embedding.row(stem + "xqzw") is None  # 4 letters: too far from any stem
    short = "gut"
    assert embedding.row(short) is not None
    assert embedding.row(short + "qx") is None  # under 6 letters: no stripping


def test_same_meaning_across_languages_is_closer_than_the_opposite(
    embedding: StaticEmbedding,
) -> None:
    broken = _mean(embedding, "broken")
    for word in ("kaputt", "defekt", "stricat"):
        other = _mean(embedding, word)
        assert _cos(broken, other) > _cos(_mean(embedding, "wonderful"), other), word
    good = _mean(embedding, "excellent product, very good")
    bad = _mean(embedding, "terrible product, very bad")
    for positive, negative in (
        ("ausgezeichnetes Produkt, sehr gut", "schreckliches Produkt, sehr schlecht"),
        ("odličen izdelek, zelo dober", "grozen izdelek, zelo slab"),
        ("produs excelent, foarte bun", "produs groaznic, foarte prost"),
    ):
        p, n = _mean(embedding, positive), _mean(embedding, negative)
        assert _cos(p, good) - _cos(p, bad) > _cos(n, good) - _cos(n, bad), positive
