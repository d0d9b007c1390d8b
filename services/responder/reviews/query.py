"""The review list's filters, sort orders and opaque cursors (pure: no SQL here)."""

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from services.responder.cases.workflow import CaseStatus

SlaState = Literal["ok", "due_soon", "overdue"]
Sort = Literal["urgency", "newest"]
StatusFilter = CaseStatus | Literal["none"]


@dataclass(frozen=True)
class ReviewFilter:
    shop_id: str
    now: datetime
    # The shop's "due soon" window (its settings; the list's service fills it in).
    due_soon: timedelta = timedelta(0)
    sentiments: list[str] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    verified: bool | None = None
    # The classifier's star/text mismatch, its removal candidates, a first reply published or
    # marked (None: either).
    mismatch: bool | None = None
    removal_candidate: bool | None = None
    answered: bool | None = None
    sla: list[SlaState] = field(default_factory=list)
    # A user id, or 0 for "nobody".
    assignee: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None
    sort: Sort = "urgency"
    after: tuple[Any, ...] | None = None
    limit: int = 50


def sla_state(
    sla_due_at: datetime, first_replied_at: datetime | None, now: datetime, due_soon: timedelta
) -> SlaState:
    """Only unanswered reviews can be late: an answered one is `ok`."""
    if first_replied_at is not None:
        return "ok"
    if sla_due_at <= now:
        return "overdue"
    if sla_due_at <= now + due_soon:
        return "due_soon"
    return "ok"


class InvalidCursor(ValueError):
    pass


def encode_cursor(sort: Sort, row: dict[str, Any]) -> str:
    if sort == "urgency":
        key: list[Any] = [row["urgency"], row["sla_due_at"].isoformat(), row["review_id"]]
    else:
        key = [row["created_at"].isoformat(), row["review_id"]]
    raw = json.dumps({"s": sort, "k": key}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(sort: Sort, cursor: str) -> tuple[Any, ...]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        if data["s"] != sort:
            raise InvalidCursor("the cursor belongs to another sort order")
        key = data["k"]
        if sort == "urgency":
            urgency, due, review_id = key
            if not isinstance(urgency, int) or not isinstance(review_id, str):
                raise InvalidCursor("invalid cursor")
            return (urgency, datetime.fromisoformat(due), review_id)
        created, review_id = key
        if not isinstance(review_id, str):
            raise InvalidCursor("invalid cursor")
        return (datetime.fromisoformat(created), review_id)
    except InvalidCursor:
        raise
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise InvalidCursor("invalid cursor") from exc
