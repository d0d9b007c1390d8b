"""A short review keeps its declared language unless lingua is sure of another (language.py).

Lingua's trigram mode reads one or two words poorly: "Recomand!" declared Romanian came out
English (0.31 after the declared prior), "Priporocam" Italian, "Livrare rapida" Portuguese. The
wrong language picked the wrong sentiment head, and on the second pass kept the lists out of
the verdict, so "Recomand" under 2 stars raised no mismatch."""

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
        ("Recomand!", "ro"),
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
        ("Paldies, paka atnāca laikā un kurpes der labi.", "de", "lv"),
    ],
)
def test_clear_evidence_overrules_the_declaration(
    identifier: LanguageIdentifier, text: str, declared: str, expected: str
) -> None:
    assert identify(identifier, text, declared) == expected


def test_without_a_declaration_lingua_decides(identifier: LanguageIdentifier) -> None:
    assert identify(identifier, "Recomand!", None) != "ro"


def test_the_declared_language_is_explained(identifier: LanguageIdentifier) -> None:
    prepared = prepare(None, "Recomand!")
    guess = identifier.identify(prepared.language_text, "ro", prepared.tokens)
    assert guess.confidence == 0.5
    assert guess.present[0] == "ro"
    assert "too short to overrule" in guess.explanation


def test_a_terse_verdict_in_the_declared_language_meets_contradicting_stars(
    classifier: Classifier,
) -> None:
    result = classifier.classify(ReviewInput(text="Recomand", rating=2, declared_language="ro"))
    assert result.language.code == "ro"
    assert result.star_text_mismatch
