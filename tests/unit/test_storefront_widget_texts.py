"""The widget's catalogues: every language has every text, the plural forms its rules pick and
twelve months; plural rules, dates, numbers and the language fallback."""

from datetime import datetime
from typing import Any

import pytest

from services.responder.storefront.widget.texts import (
    LANGUAGES,
    PLURAL,
    Texts,
    catalogue,
    choose,
)


def keys(table: dict[str, Any], prefix: str = "") -> set[str]:
    out: set[str] = set()
    for key, value in table.items():
        if isinstance(value, dict) and key not in ("reviews", "stars"):
            out |= keys(value, f"{prefix}{key}.")
        else:
            out.add(f"{prefix}{key}")
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_is_complete(language: str) -> None:
    table = catalogue(language)
    assert keys(table) == keys(catalogue("en"))
    assert len(table["date"]["months"]) == 12
    needed = {PLURAL[language](n) for n in range(0, 200)}
    for plural in ("reviews", "stars"):
        assert needed <= set(table[plural]), (language, plural)
        assert all("{count}" in text for text in table[plural].values())


@pytest.mark.parametrize(
    ("language", "count", "text"),
    [
        ("en", 1, "1 review"),
        ("en", 0, "0 reviews"),
        ("de", 2, "2 Bewertungen"),
        ("sl", 1, "1 mnenje"),
        ("sl", 2, "2 mnenji"),
        ("sl", 3, "3 mnenja"),
        ("sl", 5, "5 mnenj"),
        ("sl", 101, "101 mnenje"),
        ("lv", 1, "1 atsauksme"),
        ("lv", 11, "11 atsauksmju"),
        ("lv", 21, "21 atsauksme"),
        ("lv", 3, "3 atsauksmes"),
        ("ro", 1, "1 recenzie"),
        ("ro", 7, "7 recenzii"),
        ("ro", 20, "20 de recenzii"),
        ("ro", 101, "101 recenzii"),
        ("ro", 120, "120 de recenzii"),
    ],
)
def test_plurals(language: str, count: int, text: str) -> None:
    assert Texts(language).plural("reviews", count) == text


@pytest.mark.parametrize(
    ("language", "date", "mean"),
    [
        ("en", "4 December 2026", "3.6"),
        ("de", "4. Dezember 2026", "3,6"),
        ("sl", "4. december 2026", "3,6"),
        ("lv", "2026. gada 4. decembris", "3,6"),
        ("ro", "4 decembrie 2026", "3,6"),
    ],
)
def test_dates_and_numbers(language: str, date: str, mean: str) -> None:
    texts = Texts(language)
    assert texts.date(datetime(2026, 12, 4, 22, 0)) == date
    assert texts.number(25 / 7) == mean


@pytest.mark.parametrize(
    ("requested", "shop", "language"),
    [
        ("de", "sl", "de"),
        ("de-AT", None, "de"),
        ("LV", None, "lv"),
        ("fr", "ro_RO", "ro"),
        (None, "sl-SI", "sl"),
        ("fr", "fr", "en"),
        (None, None, "en"),
        ("", "", "en"),
    ],
)
def test_language_from_the_query_then_the_shop_then_english(
    requested: str | None, shop: str | None, language: str
) -> None:
    assert choose(requested, shop) == language


def test_a_missing_text_shows_its_key_never_fails() -> None:
    assert Texts("de").t("no.such.text") == "no.such.text"
    assert Texts("de").plural("no_such_plural", 3) == "no_such_plural"
