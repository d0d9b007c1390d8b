"""What the reply panel of a review page shows (contract between the review page and the reply
panel: `review/endpoints.py` calls `reply_panel` and includes `replies/panel.html` with its
answer as `reply`)."""

from datetime import datetime
from typing import Any
from urllib.parse import quote, urlencode

from services.responder.access import repository as users
from services.responder.console.session import ConsoleSession
from services.responder.publishing import routing
from services.responder.replies import repository as replies
from services.responder.replies.linter import Finding
from services.responder.replies.service import may_approve
from services.responder.reviews.schemas import ReviewFull
from services.responder.shops import repository as shops
from services.responder.shops.config import SUPPORTED_LANGUAGES
from shared.db.pool import Pool

# The audit actions of a review's reply, shown as the panel's last step (after a redirect, the
# page says what just happened from the record itself, not from a flash message).
ACTIONS = (
    "draft.created",
    "draft.edited",
    "draft.approved",
    "reply.publish_requested",
    "reply.published",
    "reply.publish_failed",
)
# Drafts in these states cannot change any more: a new draft is the way on.
FINAL = ("publishing", "published")
# Publications the worker has yet to finish: the panel polls their part until none is left.
IN_FLIGHT = ("pending", "delivering")


def review_url(shop_id: str, review_id: str) -> str:
    """The review page, each id one percent-encoded segment (as the inbox links it)."""
    return f"/console/reviews/{quote(shop_id, safe='')}/{quote(review_id, safe='')}"


def panel_url(shop_id: str, review_id: str) -> str:
    return review_url(shop_id, review_id) + "#reply-panel"


def publications_url(shop_id: str, review_id: str) -> str:
    """The publications part alone (polled while one is on its way)."""
    return f"/console/publications?{urlencode({'shop_id': shop_id, 'review_id': review_id})}"


def named(actor: str | None, staff: dict[int, str]) -> str:
    """ "user:7" as the person's name where the shop knows them; others ("connector") as written."""
    if actor is None:
        return ""
    kind, _, rest = actor.partition(":")
    if kind == "user" and rest.isdigit() and int(rest) in staff:
        return staff[int(rest)]
    return actor


def ordered(findings: list[Finding]) -> list[Finding]:
    """Blocks first: they are what stops the reply."""
    return sorted(findings, key=lambda f: f.severity != "block")


def when(value: datetime | None) -> str:
    """A time as the panel writes it (UTC); a queue's "-infinity" (due at once) reads as year 1."""
    if value is None:
        return ""
    if value.year < 2000:
        return "now"
    return value.strftime("%Y-%m-%d %H:%M UTC")


def approve_refusal(allowed: bool, status: str | None, blocked: bool) -> str:
    """Why the current draft cannot be approved now: a text key, "" when it can."""
    if status is None:
        return "replies.why_no_draft"
    if not allowed:
        return "replies.why_role"
    if status != "draft":
        return "replies.why_not_draft"
    if blocked:
        return "replies.why_blocked"
    return ""


def publish_refusal(
    allowed: bool, status: str | None, blocked: bool, channel: str | None, deleted: bool
) -> str:
    """Why the current draft cannot be published now: a text key, "" when it can."""
    if status is None:
        return "replies.why_no_draft"
    if not allowed:
        return "replies.why_role_publish"
    if deleted:
        return "replies.why_deleted"
    if channel is None:
        return "replies.why_no_channel"
    if status not in ("approved", "failed"):
        return "replies.why_not_approved"
    if blocked:
        return "replies.why_blocked"
    return ""


async def reply_panel(
    pool: Pool, session: ConsoleSession, full: ReviewFull, now: datetime
) -> dict[str, Any]:
    """The context of `replies/panel.html` for one review (drafts, findings, what the caller
    may do, the platform's ability to take a reply, publications)."""
    review = full.review
    async with pool.acquire() as conn:
        shop = await shops.get(conn, review.shop_id)
        channel = await routing.channel_for(conn, shop, {"source": review.source})
        staff = {u.id: u.name for u in await users.list_users(conn, [review.shop_id])}
        templates = await replies.templates_of(conn, review.shop_id)
    allowed = may_approve(session.principal, shop.settings)
    current = full.drafts[-1] if full.drafts else None
    status = current.status if current else None
    blocked = current.blocked if current else False
    deleted = review.deleted_at is not None
    last = next((a for a in reversed(full.audit) if a.action in ACTIONS), None)
    return {
        "shop_id": review.shop_id,
        "review_id": review.review_id,
        "review_language": review.language,
        "source": review.source,
        "back": panel_url(review.shop_id, review.review_id),
        "setup_url": f"/console/shops/{quote(review.shop_id, safe='')}/setup",
        "current": current,
        "findings": ordered(current.findings) if current else [],
        "editable": current is not None and current.status not in FINAL,
        "older": list(reversed(full.drafts[:-1])),
        "may_approve": allowed,
        "approve_refusal": approve_refusal(allowed, status, blocked),
        "publish_refusal": publish_refusal(allowed, status, blocked, channel, deleted),
        "shows_publish": status in ("approved", "failed", "publishing", "published"),
        "channel": channel,
        "deleted": deleted,
        "answered_at": when(review.first_replied_at),
        "publications": list(reversed(full.publications)),
        "in_flight": any(p.status in IN_FLIGHT for p in full.publications),
        "publications_url": publications_url(review.shop_id, review.review_id),
        "last": last,
        "last_actor": named(last.actor if last else None, staff),
        "approved_by": named(current.approved_by if current else None, staff),
        "languages": SUPPORTED_LANGUAGES,
        # The shop's own templates a person may pick instead of the best match.
        "templates": templates,
        "when": when,
        "now": now,
    }
