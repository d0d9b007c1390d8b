"""Moderation of survey reviews: a review's state and ledger, decisions (publish, hold, reject),
redaction of personal data, and the shop's ledger."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Path, Query

from services.responder.access.deps import Agent, Manager
from services.responder.moderation import service
from services.responder.moderation.schemas import (
    DecisionIn,
    LedgerAction,
    LedgerPage,
    ModerationState,
    RedactionIn,
)
from services.responder.reviews.endpoints import ReviewIdPath, ShopQuery
from services.responder.reviews.lookup import AmbiguousReview
from services.responder.web import Responses, conflict, forbidden, invalid, not_found
from shared.events.envelope import SHOP_ID_PATTERN
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/v1", tags=["moderation"])

_STATE: Responses = {
    409: {"description": "Not a review Reviewloop publishes (only survey reviews are)."},
}
_DECIDE: Responses = {
    409: {
        "description": "Not a survey review, or the decision would change nothing (the review "
        "is published, held or rejected already)."
    },
    422: {
        "description": "Invalid input, or a reason outside the fixed list: a rating or "
        "sentiment is never a reason (16 CFR 465.7; UCPD Annex I 23c)."
    },
}
_REDACT: Responses = {
    **_STATE,
    422: {"description": "Invalid input, or a phrase the title and text as shown lack."},
}


@contextmanager
def _answers() -> Iterator[None]:
    try:
        yield
    except service.NoSuchReview as exc:
        raise not_found(str(exc)) from None
    except AmbiguousReview as exc:
        raise invalid(str(exc)) from None
    except service.Forbidden as exc:
        raise forbidden(str(exc)) from None
    except (service.NotPublishable, service.NothingToChange) as exc:
        raise conflict(str(exc)) from None
    except (service.ReasonRefused, service.PhraseNotFound) as exc:
        raise invalid(str(exc)) from None


@router.get("/reviews/{review_id}/moderation", response_model=ModerationState, responses=_STATE)
async def get_state(
    review_id: ReviewIdPath, pool: PoolDep, principal: Agent, shop_id: ShopQuery = None
) -> ModerationState:
    """The review as shoppers see it (status, text with redactions, reply) and its ledger."""
    with _answers():
        return await service.state(pool, principal, shop_id, review_id)


@router.post("/reviews/{review_id}/moderation", response_model=ModerationState, responses=_DECIDE)
async def decide(
    review_id: ReviewIdPath,
    body: DecisionIn,
    pool: PoolDep,
    now: ClockDep,
    principal: Manager,
    shop_id: ShopQuery = None,
) -> ModerationState:
    """Publish, hold or reject. Holding and rejecting need a reason from the fixed list; a
    rejection is told to the reviewer by email (the survey service, on `review.moderated`)."""
    with _answers():
        return await service.decide(
            pool, principal, shop_id, review_id, body.action, body.reason, body.evidence, now
        )


@router.post(
    "/reviews/{review_id}/moderation/redactions",
    response_model=ModerationState,
    responses=_REDACT,
)
async def redact(
    review_id: ReviewIdPath,
    body: RedactionIn,
    pool: PoolDep,
    now: ClockDep,
    principal: Manager,
    shop_id: ShopQuery = None,
) -> ModerationState:
    """Personal data out of the shown text: each phrase replaced by […], nothing else."""
    with _answers():
        return await service.redact(
            pool, principal, shop_id, review_id, body.phrases, body.evidence, now
        )


@router.get("/shops/{shop_id}/moderation", response_model=LedgerPage)
async def shop_ledger(
    shop_id: Annotated[str, Path(pattern=SHOP_ID_PATTERN)],
    pool: PoolDep,
    principal: Agent,
    action: LedgerAction | None = None,
    reason: Annotated[str | None, Query(max_length=64)] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 50,
) -> LedgerPage:
    """The shop's decisions, newest first, with the counts per reason."""
    with _answers():
        return await service.ledger(pool, principal, shop_id, action, reason, page, per_page)
