"""The answer of `POST /webhooks/{platform}/{shop_id}` (the body is the platform's own)."""

from typing import Literal

from pydantic import BaseModel


class WebhookAnswer(BaseModel):
    status: Literal["accepted", "duplicate", "ignored", "ping"]
    events: int
