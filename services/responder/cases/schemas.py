"""Request and response bodies of cases, notes and removal requests."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from services.responder.cases.workflow import CaseStatus

RemovalReason = Literal["off_target", "abusive", "spam", "unverified"]


class TransitionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: CaseStatus


class AssigneeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: Annotated[int, Field(ge=1, le=2**62)] | None


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: str = Field(min_length=1, max_length=5000)


class RemovalIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: RemovalReason
    evidence: str = Field(min_length=10, max_length=5000)


class Case(BaseModel):
    id: int
    shop_id: str
    case_key: str
    status: CaseStatus
    assignee_id: int | None
    opened_by: str
    new_at: datetime
    in_progress_at: datetime | None
    replied_at: datetime | None
    contacted_at: datetime | None
    resolved_at: datetime | None
    followed_up_at: datetime | None
    updated_at: datetime


class CaseEvent(BaseModel):
    id: int
    review_id: str | None
    at: datetime
    actor: str
    kind: str
    from_status: str | None
    to_status: str | None
    assignee_id: int | None


class CaseWithEvents(Case):
    events: list[CaseEvent]


class Note(BaseModel):
    """Internal: never published, never sent to the customer."""

    id: int
    review_id: str
    case_id: int | None
    author: str
    body: str
    created_at: datetime


class RemovalRequest(BaseModel):
    id: int
    review_id: str
    reason: str
    evidence: str
    status: str
    prepared_by: str
    created_at: datetime


class ListedRemovalRequest(RemovalRequest):
    """A removal request in the list across shops (`GET /v1/removal-requests`)."""

    shop_id: str
    # Where to send it: the review's platform and its id there (None once the review is gone).
    source: str | None = None
    source_review_id: str | None = None
