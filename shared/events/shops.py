"""Shop (tenant) events on `reviewloop.shops`.

`shop.updated` is published by ingest's shop registry, the one owner of the shop's profile:
identity, locale, time zone, contact, alert recipients and the reply SLA
(docs/configuration.md has the whole ownership table). It carries the whole profile every time
(event-carried state) with the registry's `version` of it, so a consumer keeps the newest
version it has seen and a replay of the topic, or an old copy arriving late, changes nothing.
Secrets never leave ingest.

`shop.connector.changed` is published by the responder when a shop's reply connector for a
platform is set or removed, so the registry's readiness checklist knows without reading the
responder's tables.

`shop.review_policy.changed` is published by the survey service, the owner of the survey
settings, whenever the facts of how it invites customers change (and for every profile it
applies, so a shop registered before the event existed is announced too): the responder's
public disclosure page ("how we collect, verify and moderate reviews") states them. Facts only,
no personal data: the incentive code itself stays in the survey.
"""

from typing import ClassVar, Literal

from pydantic import EmailStr, Field, HttpUrl, model_validator

from shared.events.envelope import ShopKeyedEvent
from shared.events.orders import Platform
from shared.events.payload import Payload
from shared.time_bounds import DelayDays
from shared.topics import SHOPS, TopicSpec

# Bounds shared by the registry's API and the event, so no copy can hold what the owner refuses.
MAX_RECIPIENTS = 20
MAX_SLA_HOURS = 24 * 30


class Sla(Payload):
    """The one reply SLA: the notifier escalates by it, the responder shows due times by it."""

    hours: int = Field(default=24, ge=1, le=MAX_SLA_HOURS)
    # An unanswered review is "due soon" this long before its SLA ends.
    due_soon_hours: int = Field(default=4, ge=0, le=MAX_SLA_HOURS)
    # Count the SLA only on working hours (Mon-Fri, start..end, the shop's local time).
    business_hours_only: bool = False
    business_start_hour: int = Field(default=9, ge=0, le=23)
    business_end_hour: int = Field(default=17, ge=1, le=24)

    @model_validator(mode="after")
    def _a_working_day_has_hours(self) -> "Sla":
        if self.business_end_hour <= self.business_start_hour:
            raise ValueError("business_end_hour must be after business_start_hour")
        return self


class ShopUpdatedPayload(Payload):
    # The registry's revision of this profile; 0 in events from before versions existed.
    version: int = Field(default=0, ge=0)
    platform: Platform
    display_name: str = Field(max_length=255)
    locale: str = Field(max_length=35)
    country: str = Field(min_length=2, max_length=2)
    timezone: str = Field(max_length=64)
    # Where customers reach the shop: survey emails' Reply-To, the private channel replies
    # invite to, and the alert recipient of last resort.
    contact_email: str | None = Field(default=None, max_length=254)
    contact_url: HttpUrl | None = None
    contact_phone: str | None = Field(default=None, max_length=40)
    # Who is alerted at once about a negative or severe review, and who when it stays unanswered.
    alert_recipients: list[EmailStr] = Field(default_factory=list, max_length=MAX_RECIPIENTS)
    escalation_recipients: list[EmailStr] = Field(default_factory=list, max_length=MAX_RECIPIENTS)
    sla: Sla = Field(default_factory=Sla)

    def alert_to(self) -> list[str]:
        """Alert recipients, else the contact address, else nobody (recorded as unroutable)."""
        if self.alert_recipients:
            return [str(a) for a in self.alert_recipients]
        return [self.contact_email] if self.contact_email else []

    def escalate_to(self) -> list[str]:
        return [str(a) for a in self.escalation_recipients] or self.alert_to()


class ShopUpdated(ShopKeyedEvent[ShopUpdatedPayload]):
    topic: ClassVar[TopicSpec] = SHOPS
    type: Literal["shop.updated"] = "shop.updated"


ConnectorPlatform = Literal["webhook", "trustpilot", "google"]


class ShopConnectorChangedPayload(Payload):
    platform: ConnectorPlatform
    connected: bool


class ShopConnectorChanged(ShopKeyedEvent[ShopConnectorChangedPayload]):
    topic: ClassVar[TopicSpec] = SHOPS
    type: Literal["shop.connector.changed"] = "shop.connector.changed"


PolicyConsentRule = Literal["none", "consent", "consent_or_notice"]


class ReviewPolicyConsent(Payload):
    """What a survey email needs, by the customer's country (the survey's consent policy)."""

    countries: dict[str, PolicyConsentRule] = Field(default_factory=dict, max_length=300)
    default: PolicyConsentRule = "none"
    # The shop declares it gives the existing-customer notice (§7(3) UWG and the like).
    existing_customer_notice: bool = False


class ShopReviewPolicyChangedPayload(Payload):
    # The survey settings' version these facts come from (0: the defaults, never changed), so a
    # consumer keeps the newest and a replay changes nothing.
    version: int = Field(ge=0)
    # Days of use after delivery before the invitation, per category key (matched as a
    # substring of the product's category), and for any other product.
    category_delays_days: dict[str, DelayDays] = Field(default_factory=dict, max_length=300)
    default_delay_days: int = Field(ge=0, le=365)
    reminder_enabled: bool
    reminder_delay_days: int = Field(ge=0, le=365)
    consent: ReviewPolicyConsent = Field(default_factory=ReviewPolicyConsent)
    # An incentive exists, offered to every respondent alike (never the code itself).
    incentive_offered: bool
    # Refunded or returned orders still get a survey about the shop and its service.
    refunded_orders_surveyed: bool
    # Business customers are asked too.
    b2b_surveyed: bool
    # One address is invited at most once in this many days (0: every order).
    cooldown_days: int = Field(ge=0, le=365)
    # Orders whose goods arrived longer ago than this are never surveyed.
    max_order_age_days: int = Field(ge=0, le=365)


class ShopReviewPolicyChanged(ShopKeyedEvent[ShopReviewPolicyChangedPayload]):
    topic: ClassVar[TopicSpec] = SHOPS
    type: Literal["shop.review_policy.changed"] = "shop.review_policy.changed"
