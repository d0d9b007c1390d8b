"""Survey events, published by the survey service on `reviewloop.surveys`."""

from typing import ClassVar, Literal

from pydantic import AwareDatetime, Field

from shared.events.envelope import EventEnvelope, ExternalId
from shared.events.payload import Payload
from shared.topics import SURVEYS, TopicSpec


class SurveyScheduledPayload(Payload):
    survey_id: int
    order_id: ExternalId
    due_at: AwareDatetime


class SurveyAnsweredPayload(Payload):
    survey_id: int
    order_id: ExternalId
    nps: int | None = Field(default=None, ge=0, le=10)
    comment: str | None = Field(default=None, max_length=5000)
    language: str | None = Field(default=None, max_length=35)
    review_ids: list[ExternalId] = Field(default_factory=list, max_length=100)
    answered_at: AwareDatetime


class SurveyScheduled(EventEnvelope[SurveyScheduledPayload]):
    topic: ClassVar[TopicSpec] = SURVEYS
    type: Literal["survey.scheduled"] = "survey.scheduled"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.order_id}"


class SurveyAnswered(EventEnvelope[SurveyAnsweredPayload]):
    topic: ClassVar[TopicSpec] = SURVEYS
    type: Literal["survey.answered"] = "survey.answered"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.order_id}"
