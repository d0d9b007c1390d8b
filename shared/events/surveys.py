"""Survey events, published by the survey service on `reviewloop.surveys`."""

from typing import ClassVar, Literal

from pydantic import AwareDatetime

from shared.events.envelope import EventEnvelope, ExternalId
from shared.events.payload import Payload
from shared.topics import SURVEYS, TopicSpec


class SurveyScheduledPayload(Payload):
    survey_id: int
    order_id: ExternalId
    due_at: AwareDatetime


class SurveyScheduled(EventEnvelope[SurveyScheduledPayload]):
    topic: ClassVar[TopicSpec] = SURVEYS
    type: Literal["survey.scheduled"] = "survey.scheduled"

    def partition_key(self) -> str:
        return f"{self.shop_id}:{self.payload.order_id}"
