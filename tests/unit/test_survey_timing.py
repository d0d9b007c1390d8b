from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from services.survey.orders.view import Item, OrderView
from services.survey.scheduling.eligibility import skip_reason
from services.survey.scheduling.timing import into_window, send_at, too_old
from services.survey.shops.config import SurveyShopSettings
from shared.timezones import customer_zone

CFG = SurveyShopSettings()
LJ = ZoneInfo("Europe/Ljubljana")
# Monday 2026-11-16
MONDAY_NOON_UTC = datetime(2026, 11, 16, 12, 0, tzinfo=UTC)
# "Now" for schedules computed when the order is new: before every due time in these tests.
EARLY = MONDAY_NOON_UTC


def item(pid: str, category: str | None, price: str, qty: int = 1) -> Item:
    return Item(pid, pid.upper(), category, qty, Decimal(price))


def order(**kw) -> OrderView:
    base = {
        "shop_id": "s",
        "order_id": "o",
        "customer_email": "ana@example.com",
        "country": "SI",
        "items": (item("tea", "Food & Drink", "5"),),
        "placed_at": MONDAY_NOON_UTC,
    }
    base.update(kw)
    return OrderView(**base)


def test_window_moves_evening_to_next_morning_and_skips_sunday() -> None:
    cfg = SurveyShopSettings()
    saturday_evening = datetime(2026, 11, 21, 19, 30, tzinfo=LJ)
    moved = into_window(saturday_evening.astimezone(UTC), LJ, cfg)
    assert moved.astimezone(LJ) == datetime(2026, 11, 23, 10, 0, tzinfo=LJ)  # Monday 10:00
    early = datetime(2026, 11, 17, 6, 0, tzinfo=LJ)
    assert into_window(early, LJ, cfg).astimezone(LJ) == datetime(2026, 11, 17, 10, 0, tzinfo=LJ)
    inside = datetime(2026, 11, 17, 15, 0, tzinfo=LJ)
    assert into_window(inside, LJ, cfg) == inside
    sundays_ok = SurveyShopSettings(skip_sundays=False)
    sunday = datetime(2026, 11, 22, 8, 0, tzinfo=LJ)
    assert into_window(sunday, LJ, sundays_ok).astimezone(LJ).weekday() == 6


def test_window_is_local_time_across_a_dst_change() -> None:
    # 2026-03-29: Europe/Ljubljana moves from +01:00 to +02:00.
    due = datetime(2026, 3, 30, 5, 0, tzinfo=UTC)  # 07:00 local (CEST)
    moved = into_window(due, LJ, SurveyShopSettings())
    assert moved.astimezone(LJ).hour == 10 and moved.astimezone(UTC).hour == 8


def test_delivery_time_plus_usage_delay_of_the_slowest_listed_product() -> None:
    delivered = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)  # Tuesday
    o = order(
        delivered_at=delivered,
        items=(item("tea", "Food", "5"), item("sofa", "Furniture", "900")),
    )
    due = send_at(o, "SI", "Europe/Ljubljana", CFG, EARLY)
    assert due is not None
    assert due.astimezone(LJ).date() == (delivered + timedelta(days=21)).astimezone(LJ).date()


def test_without_delivery_fulfillment_plus_shipping_estimate_domestic_vs_abroad() -> None:
    shipped = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)
    domestic = send_at(
        order(fulfilled_at=shipped, shipping_country="SI"), "SI", "Europe/Ljubljana", CFG, EARLY
    )
    abroad = send_at(
        order(fulfilled_at=shipped, shipping_country="LV", country="LV"),
        "SI",
        "Europe/Ljubljana",
        CFG,
        EARLY,
    )
    assert domestic is not None and abroad is not None
    assert (abroad - domestic) >= timedelta(days=6)


def test_without_anything_placed_time_plus_fallback() -> None:
    due = send_at(order(), "SI", "Europe/Ljubljana", CFG, EARLY)
    assert due is not None and due >= MONDAY_NOON_UTC + timedelta(days=14 + 3)


def test_per_shop_category_delay_and_per_order_override() -> None:
    cfg = SurveyShopSettings(category_delays_days={"food": 1})
    delivered = datetime(2026, 11, 17, 11, 0, tzinfo=UTC)
    due = send_at(order(delivered_at=delivered), "SI", "Europe/Ljubljana", cfg, EARLY)
    assert due is not None and due.astimezone(LJ).date().day == 18
    override = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert (
        send_at(order(delivered_at=delivered), "SI", "Europe/Ljubljana", cfg, EARLY, override)
        == override
    )


def test_customer_abroad_gets_their_own_timezone() -> None:
    assert customer_zone("LV", "SI", "Europe/Ljubljana") == ZoneInfo("Europe/Riga")
    assert customer_zone("SI", "SI", "Europe/Ljubljana") == LJ
    assert customer_zone(None, "SI", "Europe/Ljubljana") == LJ
    assert customer_zone(None, None, None) == ZoneInfo("UTC")


def test_eligibility_reasons() -> None:
    ok = order()
    assert skip_reason(ok, CFG, "invitation", None, False, False) is None
    cases = {
        "redacted": order(redacted=True),
        "cancelled": order(cancelled_at=MONDAY_NOON_UTC),
        "b2b": order(b2b=True),
        "no_email": order(customer_email=None),
    }
    for reason, o in cases.items():
        assert skip_reason(o, CFG, "invitation", None, False, False) == reason
    # Refunded and returned orders get a service-only survey unless the shop leaves them out
    # (#18; tests/unit/test_survey_consent.py); every item refunded one by one is a full refund.
    no_refunded = SurveyShopSettings(refunded_orders="none")
    for reason, o in {
        "returned": order(returned=True),
        "refunded": order(fully_refunded=True),
    }.items():
        assert skip_reason(o, CFG, "invitation", None, False, False) is None
        assert skip_reason(o, no_refunded, "invitation", None, False, False) == reason
    all_refunded = order(refunded={"tea": 1})
    assert skip_reason(all_refunded, no_refunded, "invitation", None, False, False) == "refunded"
    assert skip_reason(ok, CFG, "invitation", "unsubscribed", False, False) == "unsubscribed"
    assert skip_reason(ok, CFG, "invitation", None, True, False) == "cooldown"
    assert skip_reason(ok, CFG, "reminder", None, True, True) == "answered"
    assert (
        skip_reason(
            order(b2b=True), SurveyShopSettings(survey_b2b=True), "invitation", None, False, False
        )
        is None
    )


def test_partial_refund_drops_the_refunded_items_and_lists_most_expensive_first() -> None:
    o = order(
        items=(item("a", None, "5"), item("b", None, "50", qty=2), item("c", None, "20")),
        refunded={"b": 2},
    )
    assert [i.product_id for i in o.remaining_items()] == ["c", "a"]


def test_a_past_due_time_is_sent_in_the_next_window_from_now_not_at_once() -> None:
    # A 2017 order seen for the first time at 03:51 local: its due time is years ago, and
    # moving that into a window must not make it due at once, in the customer's night.
    delivered = datetime(2017, 3, 2, 12, 0, tzinfo=UTC)
    now = datetime(2026, 11, 17, 3, 51, tzinfo=LJ)  # a Tuesday
    due = send_at(order(delivered_at=delivered), "SI", "Europe/Ljubljana", CFG, now)
    assert due == datetime(2026, 11, 17, 10, 0, tzinfo=LJ)
    # Inside the window it may go now; a staff override in the past is moved the same way.
    inside = datetime(2026, 11, 17, 15, 0, tzinfo=LJ)
    assert send_at(order(delivered_at=delivered), "SI", "Europe/Ljubljana", CFG, inside) == inside
    past_override = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    moved = send_at(order(), "SI", "Europe/Ljubljana", CFG, now, past_override)
    assert moved == datetime(2026, 11, 17, 10, 0, tzinfo=LJ)


def test_orders_past_the_maximum_age_after_delivery_are_too_old() -> None:
    delivered = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)
    o = order(delivered_at=delivered)
    assert CFG.max_order_age_days == 60
    assert not too_old(o, "SI", CFG, delivered + timedelta(days=59))
    assert too_old(o, "SI", CFG, delivered + timedelta(days=61))
    assert too_old(order(delivered_at=datetime(2017, 3, 2, tzinfo=UTC)), "SI", CFG, delivered)
    # Without a delivery date, the estimate of it counts (placed + fallback days).
    placed = order(placed_at=delivered)
    assert not too_old(placed, "SI", CFG, delivered + timedelta(days=14 + 59))
    assert too_old(placed, "SI", CFG, delivered + timedelta(days=14 + 61))
    # A usage delay longer than the maximum age still gets its week to be asked.
    slow = SurveyShopSettings(max_order_age_days=7, category_delays_days={"food": 30})
    assert not too_old(o, "SI", slow, delivered + timedelta(days=36))
    assert too_old(o, "SI", slow, delivered + timedelta(days=38))


def test_the_maximum_age_is_bounded() -> None:
    for bad in (0, 6, 366):
        with pytest.raises(ValidationError):
            SurveyShopSettings(max_order_age_days=bad)


def test_too_old_stops_the_invitation_not_the_reminder() -> None:
    ok = order()
    assert skip_reason(ok, CFG, "invitation", None, False, False, too_old=True) == "too_old"
    assert skip_reason(ok, CFG, "reminder", None, False, False, too_old=True) is None
    # A more specific reason wins.
    cancelled = order(cancelled_at=MONDAY_NOON_UTC)
    assert skip_reason(cancelled, CFG, "invitation", None, False, False, too_old=True) == (
        "cancelled"
    )


def test_a_refund_of_a_product_on_two_lines_is_taken_from_its_lines_in_order() -> None:
    # Two variants of one product: refunding one unit removes one line, not both.
    o = order(
        items=(
            Item("shirt", "Shirt S", None, 1, Decimal("20"), line=0),
            Item("shirt", "Shirt M", None, 1, Decimal("25"), line=1),
        ),
        refunded={"shirt": 1},
    )
    assert [i.line for i in o.remaining_items()] == [1]


def test_a_built_in_key_matches_at_the_start_of_a_word_a_shops_own_anywhere() -> None:
    cfg = SurveyShopSettings()
    # "pet" and "sport" were found inside "Carpets" and "Transport" (5 and 14 days).
    assert cfg.delay_key("Carpets & Rugs") is None
    assert cfg.delay_key("Transport boxes") is None
    assert cfg.delay_for("Carpets & Rugs") == cfg.default_delay_days
    assert cfg.delay_key("Pet supplies") == "pet" and cfg.delay_key("Pets") == "pet"
    assert cfg.delay_key("Sports & Outdoors") == "sport"
    assert cfg.delay_key("Consumer Electronics") == "electronic"
    # A shop's own key is its own word, compounds included.
    own = SurveyShopSettings(category_delays_days={"schuhe": 12, "Rug": 20})
    assert own.delay_key("Damenschuhe") == "schuhe" and own.delay_for("Damenschuhe") == 12
    assert own.delay_key("Carpets & Rugs") == "Rug" and own.delay_for("Carpets & Rugs") == 20
