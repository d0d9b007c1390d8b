"""A burnt taste is no fire (classification/severity.py, `_only_a_taste`): a one-word safety
term right after a taste word does not make a review "high"; a fire or a burn named any other
way still does."""

import pytest

from services.ingest.classification import Classifier, ReviewInput


def reasons(classifier: Classifier, language: str, text: str) -> set[str]:
    review = ReviewInput(text=text, rating=1, declared_language=language)
    return set(classifier.classify(review).severity.reasons)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Coffee tastes burnt, horrible."),
        ("de", "Kaffee schmeckt verbrannt, ungenießbar."),
        ("ro", "Cafeaua are gust de ars."),
        ("sl", "Kava ima okus po zažganem."),
        ("lv", "Kafijai garša kā sadegusi."),
    ],
)
def test_a_burnt_taste_is_not_a_safety_issue(classifier, language: str, text: str) -> None:
    assert "safety" not in reasons(classifier, language, text)


@pytest.mark.parametrize(
    "text",
    [
        "Tastes fine but the charger caught fire.",
        "The taste is ok but the kettle sparked and burned.",
        "Tastes burnt and the kettle caught fire.",
    ],
)
def test_a_fire_next_to_a_taste_still_is(classifier, text: str) -> None:
    assert "safety" in reasons(classifier, "en", text)
