"""Event contracts: one envelope, one discriminated union, one TypeAdapter."""

from shared.events.catalogue import (
    EVENT_ADAPTER,
    Event,
    OrderCancelled,
    OrderDelivered,
    OrderFulfilled,
    OrderPlaced,
    OrderRefunded,
    SurveyScheduled,
    parse_event,
    serialize_event,
)
from shared.events.envelope import EventEnvelope, ShopId

__all__ = [
    "EVENT_ADAPTER",
    "Event",
    "EventEnvelope",
    "OrderCancelled",
    "OrderDelivered",
    "OrderFulfilled",
    "OrderPlaced",
    "OrderRefunded",
    "ShopId",
    "SurveyScheduled",
    "parse_event",
    "serialize_event",
]
