"""Signing in and out: `/console/login` (email and password) and `/console/logout`."""

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.responder.access.ratelimit import FailedAttempts
from services.responder.console.auth import service
from services.responder.console.pages import render
from services.responder.console.session import COOKIE, StaffChange, policy_of
from services.responder.web import ResponderSettingsDep
from shared.http.deps import ClockDep, PoolDep, state_of

router = APIRouter(prefix="/console", include_in_schema=False)

# The sign-in form has no session yet: its CSRF token is a double-submit cookie.
LOGIN_COOKIE = "rl_login"
FailuresDep = Annotated[FailedAttempts, Depends(state_of("console_failures", FailedAttempts))]


def safe_next(next_path: str | None) -> str:
    """Only a path of this console: never another site (an open redirect)."""
    if next_path and next_path.startswith("/console/") and not next_path.startswith("//"):
        return next_path
    return "/console/inbox"


def _login_page(
    request: Request,
    settings_secure: bool,
    next_path: str,
    error: str = "",
    email: str = "",
    status: int = 200,
) -> HTMLResponse:
    token = secrets.token_urlsafe(24)
    page = render(
        request,
        "auth/login.html",
        None,
        status=status,
        login_csrf=token,
        next_path=next_path,
        error=error,
        email=email,
    )
    page.set_cookie(
        LOGIN_COOKIE,
        token,
        max_age=3600,
        path="/console/login",
        secure=settings_secure,
        httponly=True,
        samesite="strict",
    )
    return page


@router.get("/login")
async def login_page(
    request: Request, settings: ResponderSettingsDep, next: str | None = None
) -> HTMLResponse:
    return _login_page(request, settings.console_cookie_secure, safe_next(next))


@router.post("/login")
async def login(
    request: Request,
    settings: ResponderSettingsDep,
    pool: PoolDep,
    now: ClockDep,
    failures: FailuresDep,
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    login_csrf: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    secure = settings.console_cookie_secure
    target = safe_next(next)
    cookie = request.cookies.get(LOGIN_COOKIE, "")
    if not cookie or not secrets.compare_digest(cookie.encode(), login_csrf.encode()):
        return _login_page(
            request, secure, target, error="auth.error_form_expired", email=email, status=403
        )
    client = request.client.host if request.client else "unknown"
    keys = [f"console-addr:{client}", f"console-email:{email.strip().lower()}"]
    wait = failures.wait(keys)
    if wait > 0:
        page = _login_page(
            request, secure, target, error="auth.error_too_many", email=email, status=429
        )
        page.headers["Retry-After"] = str(max(1, int(wait + 0.999)))
        return page
    signed = await service.sign_in(
        pool,
        email,
        password,
        request.headers.get("user-agent", ""),
        now,
        policy_of(settings),
    )
    if signed is None:
        failures.failed(keys)
        return _login_page(
            request, secure, target, error="auth.error_wrong", email=email, status=401
        )
    done = RedirectResponse(target, status_code=303)
    done.set_cookie(
        COOKIE,
        signed.token,
        max_age=settings.console_session_ttl_s,
        path="/console",
        secure=secure,
        httponly=True,
        samesite="lax",
    )
    done.delete_cookie(LOGIN_COOKIE, path="/console/login")
    return done


@router.post("/logout")
async def logout(
    session: StaffChange,
    settings: ResponderSettingsDep,
    pool: PoolDep,
    now: ClockDep,
) -> Response:
    await service.sign_out(pool, session.principal, session.id, now)
    done = RedirectResponse("/console/login", status_code=303)
    done.delete_cookie(COOKIE, path="/console", secure=settings.console_cookie_secure)
    return done
