"""Whether an email may go out now. Checked when it is due, not only when it is scheduled:
an order can be refunded or a customer unsubscribe in between. Pure function.

No gating, by construction: nothing here sees a rating, a sentiment or a customer's past
reviews (the inputs are the order's facts, the shop's settings, the address's suppression and
cooldown state, and whether this survey was answered at all), so who is asked can never depend
on what they think. tests/unit/test_survey_consent.py holds the inputs to that.
"""

from typing import Literal

from services.survey.orders.view import OrderView
from services.survey.scheduling.consent import consent_reason, customer_country
from services.survey.shops.config import SurveyShopSettings

SkipReason = Literal[
    "redacted",
    "cancelled",
    "refunded",
    "returned",
    "b2b",
    "no_email",
    "unsubscribed",
    "bounced",
    "marketing_opt_out",
    "no_consent",
    "cooldown",
    "answered",
    "too_old",
]


def skip_reason(
    order: OrderView,
    cfg: SurveyShopSettings,
    kind: Literal["invitation", "reminder"],
    suppression: Literal["unsubscribed", "bounced"] | None,
    surveyed_recently: bool,
    answered: bool,
    too_old: bool = False,
    *,
    shop_country: str | None = None,
) -> SkipReason | None:
    """`too_old`: the purchase is past the shop's maximum age (timing.too_old); it stops an
    invitation only, since a reminder follows an invitation that did go out in time.
    `shop_country`: the customer's country when the order names none (for the consent rule)."""
    if order.redacted:
        return "redacted"
    if order.cancelled_before_shipping():
        return "cancelled"
    # Returned, refunded or cancelled after shipping: a service-only survey by default (the
    # return is part of the experience), unless the shop chose to leave them out.
    if order.service_only() and cfg.refunded_orders == "none":
        return "returned" if order.returned else "refunded"
    if order.b2b and not cfg.survey_b2b:
        return "b2b"
    if not order.customer_email:
        return "no_email"
    if suppression is not None:
        return suppression
    country = customer_country(order.country, order.shipping_country, shop_country)
    consent = consent_reason(order.marketing_consent, country, cfg.consent)
    if consent is not None:
        return consent
    if kind == "invitation" and too_old:
        return "too_old"
    if kind == "reminder" and answered:
        return "answered"
    if kind == "invitation" and surveyed_recently:
        return "cooldown"
    return None
