"""Event contracts: one envelope, one discriminated union, one TypeAdapter."""

from shared.events.catalogue import EVENT_ADAPTER, Event, parse_event, serialize_event
from shared.events.envelope import EventEnvelope, ShopId
from shared.events.orders import (
    OrderCancelled,
    OrderDelivered,
    OrderFulfilled,
    OrderPaid,
    OrderPlaced,
    OrderRefunded,
    OrderReturned,
)
from shared.events.privacy import (
    CustomerDataExported,
    CustomerDataRequested,
    CustomerRedactRequested,
    ShopRedactRequested,
)
from shared.events.replies import CaseFollowUpRequested, ReplyPublished
from shared.events.reviews import ReviewClassified, ReviewDeleted, ReviewSubmitted
from shared.events.shops import ShopUpdated
from shared.events.surveys import SurveyAnswered, SurveyScheduled

__all__ = [
    "EVENT_ADAPTER",
    "CaseFollowUpRequested",
    "CustomerDataExported",
    "CustomerDataRequested",
    "CustomerRedactRequested",
    "Event",
    "EventEnvelope",
    "OrderCancelled",
    "OrderDelivered",
    "OrderFulfilled",
    "OrderPaid",
    "OrderPlaced",
    "OrderRefunded",
    "OrderReturned",
    "ReplyPublished",
    "ReviewClassified",
    "ReviewDeleted",
    "ReviewSubmitted",
    "ShopId",
    "ShopRedactRequested",
    "ShopUpdated",
    "SurveyAnswered",
    "SurveyScheduled",
    "parse_event",
    "serialize_event",
]
