"""Whether an email may go out now. Checked when it is due, not only when it is scheduled:
an order can be refunded or a customer unsubscribe in between. Pure function."""

from typing import Literal

from services.survey.orders.view import OrderView
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
) -> SkipReason | None:
    """`too_old`: the purchase is past the shop's maximum age (timing.too_old); it stops an
    invitation only, since a reminder follows an invitation that did go out in time."""
    if order.redacted:
        return "redacted"
    if order.cancelled_at is not None:
        return "cancelled"
    if order.returned:
        return "returned"
    if order.fully_refunded or (order.items and not order.remaining_items()):
        return "refunded"
    if order.b2b and not cfg.survey_b2b:
        return "b2b"
    if not order.customer_email:
        return "no_email"
    if suppression is not None:
        return suppression
    if kind == "invitation" and too_old:
        return "too_old"
    if kind == "reminder" and answered:
        return "answered"
    if kind == "invitation" and surveyed_recently:
        return "cooldown"
    return None
