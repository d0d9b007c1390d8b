"""Every event type on Kafka. Add a model here and to `Event`; nothing else parses messages.

Order events carry the few order facts their consumers need (items, dates, customer contact)
because no service may read ingest's tables; everything else travels as IDs.
"""

from decimal import Decimal
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, EmailStr, Field, TypeAdapter

from shared.events.envelope import EventEnvelope, ExternalId
from shared.topics import ORDERS, SURVEYS, TopicSpec

Platform = Literal["shopify", "woocommerce", "bigcommerce", "ecwid", "standard", "direct"]


class _Payload(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OrderItem(_Payload):
    product_id: ExternalId
    name: str = Field(max_length=500)
    category: str | None = Field(default=None, max_length=200)
    quantity: int = Field(ge=1, le=1_000_000)
    unit_price: Decimal = Field(ge=0, max_digits=18, decimal_places=4)


class Customer(_Payload):
    customer_id: ExternalId | None = None
    email: EmailStr | None = None
    locale: str | None = Field(default=None, max_length=35)
    country: str | None = Field(default=None, min_length=2, max_length=2)


class OrderRef(_Payload):
    order_id: ExternalId


class OrderPlacedPayload(OrderRef):
    platform: Platform
    placed_at: AwareDatetime
    currency: str = Field(min_length=3, max_length=3)
    customer: Customer
    items: list[OrderItem] = Field(min_length=1, max_length=1000)
    b2b: bool = False


class OrderFulfilledPayload(OrderRef):
    fulfilled_at: AwareDatetime


class OrderDeliveredPayload(OrderRef):
    delivered_at: AwareDatetime


class OrderCancelledPayload(OrderRef):
    cancelled_at: AwareDatetime


class OrderRefundedPayload(OrderRef):
    refunded_at: AwareDatetime
    full: bool
    product_ids: list[ExternalId] = Field(default_factory=list, max_length=1000)


OrderPayload = TypeVar("OrderPayload", bound=OrderRef)


class _OrderEvent(EventEnvelope[OrderPayload], Generic[OrderPayload]):
    topic: ClassVar[TopicSpec] = ORDERS

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.order_id}"


class OrderPlaced(_OrderEvent[OrderPlacedPayload]):
    type: Literal["order.placed"] = "order.placed"


class OrderFulfilled(_OrderEvent[OrderFulfilledPayload]):
    type: Literal["order.fulfilled"] = "order.fulfilled"


class OrderDelivered(_OrderEvent[OrderDeliveredPayload]):
    type: Literal["order.delivered"] = "order.delivered"


class OrderCancelled(_OrderEvent[OrderCancelledPayload]):
    type: Literal["order.cancelled"] = "order.cancelled"


class OrderRefunded(_OrderEvent[OrderRefundedPayload]):
    type: Literal["order.refunded"] = "order.refunded"


class SurveyScheduledPayload(_Payload):
    survey_id: int
    order_id: ExternalId
    due_at: AwareDatetime


class SurveyScheduled(EventEnvelope[SurveyScheduledPayload]):
    topic: ClassVar[TopicSpec] = SURVEYS
    type: Literal["survey.scheduled"] = "survey.scheduled"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.order_id}"


Event = Annotated[
    OrderPlaced
    | OrderFulfilled
    | OrderDelivered
    | OrderCancelled
    | OrderRefunded
    | SurveyScheduled,
    Field(discriminator="type"),
]

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def parse_event(raw: bytes | str) -> Event:
    """Raises pydantic.ValidationError on anything that is not a known, valid event."""
    return EVENT_ADAPTER.validate_json(raw)


def serialize_event(event: EventEnvelope[Any]) -> bytes:
    return event.model_dump_json().encode()
