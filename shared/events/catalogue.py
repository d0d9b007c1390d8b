"""The one union of every event on Kafka. Add a model in its module and to `Event`; nothing
else parses messages."""

from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from shared.events.envelope import EventEnvelope
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
from shared.events.replies import (
    CaseFollowUpRequested,
    ReplyPublished,
    ReviewModerated,
    ReviewSentimentCorrected,
)
from shared.events.reviews import ReviewClassified, ReviewDeleted, ReviewSubmitted
from shared.events.shops import ShopConnectorChanged, ShopReviewPolicyChanged, ShopUpdated
from shared.events.surveys import SurveyAnswered, SurveyScheduled

Event = Annotated[
    OrderPlaced
    | OrderPaid
    | OrderFulfilled
    | OrderDelivered
    | OrderCancelled
    | OrderRefunded
    | OrderReturned
    | SurveyScheduled
    | SurveyAnswered
    | ReviewSubmitted
    | ReviewClassified
    | ReviewDeleted
    | ReplyPublished
    | CaseFollowUpRequested
    | ReviewModerated
    | ReviewSentimentCorrected
    | ShopUpdated
    | ShopConnectorChanged
    | ShopReviewPolicyChanged
    | CustomerRedactRequested
    | CustomerDataRequested
    | CustomerDataExported
    | ShopRedactRequested,
    Field(discriminator="type"),
]

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def parse_event(raw: bytes | str) -> Event:
    """Raises pydantic.ValidationError on anything that is not a known, valid event."""
    return EVENT_ADAPTER.validate_json(raw)


def serialize_event(event: EventEnvelope[Any]) -> bytes:
    return event.model_dump_json().encode()
