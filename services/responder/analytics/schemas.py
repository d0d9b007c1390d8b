"""The answer of `GET /v1/analytics`."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from services.responder.analytics.nps import Nps, Variant


class Period(BaseModel):
    # "from" is a keyword: the fields have Python names and the published ones as aliases.
    model_config = ConfigDict(populate_by_name=True)

    since: datetime = Field(alias="from")
    until: datetime = Field(alias="to")


class NegativeShare(BaseModel):
    value: float | None
    threshold: float
    above_threshold: bool


class FirstReply(BaseModel):
    answered: int
    unanswered: int
    median_hours: float | None
    p90_hours: float | None


class WithinSla(BaseModel):
    """Of the negatives whose outcome is known (answered, or past the SLA)."""

    within: int
    decided: int
    share: float | None


class TopicTrend(BaseModel):
    topic: str
    count: int
    share: float | None
    previous_count: int
    change: int


class Cases(BaseModel):
    opened: int
    resolved: int
    resolution_rate: float | None


class NpsReport(BaseModel):
    standard: Nps
    european: Nps
    preferred: Variant


class SurveyResponseRates(BaseModel):
    source: str = Field(description="Where the survey service reports them.")


class Analytics(BaseModel):
    """Reviews created in [from, to), against the period of the same length before it."""

    model_config = ConfigDict(populate_by_name=True)

    shop_id: str
    since: datetime = Field(alias="from")
    until: datetime = Field(alias="to")
    volume: int
    average_rating: float | None
    rated: int
    sentiments: dict[str, int]
    sentiment_shares: dict[str, float | None]
    negative_share: NegativeShare
    first_reply_to_negatives: FirstReply
    negatives_within_sla: WithinSla
    top_topics: list[TopicTrend]
    previous_period: Period
    cases: Cases
    nps: NpsReport
    survey_response_rates: SurveyResponseRates
