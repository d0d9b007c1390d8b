"""When to ask: the goods arrived, were used for a while, and it is a decent hour where the
customer lives; never in the past, and not at all once the purchase is too old to ask about.
Pure functions.

`due_time` is the one computation: it returns the due time together with the steps that led
to it (data and one sentence each), so the scheduler (`send_at`) and the explanation an
operator reads (services/survey/decisions/) can never disagree.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from services.survey.orders.view import Item, OrderView
from services.survey.shops.config import SurveyShopSettings
from shared.timezones import customer_zone

SUNDAY = 6
# An order is still worth asking about this long after its usage delay ran out, even where the
# shop's maximum age is shorter than that delay (a sofa judged after 90 days of use).
AGE_GRACE = timedelta(days=7)

StepName = Literal["base", "delay", "override", "not_before_now", "window", "sunday"]
Fact = str | int | bool | None


@dataclass(frozen=True)
class Step:
    """One step of the computation: what it arrived at, why (one sentence), and its facts."""

    step: StepName
    at: datetime
    text: str
    facts: dict[str, Fact] = field(default_factory=dict)


@dataclass(frozen=True)
class Due:
    at: datetime
    steps: tuple[Step, ...]
    # The base is an estimate (not delivered yet): the time moves when the order ships or
    # arrives.
    provisional: bool = False


def _iso(at: datetime) -> str:
    return at.isoformat()


def _when(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M %Z").strip()


def _base(order: OrderView, shop_country: str | None, cfg: SurveyShopSettings) -> Step | None:
    if order.delivered_at is not None:
        return Step(
            "base",
            order.delivered_at,
            f"Delivered at {_when(order.delivered_at)}.",
            {"source": "delivered_at", "delivered_at": _iso(order.delivered_at)},
        )
    if order.fulfilled_at is not None:
        destination = order.shipping_country or order.country
        domestic = destination is None or shop_country is None or destination == shop_country
        days = cfg.domestic_shipping_days if domestic else cfg.international_shipping_days
        at = order.fulfilled_at + timedelta(days=days)
        kind = "domestic" if domestic else "international"
        return Step(
            "base",
            at,
            f"Not delivered yet: shipped at {_when(order.fulfilled_at)}, plus the {kind} "
            f"shipping estimate of {days} day(s) (to {destination or 'an unknown country'}, "
            f"shop in {shop_country or 'an unknown country'}) gives {_when(at)}.",
            {
                "source": "fulfilled_at",
                "fulfilled_at": _iso(order.fulfilled_at),
                "shipping": kind,
                "shipping_days": days,
                "destination": destination,
                "shop_country": shop_country,
            },
        )
    if order.placed_at is not None:
        at = order.placed_at + timedelta(days=cfg.fallback_days)
        return Step(
            "base",
            at,
            f"Not shipped yet: placed at {_when(order.placed_at)}, plus the fallback of "
            f"{cfg.fallback_days} day(s) gives {_when(at)}.",
            {
                "source": "placed_at",
                "placed_at": _iso(order.placed_at),
                "fallback_days": cfg.fallback_days,
            },
        )
    return None


def base_time(
    order: OrderView, shop_country: str | None, cfg: SurveyShopSettings
) -> datetime | None:
    """When the goods were (or probably were) in the customer's hands."""
    step = _base(order, shop_country, cfg)
    return None if step is None else step.at


def _slowest(order: OrderView, cfg: SurveyShopSettings) -> tuple[int, Item | None]:
    """The longest usage time among the products the email will list, and that product."""
    listed = order.remaining_items()[: cfg.max_products] or list(order.items)
    days, item = cfg.default_delay_days, None
    for candidate in listed:
        candidate_days = cfg.delay_for(candidate.category)
        if item is None or candidate_days > days:
            days, item = candidate_days, candidate
    return days, item


def usage_delay(order: OrderView, cfg: SurveyShopSettings) -> timedelta:
    return timedelta(days=_slowest(order, cfg)[0])


def _delay(order: OrderView, cfg: SurveyShopSettings, base: datetime) -> Step:
    days, item = _slowest(order, cfg)
    at = base + timedelta(days=days)
    if item is None:
        return Step(
            "delay",
            at,
            f"No products to list: the default delay of {days} day(s) gives {_when(at)}.",
            {"days": days, "rule": "default"},
        )
    key = cfg.delay_key(item.category)
    facts: dict[str, Fact] = {
        "days": days,
        "product_id": item.product_id,
        "product": item.name,
        "category": item.category,
        "matched": key,
    }
    if key is None:
        facts["rule"] = "default"
        why = (
            f"no category key matches {item.category!r}" if item.category else "it has no category"
        )
        text = f"{item.name!r} gets the default delay of {days} day(s) ({why})"
    else:
        facts["rule"] = "shop" if key in cfg.category_delays_days else "built_in"
        whose = "the shop's" if facts["rule"] == "shop" else "the built-in"
        text = (
            f"{item.name!r} (category {item.category!r}) matched {whose} key {key!r}: "
            f"{days} day(s) of use"
        )
    return Step(
        "delay",
        at,
        f"{text}, the longest of the products listed, gives {_when(at)}.",
        facts,
    )


def into_window(
    due: datetime, tz: ZoneInfo, cfg: SurveyShopSettings, steps: list[Step] | None = None
) -> datetime:
    """The first moment at or after `due` inside the local send window; how it was found is
    appended to `steps` when given."""
    local = due.astimezone(tz)
    start, end = cfg.send_window_start_hour, cfg.send_window_end_hour
    window = f"{start:02d}:00-{end:02d}:00"
    facts: dict[str, Fact] = {
        "time_zone": tz.key,
        "local": _iso(local),
        "window_start_hour": start,
        "window_end_hour": end,
    }
    day = local.date()
    if local.time() >= (time(end) if end < 24 else time.max):
        day += timedelta(days=1)
        moved = datetime.combine(day, time(start), tz)
        text = (
            f"{local:%H:%M} in {tz.key} is after the send window {window}: moved to the next "
            f"day's start, {_when(moved)}."
        )
        local, facts["moved"] = moved, "next_day"
    elif local.hour < start:
        moved = datetime.combine(day, time(start), tz)
        text = (
            f"{local:%H:%M} in {tz.key} is before the send window {window}: moved to "
            f"{_when(moved)}."
        )
        local, facts["moved"] = moved, "window_start"
    else:
        text = f"{_when(local)} in {tz.key} is inside the send window {window}."
        facts["moved"] = None
    found = [Step("window", local.astimezone(due.tzinfo), text, facts)]
    while cfg.skip_sundays and local.weekday() == SUNDAY:
        sunday = local
        day = local.date() + timedelta(days=1)
        local = datetime.combine(day, time(start), tz)
        found.append(
            Step(
                "sunday",
                local.astimezone(due.tzinfo),
                f"{sunday:%Y-%m-%d} is a Sunday, which the shop skips: moved to {_when(local)}.",
                {"sunday": sunday.date().isoformat(), "time_zone": tz.key},
            )
        )
    if steps is not None:
        steps += found
    return local.astimezone(due.tzinfo)


def due_time(
    order: OrderView,
    shop_country: str | None,
    shop_timezone: str | None,
    cfg: SurveyShopSettings,
    now: datetime,
    override: datetime | None = None,
    outside_window: bool = False,
) -> Due | None:
    """The next window moment at or after the due time, and never before `now`: an order that
    arrives late (a first webhook, a backfill) must not be mailed at once in the customer's
    night because its due time, not the present, was moved into a window. None while the
    order has no date to start from. `outside_window`: staff asked for the hand-set time
    itself ("send now"), so the window and Sundays do not move it."""
    tz = customer_zone(order.country or order.shipping_country, shop_country, shop_timezone)
    steps: list[Step] = []
    provisional = False
    if override is not None:
        steps.append(
            Step(
                "override",
                override,
                f"Staff set the send time by hand to {_when(override)} (PUT .../send-at): the "
                "computed time does not apply.",
                {"send_at_override": _iso(override)},
            )
        )
        earliest = override
    else:
        base = _base(order, shop_country, cfg)
        if base is None:
            return None
        provisional = base.facts["source"] != "delivered_at"
        delay = _delay(order, cfg, base.at)
        steps += [base, delay]
        earliest = delay.at
    if earliest < now:
        steps.append(
            Step(
                "not_before_now",
                now,
                f"{_when(earliest)} had already passed when this was computed "
                f"({_when(now)}): counted from then instead.",
                {"passed": _iso(earliest), "now": _iso(now)},
            )
        )
        earliest = now
    if override is not None and outside_window:
        steps.append(
            Step(
                "window",
                earliest,
                "Staff asked for this time outside the send window if need be (send now): "
                "the window and Sundays do not move it.",
                {"outside_window": True},
            )
        )
        return Due(earliest, tuple(steps), provisional)
    at = into_window(earliest, tz, cfg, steps)
    return Due(at, tuple(steps), provisional)


def send_at(
    order: OrderView,
    shop_country: str | None,
    shop_timezone: str | None,
    cfg: SurveyShopSettings,
    now: datetime,
    override: datetime | None = None,
    outside_window: bool = False,
) -> datetime | None:
    """`due_time` without its steps: what the scheduler stores."""
    due = due_time(order, shop_country, shop_timezone, cfg, now, override, outside_window)
    return None if due is None else due.at


def too_old(
    order: OrderView, shop_country: str | None, cfg: SurveyShopSettings, now: datetime
) -> bool:
    """Whether the goods reached the customer too long ago to ask about them: more than
    `max_order_age_days`, or, where the products' usage delay is longer, that delay plus a
    week. An import of years of orders must never become years of invitations."""
    base = base_time(order, shop_country, cfg)
    if base is None:
        return False
    return now > base + age_limit(order, cfg)


def age_limit(order: OrderView, cfg: SurveyShopSettings) -> timedelta:
    """How old a purchase may get before it is not asked about (see `too_old`)."""
    return max(timedelta(days=cfg.max_order_age_days), usage_delay(order, cfg) + AGE_GRACE)
