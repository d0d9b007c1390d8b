"""The review page's words: every language has every text, with the same placeholders."""

import string
from datetime import datetime

import pytest

from services.responder.storefront.feed.texts import LANGUAGES, TEXTS, day, language_of


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_is_complete(language: str) -> None:
    english = TEXTS["en"]
    texts = TEXTS[language]
    assert texts.keys() == english.keys()
    for key, text in texts.items():
        assert text.strip(), (language, key)
        assert placeholders(text) == placeholders(english[key]), (language, key)


def test_language_of_the_shop() -> None:
    assert language_of("de-AT") == "de" and language_of("sl_SI") == "sl"
    assert language_of("LV") == "lv" and language_of("fr") == "en" and language_of(None) == "en"


def test_dates() -> None:
    at = datetime(2026, 3, 7)
    assert [day(at, lang) for lang in LANGUAGES] == [
        "7 March 2026",
        "07.03.2026",
        "7. 3. 2026",
        "07.03.2026.",
        "07.03.2026",
    ]
