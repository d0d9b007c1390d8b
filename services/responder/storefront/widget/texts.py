"""The widget's words, one catalogue per language (`locales/<lang>/widget.toml`): every visible
string, the plural forms each language needs, its month names and date pattern, its decimal
separator. All five catalogues are complete (tests/unit/test_storefront_widget_texts.py): a
shopper never reads a widget half in one language.

Plural categories follow CLDR's cardinal rules for the five languages (Slovenian has four
forms, Latvian three, Romanian three), written out here rather than pulled in with Babel for
five small functions.
"""

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

LOCALES = Path(__file__).parent / "locales"
DEFAULT = "en"
LANGUAGES = ("en", "de", "sl", "lv", "ro")


def _one_other(n: int) -> str:
    return "one" if n == 1 else "other"


def _sl(n: int) -> str:
    rest = n % 100
    return {1: "one", 2: "two", 3: "few", 4: "few"}.get(rest, "other")


def _lv(n: int) -> str:
    if n % 10 == 0 or 11 <= n % 100 <= 19:
        return "zero"
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    return "other"


def _ro(n: int) -> str:
    if n == 1:
        return "one"
    if n == 0 or 1 <= n % 100 <= 19:
        return "few"
    return "other"


PLURAL: dict[str, Callable[[int], str]] = {
    "en": _one_other,
    "de": _one_other,
    "sl": _sl,
    "lv": _lv,
    "ro": _ro,
}


def base_language(tag: str | None) -> str | None:
    """`de-AT`, `de_DE`, `DE` → `de`; None for nothing usable."""
    if not tag:
        return None
    base = tag.replace("_", "-").split("-")[0].strip().lower()
    return base or None


def choose(requested: str | None, shop_locale: str | None) -> str:
    """The query's language if the widget speaks it, else the shop's, else English."""
    for tag in (requested, shop_locale):
        base = base_language(tag)
        if base in LANGUAGES:
            return base
    return DEFAULT


@cache
def catalogue(language: str) -> dict[str, Any]:
    path = LOCALES / language / "widget.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _lookup(table: dict[str, Any], key: str) -> Any:
    value: Any = table
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


@dataclass(frozen=True)
class Texts:
    language: str

    def _raw(self, key: str) -> Any:
        found = _lookup(catalogue(self.language), key)
        return found if found is not None else _lookup(catalogue(DEFAULT), key)

    def t(self, key: str, **values: object) -> str:
        text = self._raw(key)
        if not isinstance(text, str):
            # Visible in the widget and in tests, never a 500 for a missing text.
            return key
        # Plain text: the template's autoescaping escapes the text and its values together.
        return text.format(**values) if values else text

    def plural(self, key: str, count: int, **values: object) -> str:
        """`key.<category>` for `count` in this language (`{count}` names the number)."""
        forms = self._raw(key)
        if not isinstance(forms, dict):
            return key
        category = PLURAL[self.language](count)
        text = forms.get(category, forms.get("other"))
        if not isinstance(text, str):
            return key
        return text.format(count=count, **values)

    def number(self, value: float, digits: int = 1) -> str:
        return f"{value:.{digits}f}".replace(".", self.t("decimal"))

    def date(self, at: datetime) -> str:
        months = self._raw("date.months")
        month = months[at.month - 1] if isinstance(months, list) else str(at.month)
        return self.t("date.format", day=at.day, month=month, year=at.year)
