"""`GET /v1/reviews` (filtered, sorted by urgency, cursor pages) and `GET /v1/reviews/{id}`
(everything about one review: context, case and its history, notes, drafts, publications,
removal requests, audit)."""

from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import Field

from services.responder.access.deps import Agent, resolve_shop
from services.responder.audit import repository as audit
from services.responder.cases import repository as cases
from services.responder.replies import repository as replies
from services.responder.reviews import repository as reviews
from services.responder.reviews.lookup import review_for
from services.responder.reviews.query import (
    InvalidCursor,
    ReviewFilter,
    SlaState,
    Sort,
    StatusFilter,
    decode_cursor,
    encode_cursor,
)
from services.responder.reviews.schemas import ReviewPage, review_out
from services.responder.shops import repository as shops
from services.responder.web import invalid, now_of, pool_of
from shared.events.envelope import SHOP_ID_PATTERN
from shared.events.reviews import ReviewSource, Sentiment
from shared.time_bounds import TimeOutOfBounds, check_window

router = APIRouter(prefix="/v1/reviews", tags=["reviews"])

Rating = Annotated[int, Field(ge=1, le=5)]
Word = Annotated[str, Field(min_length=1, max_length=64)]
ShopQuery = Annotated[str | None, Query(pattern=SHOP_ID_PATTERN)]
ReviewIdPath = Annotated[str, Path(min_length=1, max_length=128)]


def _assignee(value: str | None, principal_user: int | None) -> int | None:
    if value is None:
        return None
    if value == "none":
        return 0
    if value == "me":
        if principal_user is None:
            raise invalid("the bootstrap key is nobody: assigned=me needs a user")
        return principal_user
    # ASCII digits only: "²" is `isdigit()` too, and `int()` refuses it.
    if value.isascii() and value.isdigit() and len(value) <= 19 and 0 < int(value) < 2**62:
        return int(value)
    raise invalid("assigned is a user id, 'me' or 'none'")


@router.get("")
async def list_reviews(
    request: Request,
    principal: Agent,
    shop_id: ShopQuery = None,
    sentiment: Annotated[list[Sentiment] | None, Query()] = None,
    rating: Annotated[list[Rating] | None, Query()] = None,
    topic: Annotated[list[Word] | None, Query(max_length=20)] = None,
    status: Annotated[list[StatusFilter] | None, Query()] = None,
    source: Annotated[list[ReviewSource] | None, Query()] = None,
    language: Annotated[list[Word] | None, Query(max_length=20)] = None,
    verified: bool | None = None,
    sla: Annotated[list[SlaState] | None, Query()] = None,
    assigned: Annotated[
        str | None, Query(max_length=20, description="a user id, 'me' or 'none'")
    ] = None,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    sort: Sort = "urgency",
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ReviewPage:
    """Open reviews first when sorted by urgency: negative or severe and unanswered, closest
    to their SLA; then answered ones; then the rest. Deleted reviews are not listed."""
    shop_id = resolve_shop(principal, shop_id)
    for name, value in (("from", since), ("to", until)):
        if value is not None and value.tzinfo is None:
            raise invalid(f"{name} needs a UTC offset, e.g. 2026-11-01T00:00:00Z")
    try:
        check_window(("from", since), ("to", until))
    except TimeOutOfBounds as exc:
        raise invalid(str(exc)) from None
    try:
        after = decode_cursor(sort, cursor) if cursor else None
    except InvalidCursor as exc:
        raise invalid(str(exc)) from exc
    now = now_of(request)
    async with pool_of(request).acquire() as conn:
        shop = await shops.get(conn, shop_id)
        due_soon = timedelta(hours=shop.settings.due_soon_hours)
        f = ReviewFilter(
            shop_id=shop_id,
            now=now,
            due_soon=due_soon,
            sentiments=list(sentiment or []),
            ratings=list(rating or []),
            topics=list(topic or []),
            statuses=list(status or []),
            sources=list(source or []),
            languages=[v.lower() for v in language or []],
            verified=verified,
            sla=list(sla or []),
            assignee=_assignee(assigned, principal.user_id),
            since=since,
            until=until,
            text=q,
            sort=sort,
            after=after,
            limit=limit + 1,
        )
        rows = await reviews.search(conn, f)
    page, more = rows[:limit], len(rows) > limit
    return ReviewPage(
        items=[review_out(r, now, due_soon) for r in page],
        next_cursor=encode_cursor(sort, page[-1]) if more else None,
    )


# `:path`: the server decodes %2F before routing, so an id holding '/' (alert links encode it)
# would otherwise match no route. No other GET lives below /v1/reviews/{review_id}.
@router.get("/{review_id:path}")
async def get_review(
    review_id: ReviewIdPath,
    request: Request,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> dict[str, Any]:
    now = now_of(request)
    async with pool_of(request).acquire() as conn:
        row = await review_for(conn, principal, review_id, shop_id)
        shop_id = row["shop_id"]
        shop = await shops.get(conn, shop_id)
        case = None
        if row["case_id"] is not None:
            async with conn.transaction():
                case = await cases.get(conn, shop_id, row["case_key"])
            assert case is not None
            case["events"] = await cases.events_of(conn, case["id"])
        result: dict[str, Any] = {
            "review": {
                **review_out(row, now, timedelta(hours=shop.settings.due_soon_hours)).model_dump(),
                "product_id": row["product_id"],
                "match_method": row["match_method"],
                "order": row["order_context"],
                "classification": row["classification"],
                "updated_at": row["updated_at"],
                "redacted_at": row["redacted_at"],
            },
            "case": case,
            "case_reviews": await reviews.of_case(conn, shop_id, row["case_key"]),
            "notes": await cases.notes_of(conn, shop_id, row["review_id"], row["case_id"]),
            "drafts": [
                {**d, "blocked": any(f.get("severity") == "block" for f in d["findings"])}
                for d in await replies.drafts_of(conn, shop_id, row["review_id"])
            ],
            "publications": await replies.publications_of(conn, shop_id, row["review_id"]),
            "removal_requests": await cases.removal_requests_of(conn, shop_id, row["review_id"]),
            "automation": await replies.automatic_of(conn, shop_id, row["review_id"]),
            "audit": await audit.for_review(conn, shop_id, row["review_id"]),
        }
    return result
