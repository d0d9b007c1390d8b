"""The disclosure page's words: every language has every text with the same fields, so no
shopper reads a page half in one language and no `format` fails for one language only."""

import string

import pytest

from services.responder.storefront.disclosure.texts import (
    AND,
    COUNTRIES,
    DAYS,
    LANGUAGES,
    NAMES,
    RULES,
    TEXTS,
    choose,
)
from shared.events.replies import MODERATION_REASONS


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_text_with_the_same_fields(language: str) -> None:
    english, texts = TEXTS["en"], TEXTS[language]
    assert texts.keys() == english.keys()
    for key, text in texts.items():
        assert fields(text) == fields(english[key]), (language, key)
        assert text.strip(), (language, key)
    assert RULES[language].keys() == RULES["en"].keys()
    assert COUNTRIES[language].keys() == COUNTRIES["en"].keys()
    assert language in NAMES and language in AND and language in DAYS


def test_every_moderation_reason_has_a_label() -> None:
    for reason in MODERATION_REASONS:
        for language in LANGUAGES:
            assert TEXTS[language][f"reason.{reason}"]


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [
        ("en", 1, "1 day"),
        ("en", 10, "10 days"),
        ("de", 1, "1 Tag"),
        ("de", 21, "21 Tage"),
        ("sl", 1, "1 dan"),
        ("sl", 2, "2 dneva"),
        ("sl", 3, "3 dni"),
        ("sl", 102, "102 dneva"),
        ("lv", 21, "21 diena"),
        ("lv", 11, "11 dienas"),
        ("ro", 1, "1 zi"),
        ("ro", 14, "14 zile"),
        ("ro", 21, "21 de zile"),
    ],
)
def test_days_in_each_language(language: str, n: int, expected: str) -> None:
    assert DAYS[language](n) == expected


def test_the_language_is_the_asked_one_else_the_shops_else_english() -> None:
    assert choose("sl", "de-DE") == "sl"
    assert choose(None, "de_AT") == "de"
    assert choose(None, "fr-FR") == "en"
    assert choose(None, None) == "en"
