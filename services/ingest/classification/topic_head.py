"""The second pass's topic head: a logistic regression on e5's sentence embedding naming which
complaint a review is about. The term lists stay the first reader (topics.detect); the head's
guess joins them only on negative reviews, and only when it is sure (topics.MEANING_ALONE_P,
MEANING_ALSO_P). Trained by train_topics.py."""

import json
import math
from pathlib import Path

import numpy as np

from services.ingest.classification.sentiment import ARTIFACTS
from services.ingest.classification.topics import TopicHint

HEAD_NAME = "topic-e5-head"
# Every topic but praise: the head names complaints.
COMPLAINT_TOPICS = (
    "customer_service",
    "customs_fees",
    "damaged_packaging",
    "delivery_delay",
    "price_value",
    "product_quality",
    "returns_refunds",
    "size_fit",
    "website_checkout",
    "wrong_item",
)


class TopicHead:
    def __init__(self, directory: Path = ARTIFACTS) -> None:
        meta = json.loads((directory / f"{HEAD_NAME}.json").read_text("utf-8"))
        self.classes: tuple[str, ...] = tuple(meta["classes"])
        with np.load(directory / f"{HEAD_NAME}.npz") as weights:
            self._w = weights["weights"].astype(np.float64)
            self._b = weights["bias"].astype(np.float64)

    def hint(self, vector: np.ndarray) -> TopicHint:
        """The most likely complaint topic of an embedded text and its probability."""
        z = vector.astype(np.float64) @ self._w + self._b
        top = float(z.max())
        total = sum(math.exp(float(v) - top) for v in z)
        best = int(z.argmax())
        return TopicHint(self.classes[best], round(1.0 / total, 3))
