"""Users and roles, for admins: `/console/users` (the users of the admin's shops, a form to
add one) and `/console/users/{id}` (change name, role and shops, deactivate or reactivate,
create a one-time sign-in link).

Every change goes through the API's own service (`access.service`), so the console keeps the
API's rules: only shops the admin administers, no role above the admin's own, no demoting or
deactivating oneself, users beyond the admin's shops answer 404. A change redirects back with
a message (`?done=`); a refusal shows the page again with its reason. A sign-in link is the
one answer that is not a redirect: it is shown once and must never sit in a URL.
"""

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from services.responder.access import service
from services.responder.access.schemas import SignInLinkIn, SignInLinkOut, UserIn, UserPatch
from services.responder.console.pages import render
from services.responder.console.session import ConsoleSession, Staff, StaffChange
from services.responder.console.users import view
from services.responder.web import ResponderSettingsDep
from shared.db.pool import Pool
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/console", include_in_schema=False)

UserId = Annotated[int, Path(ge=1, le=2**62)]
Name = Annotated[str, Form(max_length=200)]
Email = Annotated[str, Form(max_length=320)]
RoleField = Annotated[str, Form(max_length=20)]
Shops = Annotated[list[str], Form(max_length=1000)]


def _admin(session: ConsoleSession) -> ConsoleSession:
    if not session.principal.at_least("admin"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only admins manage users")
    return session


def _refusal_status(exc: service.AccessError) -> int:
    if isinstance(exc, service.Forbidden):
        return status.HTTP_403_FORBIDDEN
    if isinstance(exc, service.Conflict):
        return status.HTTP_409_CONFLICT
    return status.HTTP_422_UNPROCESSABLE_CONTENT


async def _list_page(
    request: Request,
    session: ConsoleSession,
    pool: Pool,
    *,
    status_code: int = 200,
    errors: list[str] | None = None,
    form: dict[str, object] | None = None,
) -> HTMLResponse:
    shops = await view.shop_names(pool, session.principal)
    found = await service.list_users(pool, session.principal)
    done = request.query_params.get("done", "")
    return render(
        request,
        "users/list.html",
        session,
        status=status_code,
        rows=await view.rows(pool, found, dict(shops)),
        shops=shops,
        roles=view.grantable(session.principal),
        done=done if done in view.DONE else "",
        errors=errors or [],
        form=form or {"name": "", "email": "", "role": "agent", "shop_ids": []},
    )


async def _user_page(
    request: Request,
    session: ConsoleSession,
    pool: Pool,
    user_id: int,
    *,
    status_code: int = 200,
    errors: list[str] | None = None,
    link: SignInLinkOut | None = None,
) -> HTMLResponse:
    shops = await view.shop_names(pool, session.principal)
    # Listed only when the admin administers all of the user's shops, as the API decides.
    found = [u for u in await service.list_users(pool, session.principal) if u.id == user_id]
    if not found:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such user")
    (row,) = await view.rows(pool, found, dict(shops))
    done = request.query_params.get("done", "")
    return render(
        request,
        "users/user.html",
        session,
        status=status_code,
        row=row,
        shops=shops,
        roles=view.grantable(session.principal),
        is_self=user_id == session.principal.user_id,
        done=done if done in view.DONE else "",
        errors=errors or [],
        link=link,
    )


@router.get("/users")
async def users_page(request: Request, session: Staff, pool: PoolDep) -> HTMLResponse:
    return await _list_page(request, _admin(session), pool)


@router.post("/users")
async def create_user(
    request: Request,
    session: StaffChange,
    pool: PoolDep,
    now: ClockDep,
    name: Name = "",
    email: Email = "",
    role: RoleField = "agent",
    shop_ids: Shops = [],  # noqa: B006 (FastAPI copies defaults)
) -> Response:
    _admin(session)
    form: dict[str, object] = {"name": name, "email": email, "role": role, "shop_ids": shop_ids}
    try:
        body = UserIn.model_validate(
            {
                "name": name.strip(),
                "email": email.strip() or None,
                "role": role,
                "shop_ids": shop_ids,
            }
        )
    except ValidationError as exc:
        return await _list_page(
            request, session, pool, status_code=422, errors=view.problems(exc), form=form
        )
    try:
        created = await service.create_user(pool, session.principal, body, now)
    except service.AccessError as exc:
        return await _list_page(
            request, session, pool, status_code=_refusal_status(exc), errors=[str(exc)], form=form
        )
    return RedirectResponse(f"/console/users/{created.id}?done=created", status_code=303)


@router.get("/users/{user_id}")
async def user_page(
    request: Request, user_id: UserId, session: Staff, pool: PoolDep
) -> HTMLResponse:
    return await _user_page(request, _admin(session), pool, user_id)


async def _update(
    request: Request,
    session: ConsoleSession,
    pool: Pool,
    now: ClockDep,
    user_id: int,
    patch: dict[str, object],
    done: str,
) -> Response:
    _admin(session)
    try:
        body = UserPatch.model_validate(patch)
    except ValidationError as exc:
        return await _user_page(
            request, session, pool, user_id, status_code=422, errors=view.problems(exc)
        )
    try:
        await service.update_user(pool, session.principal, user_id, body, now)
    except service.UserNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such user") from None
    except service.AccessError as exc:
        return await _user_page(
            request, session, pool, user_id, status_code=_refusal_status(exc), errors=[str(exc)]
        )
    return RedirectResponse(f"/console/users/{user_id}?done={done}", status_code=303)


@router.post("/users/{user_id}")
async def update_user(
    request: Request,
    user_id: UserId,
    session: StaffChange,
    pool: PoolDep,
    now: ClockDep,
    name: Name = "",
    role: RoleField = "",
    shop_ids: Shops = [],  # noqa: B006 (FastAPI copies defaults)
) -> Response:
    # No shop ticked is a mistake to show (a user needs a shop), not "leave them as they were".
    patch: dict[str, object] = {
        "name": name.strip() or None,
        "role": role or None,
        "shop_ids": shop_ids,
    }
    return await _update(request, session, pool, now, user_id, patch, "updated")


@router.post("/users/{user_id}/deactivate")
async def deactivate(
    request: Request, user_id: UserId, session: StaffChange, pool: PoolDep, now: ClockDep
) -> Response:
    return await _update(request, session, pool, now, user_id, {"active": False}, "deactivated")


@router.post("/users/{user_id}/reactivate")
async def reactivate(
    request: Request, user_id: UserId, session: StaffChange, pool: PoolDep, now: ClockDep
) -> Response:
    return await _update(request, session, pool, now, user_id, {"active": True}, "reactivated")


@router.post("/users/{user_id}/sign-in-link")
async def sign_in_link(
    request: Request,
    user_id: UserId,
    session: StaffChange,
    pool: PoolDep,
    now: ClockDep,
    settings: ResponderSettingsDep,
    valid_hours: Annotated[int, Form(ge=1, le=168)] = 24,
) -> Response:
    _admin(session)
    try:
        link = await service.create_sign_in_link(
            pool,
            session.principal,
            user_id,
            SignInLinkIn(valid_hours=valid_hours),
            now,
            settings.console_public_url,
        )
    except service.UserNotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such user") from None
    except service.AccessError as exc:
        return await _user_page(
            request, session, pool, user_id, status_code=_refusal_status(exc), errors=[str(exc)]
        )
    return await _user_page(request, session, pool, user_id, link=link)
