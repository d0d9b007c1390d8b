"""Request and response bodies of the direct order API."""

from typing import Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from shared.events.catalogue import Customer, OrderItem
from shared.events.envelope import ExternalId


class OrderIn(BaseModel):
    """An order in Reviewloop's own format, for systems without a platform adapter."""

    model_config = ConfigDict(extra="forbid")

    order_id: ExternalId
    placed_at: AwareDatetime
    currency: str = Field(min_length=3, max_length=3)
    customer: Customer
    items: list[OrderItem] = Field(min_length=1, max_length=1000)
    b2b: bool = False


class OrderAccepted(BaseModel):
    status: Literal["accepted", "duplicate"]
    order_id: str
    event_id: UUID | None = Field(description="The order.placed event; null for a duplicate.")
