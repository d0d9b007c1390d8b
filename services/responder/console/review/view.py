"""What the review page shows, without I/O: the classifier's findings and the order context
read defensively from their stored JSON (any shape an older classifier wrote), the case's steps,
the removal reasons the review allows, and the page's messages."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, get_args
from urllib.parse import quote

from services.responder.cases.schemas import RemovalReason
from services.responder.cases.service import removal_grounds
from services.responder.cases.workflow import NEXT, STATUSES
from services.responder.reviews.schemas import ReviewFull

REASONS: tuple[str, ...] = get_args(RemovalReason)
# Platforms whose own removal categories the page names per reason (docs/console.md, "Removal
# requests"); a shop's own review app or survey has no public category list to map to.
PLATFORM_CATEGORIES = ("trustpilot", "google")
# `?done=` values a successful action redirects with (anything else shows nothing).
DONE = ("opened", "moved", "assigned", "note_added", "sentiment_set", "removal_prepared")


def review_url(shop_id: str, review_id: str) -> str:
    """The review page, the shop and the id each one percent-encoded segment (as the inbox
    and the notifier's email links write it)."""
    return f"/console/reviews/{quote(shop_id, safe='')}/{quote(review_id, safe='')}"


@dataclass(frozen=True)
class Scored:
    name: str
    percent: int | None


def _scored(value: Any) -> Scored | None:
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        confidence = value.get("confidence")
        percent = (
            round(confidence * 100)
            if isinstance(confidence, int | float) and not isinstance(confidence, bool)
            else None
        )
        return Scored(value["name"], percent)
    if isinstance(value, str):
        return Scored(value, None)
    return None


def _scored_list(value: Any) -> list[Scored]:
    found = map(_scored, value) if isinstance(value, list) else ()
    return [s for s in found if s is not None]


def _percent(value: Any) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return round(value * 100)
    return None


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def classification(stored: Any) -> dict[str, Any]:
    """The classifier's findings and why (missing parts are left out, not guessed)."""
    c = stored if isinstance(stored, dict) else {}

    def text(key: str) -> str | None:
        value = c.get(key)
        return value if isinstance(value, str) else None

    return {
        "sentiment": text("sentiment"),
        "sentiment_percent": _percent(c.get("sentiment_confidence")),
        "severity": text("severity"),
        "severity_reasons": _strings(c.get("severity_reasons")),
        "topics": _scored_list(c.get("topics")),
        "abuse": _scored_list(c.get("abuse")),
        "question": _scored(c.get("question")),
        "removal_candidate": c.get("removal_candidate") is True,
        "language": text("language"),
        "language_percent": _percent(c.get("language_confidence")),
        "explanations": _strings(c.get("explanations")),
        "model_version": text("model_version"),
    }


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def order(stored: Any) -> dict[str, Any] | None:
    """The order the review was matched to (items, dates, delivery, refund), or None."""
    if not isinstance(stored, dict):
        return None
    items = []
    listed = stored.get("items")
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, dict):
            items.append(
                {
                    "name": str(item.get("name") or item.get("product_id") or ""),
                    "quantity": item.get("quantity"),
                    "unit_price": item.get("unit_price"),
                    "sku": item.get("sku"),
                }
            )
    return {
        "order_id": stored.get("order_id"),
        "placed_at": _when(stored.get("placed_at")),
        "delivered_at": _when(stored.get("delivered_at")),
        "refunded": stored.get("refunded") is True,
        "items": items,
    }


def steps(full: ReviewFull) -> list[tuple[str, datetime | None]]:
    """Every step of the workflow and when the case reached it (None: not yet)."""
    case = full.case
    if case is None:
        return []
    return [(s, getattr(case, f"{s}_at")) for s in STATUSES]


def next_steps(full: ReviewFull) -> tuple[str, ...]:
    return NEXT[full.case.status] if full.case is not None else ()


def grounds(full: ReviewFull) -> list[str]:
    """The removal reasons this review allows (the API's rule), in a stable order."""
    r = full.review
    found = removal_grounds(
        {
            "classification": r.classification if isinstance(r.classification, dict) else {},
            "verified": r.verified,
            "removal_candidate": r.removal_candidate,
        }
    )
    return [reason for reason in REASONS if reason in found]


def actor_name(actor: str, staff: dict[int, str]) -> str:
    """ "user:7" as the person's name where the shop knows them; other actors as written."""
    kind, _, rest = actor.partition(":")
    if kind == "user" and rest.isdigit() and int(rest) in staff:
        return staff[int(rest)]
    return actor
