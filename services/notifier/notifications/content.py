"""What alerts, escalations, digests and alarms say. Rendered once, when queued, and stored
with the notification (so a retry sends exactly the same message)."""

from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any
from urllib.parse import quote

from services.notifier.reviews.repository import OpenNegative
from shared.events.reviews import ReviewClassifiedPayload


def review_link(responder_base_url: str, review_id: str, shop_id: str) -> str:
    """The review's page in the staff console (docs/console.md). Review ids come from the
    platforms and may hold '/', '#', '?' or spaces: the shop and the id are each one encoded
    path segment (two shops of one user may share a review id)."""
    return (
        f"{responder_base_url.rstrip('/')}/console/reviews/"
        f"{quote(shop_id, safe='')}/{quote(review_id, safe='')}"
    )


def one_line(text: str) -> str:
    """A header value: CR, LF and other line breaks in a shop's name must not start a header
    of their own (EmailMessage would refuse the message and the alert would never go)."""
    return " ".join(text.split())


def _stars(rating: int | None) -> str:
    return f"{rating}★" if rating else "no rating"


def _lines_to_html(lines: list[str], link: str | None = None) -> str:
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    if link:
        body += f'<p><a href="{escape(link)}">{escape(link)}</a></p>'
    return f'<!doctype html><html><body style="font-family:Arial,sans-serif">{body}</body></html>'


MISMATCH_PREFIX = "mismatch: "


def mismatch_reason(explanations: list[str]) -> str | None:
    """Why ingest's classifier says the stars and the text disagree, as it wrote it ("5 stars but
    negative text (0.95 to the shop head); treated as negative until a person looks"): a 5-star
    review alerted as negative needs its reason in the alert, not only in the console."""
    for explanation in explanations:
        if explanation.startswith(MISMATCH_PREFIX):
            return explanation.removeprefix(MISMATCH_PREFIX)
    return None


def alert(
    shop_name: str,
    review: ReviewClassifiedPayload,
    sla_deadline: datetime | None,
    link: str,
    kind: str = "alert",
    passed_on_arrival: bool = False,
) -> dict[str, Any]:
    """`passed_on_arrival`: the reply deadline had passed before the review reached us (an old
    review edited on its platform): said, so "due by" a past date does not read as a slip."""
    c = review.classification
    # Fixed tags first, so a mail filter can sort on them.
    tags = f"[Reviewloop][{c.sentiment}][severity:{c.severity}]"
    if kind != "alert":
        tags = f"[Reviewloop][{kind.upper()}][{c.sentiment}][severity:{c.severity}]"
    subject = one_line(f"{tags} {_stars(review.rating)} {review.source} review for {shop_name}")
    order = review.order
    lines = [
        f"Rating: {_stars(review.rating)} on {review.source}"
        + (" (verified buyer)" if review.verified else " (not matched to an order)"),
        f"Sentiment: {c.sentiment} ({c.sentiment_confidence:.0%})"
        + ("; stars and text disagree" if c.star_text_mismatch else ""),
        *(
            [f"Why: {reason}"]
            if c.star_text_mismatch and (reason := mismatch_reason(c.explanations))
            else []
        ),
        f"Severity: {c.severity}"
        + (f" ({', '.join(c.severity_reasons)})" if c.severity_reasons else ""),
        f"Topics: {', '.join(t.name for t in c.topics) or 'none'}",
        f"Language: {c.language}",
    ]
    if review.title:
        lines.append(f"Title: {review.title}")
    lines.append(f"Text: {review.text or '(no text)'}")
    if order is not None:
        items = ", ".join(f"{i.quantity} x {i.name}" for i in order.items) or "unknown items"
        placed = order.placed_at.date().isoformat() if order.placed_at else "unknown date"
        lines.append(f"Order {order.order_id} of {placed}: {items}")
    if c.removal_candidate:
        lines.append("Removal candidate: " + ", ".join(a.name for a in c.abuse))
    if sla_deadline is not None:
        due = f"Reply due by: {sla_deadline.isoformat(timespec='minutes')}"
        if passed_on_arrival:
            due += " (passed before the review reached Reviewloop; escalations count from now)"
        lines.append(due)
    return {
        "subject": subject,
        "text": "\n".join([*lines, "", f"Open in the console: {link}"]),
        "html": _lines_to_html(lines, link),
        "event": {
            "type": f"review.{kind}",
            "shop_id": None,
            "review_id": review.review_id,
            "source": review.source,
            "rating": review.rating,
            "sentiment": c.sentiment,
            "severity": c.severity,
            "severity_reasons": c.severity_reasons,
            "topics": [t.name for t in c.topics],
            "language": c.language,
            "verified": review.verified,
            "removal_candidate": c.removal_candidate,
            "text": review.text,
            "order_id": order.order_id if order else None,
            "reply_due_by": sla_deadline.isoformat() if sla_deadline else None,
            "link": link,
        },
    }


def plain(
    subject: str, lines: list[str], event: dict[str, Any], link: str | None = None
) -> dict[str, Any]:
    return {
        "subject": one_line(subject),
        "text": "\n".join(lines + (["", link] if link else [])),
        "html": _lines_to_html(lines, link),
        "event": event,
    }


def escalation(
    shop_name: str, shop_id: str, review_id: str, level: str, deadline: datetime, link: str
) -> dict[str, Any]:
    """An unanswered negative review at its first (the SLA) or second (twice it) deadline."""
    return plain(
        f"[Reviewloop][ESCALATION:{level}] unanswered negative review for {shop_name}",
        [
            f"A negative review has had no published reply by its {level} deadline "
            f"({deadline.isoformat(timespec='minutes')}).",
            f"Review: {review_id}",
        ],
        {
            "type": "review.escalation",
            "shop_id": shop_id,
            "review_id": review_id,
            "level": level,
            "deadline": deadline.isoformat(),
            "link": link,
        },
        link,
    )


@dataclass(frozen=True)
class DigestFacts:
    # The digest's local date (its timer's subject) and the moment it covers up to.
    date: str
    at: datetime
    sentiments: dict[str, int]
    open_negatives: list[OpenNegative]
    # The day's top topics with their counts, most frequent first.
    topics: list[tuple[str, int]]
    surveys_scheduled: int
    surveys_answered: int


def digest(
    shop_name: str, shop_id: str, facts: DigestFacts, responder_base_url: str
) -> dict[str, Any]:
    counts, top = facts.sentiments, facts.topics
    total = sum(counts.values())
    scheduled, answered = facts.surveys_scheduled, facts.surveys_answered
    lines = [
        f"New reviews in the last 24 hours: {total} "
        f"({counts.get('negative', 0)} negative, {counts.get('neutral', 0)} neutral, "
        f"{counts.get('positive', 0)} positive).",
        f"Negative share: {counts.get('negative', 0) / total:.0%}."
        if total
        else "Negative share: no reviews.",
        f"Unanswered negative reviews: {len(facts.open_negatives)}"
        + "".join(
            f"\n  - {r.review_id} ({r.source}, {r.rating or '-'}★, "
            f"{(facts.at - r.created_at).days} days old): "
            + review_link(responder_base_url, r.review_id, shop_id)
            for r in facts.open_negatives
        ),
        "Top topics: " + (", ".join(f"{t} ({n})" for t, n in top) or "none"),
        f"Surveys in the last 30 days: {answered} answered of {scheduled} scheduled"
        + (f" ({answered / scheduled:.0%})." if scheduled else "."),
    ]
    return plain(
        f"[Reviewloop][DIGEST] {shop_name} {facts.date}",
        lines,
        {
            "type": "shop.digest",
            "shop_id": shop_id,
            "date": facts.date,
            "sentiments": counts,
            "unanswered_negatives": len(facts.open_negatives),
            "topics": dict(top),
            "surveys_scheduled": scheduled,
            "surveys_answered": answered,
        },
    )


def slack_body(content: dict[str, Any]) -> dict[str, Any]:
    """Slack-compatible incoming-webhook body."""
    return {"text": f"*{content['subject']}*\n{content['text']}"}
