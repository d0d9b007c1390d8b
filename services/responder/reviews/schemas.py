"""Review bodies of the HTTP API."""

from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from services.responder.audit.schemas import AuditRecord
from services.responder.cases.schemas import CaseWithEvents, Note, RemovalRequest
from services.responder.replies.schemas import (
    Automation,
    AutomationPolicy,
    Publication,
    StoredDraft,
)
from services.responder.reviews.query import SlaState, sla_state
from shared.events.reviews import Sentiment
from shared.json_value import Json


class CaseSummary(BaseModel):
    id: int
    status: str
    assignee_id: int | None


class ReviewOut(BaseModel):
    shop_id: str
    review_id: str
    source: str
    source_review_id: str
    rating: int | None
    title: str | None
    text: str | None
    reviewer_name: str | None
    language: str
    # The effective sentiment: a person's where one corrected the classifier's
    # (ReviewDetail.sentiment_by_staff), else the classifier's.
    sentiment: str
    severity: str
    severity_reasons: list[str] = Field(
        default_factory=list,
        description="Why the classifier rated it severe: health_injury, safety, legal_threat, "
        "fraud_claim, chargeback_threat (negative_review for medium).",
    )
    topics: list[str]
    verified: bool
    removal_candidate: bool
    # The classifier found the stars and the text disagree (e.g. 5 stars, an angry text).
    star_text_mismatch: bool = False
    person_reason: str | None = Field(
        default=None,
        description="Why this review, though neither negative nor severe, waits for a "
        "person's reply like a negative one (until answered or a person sets its sentiment): "
        "'the fast pass read it as negative', 'it regrets that something went wrong', 'it "
        "names a problem (delivery_delay)', 'a buyer asks about their own order'.",
    )
    question: str | None
    order_id: str | None
    created_at: datetime
    sla_due_at: datetime
    sla_state: SlaState
    first_replied_at: datetime | None
    deleted_at: datetime | None
    case: CaseSummary | None
    # What the customer added in the survey this review came from ("anything else?").
    survey_comment: str | None = None


class ReviewPage(BaseModel):
    items: list[ReviewOut]
    next_cursor: str | None


class ReviewCounts(BaseModel):
    """`GET /v1/reviews/counts`: how many reviews match the filters, and how those waiting for
    a reply (negative or severe, no reply yet) split per filter value."""

    waiting: int = Field(
        description="matching reviews that need a reply and have none (negative, severe, or "
        "with a `person_reason`)"
    )
    waiting_capped: bool = Field(
        description="more than `waiting_cap` reviews wait: the counts are of the most urgent "
        "`waiting_cap` (lower bounds)"
    )
    waiting_cap: int
    by: dict[str, dict[str, int]] = Field(
        description="per filter (sentiment, sla, status, source, verified, mismatch, "
        "removal_candidate, assigned; language and topic: their 12 most common values) and "
        "value: the waiting reviews with that value that match every OTHER filter"
    )
    total: int | None = Field(
        description="matching reviews, answered or not, up to `total_cap`; null with `q` or "
        "when counting them would take more than 25 ms (a rare match in a large shop)"
    )
    total_capped: bool
    total_cap: int


class ReviewDetail(ReviewOut):
    """One review with its context. Its times are written as `isoformat()` ("+00:00"), as this
    page always answered them."""

    created_at: datetime
    sla_due_at: datetime
    first_replied_at: datetime | None
    deleted_at: datetime | None
    product_id: str | None
    match_method: str | None
    # The order the review was matched to and what the classifier found, as stored (JSON).
    order: Json
    classification: Json
    updated_at: datetime
    redacted_at: datetime | None
    sentiment_by_staff: Sentiment | None = Field(
        default=None,
        description="a person's correction of the classifier's sentiment (the classification "
        "keeps the classifier's own); later classifications of the review keep it, except "
        "that an edit read as negative takes back a positive or neutral one",
    )


class SentimentIn(BaseModel):
    """A person's reading of the review's sentiment; null goes back to the classifier's."""

    model_config = ConfigDict(extra="forbid")

    sentiment: Sentiment | None


class CaseReview(BaseModel):
    """Another review of the same case (the same customer and order)."""

    review_id: str
    source: str
    rating: int | None
    sentiment: str
    created_at: datetime
    first_replied_at: datetime | None
    deleted_at: datetime | None


class ReviewFull(BaseModel):
    """Everything about one review: context, case and its history, notes, drafts,
    publications, removal requests, automation and audit."""

    review: ReviewDetail
    case: CaseWithEvents | None
    case_reviews: list[CaseReview]
    notes: list[Note]
    drafts: list[StoredDraft]
    publications: list[Publication]
    removal_requests: list[RemovalRequest]
    automation: Automation | None
    automation_policy: AutomationPolicy
    audit: list[AuditRecord]


def review_out(row: dict[str, Any], now: datetime, due_soon: timedelta) -> ReviewOut:
    question = (row["classification"] or {}).get("question")
    return ReviewOut(
        shop_id=row["shop_id"],
        review_id=row["review_id"],
        source=row["source"],
        source_review_id=row["source_review_id"],
        rating=row["rating"],
        title=row["title"],
        text=row["text"],
        reviewer_name=row["reviewer_name"],
        language=row["language"],
        sentiment=row["sentiment"],
        severity=row["severity"],
        severity_reasons=[
            r
            for r in (row["classification"] or {}).get("severity_reasons") or []
            if isinstance(r, str)
        ],
        topics=list(row["topics"]),
        verified=row["verified"],
        removal_candidate=row["removal_candidate"],
        star_text_mismatch=bool((row["classification"] or {}).get("star_text_mismatch")),
        # A person's reading settles it (the urgency's rule, migration 0019).
        person_reason=None if row.get("sentiment_by_staff") else row.get("person_reason"),
        question=question.get("name") if question else None,
        order_id=row["order_id"],
        created_at=row["created_at"],
        sla_due_at=row["sla_due_at"],
        sla_state=sla_state(row["sla_due_at"], row["first_replied_at"], now, due_soon),
        first_replied_at=row["first_replied_at"],
        deleted_at=row["deleted_at"],
        survey_comment=row.get("survey_comment"),
        case=(
            CaseSummary(
                id=row["case_id"], status=row["case_status"], assignee_id=row["case_assignee_id"]
            )
            if row.get("case_id") is not None
            else None
        ),
    )
