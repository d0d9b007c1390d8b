"""Users, API keys and bearer tokens. Admins manage the users of their own shops."""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request, status
from pydantic import BaseModel, ConfigDict, EmailStr, Field

from services.responder.access import repository as users
from services.responder.access import tokens
from services.responder.access.deps import Admin, Agent, token_config
from services.responder.access.principal import Principal, Role
from services.responder.access.repository import User
from services.responder.audit import repository as audit
from services.responder.web import conflict, invalid, not_found, now_of, pool_of, settings_of
from shared.events.envelope import ShopId

router = APIRouter(prefix="/v1", tags=["access"])

UserIdPath = Annotated[int, Path(ge=1, le=2**62)]


class UserIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    email: EmailStr | None = None
    role: Role
    shop_ids: list[ShopId] = Field(min_length=1, max_length=1000)


class UserPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    role: Role | None = None
    shop_ids: list[ShopId] | None = Field(default=None, min_length=1, max_length=1000)
    active: bool | None = None


class UserOut(BaseModel):
    id: int
    name: str
    email: str | None
    role: Role
    shop_ids: list[str]
    active: bool


class KeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="", max_length=200)


class KeyOut(BaseModel):
    id: int
    name: str
    prefix: str
    key: str | None = Field(default=None, description="Shown once, at creation.")
    revoked: bool = False


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


def _out(user: User) -> UserOut:
    return UserOut(
        id=user.id,
        name=user.name,
        email=user.email,
        role=user.role,
        shop_ids=user.shop_ids,
        active=user.active,
    )


def _manageable(principal: Principal, user: User | None) -> User:
    """Admins see only users all of whose shops they administer."""
    if user is None or not principal.covers(user.shop_ids):
        raise not_found("user")
    return user


def _may_grant(principal: Principal, shop_ids: list[str], role: Role) -> None:
    if not principal.covers(shop_ids):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "you can only grant access to shops you administer"
        )
    if not principal.at_least(role):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "you cannot grant a role above your own")


@router.get("/users/me")
async def me(principal: Agent) -> dict[str, Any]:
    return {
        "id": principal.user_id,
        "name": principal.name,
        "role": principal.role,
        "shop_ids": principal.scope(),
        "via": principal.via,
    }


@router.post("/users", status_code=status.HTTP_201_CREATED)
async def create_user(body: UserIn, request: Request, principal: Admin) -> UserOut:
    _may_grant(principal, body.shop_ids, body.role)
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        user = await users.create_user(
            conn, body.name, str(body.email) if body.email else None, body.role, body.shop_ids, now
        )
        if user is None:
            # Only a user sharing one of these shops, one the caller administers, clashes.
            raise conflict("a user of one of these shops already has this email")
        await audit.record(
            conn,
            at=now,
            actor=principal.actor,
            action="user.created",
            entity="user",
            entity_id=user.id,
            after=user.as_dict(),
        )
    return _out(user)


@router.get("/users")
async def list_users(request: Request, principal: Admin) -> list[UserOut]:
    async with pool_of(request).acquire() as conn:
        found = await users.list_users(conn, principal.scope())
    return [_out(u) for u in found if principal.covers(u.shop_ids)]


@router.patch("/users/{user_id}")
async def update_user(
    user_id: UserIdPath, body: UserPatch, request: Request, principal: Admin
) -> UserOut:
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        before = _manageable(principal, await users.get_user(conn, user_id))
        role = body.role or before.role
        shop_ids = body.shop_ids or before.shop_ids
        _may_grant(principal, shop_ids, role)
        if before.id == principal.user_id and (role != "admin" or body.active is False):
            raise conflict("you cannot demote or deactivate yourself")
        if before.email and await users.email_taken(conn, before.email, shop_ids, before.id):
            raise conflict("a user of one of these shops already has this email")
        after = await users.update_user(
            conn,
            user_id,
            body.name or before.name,
            role,
            shop_ids,
            before.active if body.active is None else body.active,
            now,
        )
        await audit.record(
            conn,
            at=now,
            actor=principal.actor,
            action="user.updated",
            entity="user",
            entity_id=user_id,
            before=before.as_dict(),
            after=after.as_dict(),
        )
    return _out(after)


async def _key_owner(request: Request, principal: Principal, user_id: int) -> User:
    """Admins manage keys of users they administer; everyone manages their own."""
    async with pool_of(request).acquire() as conn:
        user = await users.get_user(conn, user_id)
    if user is not None and user.id == principal.user_id:
        return user
    if not principal.at_least("admin"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only admins manage other users' keys")
    return _manageable(principal, user)


@router.post("/users/{user_id}/api-keys", status_code=status.HTTP_201_CREATED)
async def create_key(
    user_id: UserIdPath, body: KeyIn, request: Request, principal: Agent
) -> KeyOut:
    user = await _key_owner(request, principal, user_id)
    if not user.active:
        raise conflict("the user is deactivated")
    new = tokens.new_api_key()
    now = now_of(request)
    cap = settings_of(request).max_api_keys_per_user
    async with pool_of(request).acquire() as conn, conn.transaction():
        await users.lock_user(conn, user.id)
        # Keys are credentials to audit and revoke, not a way around the per-user rate limit.
        if await users.active_keys(conn, user.id) >= cap:
            raise conflict(
                f"the user already has {cap} active API keys, the most allowed; revoke one first"
            )
        row = await users.add_key(conn, user.id, body.name, new.prefix, new.key_hash, now)
        await audit.record(
            conn,
            at=now,
            actor=principal.actor,
            action="api_key.created",
            entity="api_key",
            entity_id=row["id"],
            after=row,
        )
    return KeyOut(id=row["id"], name=row["name"], prefix=row["prefix"], key=new.key)


@router.get("/users/{user_id}/api-keys")
async def list_keys(user_id: UserIdPath, request: Request, principal: Agent) -> list[KeyOut]:
    user = await _key_owner(request, principal, user_id)
    async with pool_of(request).acquire() as conn:
        rows = await users.keys_of(conn, user.id)
    return [
        KeyOut(id=r["id"], name=r["name"], prefix=r["prefix"], revoked=r["revoked_at"] is not None)
        for r in rows
    ]


@router.delete("/users/{user_id}/api-keys/{key_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_key(
    user_id: UserIdPath,
    key_id: Annotated[int, Path(ge=1, le=2**62)],
    request: Request,
    principal: Agent,
) -> None:
    user = await _key_owner(request, principal, user_id)
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        row = await users.revoke_key(conn, user.id, key_id, now)
        if row is None:
            raise not_found("API key")
        await audit.record(
            conn,
            at=now,
            actor=principal.actor,
            action="api_key.revoked",
            entity="api_key",
            entity_id=key_id,
            after=row,
        )


@router.post("/auth/token")
async def issue_token(request: Request, principal: Agent) -> TokenOut:
    """A short-lived bearer token for the calling user (for a web inbox: keep the API key on
    the server, hand the browser a token)."""
    if principal.user_id is None or principal.key_id is None:
        raise invalid("the bootstrap key has no user: create a user and use its key")
    token, ttl = tokens.issue(
        token_config(settings_of(request)), principal.user_id, principal.key_id, now_of(request)
    )
    return TokenOut(access_token=token, expires_in=ttl)
