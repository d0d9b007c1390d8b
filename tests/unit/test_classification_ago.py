"""A duration that dates an event ("two weeks ago", "vor zwei Wochen") is no delivery delay
(classification/topics.py, `_dates_an_event`); the same duration as a wait still is."""

import pytest

from services.ingest.classification import Classifier, ReviewInput


def topics(classifier: Classifier, language: str, text: str, rating: int) -> set[str]:
    review = ReviewInput(text=text, rating=rating, declared_language=language)
    return {t.name for t in classifier.classify(review).topics}


@pytest.mark.parametrize(
    ("language", "text", "rating"),
    [
        ("en", "It arrived 2 weeks ago and already stopped working.", 1),
        ("de", "Das Paket kam vor zwei Wochen an, jetzt ist der Mixer schon kaputt.", 1),
        ("sl", "Paket je prispel pred dvema tednoma, zdaj je že pokvarjen.", 1),
        ("lv", "Pasūtīju pirms nedēļas, saņēmu šodien, viss kārtībā.", 5),
        ("ro", "Coletul a ajuns acum doua saptamani si deja s a stricat.", 1),
    ],
)
def test_a_date_in_the_past_is_no_delay(classifier, language: str, text: str, rating: int):
    assert "delivery_delay" not in topics(classifier, language, text, rating)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The parcel took three weeks to arrive."),
        ("de", "Das Paket war zwei Wochen unterwegs."),
        ("sl", "Paket je prišel po treh tednih."),
        ("lv", "Paka nāca trīs nedēļas."),
        ("ro", "Coletul a venit dupa trei saptamani."),
    ],
)
def test_the_same_duration_as_a_wait_is_a_delay(classifier, language: str, text: str) -> None:
    assert "delivery_delay" in topics(classifier, language, text, 1)
