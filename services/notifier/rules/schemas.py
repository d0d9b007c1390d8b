"""Bodies of the alert rules API."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl

from services.notifier.rules.model import RuleFilters


class RuleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    channel: Literal["email", "webhook"]
    recipients: list[EmailStr] = Field(default_factory=list, max_length=20)
    url: HttpUrl | None = None
    format: Literal["standard", "slack"] = "standard"
    mode: Literal["immediate", "digest"] = "immediate"
    filters: RuleFilters = Field(default_factory=RuleFilters)


class RuleOut(BaseModel):
    id: int
    name: str
    channel: str
    recipients: list[str]
    url: str | None
    format: str
    mode: str
    filters: RuleFilters
    signing_secret: str | None = Field(
        default=None, description="Webhook rules: shown once, at creation, to verify deliveries."
    )
