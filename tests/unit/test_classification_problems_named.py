"""What the responder's problem rule (replies/policy.py PROBLEM_TOPICS) can see: the topics the
classifier gives a complaint under 4-5 stars that it reads as praise (docs/classification.md,
"Problems named under high stars")."""

import pytest

from services.ingest.classification import Classifier, ReviewInput
from services.responder.replies import policy

SARCASTIC_WAIT_RO = (
    "Bravo, doar două luni de așteptare pentru un încărcător care nici măcar nu încarcă."
)


def _named(classifier: Classifier, text: str, rating: int, language: str) -> set[str]:
    result = classifier.classify(
        ReviewInput(text=text, rating=rating, declared_language=language, verified_purchase=True)
    )
    return {t.name for t in result.topics} & policy.PROBLEM_TOPICS


@pytest.mark.timeout(120)
def test_a_sarcastic_wait_names_a_delay_on_both_passes(
    classifier: Classifier, embedding_classifier: Classifier
) -> None:
    for reader in (classifier, embedding_classifier):
        assert _named(reader, SARCASTIC_WAIT_RO, 4, "ro") == {"delivery_delay"}


@pytest.mark.xfail(
    strict=True,
    reason="the long-wait rule reads negative reviews only: in positive ones it mostly finds how "
    "long a product has been used",
)
def test_an_english_sarcastic_wait_names_a_delay(classifier: Classifier) -> None:
    text = "Absolutely love waiting three weeks for a phone case. Superb."
    assert _named(classifier, text, 5, "en") == {"delivery_delay"}
