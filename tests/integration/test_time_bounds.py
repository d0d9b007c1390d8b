"""Dates and durations at the API edge (shared/time_bounds.py), through the real apps and
PostgreSQL: year 0001 and 9999 pass as datetimes but overflow the first `+ timedelta`, and a
delay of a billion days overflows `timedelta` itself. Each is a 422 naming the parameter, never
a 500, and nothing out of bounds reaches a consumer. A time that slipped into the survey's
tables anyway (stored before the bounds) costs the order its invitation, not the consumer."""

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from services.survey.app import MIGRATIONS
from services.survey.surveys.handlers import schedule
from tests.conftest import service_env
from tests.support.admin import create_shop
from tests.support.platforms import body_of, standard_headers
from tests.support.responder import Responder, running_responder, shop_event, user_with_key
from tests.support.services import ServiceProcess
from tests.support.survey import T0, SurveyHarness, placed, running_survey, unique_email

pytestmark = pytest.mark.integration

SHOP = "bounds-shop"
API = {"Authorization": "Bearer api-token-dev-only"}
TINY = "0001-01-01T00:00:00+00:00"
HUGE = "9999-12-30T00:00:00+00:00"
WHSEC = "whsec_Ym91bmRzLXNob3Atc2VjcmV0LTAxMjM0NTY3ODlhYg=="
ORDER = {
    "order_id": "B-ok",
    "placed_at": "2026-11-18T10:00:00+01:00",
    "currency": "EUR",
    "customer": {"email": "bounds@example.com", "name": "Ana"},
    "items": [{"product_id": "p", "name": "Tea", "quantity": 1, "unit_price": "4.50"}],
}


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        await r.feed(shop_event("s1"))
        yield r


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    async with running_survey(infra, make_settings, SHOP) as harness:
        yield harness


@pytest.mark.parametrize("path", ["/v1/analytics", "/v1/reviews"])
@pytest.mark.parametrize(
    "params",
    [
        {"to": TINY},
        {"from": HUGE},
        {"from": TINY, "to": "2026-11-01T00:00:00Z"},
        {"to": "2100-01-01T00:00:00Z"},
        {"from": "1999-12-31T23:59:59Z", "to": "2000-01-02T00:00:00Z"},
    ],
)
async def test_responder_periods_out_of_bounds_are_a_422_with_the_reason(
    responder: Responder, path: str, params: dict[str, str]
) -> None:
    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        r = await http.get(path, params=params, headers=agent)
    assert r.status_code == 422, r.text
    name = "to" if "to" in params and params["to"] in (TINY, "2100-01-01T00:00:00Z") else "from"
    assert f"{name}: must lie between 2000-01-01 and 2100-01-01" in r.json()["detail"], r.text


async def test_responder_periods_at_the_bounds_are_answered(responder: Responder) -> None:
    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        for params in (
            {"from": "2000-01-01T00:00:00Z", "to": "2000-06-01T00:00:00Z"},
            {"from": "2099-06-01T00:00:00Z", "to": "2099-12-31T23:59:59Z"},
        ):
            r = await http.get("/v1/analytics", params=params, headers=agent)
            assert r.status_code == 200, r.text


@pytest.mark.parametrize("params", [{"to": TINY}, {"from": HUGE}, {"from": TINY}])
async def test_survey_metrics_periods_out_of_bounds_are_a_422(survey, params) -> None:
    async with survey.http() as http:
        r = await http.get(f"/v1/shops/{SHOP}/survey-metrics", params=params, headers=API)
    assert r.status_code == 422, r.text
    assert "must lie between 2000-01-01 and 2100-01-01" in r.json()["detail"]


@pytest.mark.parametrize("send_at", ["9999-12-31T00:00:00Z", TINY, "2100-01-01T00:00:00Z"])
async def test_a_send_time_out_of_bounds_is_a_422_and_the_survey_keeps_its_time(
    survey, send_at: str
) -> None:
    await survey.feed(placed(SHOP, "o-bounds", unique_email()))
    before = await survey.status_of(SHOP, "o-bounds")
    async with survey.http() as http:
        path = f"/v1/shops/{SHOP}/surveys/o-bounds/send-at"
        r = await http.put(path, json={"send_at": send_at}, headers=API)
        assert r.status_code == 422, r.text
        assert "2000-01-01 and 2100-01-01" in r.text
        ok = await http.put(path, json={"send_at": "2026-12-01T11:00:00Z"}, headers=API)
        assert ok.status_code == 200, ok.text
    assert before[0] == "pending"


@pytest.mark.parametrize("days", [1_000_000_000, 366, -1])
async def test_a_category_delay_out_of_bounds_is_a_422(survey, days: int) -> None:
    async with survey.http() as http:
        path = f"/v1/shops/{SHOP}/survey-settings"
        r = await http.patch(path, json={"category_delays_days": {"food": days}}, headers=API)
        assert r.status_code == 422, r.text
        ok = await http.patch(path, json={"category_delays_days": {"food": 365}}, headers=API)
        assert ok.status_code == 200, ok.text
    # And later orders of food (the first item's category) are still scheduled.
    await survey.feed(placed(SHOP, f"o-food-{days}", unique_email()))
    assert (await survey.status_of(SHOP, f"o-food-{days}"))[0] == "pending"


async def test_a_time_stored_before_the_bounds_costs_the_invitation_not_the_consumer(
    survey,
) -> None:
    """Written straight into the tables, as an old API or an old event could have: scheduling
    the order again neither raises nor schedules anything."""
    await survey.feed(placed(SHOP, "o-ancient", unique_email()))
    await survey.pool.execute(
        "UPDATE orders SET placed_at = $3 WHERE shop_id = $1 AND order_id = $2",
        SHOP,
        "o-ancient",
        datetime(9999, 12, 20, tzinfo=UTC),
    )
    await survey.pool.execute(
        "UPDATE surveys SET send_at_override = $3 WHERE shop_id = $1 AND order_id = $2",
        SHOP,
        "o-ancient",
        datetime(9999, 12, 31, 23, tzinfo=UTC),
    )
    async with survey.pool.acquire() as conn, conn.transaction():
        await schedule(conn, survey.settings, SHOP, "o-ancient", T0 + timedelta(days=1))


async def test_stored_category_delays_out_of_bounds_are_clamped_by_the_migration(survey) -> None:
    """Settings saved before the bound would no longer validate, so the shop could not be read:
    migration 0010 clamps them to what the API now takes."""
    await survey.pool.execute(
        """UPDATE shops SET settings = '{"category_delays_days":
               {"food": 1000000000, "toys": -5, "books": 7}}'::jsonb WHERE shop_id = $1""",
        SHOP,
    )
    sql = (MIGRATIONS / "0010_bound_category_delays.sql").read_text()
    await survey.pool.execute(sql)
    settings = await survey.pool.fetchval("SELECT settings FROM shops WHERE shop_id = $1", SHOP)
    settings = json.loads(settings) if isinstance(settings, str) else settings
    assert settings["category_delays_days"] == {"food": 365, "toys": 0, "books": 7}
    await survey.feed(placed(SHOP, "o-after-clamp", unique_email()))
    assert (await survey.status_of(SHOP, "o-after-clamp"))[0] == "pending"


async def test_ingest_refuses_year_9999_and_0001_orders_and_reviews(
    infra, database, prefix, log_dir
) -> None:
    """Through the running ingest: a `standard` webhook, the direct order API and a review.
    Before the bounds, the year-9999 order got a 202 and then dead-lettered in survey."""
    proc = ServiceProcess("ingest", service_env("ingest", infra, database, prefix), log_dir)
    proc.start()
    try:
        await asyncio.to_thread(proc.wait_ready, 60.0, False)
        await asyncio.to_thread(create_shop, proc.url, "bounds-ingest", "standard", WHSEC)
        async with httpx.AsyncClient(base_url=proc.url, timeout=10) as http:
            for n, placed_at in enumerate(("9999-12-20T00:00:00Z", "0001-01-01T00:00:00Z")):
                order = {**ORDER, "order_id": f"B-{n}", "placed_at": placed_at}
                body = body_of({"type": "order.created", "data": order})
                r = await http.post(
                    "/webhooks/standard/bounds-ingest",
                    content=body,
                    headers=standard_headers(body, WHSEC),
                )
                assert r.status_code == 422 and "placed_at" in r.text, r.text
                direct = await http.post("/v1/shops/bounds-ingest/orders", json=order, headers=API)
                assert direct.status_code == 422 and "placed_at" in direct.text, direct.text
                review = body_of(
                    {
                        "type": "review.created",
                        "data": {"review_id": f"r-{n}", "rating": 1, "created_at": placed_at},
                    }
                )
                r = await http.post(
                    "/reviews/generic/bounds-ingest",
                    content=review,
                    headers=standard_headers(review, WHSEC),
                )
                assert r.status_code == 422 and "created_at" in r.text, r.text
            body = body_of({"type": "order.created", "data": ORDER})
            ok = await http.post(
                "/webhooks/standard/bounds-ingest",
                content=body,
                headers=standard_headers(body, WHSEC),
            )
            assert ok.status_code == 202, ok.text
    finally:
        proc.kill()


async def test_ingest_refuses_a_fact_long_before_the_order_was_placed(
    infra, database, prefix, log_dir
) -> None:
    """A delivery, payment, refund... more than a day before `placed_at` is a wrong date (a year
    typed wrong made the delivery "too old" to survey, with nobody told): a 422 naming it, on
    the direct order API and the `standard` webhook. A delivery known only by its date, stamped
    at midnight before a same-day order, is accepted."""
    proc = ServiceProcess("ingest", service_env("ingest", infra, database, prefix), log_dir)
    proc.start()
    try:
        await asyncio.to_thread(proc.wait_ready, 60.0, False)
        await asyncio.to_thread(create_shop, proc.url, "order-dates", "standard", WHSEC)
        year_early = {**ORDER, "order_id": "D-1", "delivered_at": "2025-11-20T15:00:00+01:00"}
        refund = {"refund_id": "f", "refunded_at": "2026-11-16T10:00:00+01:00"}
        refunded_early = {**ORDER, "order_id": "D-2", "refunds": [refund]}
        same_day = {**ORDER, "order_id": "D-3", "delivered_at": "2026-11-18T00:00:00+01:00"}
        async with httpx.AsyncClient(base_url=proc.url, timeout=10) as http:
            for order, name in (
                (year_early, "delivered_at"),
                (refunded_early, "refunds[0].refunded_at"),
            ):
                reason = f"{name} lies more than a day before placed_at"
                direct = await http.post("/v1/shops/order-dates/orders", json=order, headers=API)
                assert direct.status_code == 422 and reason in direct.text, direct.text
                # The answer names the value, and copies no customer's data into the caller's
                # logs (pydantic's `input` for a rule across fields is the whole body).
                assert "bounds@example.com" not in direct.text, direct.text
                assert direct.json()["detail"][0]["loc"] == ["body"], direct.text
                body = body_of({"type": "order.created", "data": order})
                r = await http.post(
                    "/webhooks/standard/order-dates",
                    content=body,
                    headers=standard_headers(body, WHSEC),
                )
                assert r.status_code == 422 and reason in r.text, r.text
                assert "bounds@example.com" not in r.text, r.text
            ok = await http.post("/v1/shops/order-dates/orders", json=same_day, headers=API)
            assert ok.status_code == 202, ok.text
            assert ok.json()["events"] == ["order.placed", "order.delivered"], ok.text
    finally:
        proc.kill()
