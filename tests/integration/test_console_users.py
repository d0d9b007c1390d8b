"""Users and roles, your account, one-time sign-in links and the password API (real
PostgreSQL): admins manage the users of their own shops under the API's rules, a new person
gets in with a link that works once, password changes and deactivations end sessions, and the
account page lists and ends sessions and API keys."""

import asyncio
import hashlib
import re
from collections.abc import AsyncIterator

import httpx
import pytest

from services.responder.app import build as build_responder
from services.responder.console.session import COOKIE
from tests.support.browser import Tab, chromium, serving, tab
from tests.support.console import (
    PASSWORD,
    browser_client,
    field,
    post_form,
    sign_in,
    signed_in,
    staff,
)
from tests.support.responder import BOOTSTRAP, Responder, bearer, running_responder

NEW_PASSWORD = "a brand new passphrase 42"
LAPTOP = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36"
)


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        yield r


def _link_path(html: str) -> str:
    found = re.search(r'value="http://localhost:8004(/console/welcome/[A-Za-z0-9_-]+)"', html)
    assert found, "no sign-in link on the page"
    return found.group(1)


def _session_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r"/console/account/sessions/(\d+)/revoke", html)]


async def _choose_password(
    client: httpx.AsyncClient, path: str, password: str, confirm: str | None = None
) -> httpx.Response:
    """Opens the link's page and submits its form."""
    page = await client.get(path)
    return await client.post(
        path,
        data={
            "password": password,
            "confirm": password if confirm is None else confirm,
            "form_token": field(page.text, "form_token") if page.status_code == 200 else "",
        },
    )


async def _key(responder: Responder, user_id: int) -> dict[str, str]:
    async with responder.http() as http:
        r = await http.post(f"/v1/users/{user_id}/api-keys", headers=BOOTSTRAP, json={})
        assert r.status_code == 201, r.text
    return bearer(r.json()["key"])


async def test_an_admin_adds_a_person_who_gets_in_with_a_one_time_link(
    responder: Responder,
) -> None:
    await staff(responder, "admin", ["shop-a", "shop-b"], "ada@shop-a.example")
    async with browser_client(responder) as admin:
        csrf = await signed_in(admin, "ada@shop-a.example")
        page = await admin.get("/console/users")
        assert page.status_code == 200
        assert 'name="shop_ids" value="shop-b"' in page.text

        r = await post_form(
            admin,
            "/console/users",
            csrf,
            {"name": "Nia", "email": "nia@shop-a.example", "role": "agent", "shop_ids": "shop-a"},
        )
        assert r.status_code == 303
        user_page = r.headers["location"]
        assert re.fullmatch(r"/console/users/\d+\?done=created", user_page)
        user_id = int(user_page.split("/")[-1].split("?")[0])
        shown = await admin.get(user_page)
        assert "The person was added." in shown.text
        assert "No password yet" in shown.text

        # The link is shown once, in the answer to the POST; the page shows it no more.
        made = await post_form(admin, f"/console/users/{user_id}/sign-in-link", csrf)
        assert made.status_code == 200
        path = _link_path(made.text)
        assert "/console/welcome/" not in (await admin.get(f"/console/users/{user_id}")).text
        token = path.rsplit("/", 1)[1]

    async with responder.pool.acquire() as conn:
        stored = await conn.fetchval(
            "SELECT token_hash FROM sign_in_links WHERE user_id = $1", user_id
        )
        assert stored == hashlib.sha256(token.encode()).hexdigest()
        audit = await conn.fetch(
            "SELECT action, after::text AS after FROM audit_log WHERE entity = 'user' "
            "AND entity_id = $1 ORDER BY id",
            str(user_id),
        )
    actions = [a["action"] for a in audit]
    assert actions[:2] == ["user.created", "user.sign_in_link_created"]
    assert all(token not in a["after"] for a in audit)

    async with browser_client(responder) as newcomer:
        # Opening the link (as a mail app's preview does) uses nothing up.
        for _ in range(2):
            opened = await newcomer.get(path)
            assert opened.status_code == 200
            assert "Welcome, Nia." in opened.text
        # Another site submitting the link in this browser has no token of the page.
        forged = await newcomer.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
        assert forged.status_code == 403
        assert COOKIE not in newcomer.cookies
        mismatch = await _choose_password(newcomer, path, NEW_PASSWORD, "something else 123")
        assert mismatch.status_code == 422
        assert "The two passwords are not the same." in mismatch.text
        weak = await _choose_password(newcomer, path, "short")
        assert weak.status_code == 422
        assert "at least 12 characters" in weak.text
        done = await _choose_password(newcomer, path, NEW_PASSWORD)
        assert done.status_code == 303
        assert done.headers["location"] == "/console/inbox"
        assert COOKIE in newcomer.cookies
        assert (await newcomer.get("/console/account")).status_code == 200

    async with browser_client(responder) as stranger:
        again = await _choose_password(stranger, path, "another fine passphrase")
        assert again.status_code == 404
        assert "already used" in again.text
        assert COOKIE not in stranger.cookies
        assert (await stranger.get(path)).status_code == 404

    async with browser_client(responder) as newcomer:
        assert (await sign_in(newcomer, "nia@shop-a.example", NEW_PASSWORD)).status_code == 303
    async with responder.pool.acquire() as conn:
        used = await conn.fetchval(
            "SELECT count(*) FROM audit_log WHERE action = 'user.sign_in_link_used' "
            "AND entity_id = $1",
            str(user_id),
        )
    assert used == 1


async def test_links_expire_and_a_newer_link_replaces_the_older(responder: Responder) -> None:
    admin_id = await staff(responder, "admin", ["shop-a"], "ada@shop-a.example")
    nia = await staff(responder, "agent", ["shop-a"], "nia@shop-a.example")
    admin_key = await _key(responder, admin_id)
    async with responder.http() as http:
        first = await http.post(f"/v1/users/{nia}/sign-in-links", headers=admin_key, json={})
        assert first.status_code == 201, first.text
        assert first.json()["url"] == "http://localhost:8004" + first.json()["path"]
        second = await http.post(
            f"/v1/users/{nia}/sign-in-links", headers=admin_key, json={"valid_hours": 1}
        )
        assert second.status_code == 201
        too_long = await http.post(
            f"/v1/users/{nia}/sign-in-links", headers=admin_key, json={"valid_hours": 1000}
        )
        assert too_long.status_code == 422
    async with browser_client(responder) as client:
        assert (await client.get(first.json()["path"])).status_code == 404
        assert (await client.get(second.json()["path"])).status_code == 200
        responder.clock.advance(seconds=3601)
        assert (await client.get(second.json()["path"])).status_code == 404


async def test_a_link_works_once_even_when_sent_twice_at_the_same_moment(
    responder: Responder,
) -> None:
    nia = await staff(responder, "agent", ["shop-a"], "nia@shop-a.example")
    async with responder.http() as http:
        made = await http.post(f"/v1/users/{nia}/sign-in-links", headers=BOOTSTRAP)
    path = made.json()["path"]
    async with browser_client(responder) as one, browser_client(responder) as two:
        tokens = [field((await c.get(path)).text, "form_token") for c in (one, two)]
        answers = await asyncio.gather(
            *(
                c.post(path, data={"password": p, "confirm": p, "form_token": t})
                for c, p, t in zip(
                    (one, two), (NEW_PASSWORD, "the other passphrase 7"), tokens, strict=True
                )
            )
        )
    assert sorted(a.status_code for a in answers) == [303, 404]


async def test_only_admins_manage_users_within_their_own_shops_and_rank(
    responder: Responder,
) -> None:
    admin_id = await staff(responder, "admin", ["shop-a"], "ada@shop-a.example")
    await staff(responder, "manager", ["shop-a"], "max@shop-a.example")
    other = await staff(responder, "agent", ["shop-b"], "bob@shop-b.example")
    both = await staff(responder, "agent", ["shop-a", "shop-b"], "two@shop-a.example")

    async with browser_client(responder) as manager:
        csrf = await signed_in(manager, "max@shop-a.example")
        assert "/console/users" not in (await manager.get("/console/account")).text
        assert (await manager.get("/console/users")).status_code == 403
        refused = await post_form(
            manager,
            "/console/users",
            csrf,
            {"name": "X", "email": "x@shop-a.example", "role": "agent", "shop_ids": "shop-a"},
        )
        assert refused.status_code == 403

    async with browser_client(responder) as admin:
        csrf = await signed_in(admin, "ada@shop-a.example")
        listed = (await admin.get("/console/users")).text
        assert "bob@shop-b.example" not in listed and "two@shop-a.example" not in listed
        assert (await admin.get(f"/console/users/{other}")).status_code == 404
        assert (await admin.get(f"/console/users/{both}")).status_code == 404
        outside = await post_form(
            admin,
            "/console/users",
            csrf,
            {"name": "Eve", "email": "eve@shop-b.example", "role": "agent", "shop_ids": "shop-b"},
        )
        assert outside.status_code == 403
        assert "only grant access to shops you administer" in outside.text
        assert 'value="eve@shop-b.example"' in outside.text  # the form keeps what was typed
        no_role = await post_form(
            admin,
            "/console/users",
            csrf,
            {"name": "Eve", "email": "eve@shop-a.example", "role": "owner", "shop_ids": "shop-a"},
        )
        assert no_role.status_code == 422
        assert "role" in no_role.text
        bad_email = await post_form(
            admin,
            "/console/users",
            csrf,
            {"name": "Eve", "email": "not an email", "role": "agent", "shop_ids": "shop-a"},
        )
        assert bad_email.status_code == 422
        assert "email" in bad_email.text
        taken = await post_form(
            admin,
            "/console/users",
            csrf,
            {"name": "Max", "email": "max@shop-a.example", "role": "agent", "shop_ids": "shop-a"},
        )
        assert taken.status_code == 409
        demote = await post_form(
            admin,
            f"/console/users/{admin_id}",
            csrf,
            {"name": "Ada", "role": "manager", "shop_ids": "shop-a"},
        )
        assert demote.status_code == 409
        assert "cannot demote or deactivate yourself" in demote.text
        self_off = await post_form(admin, f"/console/users/{admin_id}/deactivate", csrf)
        assert self_off.status_code == 409
        beyond = await post_form(admin, f"/console/users/{other}/deactivate", csrf)
        assert beyond.status_code == 404
        no_shop = await post_form(
            admin, f"/console/users/{admin_id}", csrf, {"name": "Ada", "role": "admin"}
        )
        assert no_shop.status_code == 422
        forged = await post_form(
            admin, "/console/users", "forged", {"name": "Z", "role": "agent", "shop_ids": "shop-a"}
        )
        assert forged.status_code == 403

    async with browser_client(responder) as agent_of_both:
        # Admins of shop-b only cannot touch a user who also works for shop-a.
        await staff(responder, "admin", ["shop-b"], "bea@shop-b.example")
        csrf = await signed_in(agent_of_both, "bea@shop-b.example")
        link = await post_form(agent_of_both, f"/console/users/{both}/sign-in-link", csrf)
        assert link.status_code == 404


async def test_role_changes_and_deactivation_apply_to_open_sessions(
    responder: Responder,
) -> None:
    await staff(responder, "admin", ["shop-a", "shop-b"], "ada@shop-a.example")
    nia = await staff(responder, "agent", ["shop-a"], "nia@shop-a.example")
    async with browser_client(responder) as admin, browser_client(responder) as user:
        csrf = await signed_in(admin, "ada@shop-a.example")
        await signed_in(user, "nia@shop-a.example")

        promoted = await post_form(
            admin,
            f"/console/users/{nia}",
            csrf,
            {"name": "Nia N.", "role": "manager", "shop_ids": ["shop-a", "shop-b"]},
        )
        assert promoted.status_code == 303
        assert promoted.headers["location"] == f"/console/users/{nia}?done=updated"
        page = (await user.get("/console/account")).text
        assert "Nia N." in page and "Manager" in page and "shop-b" in page

        made = await post_form(admin, f"/console/users/{nia}/sign-in-link", csrf)
        old_link = _link_path(made.text)
        old_cookie = user.cookies[COOKIE]
        off = await post_form(admin, f"/console/users/{nia}/deactivate", csrf)
        assert off.headers["location"] == f"/console/users/{nia}?done=deactivated"
        assert (await user.get("/console/account")).status_code == 303
        assert (await sign_in(user, "nia@shop-a.example")).status_code == 401
        shown = await admin.get(f"/console/users/{nia}?done=deactivated")
        assert "Deactivated" in shown.text and "Reactivate" in shown.text
        no_link = await post_form(admin, f"/console/users/{nia}/sign-in-link", csrf)
        assert no_link.status_code == 409

        on = await post_form(admin, f"/console/users/{nia}/reactivate", csrf)
        assert on.headers["location"] == f"/console/users/{nia}?done=reactivated"
        # Sessions and links from before the deactivation stay over.
        user.cookies.set(COOKIE, old_cookie, domain="responder", path="/console")
        assert (await user.get("/console/account")).status_code == 303
        assert (await user.get(old_link)).status_code == 404
        assert (await sign_in(user, "nia@shop-a.example")).status_code == 303


async def test_changing_your_password_keeps_this_session_and_ends_the_others(
    responder: Responder,
) -> None:
    await staff(responder, "agent", ["shop-a"], "nia@shop-a.example")
    async with browser_client(responder) as here, browser_client(responder) as there:
        csrf = await signed_in(here, "nia@shop-a.example")
        await signed_in(there, "nia@shop-a.example")

        wrong = await post_form(
            here,
            "/console/account/password",
            csrf,
            {"current": "not my password", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        )
        assert wrong.status_code == 422
        assert "The current password is wrong." in wrong.text
        weak = await post_form(
            here,
            "/console/account/password",
            csrf,
            {"current": PASSWORD, "password": "nia-nia-nia-nia", "confirm": "nia-nia-nia-nia"},
        )
        assert weak.status_code == 422
        assert "must not contain your email address" in weak.text
        assert (await there.get("/console/account")).status_code == 200

        done = await post_form(
            here,
            "/console/account/password",
            csrf,
            {"current": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        )
        assert done.status_code == 303
        assert done.headers["location"] == "/console/account?done=password"
        assert (await here.get("/console/account")).status_code == 200
        assert (await there.get("/console/account")).status_code == 303
    async with browser_client(responder) as client:
        assert (await sign_in(client, "nia@shop-a.example")).status_code == 401
        assert (await sign_in(client, "nia@shop-a.example", NEW_PASSWORD)).status_code == 303


async def test_guessing_the_current_password_is_rate_limited(make_settings) -> None:
    async with running_responder(
        make_settings, console_login_failure_burst=2, console_login_failures_per_minute=1
    ) as responder:
        await staff(responder, "agent", ["shop-a"], "nia@shop-a.example")
        async with browser_client(responder) as client:
            csrf = await signed_in(client, "nia@shop-a.example")
            form = {"current": "guess number one", "password": NEW_PASSWORD}
            form["confirm"] = NEW_PASSWORD
            for _ in range(2):
                r = await post_form(client, "/console/account/password", csrf, form)
                assert r.status_code == 422
            limited = await post_form(
                client, "/console/account/password", csrf, {**form, "current": PASSWORD}
            )
            assert limited.status_code == 429


async def test_your_sessions_are_listed_and_can_be_signed_out(responder: Responder) -> None:
    await staff(responder, "agent", ["shop-a"], "nia@shop-a.example")
    async with (
        browser_client(responder) as laptop,
        browser_client(responder) as phone,
        browser_client(responder) as tablet,
    ):
        laptop.headers["user-agent"] = LAPTOP
        phone.headers["user-agent"] = PHONE
        csrf = await signed_in(laptop, "nia@shop-a.example")
        await signed_in(phone, "nia@shop-a.example")
        await signed_in(tablet, "nia@shop-a.example")

        page = (await laptop.get("/console/account")).text
        assert "Firefox on Linux" in page and "Chrome on Android" in page
        assert page.count("This session") == 1
        others = _session_ids(page)
        assert len(others) == 2  # every session but this one has a sign-out button

        phone_page = (await phone.get("/console/account")).text
        phone_session = next(i for i in _session_ids(page) if i not in _session_ids(phone_page))
        ended = await post_form(laptop, f"/console/account/sessions/{phone_session}/revoke", csrf)
        assert ended.headers["location"] == "/console/account?done=session_revoked"
        assert (await phone.get("/console/account")).status_code == 303
        assert (await tablet.get("/console/account")).status_code == 200
        gone = await post_form(laptop, f"/console/account/sessions/{phone_session}/revoke", csrf)
        assert gone.status_code == 404

        rest = await post_form(laptop, "/console/account/sessions/revoke-others", csrf)
        assert rest.headers["location"] == "/console/account?done=others_signed_out"
        assert (await tablet.get("/console/account")).status_code == 303
        page = (await laptop.get("/console/account")).text
        assert _session_ids(page) == [] and "Sign out everywhere else" not in page


async def test_your_api_keys_are_created_once_shown_and_revoked(responder: Responder) -> None:
    await staff(responder, "agent", ["shop-a"], "nia@shop-a.example")
    async with browser_client(responder) as client:
        csrf = await signed_in(client, "nia@shop-a.example")
        made = await post_form(client, "/console/account/api-keys", csrf, {"name": "laptop script"})
        assert made.status_code == 200
        key = re.search(r'value="(rlk_[A-Za-z0-9_-]+)"', made.text)
        assert key
        page = (await client.get("/console/account")).text
        assert "laptop script" in page and key.group(1) not in page
        async with responder.http() as http:
            me = await http.get("/v1/users/me", headers=bearer(key.group(1)))
            assert me.status_code == 200 and me.json()["name"] == "nia"
            key_id = int(re.findall(r"/console/account/api-keys/(\d+)/revoke", page)[0])
            done = await post_form(client, f"/console/account/api-keys/{key_id}/revoke", csrf)
            assert done.headers["location"] == "/console/account?done=key_revoked"
            assert (await http.get("/v1/users/me", headers=bearer(key.group(1)))).status_code == 401


async def test_the_password_api_for_oneself_and_for_admins_of_the_users_shops(
    responder: Responder,
) -> None:
    nia = await staff(responder, "agent", ["shop-a"], "nia@shop-a.example")
    admin = await staff(responder, "admin", ["shop-a"], "ada@shop-a.example")
    other_admin = await staff(responder, "admin", ["shop-b"], "bob@shop-b.example")
    colleague = await staff(responder, "manager", ["shop-a"], "max@shop-a.example")
    nia_key, admin_key = await _key(responder, nia), await _key(responder, admin)
    other_key, colleague_key = await _key(responder, other_admin), await _key(responder, colleague)

    async with browser_client(responder) as browser, responder.http() as http:
        await signed_in(browser, "nia@shop-a.example")
        path = f"/v1/users/{nia}/password"
        assert (await http.put(path, json={"password": NEW_PASSWORD})).status_code == 401
        weak = await http.put(path, headers=nia_key, json={"password": "too short"})
        assert weak.status_code == 422
        assert "at least 12 characters" in weak.json()["detail"]
        assert (await http.put(path, headers=nia_key, json={})).status_code == 422
        beyond = await http.put(path, headers=other_key, json={"password": NEW_PASSWORD})
        assert beyond.status_code == 404
        peer = await http.put(path, headers=colleague_key, json={"password": NEW_PASSWORD})
        assert peer.status_code == 403

        mine = await http.put(path, headers=nia_key, json={"password": NEW_PASSWORD})
        assert mine.status_code == 204
        assert (await browser.get("/console/account")).status_code == 303  # sessions ended
        assert (await sign_in(browser, "nia@shop-a.example", NEW_PASSWORD)).status_code == 303

        by_admin = await http.put(path, headers=admin_key, json={"password": "set by the admin 9"})
        assert by_admin.status_code == 204
        assert (await browser.get("/console/account")).status_code == 303
        assert (
            await sign_in(browser, "nia@shop-a.example", "set by the admin 9")
        ).status_code == 303
        by_bootstrap = await http.put(path, headers=BOOTSTRAP, json={"password": NEW_PASSWORD})
        assert by_bootstrap.status_code == 204
        gone = await http.put(
            "/v1/users/999999/password", headers=admin_key, json={"password": NEW_PASSWORD}
        )
        assert gone.status_code == 404


async def test_the_sessions_api_lists_and_ends_the_callers_console_sessions(
    responder: Responder,
) -> None:
    nia = await staff(responder, "agent", ["shop-a"], "nia@shop-a.example")
    ada = await staff(responder, "admin", ["shop-a"], "ada@shop-a.example")
    nia_key, ada_key = await _key(responder, nia), await _key(responder, ada)
    async with (
        browser_client(responder) as phone,
        browser_client(responder) as laptop,
        browser_client(responder) as admin,
        responder.http() as http,
    ):
        phone.headers["user-agent"] = PHONE
        await signed_in(phone, "nia@shop-a.example")
        await signed_in(laptop, "nia@shop-a.example")
        await signed_in(admin, "ada@shop-a.example")

        for method, url in (
            ("GET", "/v1/users/me/sessions"),
            ("DELETE", "/v1/users/me/sessions"),
            ("DELETE", "/v1/users/me/sessions/1"),
        ):
            assert (await http.request(method, url)).status_code == 401
            assert (await http.request(method, url, headers=bearer("rlk_x"))).status_code == 401
        listed = await http.get("/v1/users/me/sessions", headers=nia_key)
        assert listed.status_code == 200
        sessions = listed.json()
        assert len(sessions) == 2
        assert {s["device"] for s in sessions} == {"Chrome on Android", ""}
        phone_id = next(s["id"] for s in sessions if s["device"])
        assert set(sessions[0]) == {
            "id", "device", "user_agent", "started_at", "last_seen_at", "expires_at"
        }  # fmt: skip

        admins = (await http.get("/v1/users/me/sessions", headers=ada_key)).json()
        theirs = await http.delete(f"/v1/users/me/sessions/{admins[0]['id']}", headers=nia_key)
        assert theirs.status_code == 404
        assert (await admin.get("/console/account")).status_code == 200

        one = await http.delete(f"/v1/users/me/sessions/{phone_id}", headers=nia_key)
        assert one.status_code == 204
        assert (await phone.get("/console/account")).status_code == 303
        assert (await laptop.get("/console/account")).status_code == 200

        every = await http.delete("/v1/users/me/sessions", headers=nia_key)
        assert every.status_code == 200 and every.json() == {"ended": 1}
        assert (await laptop.get("/console/account")).status_code == 303
        assert (await http.get("/v1/users/me/sessions", headers=nia_key)).json() == []
        assert (await http.get("/v1/users/me/sessions", headers=BOOTSTRAP)).status_code == 422


async def test_sign_in_links_through_the_api_need_an_admin_of_the_users_shops(
    responder: Responder,
) -> None:
    nia = await staff(responder, "agent", ["shop-a"], "nia@shop-a.example")
    manager = await staff(responder, "manager", ["shop-a"], "max@shop-a.example")
    other_admin = await staff(responder, "admin", ["shop-b"], "bob@shop-b.example")
    path = f"/v1/users/{nia}/sign-in-links"
    async with responder.http() as http:
        assert (await http.post(path, json={})).status_code == 401
        as_manager = await http.post(path, headers=await _key(responder, manager), json={})
        assert as_manager.status_code == 403
        beyond = await http.post(path, headers=await _key(responder, other_admin), json={})
        assert beyond.status_code == 404
        made = await http.post(path, headers=BOOTSTRAP)
        assert made.status_code == 201
    async with browser_client(responder) as client:
        done = await _choose_password(client, made.json()["path"], NEW_PASSWORD)
        assert done.status_code == 303


async def test_the_welcome_page_of_an_unknown_link_says_so(responder: Responder) -> None:
    async with browser_client(responder) as client:
        r = await client.get("/console/welcome/" + "x" * 43)
        assert r.status_code == 404
        assert "Ask an admin of your shop for a new one." in r.text
        assert (await client.get("/console/welcome/bad!token")).status_code == 422
        cross = await client.post(
            "/console/welcome/" + "x" * 43,
            data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
            headers={"Sec-Fetch-Site": "cross-site"},
        )
        assert cross.status_code == 403


async def test_the_pages_in_chromium_at_phone_width(responder: Responder) -> None:
    """Users, a user with a fresh sign-in link, the account page and the choose-your-password
    page: no CSP violation, no sideways scroll, no serious or critical axe-core finding; the
    forms work with the keyboard."""
    await staff(responder, "admin", ["shop-a", "shop-b"], "ada@shop-a.example")
    app, runtime = build_responder(responder.settings)
    runtime.pool = responder.pool
    runtime.clock = responder.clock

    async def clean(t: Tab) -> None:
        assert await t.csp_violations() == []
        assert await t.horizontal_overflow() == 0
        serious = [v for v in await t.axe_violations() if v["impact"] in ("serious", "critical")]
        assert serious == []

    async with serving(app) as url, chromium() as browser:
        async with tab(browser) as t:
            await t.page.goto(f"{url}/console/users")
            await t.page.fill("#email", "ada@shop-a.example")
            await t.page.fill("#password", PASSWORD)
            await t.page.keyboard.press("Enter")
            await t.page.wait_for_url(f"{url}/console/users")
            await clean(t)

            await t.page.fill("#new-name", "Nia Novak")
            await t.page.fill("#new-email", "nia@shop-a.example")
            await t.page.select_option("#new-role", "manager")
            await t.page.check("input[name=shop_ids][value=shop-a]")
            await t.page.locator("#new-email").press("Enter")
            await t.page.wait_for_url(re.compile(r".*/console/users/\d+\?done=created$"))
            await t.page.click("text=Create sign-in link")
            link = await t.page.input_value("#sign-in-link")
            await clean(t)

            await t.page.goto(f"{url}/console/account")
            await t.page.fill("#key-name", "reports")
            await t.page.click("text=Create API key")
            assert (await t.page.input_value("#new-key")).startswith("rlk_")
            await clean(t)

        async with tab(browser) as t:
            await t.page.goto(url + link.removeprefix("http://localhost:8004"))
            await clean(t)
            await t.page.fill("#password", NEW_PASSWORD)
            await t.page.fill("#confirm", NEW_PASSWORD)
            await t.page.locator("#confirm").press("Enter")
            await t.page.wait_for_url(re.compile(r".*/console/inbox$"))
            await t.page.goto(f"{url}/console/account")
            assert "Manager" in await t.page.content()
