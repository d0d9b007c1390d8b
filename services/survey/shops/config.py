"""A shop's survey settings: timing, window, reminders, branding. Every field has a default, so
a shop works before anyone configures it."""

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, model_validator

from services.survey.scheduling.consent import ConsentPolicy
from shared.categories import starts_a_word
from shared.time_bounds import DelayDays

# Printable text only: these values end up in emails and pages.
_PRINTABLE = r"^[^\x00-\x1f\x7f]*$"
# A category key is matched as a substring: an empty one would match every product.
CategoryKey = Annotated[str, StringConstraints(min_length=1, max_length=60)]
MAX_CATEGORY_DELAYS = 100

# Days of use after delivery before asking, by product category (matched at the start of a word
# of the platform's category or product type, lower-cased). Consumables are judged fast;
# furniture and electronics need weeks of use.
DEFAULT_CATEGORY_DELAYS: dict[str, int] = {
    "food": 3,
    "grocery": 3,
    "beverage": 3,
    "cosmetic": 7,
    "beauty": 7,
    "pet": 5,
    "clothing": 7,
    "apparel": 7,
    "fashion": 7,
    "shoe": 10,
    "toy": 7,
    "book": 14,
    "sport": 14,
    "garden": 14,
    "plumbing": 14,
    "home": 14,
    "electronic": 21,
    "computer": 21,
    "furniture": 21,
}


class Brand(BaseModel):
    model_config = ConfigDict(extra="forbid")

    logo_url: HttpUrl | None = None
    primary_color: str = Field(default="#1f6feb", pattern=r"^#[0-9a-fA-F]{6}$")


class ReviewPlatformLink(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=60, pattern=_PRINTABLE)
    url: HttpUrl


class SurveyShopSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Shops of one merchant share unsubscribes and the cooldown.
    tenant_group: str | None = Field(default=None, min_length=1, max_length=64, pattern=_PRINTABLE)
    # Bounded: every later order of the category adds this delay to its dates, and every order
    # is matched against every key.
    category_delays_days: dict[CategoryKey, DelayDays] = Field(
        default_factory=dict, max_length=MAX_CATEGORY_DELAYS
    )
    default_delay_days: int = Field(default=10, ge=0, le=365)
    domestic_shipping_days: int = Field(default=3, ge=0, le=90)
    international_shipping_days: int = Field(default=10, ge=0, le=120)
    fallback_days: int = Field(default=14, ge=0, le=365)
    send_window_start_hour: int = Field(default=10, ge=0, le=23)
    send_window_end_hour: int = Field(default=18, ge=1, le=24)
    skip_sundays: bool = True
    reminder_enabled: bool = True
    reminder_delay_days: int = Field(default=5, ge=1, le=60)
    max_products: int = Field(default=5, ge=1, le=20)
    cooldown_days: int = Field(default=30, ge=0, le=365)
    # Orders whose goods arrived longer ago than this are never surveyed (skip reason
    # `too_old`), so a first webhook or a backfill of old orders mails nobody.
    max_order_age_days: int = Field(default=60, ge=7, le=365)
    survey_b2b: bool = False
    # One email after a support case is resolved, asking how it went. The delay gives the
    # resolution (a replacement, a refund) time to reach the customer before asking.
    follow_up_enabled: bool = True
    follow_up_delay_days: int = Field(default=2, ge=0, le=30)
    # Offered to every respondent alike, whatever they answer; never tied to the rating.
    incentive_code: str | None = Field(default=None, max_length=64, pattern=_PRINTABLE)
    brand: Brand = Field(default_factory=Brand)
    review_platforms: list[ReviewPlatformLink] = Field(default_factory=list, max_length=5)
    # What a send needs per customer country (consent, or the existing-customer notice); a
    # platform opt-out is honoured everywhere. Defaults: DE and AT need consent or the notice.
    consent: ConsentPolicy = Field(default_factory=ConsentPolicy)
    # A refunded or returned order still gets a survey, about the shop and the service only
    # (no product ratings): leaving them out would ask only the customers who kept their goods,
    # the no-gating choice. "none" leaves them out (skip reason `refunded` / `returned`).
    refunded_orders: Literal["service_survey", "none"] = "service_survey"

    @model_validator(mode="after")
    def _window_is_not_empty(self) -> Self:
        if self.send_window_end_hour <= self.send_window_start_hour:
            raise ValueError("send_window_end_hour must be after send_window_start_hour")
        return self

    def delay_for(self, category: str | None) -> int:
        key = self.delay_key(category)
        if key is None:
            return self.default_delay_days
        return {**DEFAULT_CATEGORY_DELAYS, **self.category_delays_days}[key]

    def delay_key(self, category: str | None) -> str | None:
        """The category key that decides the delay (None: the default), which the
        explanation of a due time names. A shop's own key matches anywhere in the category
        (its own words, compounds too: "schuhe" in "Damenschuhe"); a built-in key only at the
        start of a word ("pet" in "Pet supplies" and "Pets", not in "Carpets")."""
        if category:
            lowered = category.lower()
            delays = {**DEFAULT_CATEGORY_DELAYS, **self.category_delays_days}
            # Longest key first, so "home electronics" matches "electronic" before "home".
            for key in sorted(delays, key=len, reverse=True):
                if key in self.category_delays_days:
                    if key.lower() in lowered:
                        return key
                elif starts_a_word(key, lowered):
                    return key
        return None
