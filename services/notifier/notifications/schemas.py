"""Bodies of the notifications and webhook receivers API."""

from datetime import datetime

from pydantic import BaseModel, Field


class NotificationOut(BaseModel):
    id: int
    kind: str
    review_id: str | None
    rule_id: int | None
    channel: str
    target: str = Field(description="The address or webhook URL it goes to.")
    status: str = Field(
        description="pending, sending, sent, failed, unknown, paused, or unroutable: the "
        "review needed an alert and the shop had no rule, no alert recipient and no contact "
        "address (never sent; `reason` says so)."
    )
    reason: str | None = Field(
        default=None,
        description="Why it was not sent: `not alerted: no recipient` for an unroutable alert.",
    )
    attempts: int
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None


class ReceiverOut(BaseModel):
    url: str
    consecutive_failures: int
    paused_at: datetime | None = Field(description="Set while deliveries to it are paused.")
    last_error: str | None
    updated_at: datetime


class ResumeIn(BaseModel):
    url: str = Field(max_length=2000)


class Resumed(BaseModel):
    requeued: int = Field(description="Paused notifications queued again.")
