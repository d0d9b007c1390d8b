"""Moderation decisions on survey reviews: publish, hold, reject (only for a content reason from
the fixed list), and redaction of personal data. Every decision is a ledger row, an audit entry
and a `review.moderated` event, in one unit of work."""

import uuid
from datetime import datetime
from typing import Any

from services.responder.access.principal import Principal
from services.responder.moderation import repository as public
from services.responder.moderation.events import Decision as Announced
from services.responder.moderation.events import moderated
from services.responder.moderation.schemas import (
    Action,
    Decision,
    LedgerAction,
    LedgerPage,
    ModerationState,
    ReasonCount,
)
from services.responder.reviews.lookup import ReviewNotFound, review_for
from services.responder.unit_of_work import unit_of_work
from shared.db.pool import Connection, Pool
from shared.db.unit_of_work import UnitOfWork
from shared.events.replies import MODERATION_REASONS, ModerationReason

REDACTED = "[\u2026]"
# What each action leaves the public row in.
_STATUS = {"publish": "published", "hold": "held", "reject": "rejected"}
_ANNOUNCED: dict[str, Announced] = {"publish": "published", "hold": "held", "reject": "rejected"}
NEVER_A_REASON = (
    "a rating, a sentiment or a review being negative is never a reason to hold or reject it "
    "(16 CFR 465.7; UCPD Annex I 23c); the reasons are: " + ", ".join(MODERATION_REASONS)
)


class ReasonRefused(ValueError):
    """A reason outside the fixed list, or none where one is needed (422)."""


class NotPublishable(Exception):
    """Not a review Reviewloop shows: only reviews from our own surveys are (409)."""


class PhraseNotFound(ValueError):
    """A phrase to redact that the title and text as shown do not contain (422)."""


class NoSuchReview(LookupError):
    """No review with this id in the caller's shops (404)."""


class Forbidden(PermissionError):
    """Deciding needs the manager role (403); agents may read."""


class NothingToChange(Exception):
    """The decision would leave the review as it is (409): the message says why."""


def checked_reason(action: Action | LedgerAction, reason: str | None) -> ModerationReason | None:
    """The reason, if the list has it; holding and rejecting need one. Raises ReasonRefused."""
    if reason is None or not reason.strip():
        if action in ("hold", "reject"):
            raise ReasonRefused(f"{action} needs a reason: {NEVER_A_REASON}")
        return None
    for known in MODERATION_REASONS:
        if reason == known:
            return known
    raise ReasonRefused(f"{reason[:64]!r} is not a moderation reason: {NEVER_A_REASON}")


def redacted(text: str | None, phrases: list[str]) -> str | None:
    """Each phrase replaced by […]; the longest first, so a name and its part both go."""
    if text is None:
        return None
    for phrase in sorted(set(phrases), key=len, reverse=True):
        text = text.replace(phrase, REDACTED)
    return text


def _may_decide(principal: Principal) -> None:
    if not principal.at_least("manager"):
        raise Forbidden(f"moderation decisions need the manager role; you are {principal.role}")


def _evidence(evidence: str | None) -> str | None:
    return evidence.strip() or None if evidence is not None else None


async def _public_of(
    conn: Connection, principal: Principal, shop_id: str | None, review_id: str, lock: bool
) -> dict[str, Any]:
    try:
        review = await review_for(conn, principal, review_id, shop_id)
    except ReviewNotFound:
        raise NoSuchReview("review") from None
    row = await public.get_public(conn, review["shop_id"], review_id, lock=lock)
    if row is None:
        if review["source"] != "survey":
            raise NotPublishable(
                f"this is a {review['source']} review: its platform shows it; Reviewloop "
                "publishes (and moderates) only reviews from its own surveys"
            )
        raise NotPublishable("this survey review is not shown to shoppers (no rating, or redacted)")
    return row


async def _record(
    uow: UnitOfWork,
    principal: Principal,
    before: dict[str, Any],
    after: dict[str, Any],
    action: LedgerAction,
    reason: ModerationReason | None,
    evidence: str | None,
    announced: Announced,
    details: dict[str, Any] | None = None,
) -> None:
    at = uow.at
    assert at is not None
    shop_id, review_id = after["shop_id"], after["review_id"]
    decision = await public.add_decision(
        uow.conn, shop_id, review_id, action, reason, evidence, principal.actor, at, details
    )
    await uow.audit(
        f"review.moderation.{action}",
        "moderation_decision",
        decision["id"],
        shop_id=shop_id,
        review_id=review_id,
        before={"status": before["status"]},
        after={"status": after["status"], "decision": decision},
    )
    event = moderated(
        shop_id, review_id, after["order_id"], announced, reason, after["language"], at
    )
    # One id per ledger row: a review published, held and published again within one tick of
    # the clock (a fixed test clock) would otherwise announce the same event id twice.
    await uow.emit(
        event.model_copy(
            update={"event_id": uuid.uuid5(event.event_id, f"decision:{decision['id']}")}
        )
    )


async def decide(
    pool: Pool,
    principal: Principal,
    shop_id: str | None,
    review_id: str,
    action: Action,
    reason: str | None,
    evidence: str | None,
    now: datetime,
) -> ModerationState:
    """Publish, hold or reject a survey review. The reason is checked before anything is read,
    so a refused reason leaves no trace."""
    _may_decide(principal)
    checked = checked_reason(action, reason)
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        before = await _public_of(uow.conn, principal, shop_id, review_id, lock=True)
        wanted = _STATUS[action]
        if before["status"] == wanted:
            raise NothingToChange(f"the review is {wanted} already")
        after = await public.set_status(uow.conn, before["shop_id"], review_id, wanted, now)
        assert after is not None  # locked above
        await _record(
            uow, principal, before, after, action, checked, _evidence(evidence), _ANNOUNCED[action]
        )
        return await _state(uow.conn, after)


async def redact(
    pool: Pool,
    principal: Principal,
    shop_id: str | None,
    review_id: str,
    phrases: list[str],
    evidence: str | None,
    now: datetime,
) -> ModerationState:
    """Personal data out of the shown title and text: each phrase (exact, case-sensitive) is
    replaced by […] and nothing else changes. The ledger records how many phrases, never them."""
    _may_decide(principal)
    if not phrases:
        raise PhraseNotFound("name at least one phrase to redact")
    for i, phrase in enumerate(phrases, 1):
        if not phrase.strip():
            raise PhraseNotFound(f"phrase {i} is blank")
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        before = await _public_of(uow.conn, principal, shop_id, review_id, lock=True)
        shown = (before["title"] or "", before["body"] or "")
        for i, phrase in enumerate(phrases, 1):
            if not any(phrase in text for text in shown):
                # The phrase is not echoed: it is personal data, and answers get logged.
                raise PhraseNotFound(
                    f"phrase {i} does not occur in the review's title or text as shown "
                    "(exact and case-sensitive; already redacted parts show as [\u2026])"
                )
        after = await public.set_texts(
            uow.conn,
            before["shop_id"],
            review_id,
            redacted(before["title"], phrases),
            redacted(before["body"], phrases),
            now,
        )
        assert after is not None  # locked above
        count = len(set(phrases))
        await _record(
            uow,
            principal,
            before,
            after,
            "redact",
            "personal_data",
            _evidence(evidence),
            "redacted",
            {"phrases": count},
        )
        return await _state(uow.conn, after)


async def state(
    pool: Pool, principal: Principal, shop_id: str | None, review_id: str
) -> ModerationState:
    async with pool.acquire() as conn:
        row = await _public_of(conn, principal, shop_id, review_id, lock=False)
        return await _state(conn, row)


async def _state(conn: Connection, row: dict[str, Any]) -> ModerationState:
    decisions = await public.decisions_of(conn, row["shop_id"], row["review_id"])
    return ModerationState.model_validate({**row, "decisions": decisions})


async def ledger(
    pool: Pool,
    principal: Principal,
    shop_id: str,
    action: LedgerAction | None,
    reason: str | None,
    page: int,
    per_page: int,
) -> LedgerPage:
    if not principal.can_access(shop_id):
        raise NoSuchReview("shop")
    filter_reason = checked_reason("publish", reason) if reason is not None else None
    async with pool.acquire() as conn:
        rows, total = await public.ledger(
            conn, shop_id, action, filter_reason, per_page, (page - 1) * per_page
        )
        counts = await public.reason_counts(conn, shop_id)
    return LedgerPage(
        shop_id=shop_id,
        decisions=[Decision.model_validate(r) for r in rows],
        page=page,
        per_page=per_page,
        total=total,
        next_page=page + 1 if page * per_page < total else None,
        counts=[
            ReasonCount(
                reason=r,
                held=counts.get((r, "hold"), 0),
                rejected=counts.get((r, "reject"), 0),
                redacted=counts.get((r, "redact"), 0),
            )
            for r in MODERATION_REASONS
        ],
    )
