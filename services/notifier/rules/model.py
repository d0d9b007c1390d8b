"""Alert rules: which reviews, to whom, how. Matching is a pure function."""

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.events.reviews import ReviewClassifiedPayload

SEVERITY_ORDER = {"low": 0, "medium": 1, "high": 2}


class RuleFilters(BaseModel):
    """Every filter that is set must hold; `any_of_negative_or_severe` is the default rule's."""

    model_config = ConfigDict(extra="forbid")

    sentiments: list[Literal["negative", "neutral", "positive"]] | None = None
    min_severity: Literal["low", "medium", "high"] | None = None
    max_rating: int | None = Field(default=None, ge=1, le=5)
    topics: list[str] | None = None
    sources: list[str] | None = None
    removal_candidate: bool | None = None
    languages: list[str] | None = None
    negative_or_severe: bool = False

    def matches(self, review: ReviewClassifiedPayload) -> bool:
        c = review.classification
        if self.negative_or_severe and not (c.sentiment == "negative" or c.severity == "high"):
            return False
        if self.sentiments is not None and c.sentiment not in self.sentiments:
            return False
        if self.min_severity is not None and (
            SEVERITY_ORDER[c.severity] < SEVERITY_ORDER[self.min_severity]
        ):
            return False
        if self.max_rating is not None and (
            review.rating is None or review.rating > self.max_rating
        ):
            return False
        if self.topics is not None and not {t.name for t in c.topics} & set(self.topics):
            return False
        if self.sources is not None and review.source not in self.sources:
            return False
        if self.removal_candidate is not None and c.removal_candidate != self.removal_candidate:
            return False
        return self.languages is None or c.language in self.languages


@dataclass(frozen=True)
class Rule:
    id: int | None  # None: the built-in default rule
    shop_id: str
    name: str
    channel: Literal["email", "webhook"]
    recipients: list[str] = field(default_factory=list)
    url: str | None = None
    format: Literal["standard", "slack"] = "standard"
    secret: str | None = None
    mode: Literal["immediate", "digest"] = "immediate"
    filters: RuleFilters = field(default_factory=RuleFilters)

    @property
    def key(self) -> str:
        return "default" if self.id is None else str(self.id)


def default_rule(shop_id: str, recipients: list[str]) -> Rule | None:
    """The rule of a shop without rules of its own: negative or severe reviews to the alert
    recipients of the registry's profile (`ShopUpdatedPayload.alert_to`)."""
    if not recipients:
        return None
    return Rule(
        id=None,
        shop_id=shop_id,
        name="Negative or severe reviews to the shop's alert recipients",
        channel="email",
        recipients=list(recipients),
        filters=RuleFilters(negative_or_severe=True),
    )
