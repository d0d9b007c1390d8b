"""The steps `due_time` returns with a due time (what `surveys explain` shows) come from the
computation that schedules: same result as `send_at`, each step's time is where the next one
starts, and each names its rule."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import product

from services.survey.orders.view import Item, OrderView
from services.survey.scheduling.timing import due_time, send_at
from services.survey.shops.config import SurveyShopSettings

CFG = SurveyShopSettings()
# Monday 2026-11-16, 12:00 UTC (13:00 in Ljubljana).
MONDAY = datetime(2026, 11, 16, 12, 0, tzinfo=UTC)
EARLY = MONDAY - timedelta(days=30)


def item(pid: str, category: str | None, price: str = "10") -> Item:
    return Item(pid, pid.title(), category, 1, Decimal(price))


def order(**kw: object) -> OrderView:
    base: dict[str, object] = {
        "shop_id": "s",
        "order_id": "o",
        "customer_email": "ana@example.com",
        "country": "SI",
        "items": (item("tea", "Food & Drink", "5"), item("radio", "Home Electronics", "50")),
        "placed_at": MONDAY - timedelta(days=3),
    }
    base.update(kw)
    return OrderView(**base)  # type: ignore[arg-type]


def names(steps: tuple) -> list[str]:  # type: ignore[type-arg]
    return [s.step for s in steps]


def test_delivered_electronics_name_the_matched_category_and_the_window() -> None:
    delivered = MONDAY  # 13:00 local, +21 days = Monday 2026-12-07 13:00 local
    due = due_time(order(delivered_at=delivered), "SI", "Europe/Ljubljana", CFG, EARLY)
    assert due is not None and not due.provisional
    assert names(due.steps) == ["base", "delay", "window"]
    base, delay, window = due.steps
    assert base.facts["source"] == "delivered_at" and base.at == delivered
    # "Home Electronics" matches "electronic" (longer than "home"): 21 days, built in.
    assert delay.facts == {
        "days": 21,
        "product_id": "radio",
        "product": "Radio",
        "category": "Home Electronics",
        "matched": "electronic",
        "rule": "built_in",
    }
    assert "'electronic'" in delay.text and "21 day(s)" in delay.text
    assert delay.at == delivered + timedelta(days=21)
    assert window.facts["moved"] is None and window.facts["time_zone"] == "Europe/Ljubljana"
    assert due.at == delay.at


def test_shop_key_default_and_shipping_estimates() -> None:
    cfg = SurveyShopSettings(category_delays_days={"drink": 4})
    tea = order(items=(item("tea", "Food & Drink"),), fulfilled_at=MONDAY, country="DE")
    due = due_time(tea, "SI", "Europe/Ljubljana", cfg, EARLY)
    assert due is not None and due.provisional
    base, delay = due.steps[:2]
    # Shipped abroad: the international estimate.
    assert base.facts["shipping"] == "international" and base.facts["shipping_days"] == 10
    assert base.at == MONDAY + timedelta(days=10)
    # "drink" (the shop's, 5 letters) is longer than "food" (built in, 4).
    facts = delay.facts
    assert (facts["matched"], facts["rule"], facts["days"]) == ("drink", "shop", 4)

    plain = order(items=(item("x", "Widgets"),))
    due = due_time(plain, "SI", "Europe/Ljubljana", CFG, EARLY)
    assert due is not None and due.provisional
    base, delay = due.steps[:2]
    assert base.facts["source"] == "placed_at" and base.facts["fallback_days"] == 14
    assert delay.facts["rule"] == "default" and delay.facts["matched"] is None
    assert "default delay of 10 day(s)" in delay.text


def test_evening_moves_to_the_next_morning_and_sunday_is_skipped() -> None:
    # Delivered Saturday 2026-11-21 19:30 local (18:30 UTC); 3 days of food: Tuesday evening.
    saturday = datetime(2026, 11, 21, 18, 30, tzinfo=UTC)
    food = order(items=(item("tea", "Food"),), delivered_at=saturday)
    due = due_time(food, "SI", "Europe/Ljubljana", CFG, EARLY)
    assert due is not None
    assert names(due.steps) == ["base", "delay", "window"]
    assert due.steps[-1].facts["moved"] == "next_day"
    assert "after the send window 10:00-18:00" in due.steps[-1].text

    # 6 days of use (the shop's own key) ends on Friday evening: Saturday morning, not Sunday.
    # 7 days: Saturday evening, next morning is Sunday, skipped to Monday 10:00.
    week = SurveyShopSettings(category_delays_days={"food": 7})
    due = due_time(food, "SI", "Europe/Ljubljana", week, EARLY)
    assert due is not None
    assert names(due.steps) == ["base", "delay", "window", "sunday"]
    assert due.steps[-1].facts["sunday"] == "2026-11-29"
    assert due.at == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)  # Monday 10:00 local


def test_override_replaces_base_and_delay_and_the_past_counts_from_now() -> None:
    override = MONDAY + timedelta(hours=1)
    due = due_time(order(), "SI", "Europe/Ljubljana", CFG, EARLY, override)
    assert due is not None and names(due.steps) == ["override", "window"]
    assert due.at == override

    # Delivered long ago: the due time had passed; counted from now (23:00: next morning).
    late = MONDAY.replace(hour=23)
    due = due_time(order(delivered_at=MONDAY - timedelta(days=25)), "SI", None, CFG, late)
    assert due is not None
    assert names(due.steps) == ["base", "delay", "not_before_now", "window"]
    assert due.steps[2].at == late
    # The customer is in the shop's country and the shop announced no zone: UTC.
    assert due.steps[-1].facts["time_zone"] == "UTC"
    assert due.at == datetime(2026, 11, 17, 10, 0, tzinfo=UTC)


def test_steps_are_the_schedule_for_every_combination() -> None:
    """The explanation cannot disagree with the scheduler: the last step is the due time
    `send_at` stores, and no step goes back in time."""
    hours = [0, 7, 11, 17, 19, 23]
    days = range(0, 8)
    cfgs = [CFG, SurveyShopSettings(skip_sundays=False, send_window_end_hour=24)]
    overrides = [None, MONDAY + timedelta(days=2, hours=9)]
    for h, d, cfg, ov in product(hours, days, cfgs, overrides):
        delivered = MONDAY.replace(hour=h) + timedelta(days=d)
        o = order(delivered_at=delivered, country="US")
        for now in (EARLY, MONDAY + timedelta(days=40)):
            due = due_time(o, "SI", "Europe/Ljubljana", cfg, now, ov)
            assert due is not None
            assert due.at == send_at(o, "SI", "Europe/Ljubljana", cfg, now, ov)
            assert due.steps[-1].at == due.at
            start = 1 if ov is None else 0  # the base step is the goods' date, not a due time
            ats = [s.at for s in due.steps[start:]]
            assert ats == sorted(ats)
            assert all(s.text.endswith(".") for s in due.steps)


def test_no_date_no_due_time() -> None:
    assert due_time(order(placed_at=None), "SI", None, CFG, EARLY) is None
