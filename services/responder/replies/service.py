"""Reply use cases: draft, edit, approve, publish; and what happens when the platform confirms.

Every text is linted when it is written and again when it is approved or published (the rules
may have changed in between); a `block` finding stops both.
"""

import re
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from services.responder.access.deps import ensure_shop, resolve_shop
from services.responder.access.principal import Principal
from services.responder.cases import service as cases
from services.responder.moderation import publication as publication_of
from services.responder.publishing import routing
from services.responder.replies import drafting, policy
from services.responder.replies import repository as replies
from services.responder.replies.library import PLACEHOLDERS
from services.responder.replies.linter import Finding, LintContext, blocking, lint, lint_off_loop
from services.responder.replies.schemas import DraftOut, Publication, Template, TemplateIn
from services.responder.reviews import repository as reviews
from services.responder.reviews.lookup import review_for
from services.responder.shops import repository as shops
from services.responder.shops.config import ShopSettings
from services.responder.shops.repository import ShopRow
from services.responder.unit_of_work import unit_of_work, within
from shared.db.pool import Connection, Pool
from shared.events.replies import ReplyPublished, ReplyPublishedPayload


class ReplyError(Exception):
    """A request the current state does not allow (409), with machine-readable detail."""

    def __init__(self, message: str, findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.findings = findings or []

    def detail(self) -> dict[str, Any]:
        detail: dict[str, Any] = {"message": self.message}
        if self.findings:
            detail["findings"] = [f.model_dump() for f in self.findings]
        return detail


class NotAllowed(Exception):
    """The caller's role may not do this here (403)."""


class PolicyRefused(ReplyError):
    """The automation policy keeps this reply for a person."""


def lint_context(review: dict[str, Any], shop: ShopRow) -> LintContext:
    """The shop's own contact (from the registry's profile) is the one a reply may show."""
    negative = review["sentiment"] == "negative"
    settings = shop.settings
    return LintContext(
        sentiment=review["sentiment"],
        review_language=review["language"],
        reviewer_name=review["reviewer_name"],
        order_id=review["order_id"],
        allowed_contacts=shop.contact.allowed(),
        max_chars=settings.max_reply_chars_negative if negative else settings.max_reply_chars,
        safety_risk=drafting.safety_risk(review),
    )


def check(text: str, review: dict[str, Any], shop: ShopRow) -> list[Finding]:
    return lint(text, lint_context(review, shop))


async def check_off_loop(text: str, review: dict[str, Any], shop: ShopRow) -> list[Finding]:
    return await lint_off_loop(text, lint_context(review, shop))


async def _audited(
    conn: Connection,
    actor: str,
    at: datetime,
    action: str,
    entity: str,
    row: Mapping[str, Any],
    *,
    before: Any = None,
    after: Any = None,
) -> None:
    """The audit entry of a change to one review's draft or publication (`row`: its id, shop
    and review)."""
    await within(conn, actor=actor, at=at).audit(
        action,
        entity,
        row["id"],
        shop_id=row["shop_id"],
        review_id=row["review_id"],
        before=before,
        after=after,
    )


def _dump(findings: list[Finding]) -> list[dict[str, Any]]:
    return [f.model_dump() for f in findings]


def may_approve(principal: Principal, settings: ShopSettings) -> bool:
    return principal.at_least("manager") or settings.agents_can_approve


def compose(
    review: dict[str, Any],
    shop: ShopRow,
    templates: list[dict[str, Any]],
    language: str | None = None,
    template: dict[str, Any] | None = None,
) -> tuple[str, str, str]:
    """(text, language, template key) of a new draft for this review."""
    lang = drafting.reply_language(review, language or (template or {}).get("language"))
    if template is not None:
        chosen = drafting.Chosen(
            f"template:{template['id']}",
            template["language"],
            template["sentiment"],
            template["topic"],
            template["body"],
        )
    else:
        chosen = drafting.choose(review, templates, lang)
    values = drafting.values_for(
        review, shop.settings, shop.contact, shop.name, chosen.language, chosen.topic
    )
    known = drafting.product_name(review) is not None
    return drafting.render(chosen.body, values, known), chosen.language, chosen.key


async def create_draft(
    conn: Connection,
    shop: ShopRow,
    review: dict[str, Any],
    actor: str,
    at: datetime,
    *,
    text: str | None = None,
    language: str | None = None,
    template_id: int | None = None,
    auto: bool = False,
) -> dict[str, Any]:
    if text is not None:
        template_key = None
        lang = drafting.reply_language(review, language)
    else:
        template = None
        if template_id is not None:
            template = await replies.get_template(conn, shop.shop_id, template_id)
            if template is None:
                raise LookupError("template")
        templates = await replies.templates_of(conn, shop.shop_id)
        text, lang, template_key = compose(review, shop, templates, language, template)
    findings = await check_off_loop(text, review, shop)
    draft = await replies.insert_draft(
        conn,
        shop.shop_id,
        review["review_id"],
        lang,
        text,
        _dump(findings),
        template_key,
        actor,
        at,
        auto=auto,
    )
    await _audited(conn, actor, at, "draft.created", "draft", draft, after=draft)
    return draft


async def edit_draft(
    conn: Connection,
    shop: ShopRow,
    review: dict[str, Any],
    draft: dict[str, Any],
    text: str,
    actor: str,
    at: datetime,
) -> dict[str, Any]:
    if draft["status"] in ("publishing", "published"):
        raise ReplyError(f"a {draft['status']} reply cannot be edited; write a new draft")
    findings = await check_off_loop(text, review, shop)
    after = await replies.edit_draft(conn, draft["id"], text, _dump(findings), actor, at)
    await _audited(conn, actor, at, "draft.edited", "draft", draft, before=draft, after=after)
    return after


async def approve(
    conn: Connection,
    shop: ShopRow,
    review: dict[str, Any],
    draft: dict[str, Any],
    principal: Principal,
    at: datetime,
) -> dict[str, Any]:
    if not may_approve(principal, shop.settings):
        raise NotAllowed("only managers approve replies in this shop")
    if draft["status"] != "draft":
        raise ReplyError(f"the draft is {draft['status']}; only a draft can be approved")
    findings = await check_off_loop(draft["text"], review, shop)
    await replies.set_findings(conn, draft["id"], _dump(findings))
    blocks = blocking(findings)
    if blocks:
        raise ReplyError("the reply has blocking findings; edit it first", blocks)
    after = await replies.approve_draft(conn, draft["id"], principal.actor, at)
    await _audited(
        conn, principal.actor, at, "draft.approved", "draft", draft, before=draft, after=after
    )
    return after


async def publish(
    conn: Connection,
    shop: ShopRow,
    review: dict[str, Any],
    draft: dict[str, Any],
    actor: str,
    at: datetime,
    *,
    auto: bool = False,
) -> dict[str, Any]:
    """Queues the approved draft for the shop's connector. With `auto`, the automation policy
    decides first: this is the one door automatic replies go through."""
    findings = await check_off_loop(draft["text"], review, shop)
    if auto:
        decision = policy.decide_for(review, shop.settings, findings)
        if not decision.allowed:
            raise PolicyRefused(decision.reason)
    elif draft["status"] not in ("approved", "failed"):
        raise ReplyError(f"the draft is {draft['status']}; approve it before publishing")
    blocks = blocking(findings)
    if blocks:
        raise ReplyError("the reply has blocking findings; edit it first", blocks)
    if review["deleted_at"] is not None:
        raise ReplyError("the review was deleted on the platform")
    if await routing.channel_for(conn, shop, review) is None:
        raise ReplyError(
            f"the shop has no reply connector for {review['source']} reviews; a manager sets "
            "one up first"
        )
    publication = await replies.insert_publication(
        conn,
        shop.shop_id,
        review["review_id"],
        draft["id"],
        f"reply_{uuid.uuid4().hex}",
        auto,
        actor,
        at,
    )
    if publication is None:
        raise ReplyError("a reply to this review is already being published")
    after = await replies.set_draft_status(conn, draft["id"], "publishing")
    after_both = {"draft": after, "publication": publication}
    await _audited(
        conn,
        actor,
        at,
        "reply.publish_requested",
        "publication",
        publication,
        before=draft,
        after=after_both,
    )
    return publication


async def confirm_published(conn: Connection, publication: dict[str, Any], at: datetime) -> None:
    """The connector accepted the reply: it is public. Announce it (through the outbox, in the
    same transaction), stop the review's SLA clock, move its case on."""
    done = await replies.mark_published(conn, publication["id"], at)
    if done is None:
        return
    shop_id, review_id = publication["shop_id"], publication["review_id"]
    await replies.set_draft_status(conn, publication["draft_id"], "published")
    await reviews.mark_replied(conn, shop_id, review_id, at)
    review = await reviews.get(conn, shop_id, review_id)
    if review is not None:
        await cases.reply_published(conn, shop_id, review, at)
    draft = await replies.get_draft(conn, [shop_id], publication["draft_id"])
    if draft is not None:
        # Shown under the review where Reviewloop publishes it (survey reviews only).
        await publication_of.reply_published(conn, shop_id, review_id, draft["text"], at)
    event = ReplyPublished(
        shop_id=shop_id,
        occurred_at=at,
        payload=ReplyPublishedPayload(
            review_id=review_id, reply_id=publication["reply_id"], published_at=at
        ),
    )
    await within(conn, actor="connector", at=at).emit(event)
    await _audited(
        conn,
        "connector",
        at,
        "reply.published",
        "publication",
        publication,
        before=publication,
        after=done,
    )


async def give_up(conn: Connection, publication: dict[str, Any], error: str, at: datetime) -> None:
    done = await replies.mark_failed(conn, publication["id"], error)
    if done is None:
        return
    await replies.set_draft_status(conn, publication["draft_id"], "failed")
    await _audited(
        conn,
        "connector",
        at,
        "reply.publish_failed",
        "publication",
        publication,
        before=publication,
        after=done,
    )


# -- what the HTTP API asks for: one unit of work each -------------------------------------


class NotFound(LookupError):
    """No such draft or template in the caller's shops (404); the message names what."""


class Invalid(ValueError):
    """A template the library refuses (422); `detail` is a sentence or the findings."""

    def __init__(self, detail: str | dict[str, Any]) -> None:
        super().__init__(detail)
        self.detail = detail


class TemplateClash(Exception):
    """The shop has a template for this language, sentiment and topic (409)."""


CLASH = "the shop has a template for this language, sentiment and topic"
_TOPIC = re.compile(r"^([a-z_]{1,40}(:[a-z_]{1,40})?)?$")


async def draft_for(
    pool: Pool,
    principal: Principal,
    review_id: str,
    shop_id: str | None,
    at: datetime,
    *,
    text: str | None,
    language: str | None,
    template_id: int | None,
) -> DraftOut:
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        review = await review_for(uow.conn, principal, review_id, shop_id)
        shop = await shops.get(uow.conn, review["shop_id"])
        try:
            created = await create_draft(
                uow.conn,
                shop,
                review,
                principal.actor,
                at,
                text=text,
                language=language,
                template_id=template_id,
            )
        except LookupError as exc:
            raise NotFound("template") from exc
    return DraftOut.of(created)


async def _draft_context(
    conn: Connection, principal: Principal, draft_id: int
) -> tuple[dict[str, Any], dict[str, Any], ShopRow]:
    draft = await replies.get_draft(conn, principal.scope(), draft_id, lock=True)
    if draft is None:
        raise NotFound("draft")
    review = await reviews.get(conn, draft["shop_id"], draft["review_id"])
    if review is None:  # pragma: no cover - drafts go with their review
        raise NotFound("review")
    return draft, review, await shops.get(conn, draft["shop_id"])


async def draft(pool: Pool, principal: Principal, draft_id: int) -> DraftOut:
    async with pool.acquire() as conn:
        found = await replies.get_draft(conn, principal.scope(), draft_id)
    if found is None:
        raise NotFound("draft")
    return DraftOut.of(found)


async def edit(
    pool: Pool, principal: Principal, draft_id: int, text: str, at: datetime
) -> DraftOut:
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        before, review, shop = await _draft_context(uow.conn, principal, draft_id)
        after = await edit_draft(uow.conn, shop, review, before, text, principal.actor, at)
    return DraftOut.of(after)


async def approve_draft(pool: Pool, principal: Principal, draft_id: int, at: datetime) -> DraftOut:
    refused: ReplyError
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        before, review, shop = await _draft_context(uow.conn, principal, draft_id)
        if not may_approve(principal, shop.settings):
            raise NotAllowed("only managers approve replies in this shop")
        try:
            return DraftOut.of(await approve(uow.conn, shop, review, before, principal, at))
        except ReplyError as exc:
            # Refused after the fresh findings were written: they are kept (they tell why).
            refused = exc
    raise refused


async def publish_draft(
    pool: Pool, principal: Principal, draft_id: int, at: datetime
) -> Publication:
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        before, review, shop = await _draft_context(uow.conn, principal, draft_id)
        if not may_approve(principal, shop.settings):
            raise NotAllowed("only managers publish replies in this shop")
        publication = await publish(uow.conn, shop, review, before, principal.actor, at)
    return Publication.model_validate(publication)


async def lint_text(
    pool: Pool,
    principal: Principal,
    text: str,
    *,
    review_id: str | None,
    shop_id: str | None,
    sentiment: str,
    language: str | None,
) -> list[Finding]:
    """The linter alone: against a review (its language, name, order) or a bare sentiment."""
    async with pool.acquire() as conn:
        if review_id is not None:
            review = await review_for(conn, principal, review_id, shop_id)
            shop = await shops.get(conn, review["shop_id"])
            return await check_off_loop(text, review, shop)
        allowed: set[str] = set()
        if shop_id is not None:
            ensure_shop(principal, shop_id)
            allowed = (await shops.get(conn, shop_id)).contact.allowed()
    ctx = LintContext(
        sentiment=sentiment,
        review_language=language,
        allowed_contacts=allowed,
        max_chars=600 if sentiment == "negative" else 1000,
    )
    return await lint_off_loop(text, ctx)


async def publications(
    pool: Pool, principal: Principal, shop_id: str | None, state: str | None, limit: int
) -> list[Publication]:
    shop = resolve_shop(principal, shop_id)
    async with pool.acquire() as conn:
        rows = await replies.list_publications(conn, shop, state, limit)
    return [Publication.model_validate(r) for r in rows]


async def templates(pool: Pool, principal: Principal, shop_id: str) -> list[Template]:
    ensure_shop(principal, shop_id)
    async with pool.acquire() as conn:
        rows = await replies.templates_of(conn, shop_id)
    return [Template.model_validate(r) for r in rows]


async def _validate_template(body: str, sentiment: str, topic: str) -> None:
    if not _TOPIC.match(topic):
        raise Invalid("topic is lower-case letters and underscores, optionally 'faq:<type>'")
    unknown = drafting.unknown_placeholders(body, PLACEHOLDERS)
    if unknown:
        raise Invalid(f"unknown placeholders {unknown}; allowed: {', '.join(sorted(PLACEHOLDERS))}")
    # A template that would always produce a blocked reply is refused at the door.
    sample = re.sub(r"\{[a-z_]+\}", "", body)
    blocks = blocking(await lint_off_loop(sample, LintContext(sentiment=sentiment)))
    blocks = [b for b in blocks if b.code != "unfilled_placeholder"]
    if blocks:
        raise Invalid({"message": "the template breaks reply rules", "findings": _dump(blocks)})


async def create_template(
    pool: Pool, principal: Principal, shop_id: str, fields: TemplateIn, at: datetime
) -> Template:
    ensure_shop(principal, shop_id)
    await _validate_template(fields.body, fields.sentiment, fields.topic)
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        template = await replies.insert_template(uow.conn, shop_id, fields, at)
        if template is None:
            raise TemplateClash(CLASH)
        await uow.audit(
            "template.created", "template", template["id"], shop_id=shop_id, after=template
        )
    return Template.model_validate(template)


async def update_template(
    pool: Pool,
    principal: Principal,
    shop_id: str,
    template_id: int,
    fields: TemplateIn,
    at: datetime,
) -> Template:
    ensure_shop(principal, shop_id)
    await _validate_template(fields.body, fields.sentiment, fields.topic)
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        before = await replies.get_template(uow.conn, shop_id, template_id)
        if before is None:
            raise NotFound("template")
        key = (fields.language, fields.sentiment, fields.topic)
        if any(
            t["id"] != template_id and (t["language"], t["sentiment"], t["topic"]) == key
            for t in await replies.templates_of(uow.conn, shop_id)
        ):
            raise TemplateClash(CLASH)
        after = await replies.update_template(uow.conn, shop_id, template_id, fields, at)
        if after is None:  # pragma: no cover - the row was read in this transaction
            raise NotFound("template")
        await uow.audit(
            "template.updated",
            "template",
            template_id,
            shop_id=shop_id,
            before=before,
            after=after,
        )
    return Template.model_validate(after)


async def delete_template(
    pool: Pool, principal: Principal, shop_id: str, template_id: int, at: datetime
) -> None:
    ensure_shop(principal, shop_id)
    async with unit_of_work(pool, actor=principal.actor, at=at) as uow:
        before = await replies.get_template(uow.conn, shop_id, template_id)
        if before is None or not await replies.delete_template(uow.conn, shop_id, template_id):
            raise NotFound("template")
        await uow.audit("template.deleted", "template", template_id, shop_id=shop_id, before=before)
