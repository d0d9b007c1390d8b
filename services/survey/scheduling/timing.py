"""When to ask: the goods arrived, were used for a while, and it is a decent hour where the
customer lives; never in the past, and not at all once the purchase is too old to ask about.
Pure functions."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.survey.orders.view import OrderView
from services.survey.shops.config import SurveyShopSettings
from shared.timezones import customer_zone

SUNDAY = 6
# An order is still worth asking about this long after its usage delay ran out, even where the
# shop's maximum age is shorter than that delay (a sofa judged after 90 days of use).
AGE_GRACE = timedelta(days=7)


def base_time(
    order: OrderView, shop_country: str | None, cfg: SurveyShopSettings
) -> datetime | None:
    """When the goods were (or probably were) in the customer's hands."""
    if order.delivered_at is not None:
        return order.delivered_at
    if order.fulfilled_at is not None:
        destination = order.shipping_country or order.country
        domestic = destination is None or shop_country is None or destination == shop_country
        days = cfg.domestic_shipping_days if domestic else cfg.international_shipping_days
        return order.fulfilled_at + timedelta(days=days)
    if order.placed_at is not None:
        return order.placed_at + timedelta(days=cfg.fallback_days)
    return None


def usage_delay(order: OrderView, cfg: SurveyShopSettings) -> timedelta:
    """The longest usage time among the products the email will list."""
    listed = order.remaining_items()[: cfg.max_products] or list(order.items)
    days = max((cfg.delay_for(i.category) for i in listed), default=cfg.default_delay_days)
    return timedelta(days=days)


def into_window(due: datetime, tz: ZoneInfo, cfg: SurveyShopSettings) -> datetime:
    """The first moment at or after `due` inside the local send window."""
    local = due.astimezone(tz)
    start, end = cfg.send_window_start_hour, cfg.send_window_end_hour
    day = local.date()
    if local.time() >= (time(end) if end < 24 else time.max):
        day += timedelta(days=1)
        local = datetime.combine(day, time(start), tz)
    elif local.hour < start:
        local = datetime.combine(day, time(start), tz)
    while cfg.skip_sundays and local.weekday() == SUNDAY:
        day = local.date() + timedelta(days=1)
        local = datetime.combine(day, time(start), tz)
    return local.astimezone(due.tzinfo)


def send_at(
    order: OrderView,
    shop_country: str | None,
    shop_timezone: str | None,
    cfg: SurveyShopSettings,
    now: datetime,
    override: datetime | None = None,
) -> datetime | None:
    """The next window moment at or after the due time, and never before `now`: an order that
    arrives late (a first webhook, a backfill) must not be mailed at once in the customer's
    night because its due time, not the present, was moved into a window."""
    tz = customer_zone(order.country or order.shipping_country, shop_country, shop_timezone)
    if override is not None:
        return into_window(max(override, now), tz, cfg)
    base = base_time(order, shop_country, cfg)
    if base is None:
        return None
    return into_window(max(base + usage_delay(order, cfg), now), tz, cfg)


def too_old(
    order: OrderView, shop_country: str | None, cfg: SurveyShopSettings, now: datetime
) -> bool:
    """Whether the goods reached the customer too long ago to ask about them: more than
    `max_order_age_days`, or, where the products' usage delay is longer, that delay plus a
    week. An import of years of orders must never become years of invitations."""
    base = base_time(order, shop_country, cfg)
    if base is None:
        return False
    limit = max(timedelta(days=cfg.max_order_age_days), usage_delay(order, cfg) + AGE_GRACE)
    return now > base + limit
