"""What goes in and what comes out of every classifier, whichever model is behind it."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.events.reviews import ReviewClassification, Scored

SentimentLabel = Literal["negative", "neutral", "positive"]
SeverityLevel = Literal["low", "medium", "high"]
SeverityReason = Literal[
    "health_injury",
    "safety",
    "legal_threat",
    "fraud_claim",
    "chargeback_threat",
    "negative_review",
]
TopicName = Literal[
    "delivery_delay",
    "damaged_packaging",
    "product_quality",
    "wrong_item",
    "size_fit",
    "price_value",
    "customs_fees",
    "returns_refunds",
    "customer_service",
    "website_checkout",
    "praise",
]
AbuseSignal = Literal["profanity", "personal_data", "spam", "off_target", "unverified"]
QuestionType = Literal["shipping_time", "opening_hours", "free_delivery", "stock", "other"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ReviewInput(_Frozen):
    text: str | None = None
    title: str | None = None
    rating: int | None = Field(default=None, ge=1, le=5)
    declared_language: str | None = Field(default=None, max_length=35)
    verified_purchase: bool = False


class Language(_Frozen):
    code: str = Field(max_length=8)  # ISO 639-1, or "und"
    confidence: float = Field(ge=0, le=1)


class Sentiment(_Frozen):
    label: SentimentLabel
    confidence: float = Field(ge=0, le=1)
    from_text: SentimentLabel | None
    from_stars: SentimentLabel | None


class Severity(_Frozen):
    level: SeverityLevel
    reasons: list[SeverityReason]
    confidence: float = Field(ge=0, le=1)


class Topic(_Frozen):
    name: TopicName
    confidence: float = Field(ge=0, le=1)


class Abuse(_Frozen):
    signal: AbuseSignal
    confidence: float = Field(ge=0, le=1)


class Question(_Frozen):
    type: QuestionType
    confidence: float = Field(ge=0, le=1)


class Classification(_Frozen):
    model_version: str = Field(max_length=64)
    language: Language
    sentiment: Sentiment
    star_text_mismatch: bool
    severity: Severity
    topics: list[Topic]
    abuse: list[Abuse]
    removal_candidate: bool
    question: Question | None
    # The text says "unfortunately" or its kin (lexicons/sentiment.py REGRET): something went
    # wrong, however the rest reads; automatic replies leave it to a person.
    regret: bool = False
    explanations: list[str]

    def to_event(self) -> ReviewClassification:
        """The flat form carried by `review.classified` (shared/events/reviews.py)."""
        return ReviewClassification(
            model_version=self.model_version,
            language=self.language.code,
            language_confidence=self.language.confidence,
            sentiment=self.sentiment.label,
            sentiment_confidence=self.sentiment.confidence,
            star_text_mismatch=self.star_text_mismatch,
            severity=self.severity.level,
            severity_reasons=list(self.severity.reasons)[:20],
            topics=[Scored(name=t.name, confidence=t.confidence) for t in self.topics][:20],
            abuse=[Scored(name=a.signal, confidence=a.confidence) for a in self.abuse][:10],
            removal_candidate=self.removal_candidate,
            question=(
                Scored(name=self.question.type, confidence=self.question.confidence)
                if self.question
                else None
            ),
            regret=self.regret,
            explanations=self.explanations[:30],
        )
