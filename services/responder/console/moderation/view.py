"""What the moderation panel and the shop's ledger page show: the panel's context (contract
with the review page: `review/endpoints.py` calls `moderation_panel` and includes
`moderation/panel.html` with its answer as `moderation`), and without I/O the fixed reasons,
names for actors, the phrases a redaction form sends, the text a redaction would leave, and the
ledger's pages."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from services.responder.access import repository as users
from services.responder.console.session import ConsoleSession
from services.responder.moderation import service
from services.responder.moderation.publication import PUBLISHED_SOURCE
from services.responder.moderation.schemas import (
    MAX_EVIDENCE,
    MAX_PHRASE,
    MAX_PHRASES,
    ModerationState,
)
from services.responder.reviews.schemas import ReviewFull
from shared.db.pool import Pool
from shared.events.replies import MODERATION_REASONS

REASONS: tuple[str, ...] = MODERATION_REASONS
ACTIONS = ("hold", "reject", "publish")
PER_PAGE = 50
# The API's limits (moderation/schemas.py), checked here so a refusal names the field.
PHRASES_MAX = MAX_PHRASES
PHRASE_MAX = MAX_PHRASE
EVIDENCE_MAX = MAX_EVIDENCE
# How ingest matched a survey review to an order, as the labels name it.
VERIFIED_BY = ("survey", "reference", "email_product")


def ledger_url(shop_id: str, page: int | None = None, reason: str | None = None) -> str:
    """The shop's ledger page (optionally one reason's decisions)."""
    query = {k: v for k, v in (("reason", reason), ("page", str(page or 1))) if v and v != "1"}
    base = f"/console/shops/{quote(shop_id, safe='')}/moderation"
    return f"{base}?{urlencode(query)}" if query else base


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


def missing_phrase(texts: tuple[str | None, ...], phrases: list[str]) -> int | None:
    """The number (from 1) of the first phrase no text holds exactly as typed (nothing is
    guessed), as the service checks it; None when each occurs."""
    for i, phrase in enumerate(phrases, 1):
        if not any(text and phrase in text for text in texts):
            return i
    return None


@dataclass(frozen=True)
class Piece:
    text: str
    removed: bool


def marked(text: str, phrases: list[str]) -> list[Piece]:
    """The text cut into pieces, each phrase's occurrences marked as removed (longer phrases
    first, as the service replaces them: a phrase inside a longer one does not split it)."""
    spans: list[tuple[int, int]] = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        start = text.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
            start = text.find(phrase, end)
    pieces: list[Piece] = []
    at = 0
    for s, e in sorted(spans):
        if s > at:
            pieces.append(Piece(text[at:s], False))
        pieces.append(Piece(text[s:e], True))
        at = e
    if at < len(text):
        pieces.append(Piece(text[at:], False))
    return pieces


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


def context(
    state: ModerationState, session: ConsoleSession, staff: dict[int, str]
) -> dict[str, Any]:
    """The panel's context (also what the refusal and preview pages repeat the forms with)."""
    return {
        "shop_id": state.shop_id,
        "review_id": state.review_id,
        "state": state,
        "decisions": [(d, actor_name(d.actor, staff)) for d in state.decisions],
        "manager": session.principal.at_least("manager"),
        "reasons": REASONS,
        "evidence_max": EVIDENCE_MAX,
        "verified_by": VERIFIED_BY,
        "ledger_url": ledger_url(state.shop_id),
    }


async def staff_of(pool: Pool, shop_id: str) -> dict[int, str]:
    async with pool.acquire() as conn:
        return {u.id: u.name for u in await users.list_users(conn, [shop_id])}


async def moderation_panel(
    pool: Pool, session: ConsoleSession, full: ReviewFull
) -> dict[str, Any] | None:
    """The panel of a review shoppers may see (our surveys' reviews); None for any other
    review (the page shows no panel)."""
    review = full.review
    if review.source != PUBLISHED_SOURCE:
        return None
    try:
        state = await service.state(pool, session.principal, review.shop_id, review.review_id)
    except (service.NotPublishable, service.NoSuchReview):
        return None
    return context(state, session, await staff_of(pool, review.shop_id))


@dataclass(frozen=True)
class Part:
    name: str  # "title" or "body"
    pieces: list[Piece]
    after: str


def preview(state: ModerationState, phrases: list[str]) -> list[Part]:
    """The title and text as they are, the phrases marked, and as the redaction leaves them
    (only the parts a phrase occurs in)."""
    parts = []
    for name, text in (("title", state.title), ("body", state.body)):
        if text and any(p in text for p in phrases):
            # What the service will store, by its own function.
            parts.append(Part(name, marked(text, phrases), service.redacted(text, phrases) or ""))
    return parts
