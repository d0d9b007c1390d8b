"""A wait of weeks or months in a negative review that names no other problem is the delivery's
(classification/topics.py, `_delay_by_elimination`); a named problem explains the wait instead,
and a date in the past is no wait. And a phone sold as the product is no phone call."""

import pytest

from services.ingest.classification import Classifier, ReviewInput


def topics(classifier: Classifier, language: str, text: str, rating: int = 1) -> set[str]:
    review = ReviewInput(text=text, rating=rating, declared_language=language)
    return {t.name for t in classifier.classify(review).topics}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Nearly five weeks for a phone case. Ridiculous."),
        ("de", "Sechs Wochen für einen Schal, unglaublich."),
        ("sl", "Dva meseca za eno majico, res ne."),
        ("lv", "Trīs nedēļas par vienu krūzi, nopietni?"),
        ("ro", "Trei saptamani pentru o husa de telefon, penibil."),
    ],
)
def test_a_long_wait_alone_is_a_delay(classifier: Classifier, language: str, text: str) -> None:
    assert "delivery_delay" in topics(classifier, language, text)


@pytest.mark.parametrize(
    ("language", "text", "rating"),
    [
        ("en", "The heel broke after three weeks of normal wear.", 1),
        ("en", "Customer service ignored my emails for two weeks.", 1),
        ("en", "The refund took a month to reach my account.", 2),
        ("de", "Nach zwei Wochen ist der Reißverschluss kaputt gegangen.", 1),
        ("en", "Bought it two months ago, still the best kettle I have had.", 5),
        ("en", "Three weeks ago I would have said five stars, now it is just meh.", 2),
        # A danger is a problem with the product: the weeks are how long it was used (a
        # walk's burn review was "Late delivery" in the inbox, the alert and the trends).
        (
            "de",
            "Der Wasserkocher ist nach zwei Wochen überhitzt und hat mir die Hand verbrannt.",
            1,
        ),
        ("en", "The kettle overheated after two weeks and burnt my hand.", 1),
    ],
)
def test_a_named_problem_or_a_date_explains_the_weeks(
    classifier: Classifier, language: str, text: str, rating: int
) -> None:
    assert "delivery_delay" not in topics(classifier, language, text, rating)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Die Telefon Hülle passt nicht richtig und ist sofort gerissen."),
        ("sl", "Ovitek za telefon je počil po enem dnevu."),
        ("ro", "Husa de telefon s a rupt dupa o zi."),
    ],
)
def test_a_phone_as_the_product_is_no_customer_service(
    classifier: Classifier, language: str, text: str
) -> None:
    assert "customer_service" not in topics(classifier, language, text)
