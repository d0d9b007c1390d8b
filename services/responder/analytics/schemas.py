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


class WeekTopic(BaseModel):
    topic: str
    count: int
    previous_count: int = Field(description="In the week before.")
    change: int


class Week(BaseModel):
    """One UTC week, Monday 00:00 to Monday 00:00 (the current week up to now)."""

    model_config = ConfigDict(populate_by_name=True)

    since: datetime = Field(alias="from")
    until: datetime = Field(alias="to")
    volume: int
    negative: int
    negative_share: float | None
    above_threshold: bool = Field(description="negative_share > threshold.")
    first_reply_to_negatives: FirstReply
    negatives_within_sla: WithinSla
    nps: dict[Variant, Nps]
    topics: list[WeekTopic] = Field(
        description="Every topic of this week or the week before, most frequent first."
    )


class WeeklyAnalytics(BaseModel):
    """The last `weeks` UTC weeks of a shop, oldest first; the last one is the current week."""

    shop_id: str
    weeks: int
    threshold: float = Field(description="The negative-share line (10 %).")
    sla_hours: int = Field(description="The shop's reply SLA from its registry profile.")
    business_hours_only: bool = Field(description="Whether the SLA counts working hours only.")
    preferred_nps: Variant
    series: list[Week]
