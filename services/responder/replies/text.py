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
    # For each character of `text`, the index of the original character it came from.
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded characters start..end."""
        if start >= end:
            return (self.origin[start] if start < len(self.origin) else len(self.original),) * 2
        return self.origin[start], self.origin[end - 1] + 1


def fold(original: str) -> Folded:
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(original):
        lowered = ch.lower()
        replacement = _EXTRA.get(lowered)
        if replacement is None:
            replacement = "".join(
                c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c)
            )
        for c in replacement:
            out.append(c)
            origin.append(i)
    return Folded(original, "".join(out), tuple(origin))
