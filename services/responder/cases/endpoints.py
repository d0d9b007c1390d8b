"""A review's case (open, move, assign), internal notes and removal requests."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field

from services.responder.access import repository as users
from services.responder.access.deps import Agent, Manager
from services.responder.audit import repository as audit
from services.responder.cases import repository as cases
from services.responder.cases import service
from services.responder.cases.workflow import CaseStatus, IllegalTransition
from services.responder.reviews.endpoints import ReviewIdPath, ShopQuery
from services.responder.reviews.lookup import review_for
from services.responder.web import conflict, invalid, now_of, pool_of

router = APIRouter(prefix="/v1/reviews/{review_id}", tags=["cases"])

NO_CASE = "the review has no case; open one first (POST .../case)"


class TransitionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: CaseStatus


class AssigneeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: Annotated[int, Field(ge=1, le=2**62)] | None


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: str = Field(min_length=1, max_length=5000)


class RemovalIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Literal["off_target", "abusive", "spam", "unverified"]
    evidence: str = Field(min_length=10, max_length=5000)


@router.post("/case", status_code=status.HTTP_201_CREATED)
async def open_case(
    review_id: ReviewIdPath, request: Request, principal: Agent, shop_id: ShopQuery = None
) -> dict[str, Any]:
    """Reviews that need action have a case already; any other review can get one by hand."""
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        review = await review_for(conn, principal, review_id, shop_id)
        case = await service.open_case(conn, review["shop_id"], review, principal.actor, now)
        if case is None:
            raise conflict("the review has a case already")
    return case


@router.post("/case/transitions")
async def move_case(
    review_id: ReviewIdPath,
    body: TransitionIn,
    request: Request,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> dict[str, Any]:
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        review = await review_for(conn, principal, review_id, shop_id)
        try:
            return await service.transition(
                conn, review["shop_id"], review, body.to, principal.actor, now
            )
        except LookupError as exc:
            raise conflict(NO_CASE) from exc
        except IllegalTransition as exc:
            raise HTTPException(
                status.HTTP_409_CONFLICT,
                {
                    "message": str(exc),
                    "current": exc.current,
                    "requested": exc.wanted,
                    "allowed": list(exc.allowed),
                },
            ) from exc


@router.put("/case/assignee")
async def assign_case(
    review_id: ReviewIdPath,
    body: AssigneeIn,
    request: Request,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> dict[str, Any]:
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        review = await review_for(conn, principal, review_id, shop_id)
        if body.user_id is not None and not await users.users_with_access(
            conn, review["shop_id"], body.user_id
        ):
            raise invalid("the assignee must be an active user of this shop")
        try:
            return await service.assign(
                conn, review["shop_id"], review, body.user_id, principal.actor, now
            )
        except LookupError as exc:
            raise conflict(NO_CASE) from exc


@router.post("/notes", status_code=status.HTTP_201_CREATED)
async def add_note(
    review_id: ReviewIdPath,
    body: NoteIn,
    request: Request,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> dict[str, Any]:
    """Internal: never published, never sent to the customer."""
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        review = await review_for(conn, principal, review_id, shop_id)
        note = await cases.add_note(
            conn,
            review["shop_id"],
            review["review_id"],
            review["case_id"],
            principal.actor,
            body.body,
            now,
        )
        await audit.record(
            conn,
            at=now,
            actor=principal.actor,
            action="note.added",
            entity="note",
            entity_id=note["id"],
            shop_id=review["shop_id"],
            review_id=review["review_id"],
            after=note,
        )
    return note


def removal_grounds(review: dict[str, Any]) -> set[str]:
    """Why a platform might remove this review, from what the classifier and matching found."""
    grounds = set()
    c = review["classification"] or {}
    if not review["verified"]:
        grounds.add("unverified")
    if c.get("abuse"):
        grounds.update({"abusive", "spam"})
    if review["removal_candidate"]:
        grounds.update({"off_target", "abusive", "spam"})
    return grounds


@router.post("/removal-requests", status_code=status.HTTP_201_CREATED)
async def prepare_removal(
    review_id: ReviewIdPath,
    body: RemovalIn,
    request: Request,
    principal: Manager,
    shop_id: ShopQuery = None,
) -> dict[str, Any]:
    """Prepares the request to send to the platform. The review itself stays visible: we never
    hide a review."""
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        review = await review_for(conn, principal, review_id, shop_id)
        grounds = removal_grounds(review)
        if body.reason not in grounds:
            raise invalid(
                f"the review is not flagged as {body.reason}"
                + (f"; it is flagged: {', '.join(sorted(grounds))}" if grounds else "")
            )
        removal = await cases.add_removal_request(
            conn,
            review["shop_id"],
            review["review_id"],
            body.reason,
            body.evidence,
            principal.actor,
            now,
        )
        await audit.record(
            conn,
            at=now,
            actor=principal.actor,
            action="removal_request.prepared",
            entity="removal_request",
            entity_id=removal["id"],
            shop_id=review["shop_id"],
            review_id=review["review_id"],
            after=removal,
        )
    return removal
