"""The checks the per-language topic and severity term tests share
(tests/unit/test_classification_topic_terms_<language>.py): a case's main topic is found and
its safety/health/legal reasons exactly; a control's forbidden topics and reasons are not."""

from services.ingest.classification import Classifier, ReviewInput

HIGH_REASONS = {"health_injury", "safety", "legal_threat", "fraud_claim", "chargeback_threat"}


def topics_and_reasons(
    classifier: Classifier, language: str, text: str, rating: int
) -> tuple[set[str], set[str]]:
    result = classifier.classify(ReviewInput(text=text, rating=rating, declared_language=language))
    return {t.name for t in result.topics}, set(result.severity.reasons) & HIGH_REASONS


def check_case(
    classifier: Classifier,
    language: str,
    text: str,
    rating: int,
    topic: str | None,
    reasons: tuple[str, ...],
) -> None:
    """The main topic (None: no single one) is among the topics; the high reasons are these,
    and none at all for a case that names none (precision)."""
    topics, found = topics_and_reasons(classifier, language, text, rating)
    if topic is not None:
        assert topic in topics, (topics, found)
    if reasons:
        assert set(reasons) <= found, (topics, found)
    else:
        assert not found, (topics, found)


def check_control(
    classifier: Classifier, language: str, text: str, rating: int, forbidden: tuple[str, ...]
) -> None:
    topics, found = topics_and_reasons(classifier, language, text, rating)
    assert not (set(forbidden) & (topics | found)), (topics, found)
