"""Drafts (create, edit, approve, publish), the linter on its own, publication states, and the
shop's template library."""

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request, status
from pydantic import BaseModel, ConfigDict, Field

from services.responder.access.deps import Agent, Manager, ensure_shop, resolve_shop
from services.responder.access.principal import Principal
from services.responder.audit import repository as audit
from services.responder.replies import repository as replies
from services.responder.replies import service
from services.responder.replies.drafting import unknown_placeholders
from services.responder.replies.library import BUILTIN, PLACEHOLDERS
from services.responder.replies.linter import Finding, LintContext, blocking, lint_off_loop
from services.responder.reviews import repository as reviews
from services.responder.reviews.endpoints import ReviewIdPath, ShopQuery
from services.responder.reviews.lookup import review_for
from services.responder.shops import repository as shops
from services.responder.shops.config import SUPPORTED_LANGUAGES
from services.responder.web import conflict, invalid, not_found, now_of, pool_of
from shared.db.pool import Connection
from shared.events.reviews import Sentiment
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1", tags=["replies"])

DraftIdPath = Annotated[int, Path(ge=1, le=2**62)]
Language = Literal["en", "de", "sl", "lv", "ro"]
ReplyText = Annotated[str, Field(min_length=1, max_length=5000)]


class DraftIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    template_id: Annotated[int, Field(ge=1, le=2**62)] | None = None
    language: Language | None = None
    text: ReplyText | None = Field(default=None, description="Your own text instead of a template.")


class DraftEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: ReplyText


class DraftOut(BaseModel):
    id: int
    shop_id: str
    review_id: str
    language: str
    text: str
    findings: list[Finding]
    blocked: bool
    status: str
    template: str | None
    auto: bool
    version: int
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime
    approved_by: str | None
    approved_at: datetime | None


def _out(draft: dict[str, Any]) -> DraftOut:
    findings = [Finding.model_validate(f) for f in draft["findings"]]
    return DraftOut(**{**draft, "findings": findings, "blocked": bool(blocking(findings))})


def _refused(exc: service.ReplyError) -> HTTPException:
    return HTTPException(status.HTTP_409_CONFLICT, exc.detail())


@router.post("/reviews/{review_id}/drafts", status_code=status.HTTP_201_CREATED)
async def create_draft(
    review_id: ReviewIdPath,
    body: DraftIn,
    request: Request,
    principal: Agent,
    shop_id: ShopQuery = None,
) -> DraftOut:
    """A reply in the reviewer's language from the best matching template (or your own text),
    filled with the first name, product, the shop's remedy and contact, and linted."""
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        review = await review_for(conn, principal, review_id, shop_id)
        shop = await shops.get(conn, review["shop_id"])
        try:
            draft = await service.create_draft(
                conn,
                shop,
                review,
                principal.actor,
                now,
                text=body.text,
                language=body.language,
                template_id=body.template_id,
            )
        except LookupError as exc:
            raise not_found("template") from exc
    return _out(draft)


async def _draft_context(
    conn: Connection, principal: Principal, draft_id: int
) -> tuple[dict[str, Any], dict[str, Any], shops.ShopRow]:
    draft = await replies.get_draft(conn, principal.scope(), draft_id, lock=True)
    if draft is None:
        raise not_found("draft")
    review = await reviews.get(conn, draft["shop_id"], draft["review_id"])
    if review is None:  # pragma: no cover - drafts go with their review
        raise not_found("review")
    return draft, review, await shops.get(conn, draft["shop_id"])


@router.get("/drafts/{draft_id}")
async def get_draft(draft_id: DraftIdPath, request: Request, principal: Agent) -> DraftOut:
    async with pool_of(request).acquire() as conn:
        draft = await replies.get_draft(conn, principal.scope(), draft_id)
    if draft is None:
        raise not_found("draft")
    return _out(draft)


@router.put("/drafts/{draft_id}")
async def edit_draft(
    draft_id: DraftIdPath, body: DraftEdit, request: Request, principal: Agent
) -> DraftOut:
    """Relints, and takes back an approval: the edited text needs approving again."""
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        draft, review, shop = await _draft_context(conn, principal, draft_id)
        try:
            after = await service.edit_draft(
                conn, shop, review, draft, body.text, principal.actor, now
            )
        except service.ReplyError as exc:
            raise _refused(exc) from exc
    return _out(after)


@router.post("/drafts/{draft_id}/approve")
async def approve_draft(draft_id: DraftIdPath, request: Request, principal: Agent) -> DraftOut:
    """Managers approve; agents too where the shop allows it. Blocking findings refuse (409)."""
    now = now_of(request)
    async with pool_of(request).acquire() as conn:
        # The findings written on refusal are kept: they tell why.
        async with conn.transaction():
            draft, review, shop = await _draft_context(conn, principal, draft_id)
            if not service.may_approve(principal, shop.settings):
                raise HTTPException(
                    status.HTTP_403_FORBIDDEN, "only managers approve replies in this shop"
                )
            try:
                after = await service.approve(conn, shop, review, draft, principal, now)
            except service.ReplyError as exc:
                refused = exc
            else:
                return _out(after)
    raise _refused(refused)


@router.post("/drafts/{draft_id}/publish", status_code=status.HTTP_202_ACCEPTED)
async def publish_draft(
    draft_id: DraftIdPath, request: Request, principal: Agent
) -> dict[str, Any]:
    """Queues the approved reply for the shop's connector; `GET /v1/reviews/{id}` and
    `GET /v1/publications` show its state (pending, delivering, published, failed)."""
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        draft, review, shop = await _draft_context(conn, principal, draft_id)
        if not service.may_approve(principal, shop.settings):
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, "only managers publish replies in this shop"
            )
        try:
            return await service.publish(conn, shop, review, draft, principal.actor, now)
        except service.ReplyError as exc:
            raise _refused(exc) from exc


class LintIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: ReplyText
    review_id: Annotated[str, Field(min_length=1, max_length=128)] | None = None
    shop_id: Annotated[str, Field(max_length=64)] | None = None
    sentiment: Sentiment = "negative"
    language: Language | None = None


@router.post("/lint")
async def lint_text(body: LintIn, request: Request, principal: Agent) -> dict[str, Any]:
    """The linter alone: against a review (its language, name, order) or a bare sentiment."""
    async with pool_of(request).acquire() as conn:
        if body.review_id is not None:
            review = await review_for(conn, principal, body.review_id, body.shop_id)
            shop = await shops.get(conn, review["shop_id"])
            findings = await service.check_off_loop(body.text, review, shop.settings)
        else:
            allowed: set[str] = set()
            if body.shop_id is not None:
                ensure_shop(principal, body.shop_id)
                allowed = (await shops.get(conn, body.shop_id)).settings.allowed_contacts()
            ctx = LintContext(
                sentiment=body.sentiment,
                review_language=body.language,
                allowed_contacts=allowed,
                max_chars=600 if body.sentiment == "negative" else 1000,
            )
            findings = await lint_off_loop(body.text, ctx)
    return {
        "findings": [f.model_dump() for f in findings],
        "blocked": bool(blocking(findings)),
    }


@router.get("/publications")
async def list_publications(
    request: Request,
    principal: Agent,
    shop_id: ShopQuery = None,
    state: Annotated[
        Literal["pending", "delivering", "published", "failed"] | None, Query(alias="status")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[dict[str, Any]]:
    shop_id = resolve_shop(principal, shop_id)
    async with pool_of(request).acquire() as conn:
        return await replies.list_publications(conn, shop_id, state, limit)


# -- templates -----------------------------------------------------------------------------

_TOPIC = re.compile(r"^([a-z_]{1,40}(:[a-z_]{1,40})?)?$")


class TemplateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    language: Language
    sentiment: Sentiment
    topic: str = Field(
        default="",
        max_length=81,
        description="A classifier topic (damaged_packaging), 'faq' or 'faq:<type>'; '' = any.",
    )
    body: str = Field(min_length=1, max_length=3000)


async def _validate_template(body: TemplateIn) -> None:
    if not _TOPIC.match(body.topic):
        raise invalid("topic is lower-case letters and underscores, optionally 'faq:<type>'")
    unknown = unknown_placeholders(body.body, PLACEHOLDERS)
    if unknown:
        raise invalid(f"unknown placeholders {unknown}; allowed: {', '.join(sorted(PLACEHOLDERS))}")
    # A template that would always produce a blocked reply is refused at the door.
    sample = re.sub(r"\{[a-z_]+\}", "", body.body)
    blocks = blocking(await lint_off_loop(sample, LintContext(sentiment=body.sentiment)))
    blocks = [b for b in blocks if b.code != "unfilled_placeholder"]
    if blocks:
        raise HTTPException(
            422,
            {
                "message": "the template breaks reply rules",
                "findings": [b.model_dump() for b in blocks],
            },
        )


@router.get("/shops/{shop_id}/templates")
async def list_templates(shop_id: ShopIdPath, request: Request, principal: Agent) -> dict[str, Any]:
    """The shop's own templates, then the built-in library they override."""
    ensure_shop(principal, shop_id)
    async with pool_of(request).acquire() as conn:
        own = await replies.templates_of(conn, shop_id)
    return {
        "templates": own,
        "builtin": [
            {
                "key": t.key,
                "language": t.language,
                "sentiment": t.sentiment,
                "topic": t.topic,
                "body": t.body,
            }
            for t in BUILTIN.values()
        ],
        "languages": list(SUPPORTED_LANGUAGES),
        "placeholders": sorted(PLACEHOLDERS),
    }


@router.post("/shops/{shop_id}/templates", status_code=status.HTTP_201_CREATED)
async def create_template(
    shop_id: ShopIdPath, body: TemplateIn, request: Request, principal: Manager
) -> dict[str, Any]:
    ensure_shop(principal, shop_id)
    await _validate_template(body)
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        template = await replies.insert_template(
            conn, shop_id, body.name, body.language, body.sentiment, body.topic, body.body, now
        )
        if template is None:
            raise conflict("the shop has a template for this language, sentiment and topic")
        await audit.record(
            conn,
            at=now,
            actor=principal.actor,
            action="template.created",
            entity="template",
            entity_id=template["id"],
            shop_id=shop_id,
            after=template,
        )
    return template


TemplateIdPath = Annotated[int, Path(ge=1, le=2**62)]


@router.put("/shops/{shop_id}/templates/{template_id}")
async def update_template(
    shop_id: ShopIdPath,
    template_id: TemplateIdPath,
    body: TemplateIn,
    request: Request,
    principal: Manager,
) -> dict[str, Any]:
    ensure_shop(principal, shop_id)
    await _validate_template(body)
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        before = await replies.get_template(conn, shop_id, template_id)
        if before is None:
            raise not_found("template")
        clash = next(
            (
                t
                for t in await replies.templates_of(conn, shop_id)
                if t["id"] != template_id
                and (t["language"], t["sentiment"], t["topic"])
                == (body.language, body.sentiment, body.topic)
            ),
            None,
        )
        if clash is not None:
            raise conflict("the shop has a template for this language, sentiment and topic")
        after = await replies.update_template(
            conn,
            shop_id,
            template_id,
            body.name,
            body.language,
            body.sentiment,
            body.topic,
            body.body,
            now,
        )
        await audit.record(
            conn,
            at=now,
            actor=principal.actor,
            action="template.updated",
            entity="template",
            entity_id=template_id,
            shop_id=shop_id,
            before=before,
            after=after,
        )
    assert after is not None
    return after


@router.delete("/shops/{shop_id}/templates/{template_id}", status_code=204)
async def delete_template(
    shop_id: ShopIdPath, template_id: TemplateIdPath, request: Request, principal: Manager
) -> None:
    ensure_shop(principal, shop_id)
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        before = await replies.get_template(conn, shop_id, template_id)
        if before is None or not await replies.delete_template(conn, shop_id, template_id):
            raise not_found("template")
        await audit.record(
            conn,
            at=now,
            actor=principal.actor,
            action="template.deleted",
            entity="template",
            entity_id=template_id,
            shop_id=shop_id,
            before=before,
        )
