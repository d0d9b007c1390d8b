"""What the moderation API takes and answers."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Action = Literal["publish", "hold", "reject"]
PublicStatus = Literal["published", "held", "rejected"]
LedgerAction = Literal["publish", "hold", "reject", "redact"]

MAX_EVIDENCE = 2000
MAX_PHRASES = 20
MAX_PHRASE = 200

Evidence = Annotated[
    str | None,
    Field(
        default=None,
        max_length=MAX_EVIDENCE,
        description="What the decision rests on, for the ledger (blanked if the customer's data "
        "is redacted).",
    ),
]


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Action
    # A plain string, not the list's Literal: anything else gets the service's own answer
    # naming the law (a rating or sentiment is never a reason), not a generic enum error.
    reason: str | None = Field(
        default=None,
        max_length=64,
        description="One of insult_or_hate, personal_data, spam_or_advertising, off_target, "
        "illegal_content, not_a_buyer; required to hold or reject. A rating, sentiment or "
        "'negative' is refused (422).",
    )
    evidence: Evidence = None


class RedactionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phrases: list[Annotated[str, Field(min_length=1, max_length=MAX_PHRASE)]] = Field(
        min_length=1,
        max_length=MAX_PHRASES,
        description="Exact phrases of the title or text (case-sensitive), each replaced by […].",
    )
    evidence: Evidence = None


class Decision(BaseModel):
    """One ledger row: never changed, except that a customer redaction blanks its evidence."""

    id: int
    review_id: str
    action: LedgerAction
    reason: str | None
    evidence: str | None
    actor: str
    decided_at: datetime
    # Counts only (a redaction's {"phrases": n}): never what was redacted.
    details: dict[str, int]


class ModerationState(BaseModel):
    """A survey review as shoppers see it (or would, when held or rejected) and its ledger."""

    shop_id: str
    review_id: str
    status: PublicStatus
    product_id: str | None
    rating: int
    title: str | None
    body: str | None = Field(description="The text as shown: redactions applied, nothing else.")
    display_name: str | None
    language: str
    verified: bool
    verified_by: str | None
    incentivized: bool
    submitted_at: datetime
    published_at: datetime | None
    updated_at: datetime
    reply_text: str | None
    replied_at: datetime | None
    decisions: list[Decision] = Field(description="Newest first.")


class ReasonCount(BaseModel):
    reason: str
    held: int
    rejected: int
    redacted: int


class LedgerPage(BaseModel):
    shop_id: str
    decisions: list[Decision]
    page: int
    per_page: int
    total: int
    next_page: int | None
    counts: list[ReasonCount] = Field(
        description="Every reason of the fixed list with its decisions in the shop (all pages)."
    )
