"""A short review declared in one of the five languages keeps it unless lingua is sure of a
language outside them (language.py).

Lingua's trigram mode reads one or two words poorly: "Priporocam" declared Slovenian came out
Italian, "Livrare rapida" Portuguese, "Atvilktne iesprūst" Lithuanian, so the review was counted,
shown and answered as a language no list here reads. English stays English: its own head reads
it ("Works fine" declared Latvian)."""

import pytest

from services.ingest.classification import Classifier, ReviewInput, load_classifier
from services.ingest.classification.language import LanguageIdentifier
from services.ingest.classification.text import prepare


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier()


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return load_classifier("fast")


def identify(identifier: LanguageIdentifier, text: str, declared: str | None) -> str:
    prepared = prepare(None, text)
    return identifier.identify(prepared.language_text, declared, prepared.tokens).code


@pytest.mark.parametrize(
    ("text", "declared"),
    [
        ("Livrare rapida", "ro"),
        ("Priporocam", "sl"),
        ("Poceni plastika, takoj počilo", "sl"),
        ("Atvilktne iesprūst", "lv"),
        ("Super", "de"),
    ],
)
def test_a_short_text_keeps_its_declared_language(
    identifier: LanguageIdentifier, text: str, declared: str
) -> None:
    assert identify(identifier, text, declared) == declared


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        # Clear evidence still overrules the declaration, short or long.
        ("Great product", "de", "en"),
        ("Very good", "ro", "en"),
        ("Sehr gut", "en", "de"),
        ("Foarte bun", "de", "ro"),
        # English, however unsure lingua is, is read by the English head.
        ("Works fine", "lv", "en"),
        ("Perfect fit", "ro", "en"),
        ("Recomand!", "ro", "en"),
        ("Paldies, paka atnāca laikā un kurpes der labi.", "de", "lv"),
    ],
)
def test_clear_evidence_overrules_the_declaration(
    identifier: LanguageIdentifier, text: str, declared: str, expected: str
) -> None:
    assert identify(identifier, text, declared) == expected


def test_without_a_declaration_lingua_decides(identifier: LanguageIdentifier) -> None:
    assert identify(identifier, "Priporocam", None) != "sl"


def test_the_declared_language_is_explained(identifier: LanguageIdentifier) -> None:
    prepared = prepare(None, "Livrare rapida")
    guess = identifier.identify(prepared.language_text, "ro", prepared.tokens)
    assert guess.confidence == 0.5
    assert guess.present[0] == "ro"
    assert "too short to overrule" in guess.explanation


def test_the_review_is_classified_in_its_declared_language(classifier: Classifier) -> None:
    result = classifier.classify(ReviewInput(text="Priporocam", rating=5, declared_language="sl"))
    assert result.language.code == "sl"
    assert result.sentiment.label == "positive"
