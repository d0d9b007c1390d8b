"""The review list (filters, urgency order, cursor pages) and everything about one review."""

from dataclasses import asdict, replace
from datetime import datetime, timedelta
from typing import Any, cast

from services.responder.access.principal import Principal
from services.responder.audit import repository as audit
from services.responder.cases import repository as cases
from services.responder.cases import service as case_service
from services.responder.cases.workflow import needs_case
from services.responder.replies import policy
from services.responder.replies import repository as replies
from services.responder.reviews import repository as reviews
from services.responder.reviews.lookup import ReviewNotFound, review_for
from services.responder.reviews.query import (
    InvalidCursor,
    ReviewFilter,
    decode_cursor,
    encode_cursor,
)
from services.responder.reviews.schemas import ReviewCounts, ReviewPage, review_out
from services.responder.shops import repository as shops
from services.responder.unit_of_work import unit_of_work
from shared.db.pool import Pool
from shared.events.replies import ReviewSentimentCorrected, ReviewSentimentCorrectedPayload
from shared.events.reviews import Sentiment
from shared.time_bounds import TimeOutOfBounds, check_window


class Invalid(ValueError):
    """A filter the list cannot apply (422); the message says why."""


def assignee(value: str | None, principal_user: int | None) -> int | None:
    """The assignee filter: a user id, 0 for nobody, None for anyone."""
    if value is None:
        return None
    if value == "none":
        return 0
    if value == "me":
        if principal_user is None:
            raise Invalid("the bootstrap key is nobody: assigned=me needs a user")
        return principal_user
    # ASCII digits only: "²" is `isdigit()` too, and `int()` refuses it.
    if value.isascii() and value.isdigit() and len(value) <= 19 and 0 < int(value) < 2**62:
        return int(value)
    raise Invalid("assigned is a user id, 'me' or 'none'")


def _checked(wanted: ReviewFilter) -> None:
    for name, value in (("from", wanted.since), ("to", wanted.until)):
        if value is not None and value.tzinfo is None:
            raise Invalid(f"{name} needs a UTC offset, e.g. 2026-11-01T00:00:00Z")
    try:
        check_window(("from", wanted.since), ("to", wanted.until))
    except TimeOutOfBounds as exc:
        raise Invalid(str(exc)) from None


async def page(
    pool: Pool,
    principal: Principal,
    wanted: ReviewFilter,
    *,
    assigned: str | None = None,
    cursor: str | None = None,
) -> ReviewPage:
    """Open reviews first when sorted by urgency: severe (injury, danger, legal, fraud) and
    unanswered, then negative and unanswered, each closest to their SLA; then answered ones;
    then the rest. Deleted reviews are not listed.
    `assigned` is a user id, "me" or "none"; `cursor` the last page's `next_cursor`."""
    _checked(wanted)
    try:
        after = decode_cursor(wanted.sort, cursor) if cursor else None
    except InvalidCursor as exc:
        raise Invalid(str(exc)) from exc
    async with pool.acquire() as conn:
        shop = await shops.get(conn, wanted.shop_id)
        due_soon = timedelta(hours=shop.sla.due_soon_hours)
        f = replace(
            wanted,
            due_soon=due_soon,
            languages=[v.lower() for v in wanted.languages],
            assignee=assignee(assigned, principal.user_id),
            after=after,
            # One more than a page tells whether another page follows.
            limit=wanted.limit + 1,
        )
        rows = await reviews.search(conn, f)
    items, more = rows[: wanted.limit], len(rows) > wanted.limit
    return ReviewPage(
        items=[review_out(r, wanted.now, due_soon) for r in items],
        next_cursor=encode_cursor(wanted.sort, items[-1]) if more else None,
    )


# Reviews waiting for a reply read for the facet counts, and matching reviews counted: past
# these, a count is shown as "at least" (on a shop with years of reviews the full counts would
# cost more than the inbox's whole budget, docs/responder.md).
WAITING_CAP = 5000
TOTAL_CAP = 1000


async def counts(
    pool: Pool, principal: Principal, wanted: ReviewFilter, *, assigned: str | None = None
) -> ReviewCounts:
    """How many reviews match, and per value of each filter how many of those waiting for a
    reply would match (with the other filters applied)."""
    _checked(wanted)
    async with pool.acquire() as conn:
        shop = await shops.get(conn, wanted.shop_id)
        f = replace(
            wanted,
            due_soon=timedelta(hours=shop.sla.due_soon_hours),
            languages=[v.lower() for v in wanted.languages],
            assignee=assignee(assigned, principal.user_id),
        )
        found = await reviews.counts(conn, f, principal.user_id, WAITING_CAP, TOTAL_CAP)
    return ReviewCounts.model_validate(
        {**found, "waiting_cap": WAITING_CAP, "total_cap": TOTAL_CAP}
    )


async def detail(
    pool: Pool, principal: Principal, review_id: str, shop_id: str | None, now: datetime
) -> dict[str, Any]:
    """Everything about one review: context, case and its history, notes, drafts,
    publications, removal requests, automation and audit."""
    async with pool.acquire() as conn:
        row = await review_for(conn, principal, review_id, shop_id)
        shop_id = row["shop_id"]
        shop = await shops.get(conn, shop_id)
        case = None
        if row["case_id"] is not None:
            async with conn.transaction():
                case = await cases.get(conn, shop_id, row["case_key"])
            assert case is not None
            case["events"] = await cases.events_of(conn, case["id"])
        drafts = await replies.drafts_of(conn, shop_id, row["review_id"])
        decision = policy.in_hand(row, drafts) or policy.decide_for(row, shop.settings)
        return {
            "review": {
                **review_out(row, now, timedelta(hours=shop.sla.due_soon_hours)).model_dump(),
                "product_id": row["product_id"],
                "match_method": row["match_method"],
                "order": row["order_context"],
                "classification": row["classification"],
                "updated_at": row["updated_at"],
                "redacted_at": row["redacted_at"],
                "sentiment_by_staff": row["sentiment_by_staff"],
            },
            "case": case,
            "case_reviews": await reviews.of_case(conn, shop_id, row["case_key"]),
            "notes": await cases.notes_of(conn, shop_id, row["review_id"], row["case_id"]),
            "drafts": [
                {**d, "blocked": any(f.get("severity") == "block" for f in d["findings"])}
                for d in drafts
            ],
            "publications": await replies.publications_of(conn, shop_id, row["review_id"]),
            "removal_requests": await cases.removal_requests_of(conn, shop_id, row["review_id"]),
            "automation": await replies.automatic_of(conn, shop_id, row["review_id"]),
            "automation_policy": asdict(decision),
            "audit": await audit.for_review(conn, shop_id, row["review_id"]),
        }


async def correct_sentiment(
    pool: Pool,
    principal: Principal,
    review_id: str,
    shop_id: str | None,
    sentiment: str | None,
    at: datetime,
) -> None:
    """A person's reading of the review's sentiment (None: back to the classifier's), audited
    and announced (`review.sentiment.corrected`). A review that becomes negative gets its case,
    as one classified negative does; an automatic reply still queued is decided again when due
    (and refused)."""
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        row = await review_for(uow.conn, principal, review_id, shop_id)
        changed = await reviews.set_staff_sentiment(
            uow.conn, row["shop_id"], row["review_id"], sentiment
        )
        if changed is None:  # deleted between the lookup and the lock: not there any more
            raise ReviewNotFound("review")
        before, after = changed
        await uow.audit(
            "review.sentiment_corrected",
            "review",
            row["review_id"],
            shop_id=row["shop_id"],
            review_id=row["review_id"],
            before={"sentiment": before, "sentiment_by_staff": row["sentiment_by_staff"]},
            after={"sentiment": after, "sentiment_by_staff": sentiment},
        )
        if row["case_id"] is None and needs_case(after, row["severity"], row["removal_candidate"]):
            await case_service.open_case(uow.conn, row["shop_id"], row, principal.actor, at)
        # The notifier escalates unanswered negatives by it (and keeps it, as the rows here do).
        await uow.emit(
            ReviewSentimentCorrected(
                shop_id=row["shop_id"],
                occurred_at=at,
                payload=ReviewSentimentCorrectedPayload(
                    review_id=row["review_id"],
                    sentiment=cast(Sentiment, after),
                    by_staff=sentiment is not None,
                    corrected_at=at,
                ),
            )
        )
        await reviews.announce(uow.conn, row["shop_id"])
