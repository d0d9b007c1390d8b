"""The staff console over HTTP, as a browser would use it: users with passwords, signing in,
the CSRF token of the session, pages parsed just enough to act on them."""

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from services.responder.access import repository as users
from services.responder.access.principal import Principal
from services.responder.app import build
from services.responder.console.auth import service as auth
from tests.support.responder import BOOTSTRAP, Responder

PASSWORD = "correct horse battery staple"
_BOOTSTRAP = Principal(None, "bootstrap", "admin", None, "bootstrap", "bootstrap")


async def staff(
    responder: Responder,
    role: str,
    shop_ids: list[str],
    email: str,
    password: str = PASSWORD,
    name: str | None = None,
) -> int:
    """A user with a console password; their id."""
    async with responder.http() as http:
        r = await http.post(
            "/v1/users",
            headers=BOOTSTRAP,
            json={
                "name": name or email.split("@")[0],
                "email": email,
                "role": role,
                "shop_ids": shop_ids,
            },
        )
        assert r.status_code == 201, r.text
    user_id: int = r.json()["id"]
    async with responder.pool.acquire() as conn:
        user = await users.get_user(conn, user_id)
    assert user is not None
    await auth.set_password(responder.pool, _BOOTSTRAP, user, password, responder.clock())
    return user_id


@asynccontextmanager
async def browser_client(responder: Responder) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client with a cookie jar, over https (the session cookie is Secure), that does
    not follow redirects (tests look at them)."""
    app, runtime = build(responder.settings)
    runtime.pool = responder.pool
    runtime.clock = responder.clock
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://responder") as client:
        yield client


def field(html: str, name: str) -> str:
    """The value of the first hidden input called `name` on a page."""
    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html)
    assert found, f"no {name} field on the page"
    return found.group(1)


async def sign_in(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD, next_path: str = ""
) -> httpx.Response:
    page = await client.get("/console/login", params={"next": next_path} if next_path else None)
    assert page.status_code == 200, page.text
    return await client.post(
        "/console/login",
        data={
            "email": email,
            "password": password,
            "login_csrf": field(page.text, "login_csrf"),
            "next": field(page.text, "next"),
        },
    )


async def signed_in(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> str:
    """Signs in and answers the session's CSRF token (from the sign-out form of a page)."""
    r = await sign_in(client, email, password)
    assert r.status_code == 303, r.text
    page = await client.get("/console/account")
    assert page.status_code == 200, page.text
    return field(page.text, "csrf")


async def post_form(
    client: httpx.AsyncClient, path: str, csrf: str, data: dict[str, Any] | None = None
) -> httpx.Response:
    return await client.post(path, data={"csrf": csrf, **(data or {})})
