"""Reviewloop's own order document: the body of the direct order API and the `data` of the
`standard` (Standard Webhooks) platform. Documented in docs/webhooks.md."""

from datetime import datetime, timedelta
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from services.ingest.orders.facts import OrderDetails, OrderFacts, RefundFact, ReturnFact
from shared.events.envelope import ExternalId
from shared.events.orders import Customer, OrderItem, Platform, RefundedItem
from shared.time_bounds import FactTime


class RefundDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refund_id: ExternalId
    refunded_at: FactTime
    full: bool | None = None
    items: list[RefundedItem] = Field(default_factory=list, max_length=1000)


class ReturnDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    return_id: ExternalId
    returned_at: FactTime


# A fact may precede `placed_at` by this much: a delivery known only by its date is stamped at
# midnight, hours before a same-day order was placed. More than that is a wrong date (a year
# typed wrong makes the delivery "too old" to survey, with nobody told).
BEFORE_PLACED_TOLERANCE = timedelta(days=1)


class OrderDocument(BaseModel):
    """An order as the shop's system knows it now. Send the whole document on every change;
    fields it does not know yet are left out. Facts, once sent, cannot be taken back."""

    model_config = ConfigDict(extra="forbid")

    order_id: ExternalId
    updated_at: FactTime | None = Field(
        default=None, description="When this state was true; orders stale deliveries."
    )
    placed_at: FactTime
    currency: str = Field(min_length=3, max_length=3)
    customer: Customer
    items: list[OrderItem] = Field(min_length=1, max_length=1000)
    shipping_country: str | None = Field(default=None, min_length=2, max_length=2)
    b2b: bool = False
    paid_at: FactTime | None = None
    partially_fulfilled_at: FactTime | None = None
    fulfilled_at: FactTime | None = None
    delivered_at: FactTime | None = None
    cancelled_at: FactTime | None = None
    refunds: list[RefundDocument] = Field(default_factory=list, max_length=1000)
    returns: list[ReturnDocument] = Field(default_factory=list, max_length=1000)

    @model_validator(mode="after")
    def _nothing_long_before_it_was_placed(self) -> Self:
        earliest = self.placed_at - BEFORE_PLACED_TOLERANCE
        facts = [
            ("paid_at", self.paid_at),
            ("partially_fulfilled_at", self.partially_fulfilled_at),
            ("fulfilled_at", self.fulfilled_at),
            ("delivered_at", self.delivered_at),
            ("cancelled_at", self.cancelled_at),
        ]
        facts += [(f"refunds[{i}].refunded_at", r.refunded_at) for i, r in enumerate(self.refunds)]
        facts += [(f"returns[{i}].returned_at", r.returned_at) for i, r in enumerate(self.returns)]
        for name, value in facts:
            if value is not None and value < earliest:
                raise ValueError(f"{name} lies more than a day before placed_at")
        return self

    def to_facts(self, platform: Platform, received_at: datetime) -> OrderFacts:
        return OrderFacts(
            order_id=self.order_id,
            platform=platform,
            observed_at=self.updated_at or received_at,
            details=OrderDetails(
                placed_at=self.placed_at,
                currency=self.currency.upper(),
                customer=self.customer,
                items=tuple(self.items),
                shipping_country=self.shipping_country,
                b2b=self.b2b,
            ),
            paid_at=self.paid_at,
            partially_fulfilled_at=self.partially_fulfilled_at,
            fulfilled_at=self.fulfilled_at,
            delivered_at=self.delivered_at,
            cancelled_at=self.cancelled_at,
            refunds=tuple(
                RefundFact(r.refund_id, r.refunded_at, r.full, tuple(r.items)) for r in self.refunds
            ),
            returns=tuple(ReturnFact(r.return_id, r.returned_at) for r in self.returns),
        )
