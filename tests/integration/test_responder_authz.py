"""Every responder endpoint, enumerated from its OpenAPI (a new route fails this test until its
access rule is written down here): no or bad credentials are 401, a role too low is 403, another
shop's ids are 404, and none of them is ever a 2xx or a 5xx."""

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest

from services.responder.access import tokens
from services.responder.access.deps import token_config
from services.responder.app import build
from tests.support.responder import (
    BOOTSTRAP,
    T0,
    Responder,
    bearer,
    classified,
    running_responder,
    shop_event,
    user_with_key,
)

pytestmark = pytest.mark.integration

TEMPLATE = {
    "name": "t",
    "language": "en",
    "sentiment": "positive",
    "body": "{greeting} Thanks! {signature}",
}
# The lowest role each operation needs ("self": one's own user, or an admin), and a body that
# passes validation, so a refusal comes from the access rule and not from a 422.
POLICY: dict[tuple[str, str], tuple[str, Any]] = {
    ("GET", "/v1/users/me"): ("agent", None),
    ("GET", "/v1/users"): ("admin", None),
    ("POST", "/v1/users"): ("admin", {"name": "x", "role": "agent", "shop_ids": ["{shop}"]}),
    ("PATCH", "/v1/users/{user_id}"): ("admin", {"name": "y"}),
    ("POST", "/v1/users/{user_id}/api-keys"): ("self", {}),
    ("GET", "/v1/users/{user_id}/api-keys"): ("self", None),
    ("DELETE", "/v1/users/{user_id}/api-keys/{key_id}"): ("self", None),
    ("POST", "/v1/auth/token"): ("agent", None),
    ("PUT", "/v1/users/{user_id}/password"): ("self", {"password": "a long enough pass 12345"}),
    ("POST", "/v1/users/{user_id}/sign-in-links"): ("admin", {}),
    ("GET", "/v1/users/me/sessions"): ("agent", None),
    ("DELETE", "/v1/users/me/sessions"): ("agent", None),
    ("DELETE", "/v1/users/me/sessions/{session_id}"): ("agent", None),
    ("GET", "/v1/shops"): ("agent", None),
    ("GET", "/v1/shops/{shop_id}/settings"): ("agent", None),
    ("PUT", "/v1/shops/{shop_id}/settings"): ("manager", {}),
    ("PATCH", "/v1/shops/{shop_id}/settings"): ("manager", {}),
    ("GET", "/v1/shops/{shop_id}/connector"): ("manager", None),
    ("PUT", "/v1/shops/{shop_id}/connector"): ("manager", {"url": "https://replies.example.com/x"}),
    ("PUT", "/v1/shops/{shop_id}/connector/trustpilot"): (
        "manager",
        {"business_user_id": "b", "access_token": "t"},
    ),
    ("PUT", "/v1/shops/{shop_id}/connector/google"): (
        "manager",
        {"account_id": "1", "location_id": "2", "access_token": "t"},
    ),
    ("DELETE", "/v1/shops/{shop_id}/connector/{platform}"): ("manager", None),
    ("GET", "/v1/shops/{shop_id}/connector/shopify"): ("manager", None),
    ("PUT", "/v1/shops/{shop_id}/connector/shopify"): (
        "manager",
        {"shop_domain": "teashop.myshopify.com", "access_token": "t"},
    ),
    ("DELETE", "/v1/shops/{shop_id}/connector/shopify"): ("manager", None),
    ("GET", "/v1/reviews"): ("agent", None),
    ("GET", "/v1/reviews/counts"): ("agent", None),
    ("GET", "/v1/reviews/{review_id}"): ("agent", None),
    ("PUT", "/v1/reviews/{review_id}/sentiment"): ("agent", {"sentiment": "negative"}),
    ("POST", "/v1/reviews/{review_id}/case"): ("agent", None),
    ("POST", "/v1/reviews/{review_id}/case/transitions"): ("agent", {"to": "in_progress"}),
    ("PUT", "/v1/reviews/{review_id}/case/assignee"): ("agent", {"user_id": None}),
    ("POST", "/v1/reviews/{review_id}/notes"): ("agent", {"body": "called the customer"}),
    ("POST", "/v1/reviews/{review_id}/removal-requests"): (
        "manager",
        {"reason": "unverified", "evidence": "no such order in our shop"},
    ),
    ("GET", "/v1/removal-requests"): ("agent", None),
    ("GET", "/v1/reviews/{review_id}/moderation"): ("agent", None),
    ("POST", "/v1/reviews/{review_id}/moderation"): (
        "manager",
        {"action": "hold", "reason": "off_target"},
    ),
    ("POST", "/v1/reviews/{review_id}/moderation/redactions"): ("manager", {"phrases": ["pot"]}),
    ("GET", "/v1/shops/{shop_id}/moderation"): ("agent", None),
    ("POST", "/v1/reviews/{review_id}/drafts"): ("agent", {}),
    ("GET", "/v1/drafts/{draft_id}"): ("agent", None),
    ("PUT", "/v1/drafts/{draft_id}"): ("agent", {"text": "Hello"}),
    ("POST", "/v1/drafts/{draft_id}/approve"): ("manager", None),
    ("POST", "/v1/drafts/{draft_id}/publish"): ("manager", None),
    ("POST", "/v1/lint"): ("agent", {"text": "Hello", "shop_id": "{shop}"}),
    ("GET", "/v1/publications"): ("agent", None),
    ("GET", "/v1/shops/{shop_id}/templates"): ("agent", None),
    ("POST", "/v1/shops/{shop_id}/templates"): ("manager", TEMPLATE),
    ("PUT", "/v1/shops/{shop_id}/templates/{template_id}"): ("manager", TEMPLATE),
    ("DELETE", "/v1/shops/{shop_id}/templates/{template_id}"): ("manager", None),
    ("GET", "/v1/analytics"): ("agent", None),
    ("GET", "/v1/analytics/weekly"): ("agent", None),
    ("GET", "/v1/audit"): ("manager", None),
}
PROBES = {"/healthz", "/readyz", "/metrics"}
RANK = {"agent": 0, "manager": 1, "admin": 2}


def operations() -> list[tuple[str, str]]:
    app, _ = build()
    return sorted(
        (method.upper(), path)
        for path, item in app.openapi()["paths"].items()
        if path not in PROBES
        for method in item
    )


def test_every_route_has_a_written_access_rule() -> None:
    assert set(operations()) == set(POLICY)


@dataclass
class Shop:
    """Ids of things in one shop, to fill any route's path, query and body with."""

    shop_id: str
    review_id: str
    draft_id: int
    template_id: int
    user_id: int  # an admin of this shop alone
    key_id: int

    def ids(self) -> dict[str, str]:
        return {
            "shop_id": self.shop_id,
            "review_id": self.review_id,
            "draft_id": str(self.draft_id),
            "template_id": str(self.template_id),
            "user_id": str(self.user_id),
            "key_id": str(self.key_id),
            # Console sessions are one's own only: an id that is not the caller's is absent.
            "session_id": "987654321",
            "platform": "google",
        }


def request_for(method: str, template: str, shop: Shop) -> tuple[str, str, Any]:
    ids = shop.ids()
    path = re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], template)
    if method == "GET" and template in (
        "/v1/reviews",
        "/v1/reviews/counts",
        "/v1/publications",
        "/v1/removal-requests",
        "/v1/analytics",
        "/v1/analytics/weekly",
    ):
        path += f"?shop_id={shop.shop_id}"
    if template == "/v1/audit":
        path += f"?shop_id={shop.shop_id}"
    body = POLICY[(method, template)][1]
    if isinstance(body, dict):
        body = {k: _fill(v, shop.shop_id) for k, v in body.items()}
    return method, path, body


def _fill(value: Any, shop_id: str) -> Any:
    if value == "{shop}":
        return shop_id
    if isinstance(value, list):
        return [_fill(v, shop_id) for v in value]
    return value


async def seed(http: httpx.AsyncClient, responder: Responder, shop_id: str) -> Shop:
    review_id = f"t:{shop_id}"
    await responder.feed(classified(shop_id, review_id))
    admin_id, admin = await user_with_key(http, "admin", [shop_id])
    keys = await http.get(f"/v1/users/{admin_id}/api-keys", headers=admin)
    draft = await http.post(f"/v1/reviews/{review_id}/drafts", json={}, headers=admin)
    template = await http.post(f"/v1/shops/{shop_id}/templates", json=TEMPLATE, headers=admin)
    assert draft.status_code == 201 and template.status_code == 201, (draft.text, template.text)
    return Shop(
        shop_id,
        review_id,
        draft.json()["id"],
        template.json()["id"],
        admin_id,
        keys.json()[0]["id"],
    )


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    # Hundreds of bad credentials on purpose, all from one address: the limit on failed
    # attempts has its own test (test_responder.py).
    async with running_responder(make_settings, auth_failure_burst=100_000) as r:
        for shop in ("s1", "s2"):
            await r.feed(shop_event(shop))
        yield r


async def test_credentials_roles_and_shop_scope_on_every_route(responder: Responder) -> None:
    ops = operations()
    wrong: list[str] = []

    def expect(what: str, r: httpx.Response, allowed: set[int]) -> None:
        if r.status_code not in allowed:
            wrong.append(f"{what}: {r.request.method} {r.request.url.path} -> {r.status_code}")

    async with responder.http() as http:
        own, other = await seed(http, responder, "s1"), await seed(http, responder, "s2")
        _, agent = await user_with_key(http, "agent", ["s1"])
        _, manager = await user_with_key(http, "manager", ["s1"])
        _, admin = await user_with_key(http, "admin", ["s1"])
        config = token_config(responder.settings)
        expired, _ = tokens.issue(config, own.user_id, 1, T0 - timedelta(hours=2))
        forged, _ = tokens.issue(
            tokens.TokenConfig("another-secret-of-32-bytes-or-more!", "x", "y", 60),
            own.user_id,
            1,
            T0,
        )
        bad_credentials = {
            "none": {},
            "expired JWT": bearer(expired),
            "JWT of another issuer": bearer(forged),
            "unknown key": bearer("rlk_not-a-key"),
            "malformed JWT": bearer("a.b.c"),
            "latin-1 bytes": {"Authorization": b"Bearer \xe9\xe9\xe9"},
            "X-API-Key unknown": {"X-API-Key": "rlk_wrong"},
        }
        for method, template in ops:
            m, path, body = request_for(method, template, own)
            for what, headers in bad_credentials.items():
                r = await http.request(m, path, json=body, headers=headers)
                expect(what, r, {401})

            rule = POLICY[(method, template)][0]
            # A role too low, on its own shop's (or another user's) things: 403.
            for role, headers in (("agent", agent), ("manager", manager)):
                if rule == "self" or (rule in RANK and RANK[role] < RANK[rule]):
                    r = await http.request(m, path, json=body, headers=headers)
                    expect(f"{role} where {rule} is needed", r, {403})

            # The highest role, but of shop s1, on shop s2's things: as if they did not exist.
            m, path, body = request_for(method, template, other)
            r = await http.request(m, path, json=body, headers=admin)
            if any(f"{{{p}}}" in template for p in ("shop_id", "review_id", "draft_id")) or (
                "shop_id=" in path
            ):
                expect("another shop's ids", r, {404})
            elif "{session_id}" in template:
                expect("a session that is not the caller's", r, {404})
            elif template.startswith("/v1/users/{user_id}"):
                expect("another shop's admin", r, {403, 404})
            elif (method, template) in (("POST", "/v1/users"), ("POST", "/v1/lint")):
                expect("granting or naming another shop", r, {403, 404})
            else:
                # Routes about oneself or one's own shops: they answer, showing nothing of s2.
                expect("own view", r, {200, 201})
                assert '"s2"' not in r.text and "t:s2" not in r.text, (method, path, r.text)
    assert not wrong, "\n".join(wrong)
    # Nothing of shop s2 changed.
    async with responder.http() as http:
        detail = await http.get(f"/v1/reviews/{other.review_id}", headers=BOOTSTRAP)
        assert detail.json()["notes"] == [] and detail.json()["case"]["status"] == "new"
