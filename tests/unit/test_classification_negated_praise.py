"""English praise told by negating a complaint ("No complaints at all") on the fast pass: the
English head read "no" and "complaints" as a complaint, so a 5-star "No complaints at all." was
a star/text mismatch and a negative alert until the second pass (docs/classification.md,
"Praise told by negating a complaint")."""

import pytest

from services.ingest.classification import Classifier, ReviewInput

PRAISE = [
    "No complaints at all.",
    "No complaints.",
    "I have no complaints with this kettle.",
    "Never had a problem with it.",
    "Does not disappoint.",
]


@pytest.mark.parametrize("text", PRAISE)
def test_praise_by_negation_is_positive_on_the_fast_pass(classifier: Classifier, text: str) -> None:
    result = classifier.classify(ReviewInput(text=text, rating=5, declared_language="en"))
    assert result.sentiment.label == "positive", result.explanations
    assert not result.star_text_mismatch
    assert any(e.startswith("text positive (lexicon)") for e in result.explanations)


@pytest.mark.parametrize(
    "text",
    [
        # A concession before the complaint, and a negated complaint that is advice.
        "The hoodie feels really soft, no complaints there. But it shrank so much in one wash "
        "that I can't wear it.",
        "Don't waste your money.",
    ],
)
def test_a_concession_or_a_negated_complaint_stays_a_complaint(
    classifier: Classifier, text: str
) -> None:
    result = classifier.classify(ReviewInput(text=text, rating=5, declared_language="en"))
    assert result.sentiment.label == "negative" and result.star_text_mismatch
