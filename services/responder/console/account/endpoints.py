"""Your account: who you are, your password, your sessions, your API keys.

- `GET /console/account`: name, email, role and shops; the password form; the open sessions
  (device, started, last seen; this one marked); the API keys.
- `POST /console/account/password`: a new password given the current one; keeps this session
  and ends the others.
- `POST /console/account/sessions/{id}/revoke`, `/console/account/sessions/revoke-others`.
- `POST /console/account/api-keys` (the new key is shown once, in that answer: it must not sit
  in a URL) and `/console/account/api-keys/{id}/revoke`.

Changes go through the API's services (`access.service`, `console.auth.service`); each
redirects back with a message (`?done=`).
"""

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.responder.access import repository as users
from services.responder.access import service as access
from services.responder.access.schemas import KeyIn, KeyOut
from services.responder.console.auth import devices
from services.responder.console.auth import service as auth
from services.responder.console.auth.endpoints import FailuresDep
from services.responder.console.pages import render, texts_for
from services.responder.console.session import COOKIE, ConsoleSession, Staff, StaffChange, policy_of
from services.responder.console.users.view import shop_names
from services.responder.web import ResponderSettingsDep
from shared.db.pool import Pool
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/console", include_in_schema=False)

DONE = ("password", "session_revoked", "others_signed_out", "key_revoked")
ItemId = Annotated[int, Path(ge=1, le=2**62)]
Secret = Annotated[str, Form(max_length=1024)]


async def _page(
    request: Request,
    session: ConsoleSession,
    pool: Pool,
    settings: ResponderSettingsDep,
    now: ClockDep,
    *,
    status_code: int = 200,
    password_error: str = "",
    key_error: str = "",
    new_key: KeyOut | None = None,
) -> HTMLResponse:
    principal = session.principal
    assert principal.user_id is not None  # console sessions belong to users
    async with pool.acquire() as conn:
        user = await users.get_user(conn, principal.user_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such user")
    sessions = await auth.live_sessions(pool, principal, now, policy_of(settings))
    keys = await access.list_keys(pool, principal, principal.user_id)
    done = request.query_params.get("done", "")
    return render(
        request,
        "account/account.html",
        session,
        status=status_code,
        user=user,
        shops=await shop_names(pool, principal),
        sessions=[(s, devices.parts(s.user_agent)) for s in sessions],
        keys=[k for k in keys if not k.revoked],
        revoked_keys=sum(1 for k in keys if k.revoked),
        max_keys=settings.max_api_keys_per_user,
        done=done if done in DONE else "",
        password_error=password_error,
        key_error=key_error,
        new_key=new_key,
    )


def _back(done: str) -> RedirectResponse:
    return RedirectResponse(f"/console/account?done={done}", status_code=303)


@router.get("/account")
async def account(
    request: Request,
    session: Staff,
    pool: PoolDep,
    settings: ResponderSettingsDep,
    now: ClockDep,
) -> HTMLResponse:
    return await _page(request, session, pool, settings, now)


def _attempts(session: ConsoleSession) -> list[str]:
    # Guessing the current password from an open session is slowed down like signing in.
    return [f"console-user:{session.principal.user_id}"]


@router.post("/account/password")
async def change_password(
    request: Request,
    session: StaffChange,
    pool: PoolDep,
    settings: ResponderSettingsDep,
    now: ClockDep,
    failures: FailuresDep,
    current: Secret = "",
    password: Secret = "",
    confirm: Secret = "",
) -> Response:
    t = texts_for(request, session).t
    error = ""
    code = status.HTTP_422_UNPROCESSABLE_CONTENT
    if failures.wait(_attempts(session)) > 0:
        error, code = t("auth.error_too_many"), status.HTTP_429_TOO_MANY_REQUESTS
    elif password != confirm:
        error = t("auth.error_mismatch")
    else:
        try:
            await auth.change_own_password(
                pool, session.principal, current, password, now, keep_session=session.id
            )
        except auth.WrongPassword:
            failures.failed(_attempts(session))
            error = t("account.error_current")
        except auth.PasswordRefused as exc:
            error = str(exc)
        else:
            return _back("password")
    return await _page(
        request, session, pool, settings, now, status_code=code, password_error=error
    )


@router.post("/account/sessions/revoke-others")
async def sign_out_others(session: StaffChange, pool: PoolDep, now: ClockDep) -> Response:
    await auth.sign_out_others(pool, session.principal, session.id, now)
    return _back("others_signed_out")


@router.post("/account/sessions/{session_id}/revoke")
async def revoke_session(
    session_id: ItemId,
    session: StaffChange,
    pool: PoolDep,
    settings: ResponderSettingsDep,
    now: ClockDep,
) -> Response:
    if not await auth.sign_out(pool, session.principal, session_id, now):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such session")
    if session_id == session.id:
        # Ending this very session is signing out.
        done = RedirectResponse("/console/login", status_code=303)
        done.delete_cookie(COOKIE, path="/console", secure=settings.console_cookie_secure)
        return done
    return _back("session_revoked")


@router.post("/account/api-keys")
async def create_key(
    request: Request,
    session: StaffChange,
    pool: PoolDep,
    settings: ResponderSettingsDep,
    now: ClockDep,
    name: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    assert session.principal.user_id is not None
    try:
        key = await access.create_key(
            pool,
            session.principal,
            session.principal.user_id,
            KeyIn(name=name.strip()),
            now,
            settings.max_api_keys_per_user,
        )
    except access.AccessError as exc:
        return await _page(
            request,
            session,
            pool,
            settings,
            now,
            status_code=status.HTTP_409_CONFLICT,
            key_error=str(exc),
        )
    return await _page(request, session, pool, settings, now, new_key=key)


@router.post("/account/api-keys/{key_id}/revoke")
async def revoke_key(
    key_id: ItemId, session: StaffChange, pool: PoolDep, now: ClockDep
) -> Response:
    assert session.principal.user_id is not None
    try:
        await access.revoke_key(pool, session.principal, session.principal.user_id, key_id, now)
    except access.KeyNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such API key") from None
    return _back("key_revoked")
