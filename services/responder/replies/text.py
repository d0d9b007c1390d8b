"""Text folding for matching: lower case, diacritics off (so word lists are written once in
ASCII), with a map back to the original positions so findings point at the real text."""

import unicodedata
from dataclasses import dataclass

# Letters NFKD does not decompose.
_EXTRA = {
    "ß": "ss",
    "ł": "l",
    "đ": "d",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "\u2019": "'",
    "\u2018": "'",
}


@dataclass(frozen=True)
class Folded:
    original: str
    text: str
    # For each character of `text`, the index of the original character it came from; None
    # when every character folded into exactly one (the usual case: ASCII, most accents).
    origin: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded characters start..end."""
        if self.origin is None:
            return start, end
        if start >= end:
            return (self.origin[start] if start < len(self.origin) else len(self.original),) * 2
        return self.origin[start], self.origin[end - 1] + 1


def _fold_char(ch: str) -> str:
    lowered = ch.lower()
    replacement = _EXTRA.get(lowered)
    if replacement is None:
        replacement = "".join(
            c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c)
        )
    return replacement


class _Table(dict[int, str]):
    """str.translate's table, filled on first sight of each character."""

    def __init__(self) -> None:
        super().__init__()
        # Characters that do not fold into exactly one: their text needs the origin map.
        self.uneven: set[str] = set()

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        replacement = _fold_char(ch)
        if len(replacement) != 1:
            self.uneven.add(ch)
        if len(self) < 65_536:
            self[code] = replacement
        return replacement


_TABLE = _Table()


def fold(original: str) -> Folded:
    # Per-character Python work made a 5,000-character reply cost milliseconds: ASCII needs
    # only lower(), anything else one str.translate over a cached table.
    if original.isascii():
        return Folded(original, original.lower())
    text = original.translate(_TABLE)
    if _TABLE.uneven.isdisjoint(original):
        return Folded(original, text)
    origin = tuple(i for i, ch in enumerate(original) for _ in _TABLE[ord(ch)])
    return Folded(original, text, origin)
