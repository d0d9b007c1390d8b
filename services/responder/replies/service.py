"""Reply use cases: draft, edit, approve, publish; and what happens when the platform confirms.

Every text is linted when it is written and again when it is approved or published (the rules
may have changed in between); a `block` finding stops both.
"""

import uuid
from datetime import datetime
from typing import Any

from services.responder.access.principal import Principal
from services.responder.audit import repository as audit
from services.responder.cases import service as cases
from services.responder.publishing import routing
from services.responder.replies import drafting, policy
from services.responder.replies import repository as replies
from services.responder.replies.linter import Finding, LintContext, blocking, lint, lint_off_loop
from services.responder.reviews import repository as reviews
from services.responder.shops.config import ShopSettings
from services.responder.shops.repository import ShopRow
from shared.db.pool import Connection
from shared.events.replies import ReplyPublished, ReplyPublishedPayload
from shared.logging import correlation_id_var
from shared.outbox import repository as outbox


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


def lint_context(review: dict[str, Any], settings: ShopSettings) -> LintContext:
    negative = review["sentiment"] == "negative"
    return LintContext(
        sentiment=review["sentiment"],
        review_language=review["language"],
        reviewer_name=review["reviewer_name"],
        order_id=review["order_id"],
        allowed_contacts=settings.allowed_contacts(),
        max_chars=settings.max_reply_chars_negative if negative else settings.max_reply_chars,
    )


def check(text: str, review: dict[str, Any], settings: ShopSettings) -> list[Finding]:
    return lint(text, lint_context(review, settings))


async def check_off_loop(
    text: str, review: dict[str, Any], settings: ShopSettings
) -> list[Finding]:
    return await lint_off_loop(text, lint_context(review, settings))


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
    values = drafting.values_for(review, shop.settings, shop.name, chosen.language, chosen.topic)
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
    findings = await check_off_loop(text, review, shop.settings)
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
    await audit.record(
        conn,
        at=at,
        actor=actor,
        action="draft.created",
        entity="draft",
        entity_id=draft["id"],
        shop_id=shop.shop_id,
        review_id=review["review_id"],
        after=draft,
    )
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
    findings = await check_off_loop(text, review, shop.settings)
    after = await replies.edit_draft(conn, draft["id"], text, _dump(findings), actor, at)
    await audit.record(
        conn,
        at=at,
        actor=actor,
        action="draft.edited",
        entity="draft",
        entity_id=draft["id"],
        shop_id=shop.shop_id,
        review_id=review["review_id"],
        before=draft,
        after=after,
    )
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
    findings = await check_off_loop(draft["text"], review, shop.settings)
    await replies.set_findings(conn, draft["id"], _dump(findings))
    blocks = blocking(findings)
    if blocks:
        raise ReplyError("the reply has blocking findings; edit it first", blocks)
    after = await replies.approve_draft(conn, draft["id"], principal.actor, at)
    await audit.record(
        conn,
        at=at,
        actor=principal.actor,
        action="draft.approved",
        entity="draft",
        entity_id=draft["id"],
        shop_id=shop.shop_id,
        review_id=review["review_id"],
        before=draft,
        after=after,
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
    findings = await check_off_loop(draft["text"], review, shop.settings)
    if auto:
        decision = policy.decide(review, shop.settings.automation, findings)
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
    await audit.record(
        conn,
        at=at,
        actor=actor,
        action="reply.publish_requested",
        entity="publication",
        entity_id=publication["id"],
        shop_id=shop.shop_id,
        review_id=review["review_id"],
        before=draft,
        after={"draft": after, "publication": publication},
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
    event = ReplyPublished(
        shop_id=shop_id,
        occurred_at=at,
        payload=ReplyPublishedPayload(
            review_id=review_id, reply_id=publication["reply_id"], published_at=at
        ),
    )
    await outbox.add(conn, event, correlation_id_var.get())
    await audit.record(
        conn,
        at=at,
        actor="connector",
        action="reply.published",
        entity="publication",
        entity_id=publication["id"],
        shop_id=shop_id,
        review_id=review_id,
        before=publication,
        after=done,
    )


async def give_up(conn: Connection, publication: dict[str, Any], error: str, at: datetime) -> None:
    done = await replies.mark_failed(conn, publication["id"], error)
    if done is None:
        return
    await replies.set_draft_status(conn, publication["draft_id"], "failed")
    await audit.record(
        conn,
        at=at,
        actor="connector",
        action="reply.publish_failed",
        entity="publication",
        entity_id=publication["id"],
        shop_id=publication["shop_id"],
        review_id=publication["review_id"],
        before=publication,
        after=done,
    )
