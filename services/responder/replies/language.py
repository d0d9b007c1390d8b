"""Which of the supported languages a reply is written in: frequent short words and letters
only one language uses. Replies are short and written by the shop, so this is enough; when it
is unsure it says nothing (None) rather than guess."""

import re
from collections import Counter

from services.responder.replies.text import fold
from services.responder.replies.wording import WORDING

_WORD = re.compile(r"[a-z]+")
# Letters that point at one language (checked on the original text).
_LETTERS = {
    "de": set("äöüß"),
    "lv": set("āēīūģķļņ"),
    "ro": set("ăâîșțşţ"),
}
_CARON = set("čšž")


def guess(text: str, folded: str | None = None) -> str | None:
    """`folded`: fold(text).text, when the caller has it already."""
    words = _WORD.findall(fold(text).text if folded is None else folded)
    if not words:
        return None
    counts = Counter(words)
    scores: Counter[str] = Counter()
    for language, wording in WORDING.items():
        scores[language] = sum(n for w, n in counts.items() if w in wording.stopwords)
    letters = set(text.lower())
    for language, marks in _LETTERS.items():
        if letters & marks:
            scores[language] += 3
    if letters & _CARON and not letters & _LETTERS["lv"]:
        scores["sl"] += 2
    (best, top), *rest = scores.most_common()
    runner_up = rest[0][1] if rest else 0
    if top < 3 or top - runner_up < 2:
        return None
    return best


def normalise(language: str | None) -> str | None:
    """ "de-AT" and "DE" are "de"; None stays None."""
    if not language:
        return None
    return language.split("-")[0].split("_")[0].lower() or None
