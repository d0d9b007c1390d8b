"""Users, API keys and bearer tokens. Admins manage the users of their own shops."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from services.responder.access import service
from services.responder.access.deps import Admin, Agent, token_config
from services.responder.access.schemas import (
    KeyIn,
    KeyOut,
    Me,
    PasswordIn,
    SessionOut,
    SessionsEnded,
    SignInLinkIn,
    SignInLinkOut,
    TokenOut,
    UserIn,
    UserOut,
    UserPatch,
)
from services.responder.console.auth.service import SessionPolicy
from services.responder.web import (
    ResponderSettingsDep,
    Responses,
    conflict,
    forbidden,
    invalid,
    not_found,
)
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/v1", tags=["access"])

UserIdPath = Annotated[int, Path(ge=1, le=2**62)]
KeyIdPath = Annotated[int, Path(ge=1, le=2**62)]
SessionIdPath = Annotated[int, Path(ge=1, le=2**62)]

_FORBIDDEN: Responses = {403: {"description": "Beyond the caller's shops or role."}}
_CONFLICT: Responses = {
    409: {"description": "The email is taken in one of the shops, or the change is not allowed."}
}


@contextmanager
def _answers() -> Iterator[None]:
    """The service's refusals as HTTP answers."""
    try:
        yield
    except service.Forbidden as exc:
        raise forbidden(str(exc)) from None
    except (service.UserNotFound, service.KeyNotFound, service.SessionNotFound) as exc:
        raise not_found(str(exc)) from None
    except service.Conflict as exc:
        raise conflict(str(exc)) from None
    except (service.NoUser, service.Refused) as exc:
        raise invalid(str(exc)) from None


@router.get("/users/me", response_model=Me)
async def me(principal: Agent) -> Me:
    return service.me(principal)


_NO_USER: Responses = {422: {"description": "The bootstrap key has no user (and no sessions)."}}


@router.get("/users/me/sessions", response_model=list[SessionOut], responses=_NO_USER)
async def my_sessions(
    pool: PoolDep, now: ClockDep, settings: ResponderSettingsDep, principal: Agent
) -> list[SessionOut]:
    """The caller's open staff console sessions (browsers signed in), most recently used
    first."""
    policy = SessionPolicy(settings.console_session_ttl_s, settings.console_idle_timeout_s)
    with _answers():
        return await service.my_sessions(pool, principal, now, policy)


@router.delete(
    "/users/me/sessions/{session_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    response_model=None,
    responses={**_NO_USER, 404: {"description": "Not one of the caller's open sessions."}},
)
async def end_my_session(
    session_id: SessionIdPath, pool: PoolDep, now: ClockDep, principal: Agent
) -> None:
    """Signs that browser out of the console."""
    with _answers():
        await service.end_my_session(pool, principal, session_id, now)


@router.delete("/users/me/sessions", response_model=SessionsEnded, responses=_NO_USER)
async def end_my_sessions(pool: PoolDep, now: ClockDep, principal: Agent) -> SessionsEnded:
    """Signs every browser of the caller out of the console (API keys stay valid)."""
    with _answers():
        return await service.end_my_sessions(pool, principal, now)


@router.post(
    "/users",
    status_code=status.HTTP_201_CREATED,
    response_model=UserOut,
    responses={**_FORBIDDEN, **_CONFLICT},
)
async def create_user(body: UserIn, pool: PoolDep, now: ClockDep, principal: Admin) -> UserOut:
    with _answers():
        return await service.create_user(pool, principal, body, now)


@router.get("/users", response_model=list[UserOut])
async def list_users(pool: PoolDep, principal: Admin) -> list[UserOut]:
    return await service.list_users(pool, principal)


@router.patch("/users/{user_id}", response_model=UserOut, responses={**_FORBIDDEN, **_CONFLICT})
async def update_user(
    user_id: UserIdPath, body: UserPatch, pool: PoolDep, now: ClockDep, principal: Admin
) -> UserOut:
    with _answers():
        return await service.update_user(pool, principal, user_id, body, now)


@router.put(
    "/users/{user_id}/password",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    response_model=None,
    responses={
        **_FORBIDDEN,
        404: {"description": "No such user, or not one the caller administers."},
        409: {"description": "The user is deactivated."},
        422: {"description": "The password is too weak; the detail says why."},
    },
)
async def set_password(
    user_id: UserIdPath, body: PasswordIn, pool: PoolDep, now: ClockDep, principal: Agent
) -> None:
    """Sets the user's staff console password: the user themselves, or an admin of all the
    user's shops. Ends the user's console sessions."""
    with _answers():
        await service.set_password(pool, principal, user_id, body.password, now)


@router.post(
    "/users/{user_id}/sign-in-links",
    status_code=status.HTTP_201_CREATED,
    response_model=SignInLinkOut,
    responses={
        **_FORBIDDEN,
        404: {"description": "No such user, or not one the caller administers."},
        409: {"description": "The user is deactivated."},
    },
)
async def create_sign_in_link(
    user_id: UserIdPath,
    pool: PoolDep,
    now: ClockDep,
    settings: ResponderSettingsDep,
    principal: Admin,
    body: SignInLinkIn | None = None,
) -> SignInLinkOut:
    """A one-time link (shown once) that opens the console's choose-your-password page for
    the user; a newer link replaces older unused ones."""
    with _answers():
        return await service.create_sign_in_link(
            pool, principal, user_id, body or SignInLinkIn(), now, settings.console_public_url
        )


@router.post(
    "/users/{user_id}/api-keys",
    status_code=status.HTTP_201_CREATED,
    response_model=KeyOut,
    responses={
        **_FORBIDDEN,
        409: {"description": "The user is deactivated or has the most active keys allowed."},
    },
)
async def create_key(
    user_id: UserIdPath,
    body: KeyIn,
    pool: PoolDep,
    now: ClockDep,
    settings: ResponderSettingsDep,
    principal: Agent,
) -> KeyOut:
    with _answers():
        return await service.create_key(
            pool, principal, user_id, body, now, settings.max_api_keys_per_user
        )


@router.get("/users/{user_id}/api-keys", response_model=list[KeyOut], responses=_FORBIDDEN)
async def list_keys(user_id: UserIdPath, pool: PoolDep, principal: Agent) -> list[KeyOut]:
    with _answers():
        return await service.list_keys(pool, principal, user_id)


@router.delete(
    "/users/{user_id}/api-keys/{key_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    response_model=None,
    responses=_FORBIDDEN,
)
async def revoke_key(
    user_id: UserIdPath, key_id: KeyIdPath, pool: PoolDep, now: ClockDep, principal: Agent
) -> None:
    with _answers():
        await service.revoke_key(pool, principal, user_id, key_id, now)


@router.post(
    "/auth/token",
    response_model=TokenOut,
    responses={422: {"description": "The bootstrap key has no user to issue a token for."}},
)
async def issue_token(now: ClockDep, settings: ResponderSettingsDep, principal: Agent) -> TokenOut:
    """A short-lived bearer token for the calling user (for a web inbox: keep the API key on
    the server, hand the browser a token)."""
    with _answers():
        return service.issue_token(token_config(settings), principal, now)
