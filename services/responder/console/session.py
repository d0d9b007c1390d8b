"""Who is using the console: the session cookie, its user, and the CSRF check every change
passes.

`Staff` is for pages (GET): no valid session sends a browser to the sign-in page (htmx gets
`HX-Redirect`). `StaffChange` is for every POST: it also needs the session's CSRF token, in
the form field `csrf` or the `X-CSRF-Token` header (htmx sends it from `hx-headers` on
`<body>`), and refuses requests a browser marks as cross-site. The cookie is HttpOnly,
SameSite=Lax (a link in an alert email must open the page signed in) and Secure unless
`RESPONDER_CONSOLE_COOKIE_SECURE=false`.
"""

import secrets
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request, status

from services.responder.access.principal import Principal
from services.responder.console.auth import service
from services.responder.console.i18n import negotiate
from services.responder.web import ResponderSettingsDep
from shared.http.deps import ClockDep, PoolDep

COOKIE = "rl_console"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class ConsoleSession:
    id: int
    principal: Principal
    csrf_token: str
    language: str


class SignInRequired(Exception):
    """No valid session; app.py answers with the sign-in page (or `HX-Redirect`)."""

    def __init__(self, next_path: str) -> None:
        super().__init__("sign in required")
        self.next_path = next_path


def sign_in_url(next_path: str = "") -> str:
    # `next_path` is the raw (still percent-encoded) target: its '%' is encoded once more, so
    # the `next` parameter decodes to the raw path (a review id's "%2F" stays one segment).
    return "/console/login" + (f"?next={quote(next_path, safe='/')}" if next_path else "")


def policy_of(settings: ResponderSettingsDep) -> service.SessionPolicy:
    return service.SessionPolicy(settings.console_session_ttl_s, settings.console_idle_timeout_s)


async def current_session(
    request: Request, settings: ResponderSettingsDep, pool: PoolDep, now: ClockDep
) -> ConsoleSession:
    token = request.cookies.get(COOKIE)
    live = await service.live(pool, token, now, policy_of(settings)) if token else None
    if live is None:
        # The raw path: a review id's encoded '/', '#' or '?' must survive the round trip.
        raw = request.scope.get("raw_path") or request.url.path.encode()
        target = raw.decode("latin-1") + (f"?{request.url.query}" if request.url.query else "")
        raise SignInRequired(target if request.method == "GET" else "")
    return ConsoleSession(
        live.session.id,
        live.principal,
        live.session.csrf_token,
        negotiate(request.headers.get("accept-language")),
    )


Staff = Annotated[ConsoleSession, Depends(current_session)]


async def checked_session(request: Request, session: Staff) -> ConsoleSession:
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "cross-site request refused")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()
        field = form.get(CSRF_FIELD)
        sent = field if isinstance(field, str) else None
    if not sent or not secrets.compare_digest(sent.encode(), session.csrf_token.encode()):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "the form is out of date or not from this console (CSRF token missing or wrong); "
            "reload the page and try again",
        )
    return session


StaffChange = Annotated[ConsoleSession, Depends(checked_session)]
