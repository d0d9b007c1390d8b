"""Request and response bodies of drafts, the linter, publications and templates."""

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from services.responder.replies.linter import Finding, blocking
from shared.events.reviews import Sentiment

Language = Literal["en", "de", "sl", "lv", "ro"]
ReplyText = Annotated[str, Field(min_length=1, max_length=5000)]
PublicationState = Literal["pending", "delivering", "published", "failed"]


class DraftIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    template_id: Annotated[int, Field(ge=1, le=2**62)] | None = None
    language: Language | None = None
    text: ReplyText | None = Field(default=None, description="Your own text instead of a template.")


class DraftEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: ReplyText


class DraftOut(BaseModel):
    id: int
    shop_id: str
    review_id: str
    language: str
    text: str
    findings: list[Finding]
    blocked: bool
    status: str
    template: str | None
    auto: bool
    version: int
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime
    approved_by: str | None
    approved_at: datetime | None

    @classmethod
    def of(cls, draft: dict[str, Any]) -> "DraftOut":
        findings = [Finding.model_validate(f) for f in draft["findings"]]
        return cls.model_validate(
            {**draft, "findings": findings, "blocked": bool(blocking(findings))}
        )


class LintIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: ReplyText
    review_id: Annotated[str, Field(min_length=1, max_length=128)] | None = None
    shop_id: Annotated[str, Field(max_length=64)] | None = None
    sentiment: Sentiment = "negative"
    language: Language | None = None


class LintOut(BaseModel):
    findings: list[Finding]
    blocked: bool

    @classmethod
    def of(cls, findings: list[Finding]) -> "LintOut":
        return cls(findings=findings, blocked=bool(blocking(findings)))


class Publication(BaseModel):
    id: int
    shop_id: str
    review_id: str
    draft_id: int
    reply_id: str
    status: PublicationState
    auto: bool
    attempts: int
    next_attempt_at: datetime | None
    claimed_at: datetime | None
    last_error: str | None
    channel: str | None
    created_by: str
    created_at: datetime
    published_at: datetime | None


class TemplateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    language: Language
    sentiment: Sentiment
    topic: str = Field(
        default="",
        max_length=81,
        description="A classifier topic (damaged_packaging), 'faq' or 'faq:<type>'; '' = any.",
    )
    body: str = Field(min_length=1, max_length=3000)


class Template(BaseModel):
    id: int
    shop_id: str
    name: str
    language: str
    sentiment: Sentiment
    topic: str
    body: str
    created_at: datetime
    updated_at: datetime


class BuiltinTemplateOut(BaseModel):
    key: str
    language: str
    sentiment: str
    topic: str
    body: str


class TemplateLibrary(BaseModel):
    """The shop's own templates, then the built-in library they override."""

    templates: list[Template]
    builtin: list[BuiltinTemplateOut]
    languages: list[str]
    placeholders: list[str]


class StoredDraft(BaseModel):
    """A draft as a review's page lists it (times as `isoformat()`, like the rest of that page)."""

    id: int
    shop_id: str
    review_id: str
    language: str
    text: str
    findings: list[Finding]
    status: str
    template: str | None
    auto: bool
    version: int
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    blocked: bool


class AutomationPolicy(BaseModel):
    """What the automation policy (replies/policy.py) says of the review as it is now, with the
    shop's current settings: whether an automatic reply may answer it, and why (or why not).
    Whether one was queued or went out is `Automation`'s."""

    allowed: bool
    reason: str
    # The review has a reply or a draft already (then `allowed` is false: nothing automatic
    # goes out over a person's answer).
    answered: bool


class Automation(BaseModel):
    """Where the review stands in the automatic-reply queue."""

    due_at: datetime
    status: Literal["pending", "published", "refused"]
    reason: str | None
    decided_at: datetime | None
