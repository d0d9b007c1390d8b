"""`GET /v1/reviews` (filtered, sorted by urgency, cursor pages), `GET /v1/reviews/{id}`
(everything about one review: context, case and its history, notes, drafts, publications,
removal requests, audit) and `PUT /v1/reviews/{id}/sentiment` (a person's correction)."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from pydantic import Field

from services.responder.access.deps import Agent, resolve_shop
from services.responder.reviews import service
from services.responder.reviews.lookup import AmbiguousReview, ReviewNotFound
from services.responder.reviews.query import ReviewFilter, SlaState, Sort, StatusFilter
from services.responder.reviews.schemas import ReviewCounts, ReviewFull, ReviewPage, SentimentIn
from services.responder.web import invalid, not_found
from shared.events.envelope import SHOP_ID_PATTERN
from shared.events.reviews import ReviewSource, Sentiment
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/v1/reviews", tags=["reviews"])

Rating = Annotated[int, Field(ge=1, le=5)]
Word = Annotated[str, Field(min_length=1, max_length=64)]
ShopQuery = Annotated[str | None, Query(pattern=SHOP_ID_PATTERN)]
ReviewIdPath = Annotated[str, Path(min_length=1, max_length=128)]


@contextmanager
def review_answers() -> Iterator[None]:
    """The refusals of finding the review a request is about, as HTTP answers (for every
    route below /v1/reviews/{review_id})."""
    try:
        yield
    except ReviewNotFound:
        raise not_found("review") from None
    except AmbiguousReview as exc:
        raise invalid(str(exc)) from None


@dataclass(frozen=True)
class Filters:
    wanted: ReviewFilter
    assigned: str | None


async def review_filters(
    now: ClockDep,
    principal: Agent,
    shop_id: ShopQuery = None,
    sentiment: Annotated[list[Sentiment] | None, Query()] = None,
    rating: Annotated[list[Rating] | None, Query()] = None,
    topic: Annotated[list[Word] | None, Query(max_length=20)] = None,
    status: Annotated[list[StatusFilter] | None, Query()] = None,
    source: Annotated[
        list[ReviewSource] | None, Query(description="the platform the review is on")
    ] = None,
    language: Annotated[list[Word] | None, Query(max_length=20)] = None,
    verified: bool | None = None,
    mismatch: Annotated[
        bool | None, Query(description="the classifier found stars and text disagree")
    ] = None,
    removal_candidate: bool | None = None,
    answered: Annotated[
        bool | None, Query(description="a first reply was published or marked by hand")
    ] = None,
    sla: Annotated[list[SlaState] | None, Query()] = None,
    assigned: Annotated[
        str | None, Query(max_length=20, description="a user id, 'me' or 'none'")
    ] = None,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
) -> Filters:
    """The list's filters, shared by the list and its counts."""
    return Filters(
        ReviewFilter(
            shop_id=resolve_shop(principal, shop_id),
            now=now,
            sentiments=list(sentiment or []),
            ratings=list(rating or []),
            topics=list(topic or []),
            statuses=list(status or []),
            sources=list(source or []),
            languages=list(language or []),
            verified=verified,
            mismatch=mismatch,
            removal_candidate=removal_candidate,
            answered=answered,
            sla=list(sla or []),
            since=since,
            until=until,
            text=q,
        ),
        assigned,
    )


FiltersDep = Annotated[Filters, Depends(review_filters)]


@router.get("", response_model=ReviewPage)
async def list_reviews(
    pool: PoolDep,
    principal: Agent,
    filters: FiltersDep,
    sort: Sort = "urgency",
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ReviewPage:
    """Open reviews first when sorted by urgency: severe (injury, danger, legal, fraud) and
    unanswered, then negative and unanswered, each closest to their SLA; then answered ones;
    then the rest. Deleted reviews are not listed."""
    wanted = replace(filters.wanted, sort=sort, limit=limit)
    try:
        return await service.page(pool, principal, wanted, assigned=filters.assigned, cursor=cursor)
    except service.Invalid as exc:
        raise invalid(str(exc)) from None


@router.get("/counts", response_model=ReviewCounts)
async def count_reviews(pool: PoolDep, principal: Agent, filters: FiltersDep) -> ReviewCounts:
    """How many reviews match the list's filters (up to `total_cap`), how many of them wait for
    a reply, and per value of each filter how many waiting reviews match the other filters
    (the inbox's counts). Counts past their cap are lower bounds."""
    try:
        return await service.counts(pool, principal, filters.wanted, assigned=filters.assigned)
    except service.Invalid as exc:
        raise invalid(str(exc)) from None


@router.put(
    "/{review_id}/sentiment",
    response_model=ReviewFull,
    responses={404: {"description": "No such review in the caller's shops."}},
)
async def correct_sentiment(
    review_id: ReviewIdPath,
    body: SentimentIn,
    pool: PoolDep,
    now: ClockDep,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> ReviewFull:
    """A person's reading of the review's sentiment where the classifier's was wrong (a
    sarcastic complaint under 5 stars read as praise); `null` goes back to the classifier's.
    It is the review's sentiment from now on: in the list, the analytics, the automation
    policy; later classifications keep it, except that an edit read as negative takes back a
    positive or neutral one. A review that becomes negative gets its case. The classification
    keeps the classifier's own reading; the audit log the change."""
    with review_answers():
        await service.correct_sentiment(pool, principal, review_id, shop_id, body.sentiment, now)
        found = await service.detail(pool, principal, review_id, shop_id, now)
    return ReviewFull.model_validate(found)


# `:path`: the server decodes %2F before routing, so an id holding '/' (alert links encode it)
# would otherwise match no route. No other GET lives below /v1/reviews/{review_id}
# (/counts is declared first; review ids carry their source, "<source>:<id>", never "counts").
@router.get("/{review_id:path}", response_model=ReviewFull)
async def get_review(
    review_id: ReviewIdPath,
    pool: PoolDep,
    now: ClockDep,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> ReviewFull:
    """Everything about one review: context, case and its history, notes, drafts,
    publications, removal requests, automation and audit."""
    with review_answers():
        found = await service.detail(pool, principal, review_id, shop_id, now)
    return ReviewFull.model_validate(found)
