from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from shared.time_bounds import WindowTime


class SurveyOut(BaseModel):
    id: int
    shop_id: str
    order_id: str
    status: str  # the invitation email's state: pending, sending, sent, skipped, failed, unknown
    send_at: datetime | None
    skip_reason: str | None
    sent_at: datetime | None
    answered_at: datetime | None
    created_at: datetime


class SendAtOverride(BaseModel):
    model_config = ConfigDict(extra="forbid")

    send_at: WindowTime | None
    outside_window: bool = Field(
        default=False,
        description="Send at `send_at` itself even outside the shop's send window (send now, "
        "to see the first email); otherwise the time is moved into the window.",
    )
