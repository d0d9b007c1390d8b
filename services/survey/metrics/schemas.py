"""The body of `GET /v1/shops/{shop_id}/survey-metrics`."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from services.survey.metrics.nps import Variant


class CategoryRates(BaseModel):
    category: str
    sent: int
    answered: int
    response_rate: float | None
    typical_response_rate: float | None = Field(
        description="What surveys of this category usually get; null when not known."
    )


class NpsScore(BaseModel):
    responses: int
    promoters: int
    passives: int
    detractors: int
    score: float | None = Field(description="-100..100; null without responses.")


class NpsVariants(BaseModel):
    standard: NpsScore
    european: NpsScore
    preferred: Variant = Field(description="The variant for the shop's country.")


class SurveyMetrics(BaseModel):
    # `from` and `to` are Python keywords: the fields have other names and keep those on the wire.
    model_config = ConfigDict(populate_by_name=True)

    shop_id: str
    since: datetime = Field(alias="from")
    until: datetime = Field(alias="to")
    scheduled: int = Field(description="Invitations of surveys created in the period.")
    sent: int
    skipped: dict[str, int] = Field(description="Skipped invitations by reason.")
    failed: int
    unknown: int
    opened: int
    answered: int
    response_rate: float | None
    by_category: list[CategoryRates]
    nps: NpsVariants
