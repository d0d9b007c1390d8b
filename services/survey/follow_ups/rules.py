"""When a follow-up is due and whether it may go out. Pure functions.

Deliberately fewer skip reasons than a survey invitation: a cancelled, refunded or returned
order is often the very resolution of the case, and a business buyer who complained deserves the
follow-up as much as anyone. What stays is what protects the person: redaction, suppressions,
an address at all, and the shop's own switch.
"""

from datetime import datetime, timedelta
from typing import Literal

from services.survey.orders.view import OrderView
from services.survey.scheduling.timing import into_window
from services.survey.shops.config import SurveyShopSettings
from shared.timezones import customer_zone

FollowUpSkipReason = Literal[
    "no_order",
    "unknown_order",
    "disabled",
    "redacted",
    "no_email",
    "unsubscribed",
    "bounced",
]


def due_at(
    order: OrderView,
    shop_country: str | None,
    shop_timezone: str | None,
    cfg: SurveyShopSettings,
    resolved_at: datetime,
    now: datetime,
) -> datetime:
    """The resolution plus the shop's delay, never in the past (a late event must not send at
    night), moved into the customer's local send window like an invitation."""
    tz = customer_zone(order.country or order.shipping_country, shop_country, shop_timezone)
    earliest = max(resolved_at + timedelta(days=cfg.follow_up_delay_days), now)
    return into_window(earliest, tz, cfg)


def skip_reason(
    order: OrderView | None,
    has_survey: bool,
    cfg: SurveyShopSettings,
    suppression: Literal["unsubscribed", "bounced"] | None,
) -> FollowUpSkipReason | None:
    # Without the order's survey there is no unsubscribe link to offer, and survey only creates
    # one once the order itself (with its customer) has arrived.
    if order is None or not has_survey:
        return "unknown_order"
    if not cfg.follow_up_enabled:
        return "disabled"
    if order.redacted:
        return "redacted"
    if not order.customer_email:
        return "no_email"
    if suppression is not None:
        return suppression
    return None
