"""Consent to a review request, per country (issue #18). Pure.

A review request is advertising in some countries: in Germany it is direct advertising even
when sent with the invoice (BGH VI ZR 225/17, 10 Jul 2018) and needs the customer's consent or
the existing-customer conditions of §7(3) UWG (address collected with a sale, similar goods, the
right to object stated when the address was collected and in every email). Austria's §174(4)
TKG 2021 has the same shape. So the shop's policy says, per customer country, what a send
needs; a platform opt-out ("denied") is honoured in every country.

Documented in docs/surveys.md ("Consent per country"); the rules below are the defaults, the
shop decides.
"""

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from shared.countries import known_country
from shared.events.orders import MarketingConsent

# "none": nothing beyond the platform's opt-out; "consent": the platform must report consent;
# "consent_or_notice": consent, or the shop's declared existing-customer notice.
ConsentRule = Literal["none", "consent", "consent_or_notice"]
ConsentReason = Literal["marketing_opt_out", "no_consent"]

DEFAULT_CONSENT_COUNTRIES: dict[str, ConsentRule] = {
    "DE": "consent_or_notice",
    "AT": "consent_or_notice",
}
# Enough for every EU/EEA country and then some; `default` covers the rest of the world.
MAX_CONSENT_COUNTRIES = 100


CountryCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{2}$"), AfterValidator(known_country)
]


class ConsentPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    countries: dict[CountryCode, ConsentRule] = Field(
        default_factory=lambda: dict(DEFAULT_CONSENT_COUNTRIES),
        max_length=MAX_CONSENT_COUNTRIES,
        description="What a survey needs, by the customer's country (ISO 3166-1 alpha-2): "
        "'consent', 'consent_or_notice' or 'none'. Default: DE and AT 'consent_or_notice'.",
    )
    default: ConsentRule = Field(default="none", description="For every country not listed.")
    # The shop declares that it meets the existing-customer conditions (§7(3) UWG and the like):
    # it told the customer at checkout that they may object at any time; every email then says
    # so too (services/survey/dispatch/compose.py).
    existing_customer_notice: bool = Field(
        default=False,
        description="The shop declares it gives the existing-customer notice (§7(3) UWG): "
        "'consent_or_notice' countries are then asked without consent, and every email states "
        "the right to object.",
    )

    def rule_for(self, country: str | None) -> ConsentRule:
        if country:
            return self.countries.get(country.upper(), self.default)
        return self.default


def customer_country(
    billing_country: str | None, shipping_country: str | None, shop_country: str | None
) -> str | None:
    """Where the customer is, for the law that applies: billing, else shipping, else the
    shop's own country."""
    return billing_country or shipping_country or shop_country


def consent_reason(
    consent: MarketingConsent, country: str | None, policy: ConsentPolicy
) -> ConsentReason | None:
    """Why the customer may not be asked, or None."""
    if consent == "denied":
        return "marketing_opt_out"
    rule = policy.rule_for(country)
    if rule == "none" or consent == "granted":
        return None
    if rule == "consent_or_notice" and policy.existing_customer_notice:
        return None
    return "no_consent"
