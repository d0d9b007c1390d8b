"""Reply events, published by the responder on `reviewloop.replies`."""

from typing import ClassVar, Literal

from pydantic import AwareDatetime

from shared.events.envelope import EventEnvelope, ExternalId
from shared.events.payload import Payload
from shared.topics import REPLIES, TopicSpec


class ReplyPublishedPayload(Payload):
    review_id: ExternalId
    reply_id: ExternalId
    published_at: AwareDatetime


class ReplyPublished(EventEnvelope[ReplyPublishedPayload]):
    """A reply is public: the review is answered and its SLA timers stop."""

    topic: ClassVar[TopicSpec] = REPLIES
    type: Literal["review.reply.published"] = "review.reply.published"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.review_id}"
