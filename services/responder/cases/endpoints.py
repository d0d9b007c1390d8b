"""A review's case (open, move, assign), internal notes and removal requests."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Query, status

from services.responder.access.deps import Agent, Manager
from services.responder.cases import service
from services.responder.cases.schemas import (
    AssigneeIn,
    Case,
    ListedRemovalRequest,
    Note,
    NoteIn,
    RemovalIn,
    RemovalRequest,
    TransitionIn,
)
from services.responder.cases.workflow import IllegalTransition
from services.responder.reviews.endpoints import ReviewIdPath, ShopQuery, review_answers
from services.responder.web import Responses, conflict, invalid
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/v1/reviews/{review_id}", tags=["cases"])
# Lists across reviews: not under /v1/reviews, whose `{review_id:path}` would take the name.
listing = APIRouter(prefix="/v1", tags=["cases"])

_NO_CASE: Responses = {409: {"description": "The review has no case; open one first."}}
_INVALID: Responses = {422: {"description": "Invalid input, or a reason the review does not show."}}


@contextmanager
def _answers() -> Iterator[None]:
    """The service's refusals as HTTP answers."""
    try:
        with review_answers():
            yield
    except (service.NoCase, service.CaseExists) as exc:
        raise conflict(str(exc)) from None
    except IllegalTransition as exc:
        raise conflict(
            {
                "message": str(exc),
                "current": exc.current,
                "requested": exc.wanted,
                "allowed": list(exc.allowed),
            }
        ) from None
    except service.Invalid as exc:
        raise invalid(str(exc)) from None


@router.post(
    "/case",
    status_code=status.HTTP_201_CREATED,
    response_model=Case,
    responses={409: {"description": "The review has a case already."}},
)
async def open_case(
    review_id: ReviewIdPath,
    pool: PoolDep,
    now: ClockDep,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> Case:
    """Reviews that need action have a case already; any other review can get one by hand."""
    with _answers():
        case = await service.open_case_for(pool, principal, review_id, shop_id, now)
    return Case.model_validate(case)


@router.post(
    "/case/transitions",
    response_model=Case,
    responses={409: {"description": "No case, or a step the workflow does not allow."}},
)
async def move_case(
    review_id: ReviewIdPath,
    body: TransitionIn,
    pool: PoolDep,
    now: ClockDep,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> Case:
    with _answers():
        case = await service.move_case(pool, principal, review_id, shop_id, body.to, now)
    return Case.model_validate(case)


@router.put("/case/assignee", response_model=Case, responses={**_NO_CASE, **_INVALID})
async def assign_case(
    review_id: ReviewIdPath,
    body: AssigneeIn,
    pool: PoolDep,
    now: ClockDep,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> Case:
    with _answers():
        case = await service.assign_case(pool, principal, review_id, shop_id, body.user_id, now)
    return Case.model_validate(case)


@router.post("/notes", status_code=status.HTTP_201_CREATED, response_model=Note)
async def add_note(
    review_id: ReviewIdPath,
    body: NoteIn,
    pool: PoolDep,
    now: ClockDep,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> Note:
    """Internal: never published, never sent to the customer."""
    with _answers():
        note = await service.add_note(pool, principal, review_id, shop_id, body.body, now)
    return Note.model_validate(note)


@router.post(
    "/removal-requests",
    status_code=status.HTTP_201_CREATED,
    response_model=RemovalRequest,
    responses=_INVALID,
)
async def prepare_removal(
    review_id: ReviewIdPath,
    body: RemovalIn,
    pool: PoolDep,
    now: ClockDep,
    principal: Manager,
    shop_id: ShopQuery = None,
) -> RemovalRequest:
    """Prepares the request to send to the platform. The review itself stays visible: we never
    hide a review."""
    with _answers():
        removal = await service.prepare_removal(
            pool, principal, review_id, shop_id, body.reason, body.evidence, now
        )
    return RemovalRequest.model_validate(removal)


@listing.get(
    "/removal-requests",
    response_model=list[ListedRemovalRequest],
    responses={404: {"description": "No such shop among the caller's."}},
)
async def list_removal_requests(
    pool: PoolDep,
    principal: Agent,
    shop_id: ShopQuery = None,
    state: Annotated[str | None, Query(alias="status", min_length=1, max_length=32)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[ListedRemovalRequest]:
    """Prepared removal requests, newest first: of `shop_id`, or of all the caller's shops."""
    rows = await service.removal_requests(pool, principal, shop_id, state, limit)
    return [ListedRemovalRequest.model_validate(r) for r in rows]
