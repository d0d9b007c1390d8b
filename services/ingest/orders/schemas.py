"""Response bodies of the direct order API (the request body is `OrderDocument`)."""

from typing import Literal

from pydantic import BaseModel


class OrderAccepted(BaseModel):
    status: Literal["accepted", "unchanged"]
    order_id: str
    events: list[str]
