"""Signing in to the staff console: argon2id passwords, session cookies, CSRF on every change,
revocable sessions, failed sign-ins rate-limited (real PostgreSQL)."""

from collections.abc import AsyncIterator

import pytest

from services.responder.console.session import COOKIE
from tests.support.console import PASSWORD, browser_client, field, sign_in, signed_in, staff
from tests.support.responder import BOOTSTRAP, Responder, running_responder


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        yield r


async def test_sign_in_sets_a_locked_down_cookie_and_opens_pages(responder: Responder) -> None:
    await staff(responder, "agent", ["shop-a"], "ana@shop-a.example")
    async with browser_client(responder) as client:
        page = await client.get("/console/account")
        assert page.status_code == 303
        assert page.headers["location"] == "/console/login?next=/console/account"

        wrong = await sign_in(client, "ana@shop-a.example", "not the password at all")
        assert wrong.status_code == 401
        assert "The email or the password is wrong." in wrong.text
        assert COOKIE not in client.cookies

        r = await sign_in(client, "ANA@shop-a.example", next_path="/console/account")
        assert r.status_code == 303
        assert r.headers["location"] == "/console/account"
        cookie = next(
            h for h in r.headers.get_list("set-cookie") if h.startswith(f"{COOKIE}=")
        ).lower()
        assert "httponly" in cookie and "secure" in cookie and "samesite=lax" in cookie
        assert "path=/console" in cookie

        page = await client.get("/console/account")
        assert page.status_code == 200
        assert "ana" in page.text
        csp = page.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe" not in csp
        assert page.headers["cache-control"] == "no-store"


async def test_the_sign_in_never_redirects_to_another_site(responder: Responder) -> None:
    await staff(responder, "agent", ["shop-a"], "ana@shop-a.example")
    async with browser_client(responder) as client:
        r = await sign_in(client, "ana@shop-a.example", next_path="//evil.example/console/")
        assert r.headers["location"] == "/console/inbox"


async def test_a_change_without_the_session_csrf_token_is_refused(responder: Responder) -> None:
    await staff(responder, "agent", ["shop-a"], "ana@shop-a.example")
    async with browser_client(responder) as client:
        csrf = await signed_in(client, "ana@shop-a.example")
        refused = await client.post("/console/logout", data={"csrf": "forged"})
        assert refused.status_code == 403
        assert "CSRF" in refused.text
        cross = await client.post(
            "/console/logout", data={"csrf": csrf}, headers={"Sec-Fetch-Site": "cross-site"}
        )
        assert cross.status_code == 403
        assert (await client.get("/console/account")).status_code == 200
        out = await client.post("/console/logout", data={"csrf": csrf})
        assert out.status_code == 303


async def test_the_login_form_needs_its_own_token(responder: Responder) -> None:
    await staff(responder, "agent", ["shop-a"], "ana@shop-a.example")
    async with browser_client(responder) as client:
        r = await client.post(
            "/console/login",
            data={"email": "ana@shop-a.example", "password": PASSWORD, "login_csrf": "x"},
        )
        assert r.status_code == 403
        assert COOKIE not in client.cookies


async def test_a_signed_out_or_deactivated_session_is_over(responder: Responder) -> None:
    user_id = await staff(responder, "agent", ["shop-a"], "ana@shop-a.example")
    async with browser_client(responder) as client:
        csrf = await signed_in(client, "ana@shop-a.example")
        stolen = client.cookies[COOKIE]
        await client.post("/console/logout", data={"csrf": csrf})
        client.cookies.set(COOKIE, stolen, domain="responder", path="/console")
        assert (await client.get("/console/account")).status_code == 303

    async with browser_client(responder) as client:
        await signed_in(client, "ana@shop-a.example")
        async with responder.http() as http:
            r = await http.patch(
                f"/v1/users/{user_id}",
                headers={"Authorization": "Bearer bootstrap-admin-key-dev-only"},
                json={"active": False},
            )
            assert r.status_code == 200
        assert (await client.get("/console/account")).status_code == 303
        again = await sign_in(client, "ana@shop-a.example")
        assert again.status_code == 401


async def test_sessions_expire_when_idle(responder: Responder) -> None:
    await staff(responder, "agent", ["shop-a"], "ana@shop-a.example")
    async with browser_client(responder) as client:
        await signed_in(client, "ana@shop-a.example")
        responder.clock.advance(seconds=responder.settings.console_idle_timeout_s + 1)
        assert (await client.get("/console/account")).status_code == 303


async def test_failed_sign_ins_are_rate_limited(make_settings) -> None:
    async with running_responder(
        make_settings, console_login_failure_burst=3, console_login_failures_per_minute=1
    ) as responder:
        await staff(responder, "agent", ["shop-a"], "ana@shop-a.example")
        async with browser_client(responder) as client:
            for _ in range(3):
                assert (
                    await sign_in(client, "ana@shop-a.example", "wrong guess 1234")
                ).status_code == 401
            limited = await sign_in(client, "ana@shop-a.example")
            assert limited.status_code == 429
            assert int(limited.headers["retry-after"]) >= 1
            assert COOKIE not in client.cookies


async def test_the_same_email_at_two_unrelated_shops_signs_in_the_matching_user(
    responder: Responder,
) -> None:
    await staff(responder, "agent", ["shop-a"], "sam@example.com", password="first password 111")
    await staff(responder, "manager", ["shop-b"], "sam@example.com", password="second pass 222")
    async with browser_client(responder) as client:
        await signed_in(client, "sam@example.com", "second pass 222")
        page = await client.get("/console/account")
        assert "Manager" in page.text
    assert field(page.text, "csrf")


async def test_a_form_value_refused_before_the_handler_is_a_page(responder: Responder) -> None:
    async with browser_client(responder) as client:
        r = await client.post("/console/login", data={"email": "a" * 400, "password": "x"})
        assert r.status_code == 422
        assert r.headers["content-type"].startswith("text/html")
        assert "email" in r.text and "320" in r.text
        assert "content-security-policy" in r.headers
    async with responder.http() as http:
        api = await http.get("/v1/reviews", params={"limit": "many"}, headers=BOOTSTRAP)
        assert api.status_code == 422 and api.json()["detail"]
