"""The responder's access rules, review read model, review list and cases, in-process against
real PostgreSQL with a clock the test moves."""

import secrets
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import jwt
import pytest

from services.responder.access import tokens
from services.responder.access.deps import token_config
from services.responder.access.ratelimit import SharedTokenBuckets
from services.responder.app import build
from shared.events import ReviewDeleted
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


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    # Hundreds of bad credentials on purpose, all from one address: the limit on failed
    # attempts has its own test (test_responder.py).
    async with running_responder(make_settings, auth_failure_burst=100_000) as r:
        for shop in ("s1", "s2"):
            await r.feed(shop_event(shop))
        yield r


# Every endpoint, with a body that passes validation: (method, path, json).
ENDPOINTS = [
    ("GET", "/v1/users/me", None),
    ("GET", "/v1/users", None),
    ("POST", "/v1/users", {"name": "x", "role": "agent", "shop_ids": ["s1"]}),
    ("PATCH", "/v1/users/1", {"name": "y"}),
    ("POST", "/v1/users/1/api-keys", {}),
    ("GET", "/v1/users/1/api-keys", None),
    ("DELETE", "/v1/users/1/api-keys/1", None),
    ("POST", "/v1/auth/token", None),
    ("GET", "/v1/shops", None),
    ("GET", "/v1/shops/s1/settings", None),
    ("PUT", "/v1/shops/s1/settings", {}),
    ("PATCH", "/v1/shops/s1/settings", {}),
    ("GET", "/v1/shops/s1/connector", None),
    ("PUT", "/v1/shops/s1/connector", {"url": "https://replies.example.com/x"}),
    ("GET", "/v1/shops/s1/templates", None),
    (
        "POST",
        "/v1/shops/s1/templates",
        {
            "name": "t",
            "language": "en",
            "sentiment": "positive",
            "body": "{greeting} Thanks! {signature}",
        },
    ),
    (
        "PUT",
        "/v1/shops/s1/templates/1",
        {"name": "t", "language": "en", "sentiment": "positive", "body": "Thanks!"},
    ),
    ("DELETE", "/v1/shops/s1/templates/1", None),
    ("GET", "/v1/reviews?shop_id=s1", None),
    ("GET", "/v1/reviews/t:neg", None),
    ("POST", "/v1/reviews/t:neg/case", None),
    ("POST", "/v1/reviews/t:neg/case/transitions", {"to": "in_progress"}),
    ("PUT", "/v1/reviews/t:neg/case/assignee", {"user_id": None}),
    ("POST", "/v1/reviews/t:neg/notes", {"body": "called the customer"}),
    (
        "POST",
        "/v1/reviews/t:neg/removal-requests",
        {"reason": "unverified", "evidence": "no such order in our shop"},
    ),
    ("POST", "/v1/reviews/t:neg/drafts", {}),
    ("GET", "/v1/drafts/1", None),
    ("PUT", "/v1/drafts/1", {"text": "Hello"}),
    ("POST", "/v1/drafts/1/approve", None),
    ("POST", "/v1/drafts/1/publish", None),
    ("POST", "/v1/lint", {"text": "Hello"}),
    ("GET", "/v1/publications?shop_id=s1", None),
    ("GET", "/v1/analytics?shop_id=s1", None),
    ("GET", "/v1/audit", None),
    ("PUT", "/v1/shops/s1/connector/trustpilot", {"business_user_id": "b", "access_token": "t"}),
    (
        "PUT",
        "/v1/shops/s1/connector/google",
        {"account_id": "1", "location_id": "2", "access_token": "t"},
    ),
    ("DELETE", "/v1/shops/s1/connector/google", None),
]
CONNECTIONS = ENDPOINTS[-3:]


def body_of(method: str, path: str) -> Any:
    """The valid body ENDPOINTS sends with this request (by name: the list grows)."""
    return next(b for m, p, b in ENDPOINTS if m == method and p == path)


async def test_every_endpoint_refuses_missing_invalid_and_expired_credentials(
    responder: Responder,
) -> None:
    async with responder.http() as http:
        user_id, _ = await user_with_key(http, "admin", ["s1"])
        config = token_config(responder.settings)
        expired, _ = tokens.issue(config, user_id, 1, T0 - timedelta(hours=2))
        forged, _ = tokens.issue(
            tokens.TokenConfig("another-secret-of-32-bytes-or-more!", "x", "y", 60), user_id, 1, T0
        )
        for method, path, body in ENDPOINTS:
            for headers in (
                {},
                bearer("rlk_not-a-key"),
                bearer(expired),
                bearer(forged),
                {"X-API-Key": "wrong"},
            ):
                r = await http.request(method, path, json=body, headers=headers)
                assert r.status_code == 401, (method, path, headers, r.text)
                assert r.headers["www-authenticate"] == "Bearer"


async def test_roles_agents_draft_managers_configure_admins_manage_users(
    responder: Responder,
) -> None:
    await responder.feed(classified("s1", "t:neg", verified=False))
    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        manager_id, manager = await user_with_key(http, "manager", ["s1"])
        manager_only = [
            ("PUT", "/v1/shops/s1/settings", {}),
            ("PATCH", "/v1/shops/s1/settings", {}),
            ("GET", "/v1/shops/s1/connector", None),
            ("PUT", "/v1/shops/s1/connector", {"url": "https://replies.example.com/x"}),
            ("POST", "/v1/shops/s1/templates", body_of("POST", "/v1/shops/s1/templates")),
            ("PUT", "/v1/shops/s1/templates/1", body_of("PUT", "/v1/shops/s1/templates/1")),
            ("DELETE", "/v1/shops/s1/templates/1", None),
            (
                "POST",
                "/v1/reviews/t:neg/removal-requests",
                body_of("POST", "/v1/reviews/t:neg/removal-requests"),
            ),
            ("GET", "/v1/audit", None),
            *CONNECTIONS,
        ]
        admin_only = [
            ("GET", "/v1/users", None),
            ("POST", "/v1/users", {"name": "x", "role": "agent", "shop_ids": ["s1"]}),
            ("PATCH", f"/v1/users/{manager_id}", {"name": "y"}),
            ("POST", f"/v1/users/{manager_id}/api-keys", {}),
        ]
        for method, path, body in manager_only + admin_only:
            r = await http.request(method, path, json=body, headers=agent)
            assert r.status_code == 403, (method, path, r.text)
            assert "role" in r.json()["detail"] or "admins" in r.json()["detail"]
        for method, path, body in admin_only[:3]:
            r = await http.request(method, path, json=body, headers=manager)
            assert r.status_code == 403, (method, path, r.text)
        draft = await http.post("/v1/reviews/t:neg/drafts", json={}, headers=agent)
        assert draft.status_code == 201
        # Agents draft but do not approve or publish (unless the shop allows it).
        draft_id = draft.json()["id"]
        assert (await http.post(f"/v1/drafts/{draft_id}/approve", headers=agent)).status_code == 403
        assert (await http.post(f"/v1/drafts/{draft_id}/publish", headers=agent)).status_code == 403
        allow = await http.put(
            "/v1/shops/s1/settings", json={"agents_can_approve": True}, headers=manager
        )
        assert allow.status_code == 200
        assert (await http.post(f"/v1/drafts/{draft_id}/approve", headers=agent)).status_code == 200


async def test_nobody_sees_or_changes_another_shops_data(responder: Responder) -> None:
    await responder.feed(classified("s2", "t:other"))
    async with responder.http() as http:
        _, other_manager = await user_with_key(http, "manager", ["s2"])
        theirs = await http.post("/v1/reviews/t:other/drafts", json={}, headers=other_manager)
        draft_id = theirs.json()["id"]
        _, admin = await user_with_key(http, "admin", ["s1"])
        other_admin_id, _ = await user_with_key(http, "admin", ["s2"])
        checks = [
            ("GET", "/v1/reviews?shop_id=s2", None),
            ("GET", "/v1/reviews/t:other", None),
            ("GET", "/v1/reviews/t:other?shop_id=s2", None),
            ("POST", "/v1/reviews/t:other/case", None),
            ("POST", "/v1/reviews/t:other/case/transitions", {"to": "in_progress"}),
            ("PUT", "/v1/reviews/t:other/case/assignee", {"user_id": None}),
            ("POST", "/v1/reviews/t:other/notes", {"body": "peek"}),
            (
                "POST",
                "/v1/reviews/t:other/removal-requests",
                body_of("POST", "/v1/reviews/t:neg/removal-requests"),
            ),
            ("POST", "/v1/reviews/t:other/drafts", {}),
            ("GET", f"/v1/drafts/{draft_id}", None),
            ("PUT", f"/v1/drafts/{draft_id}", {"text": "Hello"}),
            ("POST", f"/v1/drafts/{draft_id}/approve", None),
            ("POST", f"/v1/drafts/{draft_id}/publish", None),
            ("POST", "/v1/lint", {"text": "Hello", "review_id": "t:other"}),
            ("POST", "/v1/lint", {"text": "Hello", "shop_id": "s2"}),
            ("GET", "/v1/publications?shop_id=s2", None),
            ("GET", "/v1/analytics?shop_id=s2", None),
            ("GET", "/v1/audit?shop_id=s2", None),
            ("GET", "/v1/shops/s2/settings", None),
            ("PUT", "/v1/shops/s2/settings", {}),
            ("GET", "/v1/shops/s2/connector", None),
            ("PUT", "/v1/shops/s2/connector", {"url": "https://replies.example.com/x"}),
            ("GET", "/v1/shops/s2/templates", None),
            ("POST", "/v1/shops/s2/templates", body_of("POST", "/v1/shops/s1/templates")),
            *((m, path.replace("/s1/", "/s2/"), body) for m, path, body in CONNECTIONS),
            ("PATCH", f"/v1/users/{other_admin_id}", {"name": "hijacked"}),
            ("POST", f"/v1/users/{other_admin_id}/api-keys", {}),
        ]
        for method, path, body in checks:
            r = await http.request(method, path, json=body, headers=admin)
            assert r.status_code == 404, (method, path, r.status_code, r.text)
        # Granting another shop is refused; listing shows only own shops and users.
        grant = await http.post(
            "/v1/users", headers=admin, json={"name": "x", "role": "agent", "shop_ids": ["s2"]}
        )
        assert grant.status_code == 403
        assert [s["shop_id"] for s in (await http.get("/v1/shops", headers=admin)).json()] == ["s1"]
        listed = (await http.get("/v1/users", headers=admin)).json()
        assert all(u["shop_ids"] == ["s1"] for u in listed)
        # The other shop's review is untouched.
        detail = (await http.get("/v1/reviews/t:other", headers=other_manager)).json()
        assert detail["notes"] == [] and detail["case"]["status"] == "new"


async def test_keys_are_shown_once_stored_hashed_revocable_and_tokens_follow_the_user(
    responder: Responder,
) -> None:
    async with responder.http() as http:
        user_id, key_headers = await user_with_key(http, "manager", ["s1"], name="Mia")
        key = key_headers["Authorization"].split()[1]
        stored = await responder.pool.fetch("SELECT prefix, key_hash FROM api_keys")
        assert all(key not in (r["prefix"], r["key_hash"]) for r in stored)
        assert tokens.hash_key(key) in {r["key_hash"] for r in stored}
        listed = (await http.get(f"/v1/users/{user_id}/api-keys", headers=key_headers)).json()
        assert listed[0]["key"] is None and key.startswith(listed[0]["prefix"])
        me = (await http.get("/v1/users/me", headers={"X-API-Key": key})).json()
        assert me == {
            "id": user_id,
            "name": "Mia",
            "role": "manager",
            "shop_ids": ["s1"],
            "via": "api_key",
        }
        token = (await http.post("/v1/auth/token", headers=key_headers)).json()
        assert token["expires_in"] == 3600
        jwt_headers = bearer(token["access_token"])
        assert (await http.get("/v1/users/me", headers=jwt_headers)).json()["via"] == "jwt"
        # Tokens expire by the service clock.
        responder.clock.now = T0 + timedelta(hours=2)
        assert (await http.get("/v1/users/me", headers=jwt_headers)).status_code == 401
        responder.clock.now = T0
        # A role change applies at once to keys and tokens alike; deactivation locks out both.
        demote = await http.patch(f"/v1/users/{user_id}", headers=BOOTSTRAP, json={"role": "agent"})
        assert demote.json()["role"] == "agent"
        assert (await http.get("/v1/users/me", headers=jwt_headers)).json()["role"] == "agent"
        await http.patch(f"/v1/users/{user_id}", headers=BOOTSTRAP, json={"active": False})
        assert (await http.get("/v1/users/me", headers=jwt_headers)).status_code == 401
        assert (await http.get("/v1/users/me", headers=key_headers)).status_code == 401
        await http.patch(f"/v1/users/{user_id}", headers=BOOTSTRAP, json={"active": True})
        key_id = listed[0]["id"]
        revoked = await http.delete(f"/v1/users/{user_id}/api-keys/{key_id}", headers=key_headers)
        assert revoked.status_code == 204
        assert (await http.get("/v1/users/me", headers=key_headers)).status_code == 401
        # Validation errors say what is wrong.
        bad = await http.post(
            "/v1/users", headers=BOOTSTRAP, json={"name": "", "role": "boss", "shop_ids": []}
        )
        assert bad.status_code == 422
        assert {e["loc"][-1] for e in bad.json()["detail"]} == {"name", "role", "shop_ids"}
        body = {"name": "a", "email": "a@x.example", "role": "agent", "shop_ids": ["s1"]}
        assert (await http.post("/v1/users", headers=BOOTSTRAP, json=body)).status_code == 201
        again = await http.post("/v1/users", headers=BOOTSTRAP, json=body)
        assert again.status_code == 409 and "email" in again.json()["detail"]
        # Users and keys changes are audited (who, what, before/after).
        actions = [
            r["action"]
            for r in await responder.pool.fetch("SELECT action FROM audit_log ORDER BY id")
        ]
        assert actions.count("user.updated") == 3 and "api_key.revoked" in actions


async def test_rate_limit_per_key(make_settings) -> None:
    async with running_responder(
        make_settings, rate_limit_burst=4, rate_limit_per_minute=1.0
    ) as responder:
        async with responder.http() as http:
            _, first = await user_with_key(http, "agent", ["s1"])
            _, second = await user_with_key(http, "agent", ["s1"])
            codes = [(await http.get("/v1/users/me", headers=first)).status_code for _ in range(5)]
            assert codes == [200, 200, 200, 200, 429]
            limited = await http.get("/v1/users/me", headers=first)
            assert int(limited.headers["retry-after"]) >= 1
            assert (await http.get("/v1/users/me", headers=second)).status_code == 200


async def test_replicas_share_one_budget_per_user(make_settings) -> None:
    """Two responder apps on one database (two replicas): the user's requests spend from one
    bucket, so two replicas do not double the rate (issue #22); it refills with time."""
    async with running_responder(
        make_settings, rate_limit_burst=4, rate_limit_per_minute=1.0
    ) as responder:
        async with responder.http() as first_replica, responder.http() as second_replica:
            _, key = await user_with_key(first_replica, "agent", ["s1"])
            codes = [
                (await replica.get("/v1/users/me", headers=key)).status_code
                for replica in (first_replica, second_replica) * 3
            ]
            assert codes == [200, 200, 200, 200, 429, 429]
            responder.clock.advance(seconds=61)
            assert (await second_replica.get("/v1/users/me", headers=key)).status_code == 200
            assert (await first_replica.get("/v1/users/me", headers=key)).status_code == 429
            # Buckets full again are pruned; a pruned bucket starts full.
            responder.clock.advance(minutes=10)
            limiter = SharedTokenBuckets(1.0, 4)
            # The user's bucket and the bootstrap key's (it created the user), both idle.
            assert await limiter.prune(responder.pool, responder.clock()) == 2
            assert (await first_replica.get("/v1/users/me", headers=key)).status_code == 200


async def test_the_rate_limit_is_per_user_whichever_key_they_use(make_settings) -> None:
    async with running_responder(
        make_settings, rate_limit_burst=4, rate_limit_per_minute=1.0
    ) as responder:
        async with responder.http() as http:
            user_id, first = await user_with_key(http, "agent", ["s1"])
            k = await http.post(f"/v1/users/{user_id}/api-keys", headers=first, json={})
            second = bearer(k.json()["key"])
            token = (await http.post("/v1/auth/token", headers=second)).json()["access_token"]
            # Minting the key and the token spent two of the user's four requests.
            codes = [
                (await http.get("/v1/users/me", headers=h)).status_code for h in (first, second)
            ]
            assert codes == [200, 200]
            for headers in (first, second, bearer(token)):
                limited = await http.get("/v1/users/me", headers=headers)
                assert limited.status_code == 429 and "user" in limited.json()["detail"]


async def test_a_user_holds_a_capped_number_of_active_keys(make_settings) -> None:
    async with running_responder(make_settings, max_api_keys_per_user=2) as responder:
        async with responder.http() as http:
            user_id, key = await user_with_key(http, "agent", ["s1"])
            path = f"/v1/users/{user_id}/api-keys"
            assert (await http.post(path, headers=key, json={})).status_code == 201
            third = await http.post(path, headers=key, json={})
            assert third.status_code == 409
            assert "2 active API keys" in third.json()["detail"]
            assert (await http.post(path, headers=BOOTSTRAP, json={})).status_code == 409
            oldest = (await http.get(path, headers=key)).json()[0]["id"]
            assert (await http.delete(f"{path}/{oldest}", headers=BOOTSTRAP)).status_code == 204
            assert (await http.post(path, headers=BOOTSTRAP, json={})).status_code == 201


async def test_failed_authentication_is_limited_per_address_and_per_key_prefix(
    make_settings,
) -> None:
    async with running_responder(
        make_settings, auth_failure_burst=3, auth_failures_per_minute=1.0
    ) as responder:
        # One app, several client addresses: the limits live in the app's memory.
        app, runtime = build(responder.settings)
        runtime.pool, runtime.clock = responder.pool, responder.clock

        def client(address: str) -> httpx.AsyncClient:
            transport = httpx.ASGITransport(app=app, client=(address, 40000))
            return httpx.AsyncClient(transport=transport, base_url="http://responder")

        async with client("198.51.100.1") as friend, client("203.0.113.9") as attacker:
            _, good = await user_with_key(friend, "agent", ["s1"])
            guesses = [bearer(f"rlk_{secrets.token_urlsafe(32)}") for _ in range(4)]
            codes = [(await attacker.get("/v1/users/me", headers=g)).status_code for g in guesses]
            assert codes == [401, 401, 401, 429]
            refused = await attacker.get("/v1/users/me", headers=guesses[0])
            assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
            assert "failed authentication" in refused.json()["detail"]
            # Bearer tokens that do not verify count the same.
            assert (await attacker.get("/v1/users/me", headers=bearer("a.b.c"))).status_code == 429
            # Other addresses are not affected.
            assert (await friend.get("/v1/users/me", headers=good)).status_code == 200

        # Aiming at one key's listed prefix from many addresses is limited by the prefix.
        prefix = good["Authorization"].split()[1][:10]
        for n in range(3):
            async with client(f"192.0.2.{n + 1}") as one_shot:
                wrong = bearer(prefix + secrets.token_urlsafe(30))
                assert (await one_shot.get("/v1/users/me", headers=wrong)).status_code == 401
        async with client("192.0.2.200") as fresh:
            wrong = bearer(prefix + secrets.token_urlsafe(30))
            assert (await fresh.get("/v1/users/me", headers=wrong)).status_code == 429
            other = bearer(f"rlk_{secrets.token_urlsafe(32)}")
            assert (await fresh.get("/v1/users/me", headers=other)).status_code == 401


async def test_creating_a_user_tells_nothing_about_other_shops_staff(
    responder: Responder,
) -> None:
    async with responder.http() as http:
        taken = {"name": "Ana", "email": "ana@shop-one.example", "role": "agent"}
        first = await http.post("/v1/users", headers=BOOTSTRAP, json={**taken, "shop_ids": ["s1"]})
        assert first.status_code == 201
        _, admin_of_s2 = await user_with_key(http, "admin", ["s2"])

        async def create(email: str) -> tuple[int, dict[str, str]]:
            body = {"name": "New colleague", "email": email, "role": "agent", "shop_ids": ["s2"]}
            r = await http.post("/v1/users", headers=admin_of_s2, json=body)
            return r.status_code, {k: type(v).__name__ for k, v in r.json().items()}

        # An address used in another shop and a fresh one: the same answer, field for field.
        elsewhere, fresh = await create("ana@shop-one.example"), await create("bo@new.example")
        assert elsewhere == fresh
        assert elsewhere[0] == 201
        # Within the caller's own shop an address is still unique.
        same = {"name": "x", "email": "ANA@shop-one.example", "role": "agent", "shop_ids": ["s2"]}
        again = await http.post("/v1/users", headers=admin_of_s2, json=same)
        assert again.status_code == 409 and "email" in again.json()["detail"]
        # Nor can two users of one shop end up with one address by moving a user across.
        moved = await http.patch(
            f"/v1/users/{first.json()['id']}", headers=BOOTSTRAP, json={"shop_ids": ["s1", "s2"]}
        )
        assert moved.status_code == 409 and "email" in moved.json()["detail"]


async def test_revoking_a_key_ends_the_tokens_issued_with_it(responder: Responder) -> None:
    async with responder.http() as http:
        user_id, first = await user_with_key(http, "agent", ["s1"])
        k = await http.post(f"/v1/users/{user_id}/api-keys", headers=first, json={})
        second_id, second = k.json()["id"], bearer(k.json()["key"])
        first_id = (await http.get(f"/v1/users/{user_id}/api-keys", headers=first)).json()[0]["id"]

        async def token(headers: dict[str, str]) -> dict[str, str]:
            issued = await http.post("/v1/auth/token", headers=headers)
            assert issued.status_code == 200, issued.text
            return bearer(issued.json()["access_token"])

        of_first, of_second = await token(first), await token(second)
        # A token renewed with a token stays tied to the key the first one came from.
        renewed = await token(of_first)
        revoke = await http.delete(f"/v1/users/{user_id}/api-keys/{first_id}", headers=second)
        assert revoke.status_code == 204
        for gone in (first, of_first, renewed):
            r = await http.get("/v1/users/me", headers=gone)
            assert r.status_code == 401, r.text
        assert "revoked" in r.json()["detail"]
        for alive in (second, of_second):
            assert (await http.get("/v1/users/me", headers=alive)).status_code == 200
        await http.delete(f"/v1/users/{user_id}/api-keys/{second_id}", headers=BOOTSTRAP)
        assert (await http.get("/v1/users/me", headers=of_second)).status_code == 401
        # A token naming no key (or another user's key) is refused.
        config = token_config(responder.settings)
        other_id, other = await user_with_key(http, "agent", ["s1"])
        other_key = (await http.get(f"/v1/users/{other_id}/api-keys", headers=other)).json()[0]
        borrowed, _ = tokens.issue(config, user_id, other_key["id"], T0)
        assert (await http.get("/v1/users/me", headers=bearer(borrowed))).status_code == 401
        claims = {"sub": str(other_id), "iss": config.issuer, "aud": config.audience,
                  "iat": int(T0.timestamp()), "exp": int(T0.timestamp()) + 600}  # fmt: skip
        keyless = jwt.encode(claims, config.secret, algorithm="HS256")
        r = await http.get("/v1/users/me", headers=bearer(keyless))
        assert r.status_code == 401 and "no API key" in r.json()["detail"]


async def test_a_later_classification_of_the_same_revision_replaces_the_earlier(
    responder: Responder,
) -> None:
    """Ingest's second pass announces the same revision again, later: that one is the
    classification to keep; a redelivery of the earlier one changes nothing."""
    async with responder.http() as http:
        _, manager = await user_with_key(http, "manager", ["s1"])
        await responder.feed(shop_event("s1", version=1, hours=48))
        fast = classified("s1", "t:2", rating=5, sentiment="positive")
        final = classified("s1", "t:2", rating=5, sentiment="negative", mismatch=True)
        final = final.model_copy(update={"occurred_at": T0 + timedelta(seconds=2)})

        async def sentiment() -> str:
            r = await http.get("/v1/reviews/t:2", headers=manager)
            return str(r.json()["review"]["sentiment"])

        await responder.feed(fast)
        assert await sentiment() == "positive"
        await responder.feed(final)
        assert await sentiment() == "negative"
        await responder.feed(fast)
        assert await sentiment() == "negative"


async def test_read_model_keeps_the_newest_revision_and_the_shops_sla(
    responder: Responder,
) -> None:
    async with responder.http() as http:
        _, manager = await user_with_key(http, "manager", ["s1"])
        # The SLA is the registry's: it reaches the responder in `shop.updated`.
        await responder.feed(shop_event("s1", version=1, hours=48))
        await responder.feed(
            classified("s1", "t:1", revision=2, rating=2, topics=("delivery_delay",))
        )
        await responder.feed(classified("s1", "t:1", revision=1, rating=5, sentiment="positive"))
        review = (await http.get("/v1/reviews/t:1", headers=manager)).json()["review"]
        assert review["rating"] == 2 and review["sentiment"] == "negative"
        assert review["sla_due_at"].startswith("2026-11-19T09:00")
        assert review["verified"] is True and review["order"]["items"][0]["name"] == "Teapot"
        assert review["reviewer_name"] == "Anna Novak" and review["language"] == "en"
        # Changing the SLA moves unanswered reviews' deadlines.
        await responder.feed(shop_event("s1", version=2, hours=12))
        review = (await http.get("/v1/reviews/t:1", headers=manager)).json()["review"]
        assert review["sla_due_at"].startswith("2026-11-17T21:00")
        await responder.feed(
            ReviewDeleted(
                shop_id="s1",
                payload={"review_id": "t:1", "source": "trustpilot", "deleted_at": T0},
            )
        )
        listed = (await http.get("/v1/reviews", headers=manager)).json()
        assert listed["items"] == []
        assert (await http.get("/v1/reviews/t:1", headers=manager)).json()["review"]["deleted_at"]


async def test_review_list_filters_sorts_by_urgency_and_pages_with_a_cursor(
    responder: Responder,
) -> None:
    feed = responder.feed
    await feed(
        classified("s1", "t:late", created=T0 - timedelta(hours=30), topics=("delivery_delay",))
    )
    await feed(
        classified(
            "s1",
            "t:soon",
            created=T0 - timedelta(hours=22),
            language="de",
            text="Das Paket kam beschädigt an",
            order_id="2002",
        )
    )
    await feed(
        classified(
            "s1",
            "t:fresh",
            created=T0 - timedelta(hours=1),
            severity="high",
            sentiment="neutral",
            rating=3,
            order_id="2003",
        )
    )
    await feed(
        classified(
            "s1",
            "g:happy",
            created=T0 - timedelta(hours=40),
            sentiment="positive",
            rating=5,
            source="google",
            order_id=None,
            verified=False,
            text="Lovely tea, fast shipping",
        )
    )
    await feed(
        classified(
            "s1",
            "g:meh",
            created=T0 - timedelta(hours=2),
            sentiment="neutral",
            rating=3,
            source="google",
            order_id="2005",
            language="sl",
        )
    )
    async with responder.http() as http:
        user_id, agent = await user_with_key(http, "agent", ["s1"])
        _, multi = await user_with_key(http, "agent", ["s1", "s2"])

        async def ids(query: str, headers: dict[str, str] = agent) -> list[str]:
            r = await http.get("/v1/reviews" + query, headers=headers)
            assert r.status_code == 200, r.text
            return [i["review_id"] for i in r.json()["items"]]

        # Severe and unanswered first (t:fresh, a neutral 3-star review of severity high), then
        # negative and unanswered, closest to the SLA first; then the rest.
        assert await ids("") == ["t:fresh", "t:late", "t:soon", "g:happy", "g:meh"]
        assert await ids("?sort=newest") == ["t:fresh", "g:meh", "t:soon", "t:late", "g:happy"]
        assert await ids("?sentiment=negative") == ["t:late", "t:soon"]
        assert await ids("?sentiment=neutral&sentiment=positive") == ["t:fresh", "g:happy", "g:meh"]
        assert await ids("?rating=3") == ["t:fresh", "g:meh"]
        assert await ids("?topic=delivery_delay") == ["t:late"]
        assert await ids("?source=google") == ["g:happy", "g:meh"]
        assert await ids("?language=de&language=sl") == ["t:soon", "g:meh"]
        assert await ids("?verified=false") == ["g:happy"]
        assert await ids("?sla=overdue") == ["t:late", "g:happy"]
        assert await ids("?sla=due_soon") == ["t:soon"]
        assert await ids("?sla=ok") == ["t:fresh", "g:meh"]
        assert await ids("?status=new") == ["t:fresh", "t:late", "t:soon"]
        assert await ids("?status=none") == ["g:happy", "g:meh"]
        assert await ids("?from=2026-11-17T06:00:00Z&to=2026-11-17T08:30:00%2B00:00") == [
            "t:fresh",
            "g:meh",
        ]
        assert await ids("?q=beschädigt") == ["t:soon"]
        assert await ids("?q=lovely%20tea") == ["g:happy"]
        assert await ids("?assigned=none&status=new") == ["t:fresh", "t:late", "t:soon"]
        await http.put("/v1/reviews/t:soon/case/assignee", json={"user_id": user_id}, headers=agent)
        assert await ids("?assigned=me") == ["t:soon"]
        assert await ids(f"?assigned={user_id}") == ["t:soon"]
        # One shop: shop_id may be left out; several: it is required.
        assert await ids("?shop_id=s1", multi) == await ids("")
        r = await http.get("/v1/reviews", headers=multi)
        assert r.status_code == 422 and "shop_id is required" in r.json()["detail"]
        # Cursor pages cover everything once, in order.
        seen, cursor = [], None
        while True:
            page = (
                await http.get(
                    "/v1/reviews",
                    params={"limit": 2, **({"cursor": cursor} if cursor else {})},
                    headers=agent,
                )
            ).json()
            seen += [i["review_id"] for i in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == await ids("")
        # Validation errors.
        for query, field in (
            ("?rating=9", "rating"),
            ("?sentiment=angry", "sentiment"),
            ("?sla=late", "sla"),
            ("?limit=0", "limit"),
        ):
            r = await http.get("/v1/reviews" + query, headers=agent)
            assert r.status_code == 422, (query, r.text)
            assert field in r.json()["detail"][0]["loc"], (query, r.text)
        for query, message in (
            ("?cursor=garbage", "invalid cursor"),
            ("?from=2026-11-17T06:00:00", "UTC offset"),
            ("?assigned=bob", "assigned"),
        ):
            r = await http.get("/v1/reviews" + query, headers=agent)
            assert r.status_code == 422 and message in r.json()["detail"], (query, r.text)


async def test_case_workflow_assignment_notes_and_follow_up(responder: Responder) -> None:
    await responder.feed(classified("s1", "t:neg"))
    await responder.feed(classified("s1", "g:pos", sentiment="positive", rating=5, order_id="9"))
    await responder.feed(
        classified(
            "s1", "t:abuse", sentiment="neutral", rating=3, order_id="8", removal_candidate=True
        )
    )
    async with responder.http() as http:
        agent_id, agent = await user_with_key(http, "agent", ["s1"])
        other_id, _ = await user_with_key(http, "agent", ["s2"])
        neg = (await http.get("/v1/reviews/t:neg", headers=agent)).json()
        assert neg["case"]["status"] == "new" and neg["case"]["opened_by"] == "system"
        assert (await http.get("/v1/reviews/t:abuse", headers=agent)).json()["case"] is not None
        assert (await http.get("/v1/reviews/g:pos", headers=agent)).json()["case"] is None

        async def move(to: str, review: str = "t:neg"):
            return await http.post(
                f"/v1/reviews/{review}/case/transitions", json={"to": to}, headers=agent
            )

        illegal = await move("resolved")
        assert illegal.status_code == 409
        assert illegal.json()["detail"] == {
            "message": "a case in 'new' cannot move to 'resolved'; allowed next steps: "
            "in_progress, replied",
            "current": "new",
            "requested": "resolved",
            "allowed": ["in_progress", "replied"],
        }
        assert (await move("finished")).status_code == 422
        steps = ["in_progress", "replied", "contacted", "resolved", "followed_up"]
        for i, step in enumerate(steps):
            responder.clock.now = T0 + timedelta(hours=i + 1)
            r = await move(step)
            assert r.status_code == 200, r.text
            assert r.json()["status"] == step
            assert r.json()[f"{step}_at"].startswith(f"2026-11-17T{10 + i}:00")
        assert "none (the case is closed)" in (await move("new")).json()["detail"]["message"]
        # Marking replied by hand stops the review's SLA clock.
        detail = (await http.get("/v1/reviews/t:neg", headers=agent)).json()
        assert detail["review"]["first_replied_at"].startswith("2026-11-17T11:00")
        assert [e["to_status"] for e in detail["case"]["events"]] == ["new", *steps]
        # Resolution asks for a follow-up email, through the outbox.
        (follow_up,) = await responder.outbox("case.follow_up_requested")
        assert follow_up["payload"]["review_ids"] == ["t:neg"]
        assert follow_up["payload"]["order_id"] == "1001"
        assert follow_up["payload"]["language"] == "en"
        # No case: 409; opening one by hand works once.
        assert (await move("in_progress", "g:pos")).status_code == 409
        opened = await http.post("/v1/reviews/g:pos/case", headers=agent)
        assert opened.status_code == 201 and opened.json()["opened_by"] == f"user:{agent_id}"
        assert (await http.post("/v1/reviews/g:pos/case", headers=agent)).status_code == 409
        # Assignment only to users of the shop.
        bad = await http.put(
            "/v1/reviews/g:pos/case/assignee", json={"user_id": other_id}, headers=agent
        )
        assert bad.status_code == 422
        good = await http.put(
            "/v1/reviews/g:pos/case/assignee", json={"user_id": agent_id}, headers=agent
        )
        assert good.json()["assignee_id"] == agent_id
        note = await http.post(
            "/v1/reviews/g:pos/notes", json={"body": "Sent a thank-you card"}, headers=agent
        )
        assert note.status_code == 201
        assert (
            await http.post("/v1/reviews/g:pos/notes", json={"body": ""}, headers=agent)
        ).status_code == 422
        detail = (await http.get("/v1/reviews/g:pos", headers=agent)).json()
        assert detail["notes"][0]["body"] == "Sent a thank-you card"
        assert {a["action"] for a in detail["audit"]} == {
            "case.opened",
            "case.assigned",
            "note.added",
        }
        assigned = next(a for a in detail["audit"] if a["action"] == "case.assigned")
        assert assigned["before"]["assignee_id"] is None
        assert assigned["after"]["assignee_id"] == agent_id
        assert assigned["actor"] == f"user:{agent_id}"


async def test_removal_requests_need_a_flag_and_never_hide_the_review(
    responder: Responder,
) -> None:
    await responder.feed(classified("s1", "t:spam", abuse=("profanity",), order_id="5"))
    await responder.feed(classified("s1", "t:real", order_id="6"))
    async with responder.http() as http:
        _, manager = await user_with_key(http, "manager", ["s1"])
        body = {"reason": "abusive", "evidence": "Insults staff by name, see text."}
        made = await http.post("/v1/reviews/t:spam/removal-requests", json=body, headers=manager)
        assert made.status_code == 201 and made.json()["status"] == "prepared"
        refused = await http.post("/v1/reviews/t:real/removal-requests", json=body, headers=manager)
        assert refused.status_code == 422 and "not flagged as abusive" in refused.json()["detail"]
        short = await http.post(
            "/v1/reviews/t:spam/removal-requests",
            json={"reason": "spam", "evidence": "x"},
            headers=manager,
        )
        assert short.status_code == 422
        listed = [
            i["review_id"] for i in (await http.get("/v1/reviews", headers=manager)).json()["items"]
        ]
        assert "t:spam" in listed
        detail = (await http.get("/v1/reviews/t:spam", headers=manager)).json()
        assert detail["removal_requests"][0]["reason"] == "abusive"
