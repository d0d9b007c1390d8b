"""A terse review's one-sided list words against its stars raise the star/text mismatch
(release 2026.12.24; sentiment.terse_verdict, combine.py; docs/classification.md, "Terse
reviews"). One list word gives the lists' head P 0.61-0.64, under its two-word thresholds, so
"Alles bestens" under 1 star was read as a happy review and "Teile fehlen" under 5 stars raised
no alert."""

import pytest

from services.ingest.classification import Classifier, ReviewInput
from services.ingest.classification.combine import MISMATCH_P, combine
from services.ingest.classification.sentiment import TERSE_MAX_WORDS, TextSentiment

CONTRADICTING = [
    ("Alles bestens", "de", 1),
    ("Teile fehlen", "de", 5),
    ("Funktioniert einwandfrei", "de", 1),
    ("Manjkajo vijaki", "sl", 5),
    ("Vse deluje brezhibno", "sl", 2),
    ("Trūkst skrūvju", "lv", 5),
    ("Iesaku", "lv", 2),
    ("Lipsesc suruburi", "ro", 5),
    ("Merge fără probleme", "ro", 2),
]
AGREEING = [
    ("Alles bestens", "de", 5),
    ("Teile fehlen", "de", 1),
    ("Manjkajo vijaki", "sl", 1),
    ("Iesaku", "lv", 5),
    ("Merge fără probleme", "ro", 4),
    # Negated: "no problems" is praise, not a complaint.
    ("Keine Probleme", "de", 5),
]


def classify(classifier: Classifier, text: str, language: str, rating: int) -> bool:
    review = ReviewInput(text=text, rating=rating, declared_language=language)
    return classifier.classify(review).star_text_mismatch


@pytest.mark.parametrize(("text", "language", "rating"), CONTRADICTING)
def test_a_terse_text_against_its_stars_is_flagged(
    classifier: Classifier, text: str, language: str, rating: int
) -> None:
    assert classify(classifier, text, language, rating)


@pytest.mark.parametrize(("text", "language", "rating"), AGREEING)
def test_a_terse_text_that_agrees_is_not(
    classifier: Classifier, text: str, language: str, rating: int
) -> None:
    assert not classify(classifier, text, language, rating)


@pytest.mark.parametrize(("text", "language", "rating"), CONTRADICTING)
def test_the_second_pass_flags_it_too(
    embedding_classifier: Classifier, text: str, language: str, rating: int
) -> None:
    assert classify(embedding_classifier, text, language, rating)


def test_one_word_in_a_longer_text_stays_weak_evidence(classifier: Classifier) -> None:
    # Eight words, one complaint word, a mixed verdict under 4 stars (a helper's case in
    # test_classification_polarity_terms.py): no flag.
    text = "Solīda prece par šo cenu, nelieli trūkumi apdarē."
    assert len(text.split()) > TERSE_MAX_WORDS
    assert not classify(classifier, text, "lv", 4)


def test_words_of_both_polarities_give_no_verdict(classifier: Classifier) -> None:
    assert not classify(classifier, "Gut verarbeitet, aber kaputt", "de", 5)
    assert not classify(classifier, "Gut verarbeitet, aber kaputt", "de", 1)


def test_the_verdict_decides_only_under_the_lists_thresholds() -> None:
    # One negative list word: P(negative) 0.61, under the lexicon threshold of 0.65.
    probabilities = (0.61, 0.25, 0.14)
    assert probabilities[0] < MISMATCH_P["lexicon"][0]
    plain = TextSentiment("negative", 0.61, probabilities, "lexicon", ("fehl*",), 1.0)
    terse = TextSentiment(
        "negative", 0.61, probabilities, "lexicon", ("fehl*",), 1.0, terse_verdict="negative"
    )
    assert not combine(plain, 5).mismatch
    flagged = combine(terse, 5)
    assert flagged.mismatch and flagged.label == "negative"
    assert not combine(terse, 1).mismatch
    assert not combine(terse, 3).mismatch
