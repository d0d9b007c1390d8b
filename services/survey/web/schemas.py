"""The survey form as the page posts it (`application/x-www-form-urlencoded`), read into an
`Answer` or the reason it is not one.

Fields are numbered by position on the page, one per order line (two variants of one product
are two questions): `rating_{i}` (1-5) and `text_{i}`, then `reviewer_name` (the name shown
with the published reviews, optional), `nps` (0-10) and `comment`."""

import unicodedata

from services.survey.orders.view import Item
from services.survey.responses.repository import LineReview, StoredResponse
from services.survey.responses.service import MAX_TEXT, Answer

_STARS = frozenset({"1", "2", "3", "4", "5"})
_NPS = frozenset(str(n) for n in range(11))
MAX_NAME = 80


class Refused(ValueError):
    """Why an answer cannot be accepted, for the page to say in the shopper's language:
    `key` names its text (`error_<key>` in services/survey/email/translations.py), `field` the
    element on the page to correct (its id), `line` the order line's index the text names the
    product of, `limit` the number it names."""

    def __init__(
        self, key: str, field: str, line: int | None = None, limit: int | None = None
    ) -> None:
        super().__init__(f"{field}: {key}")
        self.key = key
        self.field = field
        self.line = line
        self.limit = limit


def parse_name(raw: str | None) -> str | None:
    """The display name as shown: trimmed, inner runs of white space made one space; None when
    empty (anonymous). A control or format character (a line break, a bidi override that would
    turn the text around on the shop's page) is refused, as is a name over 80 characters:
    Refused with the reason."""
    name = " ".join((raw or "").split())
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
        raise Refused("name_characters", "reviewer_name")
    if len(name) > MAX_NAME:
        raise Refused("name_long", "reviewer_name", limit=MAX_NAME)
    return name or None


def _one(form: dict[str, list[str]], name: str) -> str | None:
    values = form.get(name)
    return values[0] if values else None


def _text(form: dict[str, list[str]], name: str) -> str:
    # A browser sends a line break of a textarea as CR LF and its maxlength counts it as one
    # character: a comment the page let through must not be over the cap here.
    return (_one(form, name) or "").replace("\r\n", "\n").strip()


def as_typed(form: dict[str, list[str]], items: list[Item]) -> StoredResponse:
    """What the shopper posted, for the form shown again with the reason it was refused: the
    valid choices ticked, the texts and the name as typed (the page escapes them)."""
    ratings: dict[int, int] = {}
    texts: dict[int, str] = {}
    for index, item in enumerate(items):
        raw = _one(form, f"rating_{index}")
        if raw is not None and raw in _STARS:
            ratings[item.line] = int(raw)
        if text := _text(form, f"text_{index}"):
            texts[item.line] = text
    nps = _one(form, "nps")
    return StoredResponse(
        nps=int(nps) if nps is not None and nps in _NPS else None,
        comment=_text(form, "comment") or None,
        reviewer_name=_one(form, "reviewer_name"),
        ratings=ratings,
        texts=texts,
    )


def parse_answer(form: dict[str, list[str]], items: list[Item]) -> Answer | Refused:
    """The answer, or why it cannot be accepted."""
    reviews: list[LineReview] = []
    for index, item in enumerate(items):
        raw = _one(form, f"rating_{index}")
        text = _text(form, f"text_{index}")
        # The first star's element: a radio group has no id of its own.
        stars = f"rating_{index}-5"
        if len(text) > MAX_TEXT:
            return Refused("text_long", f"text_{index}", index, MAX_TEXT)
        if raw is None:
            if text:
                return Refused("needs_stars", stars, index)
            continue
        if raw not in _STARS:
            return Refused("stars", stars, index)
        reviews.append(LineReview(item.line, item.product_id, int(raw), text or None))
    nps_raw = _one(form, "nps")
    if nps_raw is not None and nps_raw not in _NPS:
        return Refused("nps", "nps-0")
    comment = _text(form, "comment")
    if len(comment) > MAX_TEXT:
        return Refused("comment_long", "comment", limit=MAX_TEXT)
    if not reviews and nps_raw is None:
        return Refused("empty", "rating_0-5" if items else "nps-0")
    try:
        name = parse_name(_one(form, "reviewer_name"))
    except Refused as refused:
        return refused
    return Answer(
        reviews,
        int(nps_raw) if nps_raw is not None else None,
        comment or None,
        # Only reviews are published: without one, no name is kept.
        reviewer_name=name if reviews else None,
    )
