"""A wait next to a refund word is the money's, not the parcel's; a cancellation is no refund
word: "cancelled the order as it never came" is a late parcel (topics.py)."""

import pytest

from services.ingest.classification import Classifier, ReviewInput


def topics(classifier: Classifier, text: str, language: str) -> set[str]:
    result = classifier.classify(ReviewInput(text=text, rating=1, declared_language=language))
    return {t.name for t in result.topics}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I cancelled the order as it never arrived."),
        ("en", "Cancelled my order, it never came."),
        ("de", "Ich habe storniert, weil das Paket nie angekommen ist."),
        ("sl", "Moral sem preklicati naročilo, ker ni prišlo."),
        ("lv", "Atcēlu pasūtījumu, jo paka tā arī neatnāca."),
        ("ro", "Am anulat comanda pentru că nu a mai venit."),
    ],
)
def test_a_cancellation_for_a_parcel_that_never_came_is_a_delay(
    classifier: Classifier, language: str, text: str
) -> None:
    assert "delivery_delay" in topics(classifier, text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Still waiting for my refund after returning it."),
        ("en", "Returned it a month ago, still waiting for a refund."),
        ("en", "My refund never arrived."),
        ("de", "Ich warte immer noch auf die Rückerstattung."),
        ("sl", "Še vedno čakam na vračilo denarja."),
        ("ro", "Încă aștept rambursarea banilor."),
    ],
)
def test_a_wait_for_the_money_is_no_delay(classifier: Classifier, language: str, text: str) -> None:
    found = topics(classifier, text, language)
    assert "returns_refunds" in found and "delivery_delay" not in found, found


def test_a_late_parcel_and_a_refund_request_are_both_found(classifier: Classifier) -> None:
    found = topics(
        classifier, "Still waiting for the parcel after three weeks, I want a refund.", "en"
    )
    assert {"delivery_delay", "returns_refunds"} <= found
