"""The explanation of one order's survey decision, as the API answers it."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel

Decision = Literal["queued", "sent", "excluded", "waiting", "answered"]
Fact = str | int | bool | None


class StepOut(BaseModel):
    """One step of the due-time computation (services/survey/scheduling/timing.py)."""

    step: Literal["base", "delay", "override", "not_before_now", "window", "sunday"]
    at: datetime
    text: str
    facts: dict[str, Fact]


class ExclusionOut(BaseModel):
    reason: str
    text: str
    # True: the email is recorded as skipped with this reason. False: what the facts known now
    # decide when it is due (checked again then, so a change before can still let it go).
    recorded: bool
    facts: dict[str, Fact]


class EmailStateOut(BaseModel):
    kind: Literal["invitation", "reminder", "follow_up"]
    status: str
    send_at: datetime | None
    sent_at: datetime | None
    message_id: str | None
    skip_reason: str | None
    text: str


class ExplanationOut(BaseModel):
    shop_id: str
    order_id: str
    decision: Decision
    # One sentence for the whole decision.
    text: str
    # queued (and an exclusion decided only when due): when the invitation is due.
    due_at: datetime | None = None
    # The due time is an estimate (not delivered yet): it moves when the order ships or arrives.
    provisional: bool = False
    # queued: the steps that computed `due_at`, in order.
    how: list[StepOut] = []
    # waiting (and provisional): what the decision waits for.
    waiting_for: str | None = None
    sent_at: datetime | None = None
    message_id: str | None = None
    answered_at: datetime | None = None
    exclusion: ExclusionOut | None = None
    notes: list[str] = []
    invitation: EmailStateOut | None = None
    reminder: EmailStateOut | None = None
    follow_ups: list[EmailStateOut] = []
