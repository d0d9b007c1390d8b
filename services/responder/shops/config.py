"""A shop's responder settings (what only the responder uses) and the contact it learns from
the shop registry. Defaults are safe: only managers approve, no automatic replies."""

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from shared.events.reviews import Sentiment
from shared.events.shops import ShopUpdatedPayload

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

    agents_can_approve: bool = False
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

    @classmethod
    def stored(cls, raw: dict[str, Any] | None) -> "ShopSettings":
        """Settings as stored, including rows written before the SLA and the contact moved to
        the registry: their old members are dropped (the registry's values are the ones)."""
        return cls.model_validate({k: v for k, v in (raw or {}).items() if k not in MOVED})

    def lookup(self, table: dict[str, str], key: str, language: str) -> str | None:
        return table.get(f"{key}:{language}") or table.get(key)


# Members these settings once had, now owned by the shop registry and learned from
# `shop.updated` (docs/configuration.md); a change naming one is refused with where to make it.
# With each one's name in the registry's profile.
MOVED = {
    "sla_hours": "sla.hours",
    "due_soon_hours": "sla.due_soon_hours",
    "contact_url": "contact_url",
    "contact_email": "contact_email",
    "contact_phone": "contact_phone",
}


@dataclass(frozen=True)
class Contact:
    """The private channel replies invite customers to (never a customer's own data), as the
    registry's profile names it."""

    url: str | None = None
    email: str | None = None
    phone: str | None = None

    @classmethod
    def of(cls, profile: ShopUpdatedPayload | None) -> "Contact":
        if profile is None:
            return cls()
        url = str(profile.contact_url) if profile.contact_url else None
        return cls(url, profile.contact_email, profile.contact_phone)

    def preferred(self) -> str | None:
        """A page before an address: what a reply names as the way to reach the shop."""
        return self.url or self.email

    def allowed(self) -> set[str]:
        """The shop's own addresses, which replies may show."""
        return {v.lower() for v in (self.email, self.phone, self.url) if v}
