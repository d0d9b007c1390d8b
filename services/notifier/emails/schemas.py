"""Bodies of the email preview and test-send routes."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from services.notifier.emails.samples import Language

# The notifier's emails with a template of their own (alarms are built from live counts).
EmailKind = Literal["alert", "escalation", "digest"]


class EmailPreview(BaseModel):
    kind: EmailKind
    language: Language = Field(description="The language of the made-up review shown.")
    subject: str
    text: str
    html: str


class TestSendIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: EmailStr = Field(description="Where the one test copy goes.")
    language: Language | None = Field(
        default=None, description="The made-up review's language; the shop's locale if left out."
    )


class TestSent(BaseModel):
    to: str
    subject: str = Field(description="The subject sent, marked `[TEST]`.")
    message_id: str
