"""Review classifier: language, sentiment (text and stars), severity, topics, abuse signals and
FAQ questions, with explanations and a model version. See docs/classification.md.

    from services.ingest.classification import ReviewInput, load_classifier

    classifier = load_classifier()          # "fast" (default) or "embedding"
    result = classifier.classify(ReviewInput(text="Arrived broken", rating=1))
"""

import threading
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from services.ingest.classification.schemas import (
    Abuse,
    Classification,
    Language,
    Question,
    ReviewInput,
    Sentiment,
    Severity,
    Topic,
)

__all__ = [
    "Abuse",
    "Classification",
    "Classifier",
    "ClassifierUnavailableError",
    "Language",
    "Question",
    "ReviewInput",
    "Sentiment",
    "Severity",
    "Topic",
    "load_classifier",
]

KINDS = ("fast", "embedding")


@runtime_checkable
class Classifier(Protocol):
    version: str

    def classify(self, review: ReviewInput) -> Classification: ...

    def classify_many(self, reviews: Sequence[ReviewInput]) -> list[Classification]: ...


class ClassifierUnavailableError(RuntimeError):
    """The configured classifier cannot run here (a missing optional package or artifact)."""


_loaded: dict[str, Classifier] = {}
_lock = threading.Lock()


def _build(kind: str, threads: int) -> Classifier:
    from services.ingest.classification.pipeline import ReviewClassifier
    from services.ingest.classification.version import embedding_version, fast_version

    if kind == "fast":
        from services.ingest.classification.sentiment import LinearSentimentModel

        return ReviewClassifier(fast_version(), LinearSentimentModel())
    if kind == "embedding":
        from services.ingest.classification.embedding import EmbeddingSentimentModel
        from services.ingest.classification.sentiment import LinearSentimentModel

        # The fast model's lists head joins e5 on de/sl/lv/ro texts with listed words.
        model = EmbeddingSentimentModel(threads=threads, lists=LinearSentimentModel())
        return ReviewClassifier(embedding_version(), model)
    raise ValueError(f"unknown classifier kind {kind!r}: expected one of {', '.join(KINDS)}")


def load_classifier(kind: str = "fast", threads: int = 1) -> Classifier:
    """The classifier of this kind, built on first use and shared afterwards (loading the language
    models and the weights takes about a second; classifying is thread-safe). `threads`: the
    embedding encoder's threads; the first load of a kind decides."""
    with _lock:
        if kind not in _loaded:
            _loaded[kind] = _build(kind, threads)
        return _loaded[kind]
