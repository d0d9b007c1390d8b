"""A shop's responder settings. Defaults are safe: 24-hour SLA, only managers approve, no
automatic replies."""

from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl

from shared.events.reviews import Sentiment

SUPPORTED_LANGUAGES = ("en", "de", "sl", "lv", "ro")


def _positive() -> list[Sentiment]:
    return ["positive"]


class Automation(BaseModel):
    """What a shop opts into. The policy in `replies/policy.py` decides in code whatever this
    says: negatives, severe reviews and unsure classifications always wait for a person."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = False
    sentiments: list[Sentiment] = Field(default_factory=_positive, max_length=3)
    questions: bool = False
    delay_minutes: int = Field(default=0, ge=0, le=7 * 24 * 60)
    # Classifier confidence needed; the policy never goes below its own floor (0.8).
    min_confidence: float = Field(default=0.85, ge=0, le=1)


class ShopSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sla_hours: int = Field(default=24, ge=1, le=24 * 30)
    # An unanswered review is "due soon" this long before its SLA ends.
    due_soon_hours: int = Field(default=4, ge=0, le=24 * 30)
    agents_can_approve: bool = False
    # The private channel replies invite customers to; never a customer's own data.
    contact_url: HttpUrl | None = None
    contact_email: EmailStr | None = None
    contact_phone: str | None = Field(default=None, max_length=40)
    signature: str | None = Field(default=None, max_length=200)
    # The shop's real remedies, by topic ("damaged_packaging"), optionally per language
    # ("damaged_packaging:de"); "default" for any topic.
    remedies: dict[str, str] = Field(default_factory=dict, max_length=200)
    # Answers to FAQ-type questions ("shipping_time", "opening_hours", "free_delivery",
    # "stock"), optionally per language ("shipping_time:de").
    faq_answers: dict[str, str] = Field(default_factory=dict, max_length=200)
    max_reply_chars_negative: int = Field(default=600, ge=100, le=5000)
    max_reply_chars: int = Field(default=1000, ge=100, le=5000)
    automation: Automation = Field(default_factory=Automation)

    def contact(self) -> str | None:
        if self.contact_url:
            return str(self.contact_url)
        return str(self.contact_email) if self.contact_email else None

    def allowed_contacts(self) -> set[str]:
        """The shop's own addresses, which replies may show."""
        return {
            v.lower()
            for v in (
                str(self.contact_email) if self.contact_email else None,
                self.contact_phone,
                str(self.contact_url) if self.contact_url else None,
            )
            if v
        }

    def lookup(self, table: dict[str, str], key: str, language: str) -> str | None:
        return table.get(f"{key}:{language}") or table.get(key)
