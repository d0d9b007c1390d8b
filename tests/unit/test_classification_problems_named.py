"""What the responder's problem rule (replies/library.py PROBLEM_TOPICS) can see: the topics the
classifier gives a complaint under 4-5 stars that it reads as praise (docs/classification.md,
"Problems named under high stars")."""

import pytest

from services.ingest.classification import Classifier, ReviewInput
from services.responder.replies import library

SARCASTIC_WAIT_RO = (
    "Bravo, doar două luni de așteptare pentru un încărcător care nici măcar nu încarcă."
)


def _named(classifier: Classifier, text: str, rating: int, language: str) -> set[str]:
    result = classifier.classify(
        ReviewInput(text=text, rating=rating, declared_language=language, verified_purchase=True)
    )
    return {t.name for t in result.topics} & library.PROBLEM_TOPICS


@pytest.mark.timeout(120)
def test_a_sarcastic_wait_names_a_delay_on_both_passes(
    classifier: Classifier, embedding_classifier: Classifier
) -> None:
    for reader in (classifier, embedding_classifier):
        assert _named(reader, SARCASTIC_WAIT_RO, 4, "ro") == {"delivery_delay"}


@pytest.mark.timeout(120)
def test_a_wait_told_with_a_waiting_verb_names_a_delay_in_praise(
    classifier: Classifier, embedding_classifier: Classifier
) -> None:
    for reader in (classifier, embedding_classifier):
        for text, language in (
            ("Absolutely love waiting three weeks for a phone case. Superb.", "en"),
            ("Odlično, samo mesec in pol sem čakal na navaden vrtni paviljon.", "sl"),
            ("A trebuit să aștept cinci săptămâni, dar a meritat.", "ro"),
        ):
            assert _named(reader, text, 5, language) == {"delivery_delay"}, text


def test_a_duration_without_a_wait_or_a_wait_for_money_names_no_delay(
    classifier: Classifier,
) -> None:
    for text, language in (
        # How long it has been used, not how long it took.
        ("Le folosesc zilnic de două luni și sunt super mulțumită.", "ro"),
        ("I have used it for three weeks now and love it.", "en"),
        # Dating an event, and a wait for a refund.
        ("Arrived two weeks ago, and I love it, worth waiting for.", "en"),
        ("Waited three weeks for my refund but it came in the end, thanks.", "en"),
    ):
        assert "delivery_delay" not in _named(classifier, text, 5, language), text
