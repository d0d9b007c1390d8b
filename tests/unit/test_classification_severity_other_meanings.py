"""A severity word inside a phrase where it means something else is no severity reason
(lexicons/severity.py OTHER_MEANINGS, severity.py `_another_meaning`): a colour that bled, an
inflated price, books swollen by water, a website that collapsed. The same words in their own
meaning stay severe. Cases written for the rule, not taken from the evaluation sets."""

import pytest

from services.ingest.classification import Classifier, ReviewInput


def reasons(classifier: Classifier, language: str, text: str) -> list[str]:
    review = ReviewInput(text=text, rating=1, declared_language=language)
    return list(classifier.classify(review).severity.reasons)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The colour bled onto my white shirts after one wash."),
        ("en", "Cheap dye, the color bleeds onto everything it touches."),
        ("ro", "Pretul e umflat, la concurenta e cu 100 de lei mai putin."),
        ("ro", "Cartile au venit umflate de apa, coletul era ud."),
        ("ro", "Furt curat, 90 de lei un borcan mic de miere."),
        ("ro", "O teapa la pretul asta, il gasesti la jumatate in alta parte."),
        ("sl", "Spletna stran se je zrušila pri plačilu, naročilo pa oddano dvakrat."),
    ],
)
def test_a_word_in_another_meaning_is_no_severity_reason(
    classifier: Classifier, language: str, text: str
) -> None:
    assert reasons(classifier, language, text) == ["negative_review"]


@pytest.mark.parametrize(
    ("language", "text", "reason"),
    [
        ("en", "I cut my finger on the sharp edge and it bled a lot.", "health_injury"),
        ("en", "The lamp arrived in shards, glass all over the floor.", "safety"),
        ("ro", "Copilul s-a umflat la fata dupa crema asta.", "health_injury"),
        ("ro", "Mi-au furat banii si nu am primit nimic.", "fraud_claim"),
        ("ro", "Am primit un produs fals, nu e original.", "fraud_claim"),
        ("sl", "Polica se je zrušila in skoraj poškodovala otroka.", "safety"),
    ],
)
def test_the_same_words_in_their_own_meaning_stay_severe(
    classifier: Classifier, language: str, text: str, reason: str
) -> None:
    assert reason in reasons(classifier, language, text)
