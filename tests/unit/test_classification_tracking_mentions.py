"""A bare tracking or delivery-date word is a delay only outside praise (release 2026.12.28).

"awb", "urmărire", "sledenje", "Sendungsverfolgung" and "Liefertermin" were delivery_delay terms
wherever they stood, so a 5-star review saying the tracking number came at once counted as a
delay in the topic trends. Before the change every PRAISE case below got delivery_delay."""

import pytest

from services.ingest.classification import Classifier, ReviewInput

PRAISE = [
    ("Sendungsverfolgung kam sofort, Paket am nächsten Tag da. Super!", "de"),
    ("Liefertermin wurde genau eingehalten, tolle Ware.", "de"),
    ("Sledenje paketa je delovalo odlično, dostava hitra.", "sl"),
    ("Takoj sem dobil številko za sledenje, vse super.", "sl"),
    ("Am primit AWB-ul imediat si coletul a doua zi. Recomand!", "ro"),
    ("Urmarirea coletului a fost foarte clara, produs excelent.", "ro"),
]
COMPLAINTS = [
    ("Die Sendungsverfolgung zeigt seit einer Woche nichts Neues.", "de", 1),
    ("Liefertermin dreimal verschoben, immer noch nichts.", "de", 2),
    ("Sledenje kaže isto stanje že deset dni.", "sl", 1),
    ("AWB-ul arata acelasi status de o saptamana, coletul nu vine.", "ro", 1),
    ("Pe urmarire scrie ca e in depozit de 8 zile.", "ro", 2),
]


def topics(classifier: Classifier, text: str, language: str, rating: int) -> set[str]:
    review = ReviewInput(text=text, rating=rating, declared_language=language)
    return {t.name for t in classifier.classify(review).topics}


@pytest.mark.parametrize(("text", "language"), PRAISE)
def test_a_tracking_word_in_praise_is_no_delay(
    classifier: Classifier, text: str, language: str
) -> None:
    assert "delivery_delay" not in topics(classifier, text, language, 5)


@pytest.mark.parametrize(("text", "language", "rating"), COMPLAINTS)
def test_a_tracking_complaint_is_still_a_delay(
    classifier: Classifier, text: str, language: str, rating: int
) -> None:
    assert "delivery_delay" in topics(classifier, text, language, rating)
