"""Unit-test fixtures."""

import pytest

from services.ingest.classification import Classifier, load_classifier


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    """The fast classifier, loaded once (language models and weights take about a second)."""
    return load_classifier()
