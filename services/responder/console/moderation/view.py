"""What the moderation panel and the shop's ledger page show, without I/O: the fixed reasons,
names for actors, the phrases a redaction form sends, the text a redaction would leave, and the
ledger's pages."""

from dataclasses import dataclass
from urllib.parse import quote

from shared.events.replies import MODERATION_REASONS

REASONS: tuple[str, ...] = MODERATION_REASONS
ACTIONS = ("hold", "reject", "publish")
# What a redaction puts where a phrase was (moderation/service.py writes the same).
MARK = "[…]"
PER_PAGE = 50
PHRASES_MAX = 20
PHRASE_MAX = 200
EVIDENCE_MAX = 5000
# How ingest matched a survey review to an order, as the labels name it.
VERIFIED_BY = ("survey", "reference", "email_product")


def ledger_url(shop_id: str, page: int = 1) -> str:
    base = f"/console/shops/{quote(shop_id, safe='')}/moderation"
    return base if page <= 1 else f"{base}?page={page}"


def actor_name(actor: str, staff: dict[int, str]) -> str:
    """ "user:7" as the person's name where the shop knows them; other actors as written."""
    kind, _, rest = actor.partition(":")
    if kind == "user" and rest.isdigit() and int(rest) in staff:
        return staff[int(rest)]
    return actor


def phrases_of(typed: str) -> list[str]:
    """The phrases of the redaction form: one per line, surrounding blanks dropped, empty lines
    and repeats ignored (order kept)."""
    seen: dict[str, None] = {}
    for line in typed.splitlines():
        phrase = line.strip()
        if phrase:
            seen.setdefault(phrase, None)
    return list(seen)


def missing_phrases(text: str, phrases: list[str]) -> list[str]:
    """The phrases that do not occur in the text exactly as typed (nothing is guessed)."""
    return [p for p in phrases if p not in text]


@dataclass(frozen=True)
class Piece:
    text: str
    removed: bool


def redacted(text: str, phrases: list[str]) -> tuple[str, list[Piece]]:
    """The text with every occurrence of each phrase replaced by the mark, and the original cut
    into pieces (removed or kept) for the preview. Longer phrases first: a phrase inside a
    longer one must not split it."""
    spans: list[tuple[int, int]] = []
    for phrase in sorted(phrases, key=len, reverse=True):
        start = text.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
            start = text.find(phrase, end)
    spans.sort()
    pieces: list[Piece] = []
    after: list[str] = []
    at = 0
    for s, e in spans:
        if s > at:
            pieces.append(Piece(text[at:s], False))
            after.append(text[at:s])
        pieces.append(Piece(text[s:e], True))
        after.append(MARK)
        at = e
    if at < len(text):
        pieces.append(Piece(text[at:], False))
        after.append(text[at:])
    return "".join(after), pieces


@dataclass(frozen=True)
class Pages:
    page: int
    pages: int
    offset: int

    @property
    def newer(self) -> int | None:
        return self.page - 1 if self.page > 1 else None

    @property
    def older(self) -> int | None:
        return self.page + 1 if self.page < self.pages else None


def pages(total: int, page: int, per_page: int = PER_PAGE) -> Pages:
    count = max(1, -(-total // per_page))
    page = min(max(page, 1), count)
    return Pages(page, count, (page - 1) * per_page)
