"""The rules of users, API keys and bearer tokens: admins manage the users of shops they
administer, grant no role above their own, and everyone manages their own keys."""

from datetime import datetime, timedelta

from services.responder.access import repository as users
from services.responder.access import tokens
from services.responder.access.principal import Principal, Role
from services.responder.access.repository import KeyOwner, User
from services.responder.access.schemas import (
    KeyIn,
    KeyOut,
    Me,
    SessionOut,
    SessionsEnded,
    SignInLinkIn,
    SignInLinkOut,
    TokenOut,
    UserIn,
    UserOut,
    UserPatch,
)
from services.responder.console.auth import devices
from services.responder.console.auth import repository as sign_in
from services.responder.console.auth import service as auth
from services.responder.console.auth.repository import SessionRow
from services.responder.unit_of_work import unit_of_work
from shared.db.pool import Pool


class AccessError(Exception):
    """A refusal; its message is the answer's detail."""


class Forbidden(AccessError):
    pass


class UserNotFound(AccessError):
    """Absent, or administered by someone else (which must look the same)."""


class KeyNotFound(AccessError):
    pass


class Conflict(AccessError):
    pass


class NoUser(AccessError):
    """The bootstrap key asked for something only a user has."""


class Refused(AccessError):
    """A value the rules do not accept (a weak password); the message says why."""


class SessionNotFound(AccessError):
    pass


EMAIL_TAKEN = "a user of one of these shops already has this email"


def me(principal: Principal) -> Me:
    return Me(
        id=principal.user_id,
        name=principal.name,
        role=principal.role,
        shop_ids=principal.scope(),
        via=principal.via,
    )


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
        raise UserNotFound("user")
    return user


def _may_grant(principal: Principal, shop_ids: list[str], role: Role) -> None:
    if not principal.covers(shop_ids):
        raise Forbidden("you can only grant access to shops you administer")
    if not principal.at_least(role):
        raise Forbidden("you cannot grant a role above your own")


async def create_user(pool: Pool, principal: Principal, body: UserIn, now: datetime) -> UserOut:
    _may_grant(principal, body.shop_ids, body.role)
    email = str(body.email) if body.email else None
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        user = await users.create_user(uow.conn, body.name, email, body.role, body.shop_ids, now)
        if user is None:
            # Only a user sharing one of these shops, one the caller administers, clashes.
            raise Conflict(EMAIL_TAKEN)
        await uow.audit("user.created", "user", user.id, after=user.as_dict())
    return _out(user)


async def list_users(pool: Pool, principal: Principal) -> list[UserOut]:
    async with pool.acquire() as conn:
        found = await users.list_users(conn, principal.scope())
    return [_out(u) for u in found if principal.covers(u.shop_ids)]


async def update_user(
    pool: Pool, principal: Principal, user_id: int, body: UserPatch, now: datetime
) -> UserOut:
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        before = _manageable(principal, await users.get_user(uow.conn, user_id))
        role = body.role or before.role
        shop_ids = body.shop_ids or before.shop_ids
        _may_grant(principal, shop_ids, role)
        if before.id == principal.user_id and (role != "admin" or body.active is False):
            raise Conflict("you cannot demote or deactivate yourself")
        if before.email and await users.email_taken(uow.conn, before.email, shop_ids, before.id):
            raise Conflict(EMAIL_TAKEN)
        active = before.active if body.active is None else body.active
        name = body.name or before.name
        after = await users.update_user(uow.conn, user_id, name, role, shop_ids, active, now)
        await uow.audit(
            "user.updated", "user", user_id, before=before.as_dict(), after=after.as_dict()
        )
        if before.active and not active:
            # Requests stop at once anyway (`active` is read on each); ending the sessions and
            # links for good keeps a reactivation from reviving a cookie or link from before.
            await sign_in.revoke(uow.conn, user_id, None, now)
            await sign_in.revoke_links(uow.conn, user_id, now)
    return _out(after)


async def _key_owner(pool: Pool, principal: Principal, user_id: int, what: str = "keys") -> User:
    """Admins manage keys (and passwords) of users they administer; everyone their own."""
    async with pool.acquire() as conn:
        user = await users.get_user(conn, user_id)
    if user is not None and user.id == principal.user_id:
        return user
    if not principal.at_least("admin"):
        raise Forbidden(f"only admins manage other users' {what}")
    return _manageable(principal, user)


async def set_password(
    pool: Pool, principal: Principal, user_id: int, password: str, now: datetime
) -> None:
    """The user themselves or an admin of all their shops. Ends the user's console sessions
    (but the one making the change, when it is the user's own: `change_own_password`)."""
    user = await _key_owner(pool, principal, user_id, "passwords")
    if not user.active:
        raise Conflict("the user is deactivated")
    try:
        await auth.set_password(pool, principal, user, password, now)
    except auth.PasswordRefused as exc:
        raise Refused(str(exc)) from None


async def create_sign_in_link(
    pool: Pool,
    principal: Principal,
    user_id: int,
    body: SignInLinkIn,
    now: datetime,
    public_url: str,
) -> SignInLinkOut:
    """A one-time link to choose a password, for a user the admin administers."""
    if not principal.at_least("admin"):
        raise Forbidden("only admins create sign-in links")
    async with pool.acquire() as conn:
        user = _manageable(principal, await users.get_user(conn, user_id))
    if not user.active:
        raise Conflict("the user is deactivated")
    link = await auth.create_link(pool, principal, user, now, timedelta(hours=body.valid_hours))
    return SignInLinkOut(
        url=public_url.rstrip("/") + link.path, path=link.path, expires_at=link.expires_at
    )


def _session_out(row: SessionRow) -> SessionOut:
    return SessionOut(
        id=row.id,
        device=devices.describe(row.user_agent),
        user_agent=row.user_agent,
        started_at=row.created_at,
        last_seen_at=row.last_seen_at,
        expires_at=row.expires_at,
    )


async def my_sessions(
    pool: Pool, principal: Principal, now: datetime, policy: auth.SessionPolicy
) -> list[SessionOut]:
    if principal.user_id is None:
        raise NoUser("the bootstrap key has no sessions")
    return [_session_out(r) for r in await auth.live_sessions(pool, principal, now, policy)]


async def end_my_session(pool: Pool, principal: Principal, session_id: int, now: datetime) -> None:
    if principal.user_id is None:
        raise NoUser("the bootstrap key has no sessions")
    if not await auth.sign_out(pool, principal, session_id, now):
        raise SessionNotFound("session")


async def end_my_sessions(pool: Pool, principal: Principal, now: datetime) -> SessionsEnded:
    if principal.user_id is None:
        raise NoUser("the bootstrap key has no sessions")
    return SessionsEnded(ended=await auth.sign_out_others(pool, principal, None, now))


async def create_key(
    pool: Pool, principal: Principal, user_id: int, body: KeyIn, now: datetime, cap: int
) -> KeyOut:
    user = await _key_owner(pool, principal, user_id)
    if not user.active:
        raise Conflict("the user is deactivated")
    new = tokens.new_api_key()
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        await users.lock_user(uow.conn, user.id)
        # Keys are credentials to audit and revoke, not a way around the per-user rate limit.
        if await users.active_keys(uow.conn, user.id) >= cap:
            raise Conflict(
                f"the user already has {cap} active API keys, the most allowed; revoke one first"
            )
        row = await users.add_key(uow.conn, user.id, body.name, new.prefix, new.key_hash, now)
        await uow.audit("api_key.created", "api_key", row["id"], after=row)
    return KeyOut(id=row["id"], name=row["name"], prefix=row["prefix"], key=new.key)


async def list_keys(pool: Pool, principal: Principal, user_id: int) -> list[KeyOut]:
    user = await _key_owner(pool, principal, user_id)
    async with pool.acquire() as conn:
        rows = await users.keys_of(conn, user.id)
    return [
        KeyOut(id=r["id"], name=r["name"], prefix=r["prefix"], revoked=r["revoked_at"] is not None)
        for r in rows
    ]


async def revoke_key(
    pool: Pool, principal: Principal, user_id: int, key_id: int, now: datetime
) -> None:
    user = await _key_owner(pool, principal, user_id)
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        row = await users.revoke_key(uow.conn, user.id, key_id, now)
        if row is None:
            raise KeyNotFound("API key")
        await uow.audit("api_key.revoked", "api_key", key_id, after=row)


def issue_token(config: tokens.TokenConfig, principal: Principal, now: datetime) -> TokenOut:
    if principal.user_id is None or principal.key_id is None:
        raise NoUser("the bootstrap key has no user: create a user and use its key")
    token, ttl = tokens.issue(config, principal.user_id, principal.key_id, now)
    return TokenOut(access_token=token, expires_in=ttl)


async def owner_of_key(pool: Pool, key: str, now: datetime) -> KeyOwner | None:
    async with pool.acquire() as conn:
        return await users.owner_of_key(conn, tokens.hash_key(key), now)


async def token_owner(pool: Pool, user_id: int, key_id: int) -> User | None:
    async with pool.acquire() as conn:
        return await users.token_owner(conn, user_id, key_id)
