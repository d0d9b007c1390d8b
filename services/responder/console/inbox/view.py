"""What the inbox shows, without I/O: the filter form's values read from the query string (a
plain GET form, so the page works without JavaScript), the API filter they make, links that
change one filter, and the SLA countdown in words."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import get_args
from urllib.parse import urlencode

from services.responder.cases.workflow import STATUSES
from services.responder.replies.library import NEGATIVE_TOPICS
from services.responder.reviews.query import ReviewFilter, SlaState
from shared.events.reviews import ReviewSource, Sentiment

SENTIMENTS: tuple[str, ...] = get_args(Sentiment)
PLATFORMS: tuple[str, ...] = get_args(ReviewSource)
# Most pressing first, as the form and the counts list them.
SLA_STATES: tuple[str, ...] = ("overdue", "due_soon", "ok")
_SLA: dict[str, SlaState] = {s: s for s in get_args(SlaState)}
# "state": a reply yet or not, or where the review's case is.
STATES: tuple[str, ...] = ("unanswered", "answered", *STATUSES, "no_case")
YES_NO = ("yes", "no")
# The form's fields, in the order of the query string (links keep it stable).
FIELDS = (
    "shop_id",
    "q",
    "sentiment",
    "state",
    "sla",
    "assigned",
    "topic",
    "platform",
    "language",
    "verified",
    "mismatch",
    "removal",
    "cursor",
)
PAGE_SIZE = 25
# Suggestions for the topic field (any topic the classifier names can be typed): the topics
# replies have templates for, and praise.
TOPICS: tuple[str, ...] = (*NEGATIVE_TOPICS, "praise")


class BadFilter(ValueError):
    """A filter value the form never sends (422, naming the field)."""


@dataclass(frozen=True)
class InboxQuery:
    """The filter form's values as the page shows them ("" is "any")."""

    shop_id: str = ""
    q: str = ""
    sentiment: str = ""
    state: str = ""
    sla: str = ""
    assigned: str = ""
    topic: str = ""
    platform: str = ""
    language: str = ""
    verified: str = ""
    mismatch: str = ""
    removal: str = ""
    cursor: str = ""

    def params(self, **changed: str) -> str:
        """The query string of these filters with some changed ("" drops one)."""
        values = replace(self, **changed)
        return urlencode([(k, getattr(values, k)) for k in FIELDS if getattr(values, k)])

    @property
    def filtered(self) -> bool:
        return any(getattr(self, k) for k in FIELDS if k not in ("shop_id", "cursor"))


def _one_of(name: str, value: str, allowed: tuple[str, ...]) -> str:
    if value and value not in allowed:
        raise BadFilter(f"{name}: {value!r} is not one of {', '.join(allowed)}")
    return value


def parse(query: dict[str, str]) -> InboxQuery:
    """The form's values, checked; `query` is the request's query string (last value wins)."""
    text = {k: (query.get(k) or "").strip() for k in FIELDS}
    for name, limit in (("q", 200), ("topic", 64), ("language", 35), ("cursor", 1000)):
        if len(text[name]) > limit:
            raise BadFilter(f"{name}: at most {limit} characters")
    assigned = text["assigned"]
    if (
        assigned
        and assigned not in ("me", "none")
        and not (assigned.isascii() and assigned.isdigit() and len(assigned) <= 18)
    ):
        raise BadFilter("assigned: 'me', 'none' or a user id")
    return InboxQuery(
        shop_id=text["shop_id"],
        q=text["q"],
        sentiment=_one_of("sentiment", text["sentiment"], SENTIMENTS),
        state=_one_of("state", text["state"], STATES),
        sla=_one_of("sla", text["sla"], SLA_STATES),
        assigned=assigned,
        topic=text["topic"],
        platform=_one_of("platform", text["platform"], PLATFORMS),
        language=text["language"].lower(),
        verified=_one_of("verified", text["verified"], YES_NO),
        mismatch=_one_of("mismatch", text["mismatch"], YES_NO),
        removal=_one_of("removal", text["removal"], YES_NO),
        cursor=text["cursor"],
    )


def _yes_no(value: str) -> bool | None:
    return None if not value else value == "yes"


def review_filter(query: InboxQuery, shop_id: str, now: datetime) -> ReviewFilter:
    """The API's filter for these form values (`reviews.service.page` and `counts` take it)."""
    statuses: list[str] = []
    answered: bool | None = None
    if query.state == "unanswered":
        answered = False
    elif query.state == "answered":
        answered = True
    elif query.state == "no_case":
        statuses = ["none"]
    elif query.state:
        statuses = [query.state]
    return ReviewFilter(
        shop_id=shop_id,
        now=now,
        sentiments=[query.sentiment] if query.sentiment else [],
        topics=[query.topic] if query.topic else [],
        statuses=statuses,
        sources=[query.platform] if query.platform else [],
        languages=[query.language] if query.language else [],
        verified=_yes_no(query.verified),
        mismatch=_yes_no(query.mismatch),
        removal_candidate=_yes_no(query.removal),
        answered=answered,
        sla=[_SLA[query.sla]] if query.sla else [],
        text=query.q or None,
        sort="urgency",
        limit=PAGE_SIZE,
    )


# The counts panel: per `ReviewCounts.by` key, its label, and per counted value the form field
# and value a click on it sets, and the value's label.
_FACETS: tuple[tuple[str, str, tuple[tuple[str, str, str, str], ...]], ...] = (
    (
        "sentiment",
        "inbox.sentiment",
        tuple((v, "sentiment", v, f"inbox.sentiment_{v}") for v in SENTIMENTS),
    ),
    ("sla", "inbox.sla", tuple((v, "sla", v, f"inbox.sla_{v}") for v in SLA_STATES)),
    (
        "status",
        "inbox.case",
        (
            *((v, "state", v, f"inbox.state_{v}") for v in STATUSES),
            ("none", "state", "no_case", "inbox.state_no_case"),
        ),
    ),
    (
        "assigned",
        "inbox.assigned",
        (
            ("me", "assigned", "me", "inbox.assigned_me"),
            ("none", "assigned", "none", "inbox.assigned_none"),
        ),
    ),
    (
        "source",
        "inbox.platform",
        tuple((v, "platform", v, f"inbox.platform_{v}") for v in PLATFORMS),
    ),
    (
        "verified",
        "inbox.verified",
        (
            ("true", "verified", "yes", "inbox.verified_yes"),
            ("false", "verified", "no", "inbox.verified_no"),
        ),
    ),
    ("mismatch", "inbox.mismatch", (("true", "mismatch", "yes", "inbox.mismatch_yes"),)),
    ("removal_candidate", "inbox.removal", (("true", "removal", "yes", "inbox.removal_yes"),)),
)


def facets(
    query: InboxQuery, by: dict[str, dict[str, int]]
) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """Per counted filter: (its key in `ReviewCounts.by`, its label, and per value (value,
    label, link)); a link sets that filter, keeps the others and goes to the first page. A
    label is a text key ("inbox.…") or, for languages and topics, the value as it is."""

    def link(name: str, value: str) -> str:
        return "/console/inbox?" + query.params(cursor="", **{name: value})

    fixed = [
        (key, label, [(v, v_label, link(name, field)) for v, name, field, v_label in values])
        for key, label, values in _FACETS
    ]
    # Open sets: the values the counts found, most common first.
    found = [
        (key, label, [(v, v.upper() if key == "language" else v, link(key, v)) for v in by[key]])
        for key, label in (("language", "inbox.language"), ("topic", "inbox.topic"))
        if by.get(key)
    ]
    return fixed + found


@dataclass(frozen=True)
class Countdown:
    """An SLA countdown in words: `key` is the text (`inbox.due_in` / `inbox.overdue_by`),
    `amount` and `unit` (minutes, hours, days) fill it."""

    key: str
    amount: int
    unit: str


def countdown(due: datetime, now: datetime) -> Countdown:
    """Rounded the way people say it: minutes under an hour, hours under two days, then days;
    never "0" (a review due now is "due in 1 min" or "overdue by 1 min")."""
    late = due <= now
    left = (now - due) if late else (due - now)
    if left < timedelta(hours=1):
        amount, unit = max(1, round(left / timedelta(minutes=1))), "min"
        if amount == 60:
            amount, unit = 1, "h"
    elif left < timedelta(hours=48):
        amount, unit = round(left / timedelta(hours=1)), "h"
    else:
        amount, unit = round(left / timedelta(days=1)), "d"
    return Countdown("inbox.overdue_by" if late else "inbox.due_in", amount, unit)


def excerpt(text: str | None, limit: int = 240) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
