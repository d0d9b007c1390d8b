"""Signing in and out: `/console/login` (email and password), `/console/logout`, and
`/console/welcome/{token}`: a one-time link an admin hands over, where a new (or locked out)
staff member chooses a password and is signed in."""

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.responder.access.ratelimit import FailedAttempts
from services.responder.access.repository import User
from services.responder.console.auth import service
from services.responder.console.pages import render, texts_for
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


LinkToken = Annotated[str, Path(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")]


def _signed_in_redirect(target: str, token: str, ttl_s: int, secure: bool) -> RedirectResponse:
    done = RedirectResponse(target, status_code=303)
    done.set_cookie(
        COOKIE, token, max_age=ttl_s, path="/console", secure=secure, httponly=True, samesite="lax"
    )
    return done


def _link_refused(request: Request, failures: FailedAttempts) -> HTMLResponse:
    # Tokens are 256-bit random; counting misses still slows anyone trying many of them.
    failures.failed([_address_key(request)])
    return render(request, "auth/link_invalid.html", None, status=404)


def _address_key(request: Request) -> str:
    return f"console-addr:{request.client.host if request.client else 'unknown'}"


def _refuse_if_limited(request: Request, failures: FailedAttempts) -> None:
    wait = failures.wait([_address_key(request)])
    if wait > 0:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "too many failed attempts; wait a minute, then try again",
            headers={"Retry-After": str(max(1, int(wait + 0.999)))},
        )


@router.get("/welcome/{token}")
async def welcome_page(
    request: Request,
    token: LinkToken,
    settings: ResponderSettingsDep,
    pool: PoolDep,
    now: ClockDep,
    failures: FailuresDep,
) -> HTMLResponse:
    """The choose-your-password form. Opening it uses nothing up: mail and chat apps open
    links to preview them, and the link must still work for its owner afterwards."""
    _refuse_if_limited(request, failures)
    try:
        user = await service.link_owner(pool, token, now)
    except service.LinkUnusable:
        return _link_refused(request, failures)
    return _welcome_page(request, user, token, settings.console_cookie_secure)


# The choose-your-password form, like the sign-in form, has no session yet: a double-submit
# token keeps another site from submitting a link it holds (its own account's, say) in a
# victim's browser and signing them in as someone else.
WELCOME_COOKIE = "rl_welcome"


def _welcome_page(
    request: Request, user: User, token: str, secure: bool, error: str = "", status: int = 200
) -> HTMLResponse:
    form_token = secrets.token_urlsafe(24)
    page = render(
        request,
        "auth/welcome.html",
        None,
        status=status,
        user=user,
        token=token,
        form_token=form_token,
        error=error,
    )
    page.set_cookie(
        WELCOME_COOKIE,
        form_token,
        max_age=3600,
        path="/console/welcome",
        secure=secure,
        httponly=True,
        samesite="strict",
    )
    return page


@router.post("/welcome/{token}")
async def welcome(
    request: Request,
    token: LinkToken,
    settings: ResponderSettingsDep,
    pool: PoolDep,
    now: ClockDep,
    failures: FailuresDep,
    password: Annotated[str, Form(max_length=1024)] = "",
    confirm: Annotated[str, Form(max_length=1024)] = "",
    form_token: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "cross-site request refused")
    _refuse_if_limited(request, failures)
    try:
        user = await service.link_owner(pool, token, now)
    except service.LinkUnusable:
        return _link_refused(request, failures)
    secure = settings.console_cookie_secure
    cookie = request.cookies.get(WELCOME_COOKIE, "")
    if not cookie or not secrets.compare_digest(cookie.encode(), form_token.encode()):
        expired = texts_for(request).t("auth.error_form_expired")
        return _welcome_page(request, user, token, secure, expired, status=403)
    if password != confirm:
        error = texts_for(request).t("auth.error_mismatch")
    else:
        try:
            signed = await service.redeem_link(
                pool,
                token,
                password,
                request.headers.get("user-agent", ""),
                now,
                policy_of(settings),
            )
        except service.LinkUnusable:
            return _link_refused(request, failures)
        except service.PasswordRefused as exc:
            # The strength rule's reason, as the API gives it (passwords.check_strength).
            error = str(exc)
        else:
            done = _signed_in_redirect(
                "/console/inbox", signed.token, settings.console_session_ttl_s, secure
            )
            done.delete_cookie(WELCOME_COOKIE, path="/console/welcome")
            return done
    return _welcome_page(request, user, token, secure, error, status=422)
