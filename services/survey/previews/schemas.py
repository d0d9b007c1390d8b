"""Bodies of the survey emails' preview and test-send routes."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

# The customer emails the survey sends; a test copy of the staff emails (alert, escalation,
# digest) is the notifier's.
EmailKind = Literal["invitation", "reminder", "follow_up"]
KINDS: tuple[EmailKind, ...] = ("invitation", "reminder", "follow_up")
# The languages of services/survey/email/translations.py (a unit test keeps them equal).
Language = Literal["en", "de", "sl", "lv", "ro"]
REFUNDED = (
    "For a made-up order that was returned or refunded: the service-only invitation or "
    "reminder (no product to rate) such orders get. The follow-up is the same either way."
)


class EmailPreview(BaseModel):
    kind: EmailKind
    language: Language
    subject: str
    text: str
    html: str
    reply_to: str | None = Field(
        description="The shop's contact address from the registry (answers go there); null "
        "while the shop has none."
    )


class TestSendIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: EmailStr = Field(description="Where the one test copy goes.")
    language: Language | None = Field(
        default=None, description="The email's language; the shop's locale if left out."
    )
    refunded: bool = Field(default=False, description=REFUNDED)


class TestSent(BaseModel):
    sent: Literal[True] = True
    to: str
    subject: str = Field(description="The subject sent, marked `[TEST]`.")
    message_id: str
