"""Reply events, published by the responder on `reviewloop.replies`."""

from typing import ClassVar, Literal

from pydantic import AwareDatetime, Field

from shared.events.envelope import EventEnvelope, ExternalId
from shared.events.payload import Payload
from shared.events.reviews import Sentiment
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


class ReviewSentimentCorrectedPayload(Payload):
    review_id: ExternalId
    # The review's sentiment from now on: the person's (`by_staff`), or the classifier's again.
    sentiment: Sentiment
    by_staff: bool
    corrected_at: AwareDatetime


class ReviewSentimentCorrected(EventEnvelope[ReviewSentimentCorrectedPayload]):
    """A person corrected the classifier's sentiment in the responder (or took a correction
    back, or an edit read as negative took a positive or neutral one back): later
    classifications of the review keep it; the notifier escalates by it."""

    topic: ClassVar[TopicSpec] = REPLIES
    type: Literal["review.sentiment.corrected"] = "review.sentiment.corrected"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.review_id}"


class CaseFollowUpRequestedPayload(Payload):
    """A case was resolved: the customer may get one follow-up email asking how it went (and
    may be told, politely, that they can update their review; never in exchange for anything).
    Whoever holds the customer's address (the survey service) sends it; the responder has none."""

    case_id: int
    case_key: str = Field(max_length=300)
    # The review the case was resolved through; `review_ids` lists every review of the case.
    review_id: ExternalId
    review_ids: list[ExternalId] = Field(min_length=1, max_length=100)
    order_id: ExternalId | None = None
    language: str = Field(max_length=8)
    resolved_at: AwareDatetime


class CaseFollowUpRequested(EventEnvelope[CaseFollowUpRequestedPayload]):
    topic: ClassVar[TopicSpec] = REPLIES
    type: Literal["case.follow_up_requested"] = "case.follow_up_requested"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.review_id}"


# The only reasons a survey review may be held or rejected (issue 20; docs/public-reviews.md).
# A rating, a sentiment or "negative" is never one: 16 CFR 465.7, UCPD Annex I 23c.
ModerationReason = Literal[
    "insult_or_hate",
    "personal_data",
    "spam_or_advertising",
    "off_target",
    "illegal_content",
    "not_a_buyer",
]
MODERATION_REASONS: tuple[ModerationReason, ...] = (
    "insult_or_hate",
    "personal_data",
    "spam_or_advertising",
    "off_target",
    "illegal_content",
    "not_a_buyer",
)


class ReviewModeratedPayload(Payload):
    """A moderation decision on a review shown to shoppers. The survey service (which holds the
    reviewer's address) tells the reviewer about a rejection and its reason."""

    review_id: ExternalId
    order_id: ExternalId | None = None
    decision: Literal["published", "held", "rejected", "redacted"]
    reason: ModerationReason | None = None
    language: str = Field(max_length=8)
    decided_at: AwareDatetime


class ReviewModerated(EventEnvelope[ReviewModeratedPayload]):
    topic: ClassVar[TopicSpec] = REPLIES
    type: Literal["review.moderated"] = "review.moderated"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.review_id}"
