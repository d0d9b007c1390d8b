"""Authentication, rate limit, role and shop-scope checks for every endpoint.

`Authorization: Bearer <token>` carries an API key (`rlk_...`), a JWT, or the bootstrap admin
key; `X-API-Key: <key>` is accepted too. 401 without valid credentials; 429 past the rate limit
(per user), and 429 before any lookup for an address or key prefix with too many failed
attempts; 403 when the role is too low, 404 for shops and reviews outside the caller's scope
(as if they did not exist, so nothing leaks about other shops).
"""

import math
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.responder.access import service, tokens
from services.responder.access.principal import Principal, Role
from services.responder.access.ratelimit import FailedAttempts, SharedTokenBuckets
from services.responder.settings import ResponderSettings
from services.responder.web import ResponderSettingsDep, invalid, not_found
from shared.db.pool import Pool
from shared.http.deps import ClockDep, PoolDep, state_of

_bearer = HTTPBearer(auto_error=False, description="API key, JWT or bootstrap admin key")

# The app's in-process limits (services/responder/app.py keeps them in app.state).
FailuresDep = Annotated[FailedAttempts, Depends(state_of("auth_failures", FailedAttempts))]
LimiterDep = Annotated[SharedTokenBuckets, Depends(state_of("limiter", SharedTokenBuckets))]


def token_config(settings: ResponderSettings) -> tokens.TokenConfig:
    return tokens.TokenConfig(
        secret=settings.jwt_secret.get_secret_value(),
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        ttl_s=settings.jwt_ttl_s,
    )


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"}
    )


async def _principal(
    credential: str, settings: ResponderSettings, pool: Pool, now: datetime
) -> Principal:
    bootstrap = settings.bootstrap_admin_key.get_secret_value()
    if bootstrap and secrets.compare_digest(credential.encode(), bootstrap.encode()):
        return Principal(None, "bootstrap", "admin", None, "bootstrap", "bootstrap")
    if credential.startswith(tokens.KEY_PREFIX):
        owner = await service.owner_of_key(pool, credential, now)
        if owner is None:
            raise _unauthorized("invalid or revoked API key")
        u = owner.user
        return Principal(
            u.id, u.name, u.role, frozenset(u.shop_ids), "api_key", f"user:{u.id}", owner.key_id
        )
    try:
        user_id, key_id = tokens.verify_with_key(token_config(settings), credential, now)
    except tokens.InvalidToken as exc:
        raise _unauthorized(f"invalid bearer token: {exc}") from exc
    user = await service.token_owner(pool, user_id, key_id)
    if user is None:
        raise _unauthorized(
            "the token's user is deactivated or gone, or the key it was issued with is revoked"
        )
    return Principal(
        user.id, user.name, user.role, frozenset(user.shop_ids), "jwt", f"user:{user.id}", key_id
    )


def _attempt_keys(request: Request, credential: str) -> list[str]:
    """What failed attempts count against: the client address, and an API key's prefix (the
    part shown in key lists, so someone aiming at one listed key is slowed down too)."""
    keys = [f"addr:{request.client.host if request.client else 'unknown'}"]
    if credential.startswith(tokens.KEY_PREFIX):
        keys.append(f"prefix:{credential[: len(tokens.KEY_PREFIX) + tokens.PREFIX_CHARS]}")
    return keys


def _too_many(detail: str, wait: float) -> HTTPException:
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS,
        detail,
        headers={"Retry-After": str(max(1, math.ceil(wait)))},
    )


async def authenticate(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    settings: ResponderSettingsDep,
    pool: PoolDep,
    now: ClockDep,
    failures: FailuresDep,
    limiter: LimiterDep,
    x_api_key: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Principal:
    credential = credentials.credentials if credentials else x_api_key
    if not credential:
        raise _unauthorized("missing credentials: send Authorization: Bearer <key or token>")
    credential = credential.strip()
    attempt = _attempt_keys(request, credential)
    wait = failures.wait(attempt)
    if wait > 0:
        raise _too_many("too many failed authentication attempts; retry later", wait)
    try:
        principal = await _principal(credential, settings, pool, now)
    except HTTPException as exc:
        if exc.status_code == status.HTTP_401_UNAUTHORIZED:
            failures.failed(attempt)
        raise
    wait = await limiter.take(pool, principal.limiter_key, now)
    if wait > 0:
        raise _too_many("rate limit exceeded for this user", wait)
    return principal


def require(role: Role) -> Callable[[Principal], Awaitable[Principal]]:
    async def check(principal: Annotated[Principal, Depends(authenticate)]) -> Principal:
        if not principal.at_least(role):
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                f"this needs the {role} role (or higher); you are {principal.role}",
            )
        return principal

    return check


# Every endpoint takes one of these: any staff member, a manager (or admin), an admin.
Agent = Annotated[Principal, Depends(authenticate)]
Manager = Annotated[Principal, Depends(require("manager"))]
Admin = Annotated[Principal, Depends(require("admin"))]


def ensure_shop(principal: Principal, shop_id: str) -> str:
    if not principal.can_access(shop_id):
        raise not_found("shop")
    return shop_id


def resolve_shop(principal: Principal, shop_id: str | None) -> str:
    """The shop a request is about: as given (and in scope), or the caller's only shop."""
    if shop_id is not None:
        return ensure_shop(principal, shop_id)
    if principal.shop_ids is not None and len(principal.shop_ids) == 1:
        return next(iter(principal.shop_ids))
    raise invalid("shop_id is required: you have access to more than one shop")
