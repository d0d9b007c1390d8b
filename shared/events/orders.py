"""Order lifecycle events, published by ingest on `reviewloop.orders`.

They carry the few order facts consumers need (items, dates, customer contact) because no
service may read ingest's tables. Event ids are derived from the fact itself (shop, order, type,
and refund or return id), so the same fact reported twice, by a retry, a second webhook topic or
a reconciliation import, is the same event and consumers drop the copy.
"""

from decimal import Decimal
from typing import ClassVar, Generic, Literal, TypeVar

from pydantic import AwareDatetime, EmailStr, Field

from shared.events.envelope import EventEnvelope, ExternalId
from shared.events.payload import Payload
from shared.topics import ORDERS, TopicSpec

Platform = Literal["shopify", "woocommerce", "bigcommerce", "ecwid", "standard", "direct"]
# What the platform says about the customer's email-marketing consent. "denied" is an explicit
# opt-out (honoured everywhere); "unknown" covers a platform that does not say, and a box left
# unticked at checkout, which is no consent but no objection either.
MarketingConsent = Literal["granted", "denied", "unknown"]
Money = Decimal


class OrderItem(Payload):
    product_id: ExternalId
    sku: str | None = Field(default=None, max_length=255)
    # Product identifiers where the platform gives them (Google's review feed matches products
    # by them). Left out of the JSON when unknown, so older consumers see the same items.
    gtin: str | None = Field(default=None, max_length=50, exclude_if=lambda value: value is None)
    mpn: str | None = Field(default=None, max_length=100, exclude_if=lambda value: value is None)
    brand: str | None = Field(default=None, max_length=255, exclude_if=lambda value: value is None)
    name: str = Field(max_length=500)
    category: str | None = Field(default=None, max_length=255)
    quantity: int = Field(ge=1, le=1_000_000)
    unit_price: Money = Field(ge=0, max_digits=18, decimal_places=4)


class Customer(Payload):
    customer_id: ExternalId | None = None
    email: EmailStr | None = None
    name: str | None = Field(default=None, max_length=255)
    locale: str | None = Field(default=None, max_length=35)
    country: str | None = Field(default=None, min_length=2, max_length=2)
    # Defaulted: events published before it existed stay valid (and say nothing).
    marketing_consent: MarketingConsent = "unknown"


class OrderRef(Payload):
    order_id: ExternalId


class OrderPlacedPayload(OrderRef):
    platform: Platform
    placed_at: AwareDatetime
    currency: str = Field(min_length=3, max_length=3)
    customer: Customer
    items: list[OrderItem] = Field(min_length=1, max_length=1000)
    shipping_country: str | None = Field(default=None, min_length=2, max_length=2)
    b2b: bool = False


class OrderPaidPayload(OrderRef):
    paid_at: AwareDatetime


class OrderFulfilledPayload(OrderRef):
    fulfilled_at: AwareDatetime
    partial: bool = False


class OrderDeliveredPayload(OrderRef):
    delivered_at: AwareDatetime


class OrderCancelledPayload(OrderRef):
    cancelled_at: AwareDatetime


class RefundedItem(Payload):
    product_id: ExternalId
    quantity: int = Field(ge=0, le=1_000_000)


class OrderRefundedPayload(OrderRef):
    refund_id: ExternalId
    refunded_at: AwareDatetime
    full: bool
    items: list[RefundedItem] = Field(default_factory=list, max_length=1000)


class OrderReturnedPayload(OrderRef):
    return_id: ExternalId
    returned_at: AwareDatetime


P = TypeVar("P", bound=OrderRef)


class _OrderEvent(EventEnvelope[P], Generic[P]):
    topic: ClassVar[TopicSpec] = ORDERS

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.order_id}"


class OrderPlaced(_OrderEvent[OrderPlacedPayload]):
    type: Literal["order.placed"] = "order.placed"


class OrderPaid(_OrderEvent[OrderPaidPayload]):
    type: Literal["order.paid"] = "order.paid"


class OrderFulfilled(_OrderEvent[OrderFulfilledPayload]):
    type: Literal["order.fulfilled"] = "order.fulfilled"


class OrderDelivered(_OrderEvent[OrderDeliveredPayload]):
    type: Literal["order.delivered"] = "order.delivered"


class OrderCancelled(_OrderEvent[OrderCancelledPayload]):
    type: Literal["order.cancelled"] = "order.cancelled"


class OrderRefunded(_OrderEvent[OrderRefundedPayload]):
    type: Literal["order.refunded"] = "order.refunded"


class OrderReturned(_OrderEvent[OrderReturnedPayload]):
    type: Literal["order.returned"] = "order.returned"
