"""Every settings endpoint changes only the members it is sent (JSON Merge Patch, RFC 7396),
for PUT as for PATCH: a partial body never resets what it leaves out (issue #16: a
`{"sla_hours": 12}` wiped the notifier's support address and alerts stopped). Real PostgreSQL."""

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from services.notifier.app import MIGRATIONS as NOTIFIER_MIGRATIONS
from services.notifier.app import build as build_notifier
from services.notifier.settings import NotifierSettings
from services.responder.app import build as build_responder
from services.survey.app import build as build_survey
from services.survey.settings import SurveySettings
from shared.db.migrations import apply_migrations, service_migrations
from shared.db.pool import create_pool
from tests.support.responder import running_responder, user_with_key
from tests.support.survey import SurveyHarness

pytestmark = pytest.mark.integration

API = {"Authorization": "Bearer api-token-dev-only"}
Call = Callable[[str, Any], Awaitable[httpx.Response]]


@asynccontextmanager
async def notifier(make_settings) -> AsyncIterator[Call]:
    settings = make_settings(NotifierSettings)
    pool = await create_pool(settings)
    try:
        await apply_migrations(
            pool, "notifier", service_migrations("notifier", NOTIFIER_MIGRATIONS)
        )
        app, runtime = build_notifier(settings)
        runtime.pool = pool
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://n") as http:
            url = f"/v1/shops/n-{uuid.uuid4().hex[:8]}/notification-settings"

            async def call(method: str, body: Any) -> httpx.Response:
                return await http.request(method, url, json=body, headers=API)

            yield call
    finally:
        await pool.close()


@asynccontextmanager
async def survey(make_settings, infra) -> AsyncIterator[Call]:
    settings = make_settings(SurveySettings, smtp_host=infra.smtp_host, smtp_port=infra.smtp_port)
    harness = await SurveyHarness.start(settings, infra.maildir)
    try:
        async with harness.http() as http:
            url = f"/v1/shops/s-{uuid.uuid4().hex[:8]}/survey-settings"

            async def call(method: str, body: Any) -> httpx.Response:
                return await http.request(method, url, json=body, headers=API)

            yield call
    finally:
        await harness.close()


@asynccontextmanager
async def responder(make_settings) -> AsyncIterator[Call]:
    async with running_responder(make_settings) as r, r.http() as http:
        shop = f"r-{uuid.uuid4().hex[:8]}"
        _, manager = await user_with_key(http, "manager", [shop])

        async def call(method: str, body: Any) -> httpx.Response:
            return await http.request(
                method, f"/v1/shops/{shop}/settings", json=body, headers=manager
            )

        yield call


# Per endpoint: a first full-enough setting, a partial change of another member, the member
# the partial change must keep, a value the model refuses, and a nested member.
CASES = {
    # Recipients and the SLA are the registry's since #18: the digest's members stand in.
    "notifier": (
        {"digest_recipients": ["support@example.com"], "digest_hour": 9},
        {"digest_hour": 6},
        ("digest_recipients", ["support@example.com"]),
        {"digest_hour": 99},
        None,
    ),
    "survey": (
        {"incentive_code": "THANKS10", "brand": {"primary_color": "#aa3300"}},
        {"cooldown_days": 10},
        ("incentive_code", "THANKS10"),
        {"send_window_start_hour": 99},
        ("brand", {"logo_url": "https://shop.example/logo.png"}, "primary_color", "#aa3300"),
    ),
    "responder": (
        {"signature": "The Tea Shop team", "automation": {"delay_minutes": 30}},
        {"max_reply_chars": 800},
        ("signature", "The Tea Shop team"),
        {"max_reply_chars": 5},
        ("automation", {"min_confidence": 0.9}, "delay_minutes", 30),
    ),
}


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
@pytest.mark.parametrize("service", sorted(CASES))
async def test_a_partial_body_changes_only_what_it_names(
    service, method, make_settings, infra
) -> None:
    first, partial, (kept, kept_value), refused, nested = CASES[service]
    opened = {
        "notifier": lambda: notifier(make_settings),
        "survey": lambda: survey(make_settings, infra),
        "responder": lambda: responder(make_settings),
    }[service]()
    async with opened as call:
        r = await call(method, first)
        assert r.status_code == 200, r.text
        r = await call(method, partial)
        assert r.status_code == 200, r.text
        after = r.json()
        assert after[kept] == kept_value  # left out, so kept
        ((name, value),) = partial.items()
        assert after[name] == value
        assert (await call("GET", None)).json() == after

        # Objects merge member by member.
        if nested is not None:
            outer, change, other, other_value = nested
            r = await call(method, {outer: change})
            assert r.status_code == 200, r.text
            assert r.json()[outer][other] == other_value

        # A value the model refuses: 422 naming it, nothing stored.
        r = await call(method, refused)
        assert r.status_code == 422, r.text
        (field,) = refused
        assert any(e["loc"][-1] == field for e in r.json()["detail"]), r.text
        assert (await call("GET", None)).json()[field] == after[field]
        # A body that is no object, or names no known member.
        assert (await call(method, [1])).status_code == 422
        assert (await call(method, {"no_such_setting": 1})).status_code == 422

        # null returns a member to its default.
        r = await call(method, {kept: None})
        assert r.status_code == 200, r.text
        assert r.json()[kept] == ([] if service == "notifier" else None)
        assert r.json()[name] == value


# Per endpoint: changes of distinct members, each sent on its own and all at once.
CONCURRENT = {
    "notifier": {
        "digest_enabled": False,
        "digest_hour": 7,
        "negative_share_threshold": 0.2,
        "negative_share_window_days": 5,
        "topic_spike_min_reviews": 6,
        "negative_share_min_reviews": 21,
    },
    "survey": {
        "cooldown_days": 11,
        "reminder_delay_days": 6,
        "max_products": 4,
        "follow_up_delay_days": 3,
        "default_delay_days": 9,
        "fallback_days": 13,
    },
    "responder": {
        "remedies": {"default": "We will send a replacement."},
        "faq_answers": {"shipping_time": "Two days."},
        "max_reply_chars": 900,
        "max_reply_chars_negative": 500,
        "agents_can_approve": True,
        "signature": "The team",
    },
}


@pytest.mark.parametrize("service", sorted(CONCURRENT))
async def test_concurrent_partial_changes_all_land(service, make_settings, infra) -> None:
    opened = {
        "notifier": lambda: notifier(make_settings),
        "survey": lambda: survey(make_settings, infra),
        "responder": lambda: responder(make_settings),
    }[service]()
    changes = CONCURRENT[service]
    async with opened as call:
        answers = await asyncio.gather(*(call("PATCH", {k: v}) for k, v in changes.items()))
        assert all(a.status_code == 200 for a in answers), [a.text for a in answers]
        stored = (await call("GET", None)).json()
    assert {k: stored[k] for k in changes} == changes


@pytest.mark.parametrize(
    ("build", "path", "model"),
    [
        (build_survey, "/v1/shops/{shop_id}/survey-settings", "SurveyShopSettings"),
        (build_notifier, "/v1/shops/{shop_id}/notification-settings", "NotificationSettings"),
        (build_responder, "/v1/shops/{shop_id}/settings", "ShopSettings"),
    ],
)
def test_the_published_body_is_the_settings_model(build, path, model) -> None:
    app, _ = build()
    spec = app.openapi()
    for method in ("put", "patch"):
        body = spec["paths"][path][method]["requestBody"]["content"]["application/json"]
        assert body["schema"]["$ref"] == f"#/components/schemas/{model}"
    assert model in spec["components"]["schemas"]
