"""The console's texts: one catalogue per language (`locales/<lang>/*.toml`, a file per area of
the console, merged), English complete, the others falling back to English key by key until
translated.

Keys are `<section>.<name>`; a text may name values in braces (`{count} reviews`). Pages get a
`Texts` whose `t(key, **values)` they call; a key missing from English is a bug that
`tests/unit/test_console_texts.py` catches before any page renders it.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup

LOCALES = Path(__file__).parent / "locales"
DEFAULT = "en"
LANGUAGES = ("en", "de", "sl", "lv", "ro")


def _flatten(table: dict[str, object], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}."))
        else:
            out[name] = str(value)
    return out


@cache
def catalogue(language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted((LOCALES / language).glob("*.toml")):
        merged.update(_flatten(tomllib.loads(path.read_text(encoding="utf-8"))))
    return merged


@dataclass(frozen=True)
class Texts:
    language: str

    def t(self, key: str, **values: object) -> str:
        text = catalogue(self.language).get(key) or catalogue(DEFAULT).get(key)
        if text is None:
            # Visible on the page and in tests, never a 500 for a missing translation.
            return key
        if not values:
            return text
        if any(isinstance(v, Markup) for v in values.values()):
            # A value that is markup already (a page's `<time>` from its `when` macro) stays
            # markup; the other values are escaped here, the catalogue's text is the project's.
            return Markup(text).format(**values)
        # A plain string: the template's autoescaping escapes text and values together.
        return text.format(**values)

    def topic(self, name: str) -> str:
        """A classifier topic as staff read it ("Late delivery"); a template's question topic
        `faq:<type>` as "Question: Shipping time"; a topic without a text yet keeps its code,
        never the key."""
        kind, colon, question = name.partition(":")
        if kind == "faq" and colon:
            return f"{self._label('topic', kind)}: {self._label('question', question)}"
        return self._label("topic", name)

    def severity_reason(self, code: str) -> str:
        """Why a review is severe ("health_injury") as staff read it ("Health or injury")."""
        return self._label("severity_reason", code)

    def _label(self, section: str, code: str) -> str:
        key = f"{section}.{code}"
        return catalogue(self.language).get(key) or catalogue(DEFAULT).get(key, code)

    def topic_list(self, names: list[str]) -> str:
        return ", ".join(self.topic(n) for n in names)


@cache
def complete(language: str) -> bool:
    """Whether a language has every English text (only those are offered: a page half in one
    language and half in another helps nobody)."""
    return set(catalogue(DEFAULT)) <= set(catalogue(language))


def negotiate(accept_language: str | None) -> str:
    """The first language of the browser's list whose catalogue is complete; else English."""
    for part in (accept_language or "").split(","):
        base = part.split(";")[0].strip().lower().split("-")[0]
        if base in LANGUAGES and complete(base):
            return base
    return DEFAULT
