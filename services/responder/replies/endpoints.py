"""Drafts (create, edit, approve, publish), the linter on its own, publication states, and the
shop's template library."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Response, status

from services.responder.access.deps import Agent, Manager
from services.responder.replies import service
from services.responder.replies.library import BUILTIN, PLACEHOLDERS
from services.responder.replies.schemas import (
    BuiltinTemplateOut,
    DraftEdit,
    DraftIn,
    DraftOut,
    LintIn,
    LintOut,
    Publication,
    PublicationState,
    Template,
    TemplateIn,
    TemplateLibrary,
)
from services.responder.reviews.endpoints import ReviewIdPath, ShopQuery, review_answers
from services.responder.shops.config import SUPPORTED_LANGUAGES
from services.responder.web import Responses, conflict, forbidden, invalid, not_found
from shared.http.deps import ClockDep, PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1", tags=["replies"])

DraftIdPath = Annotated[int, Path(ge=1, le=2**62)]
TemplateIdPath = Annotated[int, Path(ge=1, le=2**62)]

_REFUSED: Responses = {
    409: {"description": "The draft's state, its blocking findings or the shop refuse this."}
}
_ROLE: Responses = {403: {"description": "Only managers do this in this shop."}}
_CLASH: Responses = {409: {"description": "The shop has a template for this key already."}}
_RULES: Responses = {422: {"description": "Invalid input, or a template that breaks rules."}}


@contextmanager
def _answers() -> Iterator[None]:
    """The service's refusals as HTTP answers."""
    try:
        with review_answers():
            yield
    except service.NotFound as exc:
        raise not_found(str(exc)) from None
    except service.NotAllowed as exc:
        raise forbidden(str(exc)) from None
    except service.ReplyError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, exc.detail()) from None
    except service.TemplateClash as exc:
        raise conflict(str(exc)) from None
    except service.Invalid as exc:
        raise invalid(exc.detail) from None


@router.post(
    "/reviews/{review_id}/drafts", status_code=status.HTTP_201_CREATED, response_model=DraftOut
)
async def create_draft(
    review_id: ReviewIdPath,
    body: DraftIn,
    pool: PoolDep,
    now: ClockDep,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> DraftOut:
    """A reply in the reviewer's language from the best matching template (or your own text),
    filled with the first name, product, the shop's remedy and contact, and linted."""
    with _answers():
        draft = await service.draft_for(
            pool,
            principal,
            review_id,
            shop_id,
            now,
            text=body.text,
            language=body.language,
            template_id=body.template_id,
        )
    return draft


@router.get("/drafts/{draft_id}", response_model=DraftOut)
async def get_draft(draft_id: DraftIdPath, pool: PoolDep, principal: Agent) -> DraftOut:
    with _answers():
        return await service.draft(pool, principal, draft_id)


@router.put("/drafts/{draft_id}", response_model=DraftOut, responses=_REFUSED)
async def edit_draft(
    draft_id: DraftIdPath, body: DraftEdit, pool: PoolDep, now: ClockDep, principal: Agent
) -> DraftOut:
    """Relints, and takes back an approval: the edited text needs approving again."""
    with _answers():
        return await service.edit(pool, principal, draft_id, body.text, now)


@router.post("/drafts/{draft_id}/approve", response_model=DraftOut, responses={**_ROLE, **_REFUSED})
async def approve_draft(
    draft_id: DraftIdPath, pool: PoolDep, now: ClockDep, principal: Agent
) -> DraftOut:
    """Managers approve; agents too where the shop allows it. Blocking findings refuse (409)."""
    with _answers():
        return await service.approve_draft(pool, principal, draft_id, now)


@router.post(
    "/drafts/{draft_id}/publish",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=Publication,
    responses={**_ROLE, **_REFUSED},
)
async def publish_draft(
    draft_id: DraftIdPath, pool: PoolDep, now: ClockDep, principal: Agent
) -> Publication:
    """Queues the approved reply for the shop's connector; `GET /v1/reviews/{id}` and
    `GET /v1/publications` show its state (pending, delivering, published, failed)."""
    with _answers():
        return await service.publish_draft(pool, principal, draft_id, now)


@router.post(
    "/lint",
    response_model=LintOut,
    responses={404: {"description": "No such review or shop among the caller's."}},
)
async def lint_text(body: LintIn, pool: PoolDep, principal: Agent) -> LintOut:
    """The linter alone: against a review (its language, name, order) or a bare sentiment."""
    with _answers():
        findings = await service.lint_text(
            pool,
            principal,
            body.text,
            review_id=body.review_id,
            shop_id=body.shop_id,
            sentiment=body.sentiment,
            language=body.language,
        )
    return LintOut.of(findings)


@router.get("/publications", response_model=list[Publication])
async def list_publications(
    pool: PoolDep,
    principal: Agent,
    shop_id: ShopQuery = None,
    state: Annotated[PublicationState | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[Publication]:
    return await service.publications(pool, principal, shop_id, state, limit)


# -- templates -----------------------------------------------------------------------------


@router.get("/shops/{shop_id}/templates", response_model=TemplateLibrary)
async def list_templates(shop_id: ShopIdPath, pool: PoolDep, principal: Agent) -> TemplateLibrary:
    """The shop's own templates, then the built-in library they override."""
    return TemplateLibrary(
        templates=await service.templates(pool, principal, shop_id),
        builtin=[
            BuiltinTemplateOut(
                key=t.key, language=t.language, sentiment=t.sentiment, topic=t.topic, body=t.body
            )
            for t in BUILTIN.values()
        ],
        languages=list(SUPPORTED_LANGUAGES),
        placeholders=sorted(PLACEHOLDERS),
    )


@router.post(
    "/shops/{shop_id}/templates",
    status_code=status.HTTP_201_CREATED,
    response_model=Template,
    responses={**_CLASH, **_RULES},
)
async def create_template(
    shop_id: ShopIdPath, body: TemplateIn, pool: PoolDep, now: ClockDep, principal: Manager
) -> Template:
    with _answers():
        return await service.create_template(pool, principal, shop_id, body, now)


@router.put(
    "/shops/{shop_id}/templates/{template_id}",
    response_model=Template,
    responses={**_CLASH, **_RULES},
)
async def update_template(
    shop_id: ShopIdPath,
    template_id: TemplateIdPath,
    body: TemplateIn,
    pool: PoolDep,
    now: ClockDep,
    principal: Manager,
) -> Template:
    with _answers():
        return await service.update_template(pool, principal, shop_id, template_id, body, now)


@router.delete("/shops/{shop_id}/templates/{template_id}", status_code=204, response_class=Response)
async def delete_template(
    shop_id: ShopIdPath,
    template_id: TemplateIdPath,
    pool: PoolDep,
    now: ClockDep,
    principal: Manager,
) -> None:
    with _answers():
        await service.delete_template(pool, principal, shop_id, template_id, now)
