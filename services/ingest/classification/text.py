"""Text preparation shared by every detector: HTML stripped, bounded length, one folded form.

Matching happens on a *folded* form (lower case, diacritics removed, ß -> ss) because customers
type Slovenian, Latvian, Romanian and German with and without diacritics alike; the lexicons are
written in that folded form.
"""

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Keyword scans stay linear in this bound whatever a platform sends (platform reviews may be
# 20,000 characters); severity words at the end of a long complaint are still found.
MAX_SCAN_CHARS = 20_000
# The linear model and language identification gain nothing from more than a few paragraphs.
MAX_MODEL_CHARS = 1_500
MAX_LANGUAGE_CHARS = 600

_SCRIPT_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"<\s*(br|/p|/div|/li|p|div|li)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,500}>")
_SPACES = re.compile(r"\s+")
# Words, and clause ends (. ! ? ; : ,) as "." tokens: negation and multi-word terms stop there
# ("nothing arrived. My lawyer ..." does not negate the lawyer, nor "ni prevara, zanesljiva
# trgovina" the praise).
_CLAUSE_END = re.compile(r"[.!?;:,]+")
_TOKEN = re.compile(r"\w+|\.")
SENTENCE_END = "."
# Folding maps that NFKD does not decompose.
_FOLD_EXTRA = str.maketrans({"ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe"})


def strip_html(raw: str) -> str:
    if "<" not in raw and "&" not in raw:
        return raw
    text = _SCRIPT_STYLE.sub(" ", raw)
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub(" ", text)
    return html.unescape(text)


@lru_cache(maxsize=65_536)
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Latin-1 Supplement, Latin Extended-A and the Romanian comma-below letters: a table lets
# str.translate fold them at C speed; anything else (emoji, Cyrillic) is left as it is.
_FOLD_TABLE: dict[int, str] = {
    code: _fold_char(chr(code))
    for code in (*range(0x00C0, 0x0250), 0x1E9E)
    if _fold_char(chr(code)) != chr(code)
}
_FOLD_TABLE[ord("ß")] = "ss"


def fold(text: str) -> str:
    """Lower case without diacritics: "Poškodovan, ÜBERTEUERT" -> "poskodovan, uberteuert"."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return lowered.translate(_FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class PreparedText:
    """One review's text in the forms the detectors need."""

    original: str  # HTML stripped, whitespace collapsed, bounded by MAX_SCAN_CHARS
    folded: str  # fold(original): same length bound
    tokens: tuple[str, ...]  # words of `folded`, and SENTENCE_END between sentences
    truncated: bool

    @property
    def empty(self) -> bool:
        return all(t == SENTENCE_END for t in self.tokens)

    @property
    def model_text(self) -> str:
        return self.folded[:MAX_MODEL_CHARS]

    @property
    def language_text(self) -> str:
        return self.original[:MAX_LANGUAGE_CHARS]


def prepare(title: str | None, body: str | None) -> PreparedText:
    parts = [p for p in (title, body) if p and p.strip()]
    # The tag stripper's work is bounded too: a megabyte of markup must not stall a consumer.
    raw = "\n".join(parts)[: MAX_SCAN_CHARS * 4]
    cleaned = _SPACES.sub(" ", strip_html(raw)).strip()
    truncated = len(cleaned) > MAX_SCAN_CHARS
    cleaned = cleaned[:MAX_SCAN_CHARS]
    folded = fold(cleaned)
    return PreparedText(
        original=cleaned,
        folded=folded,
        tokens=tuple(_TOKEN.findall(_CLAUSE_END.sub(" . ", folded))),
        truncated=truncated,
    )
