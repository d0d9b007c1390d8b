"""Signing staff in and out of the console, their sessions and passwords.

A session is a random 256-bit value in an HttpOnly cookie; the database keeps its SHA-256,
the user, a CSRF token, and when it started, was last used, expires and was revoked. The
user's role, shops and active flag are read from `users` on every request (as for API keys),
so a demotion or a deactivation applies to open sessions at once.
"""

import asyncio
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.responder.access import repository as users
from services.responder.access.principal import Principal
from services.responder.access.repository import User
from services.responder.console.auth import passwords
from services.responder.console.auth import repository as sessions
from services.responder.console.auth.repository import SessionRow
from services.responder.unit_of_work import unit_of_work
from shared.db.pool import Pool
from shared.db.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class SessionPolicy:
    ttl_s: int
    idle_s: int


@dataclass(frozen=True)
class SignedIn:
    token: str  # the cookie's value; never stored
    session_id: int
    user: User


@dataclass(frozen=True)
class Live:
    session: SessionRow
    principal: Principal


class PasswordRefused(Exception):
    """Why a new password is not accepted; the message is shown."""


class WrongPassword(Exception):
    """The current password, asked for before a change, does not match."""


class LinkUnusable(Exception):
    """A sign-in link that is unknown, used, replaced by a newer one, expired, or whose user
    is deactivated (one answer for all: the link's holder learns nothing more)."""


@dataclass(frozen=True)
class NewLink:
    token: str  # in the link handed over; never stored
    path: str
    expires_at: datetime


LINK_PATH = "/console/welcome/"


# argon2id takes tens of milliseconds of CPU and 64 MiB by design: in a worker thread (the
# library releases the GIL), so one sign-in does not stall every other request and event stream.
async def _verify(stored: str | None, password: str) -> bool:
    return await asyncio.to_thread(passwords.verify, stored, password)


async def _hash(password: str) -> str:
    return await asyncio.to_thread(passwords.hash_password, password)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def principal_of(user: User, session_id: int) -> Principal:
    return Principal(
        user.id,
        user.name,
        user.role,
        frozenset(user.shop_ids),
        "session",
        f"user:{user.id}",
    )


async def sign_in(
    pool: Pool, email: str, password: str, user_agent: str, now: datetime, policy: SessionPolicy
) -> SignedIn | None:
    """A new session for the active user with this email and password, or None. Every
    candidate's hash is checked (the same email may belong to users of unrelated shops), and
    an unknown email costs one verification too, so timing tells nothing."""
    async with pool.acquire() as conn:
        found = await sessions.candidates(conn, email.strip())
    if not found:
        await _verify(None, password)
        return None
    match = None
    for candidate in found:
        if await _verify(candidate.password_hash, password):
            match = candidate
            break
    if match is None:
        return None
    async with unit_of_work(pool, actor=f"user:{match.user_id}", at=now) as uow:
        user = await users.get_user(uow.conn, match.user_id)
        if user is None or not user.active:
            return None
        if passwords.needs_rehash(match.password_hash):
            await sessions.set_password(uow.conn, user.id, await _hash(password), now)
        return await _start_session(uow, user, user_agent, now, policy)


async def _start_session(
    uow: UnitOfWork, user: User, user_agent: str, now: datetime, policy: SessionPolicy
) -> SignedIn:
    token = secrets.token_urlsafe(32)
    session_id = await sessions.create_session(
        uow.conn,
        token_hash(token),
        user.id,
        secrets.token_urlsafe(32),
        user_agent,
        now,
        now + timedelta(seconds=policy.ttl_s),
    )
    await uow.audit("session.started", "console_session", session_id, after={"user": user.id})
    return SignedIn(token, session_id, user)


async def live(pool: Pool, token: str, now: datetime, policy: SessionPolicy) -> Live | None:
    """The session behind a cookie and its user as they are now, or None (unknown, revoked,
    expired, idle too long, or the user deactivated)."""
    async with pool.acquire() as conn:
        row = await sessions.live_session(conn, token_hash(token), now, policy.idle_s)
        if row is None:
            return None
        user = await users.get_user(conn, row.user_id)
        if user is None or not user.active:
            return None
        await sessions.touch(conn, row.id, now)
    return Live(row, principal_of(user, row.id))


async def sign_out(pool: Pool, principal: Principal, session_id: int | None, now: datetime) -> int:
    """Ends one of the user's sessions, or all of them (None); how many were open."""
    assert principal.user_id is not None  # sessions belong to users, never the bootstrap key
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        ended = await sessions.revoke(uow.conn, principal.user_id, session_id, now)
        if ended:
            await uow.audit(
                "session.revoked",
                "console_session",
                session_id or 0,
                after={"user": principal.user_id, "sessions": ended},
            )
    return ended


async def list_sessions(pool: Pool, principal: Principal, now: datetime) -> list[SessionRow]:
    if principal.user_id is None:
        return []
    async with pool.acquire() as conn:
        return await sessions.sessions_of(conn, principal.user_id, now)


async def _strong(password: str, user: User) -> str:
    """The argon2id hash of an acceptable password."""
    try:
        passwords.check_strength(password, user.email)
    except passwords.WeakPassword as exc:
        raise PasswordRefused(str(exc)) from None
    return await _hash(password)


async def _store_password(
    uow: UnitOfWork, user: User, hashed: str, now: datetime, keep_session: int | None
) -> int:
    await sessions.set_password(uow.conn, user.id, hashed, now)
    ended = await sessions.revoke(uow.conn, user.id, None, now, keep=keep_session)
    await uow.audit(
        "user.password_set", "user", user.id, after={"user": user.id, "sessions_ended": ended}
    )
    return ended


async def set_password(
    pool: Pool,
    actor: Principal,
    user: User,
    password: str,
    now: datetime,
    keep_session: int | None = None,
) -> int:
    """Sets `user`'s password (the caller has checked that `actor` may) and ends the user's
    sessions but `keep_session` (the one changing its own password): whoever knew the old
    password is signed out. How many sessions ended."""
    hashed = await _strong(password, user)
    async with unit_of_work(pool, actor=actor.actor, at=now) as uow:
        return await _store_password(uow, user, hashed, now, keep_session)


async def change_own_password(
    pool: Pool,
    principal: Principal,
    current: str,
    new: str,
    now: datetime,
    keep_session: int,
) -> int:
    """The signed-in user's new password, given the current one (a session left open on a
    shared computer must not be enough to lock its owner out)."""
    assert principal.user_id is not None  # sessions belong to users
    async with pool.acquire() as conn:
        user = await users.get_user(conn, principal.user_id)
        stored = await sessions.password_hash_of(conn, principal.user_id)
    if user is None or not await _verify(stored, current):
        raise WrongPassword("the current password is wrong")
    return await set_password(pool, principal, user, new, now, keep_session)


async def live_sessions(
    pool: Pool, principal: Principal, now: datetime, policy: SessionPolicy
) -> list[SessionRow]:
    if principal.user_id is None:
        return []
    async with pool.acquire() as conn:
        return await sessions.live_sessions_of(conn, principal.user_id, now, policy.idle_s)


async def sign_out_others(pool: Pool, principal: Principal, keep: int | None, now: datetime) -> int:
    """Ends every session of the user but `keep` (None: all of them); how many."""
    assert principal.user_id is not None
    async with unit_of_work(pool, actor=principal.actor, at=now) as uow:
        ended = await sessions.revoke(uow.conn, principal.user_id, None, now, keep=keep)
        if ended:
            await uow.audit(
                "session.revoked",
                "console_session",
                0,
                after={"user": principal.user_id, "sessions": ended, "kept": keep},
            )
    return ended


async def create_link(
    pool: Pool, actor: Principal, user: User, now: datetime, valid_for: timedelta
) -> NewLink:
    """A one-time link for `user` to choose a password (the caller has checked that `actor`
    may); their older unused links stop working. Audited without the token."""
    token = secrets.token_urlsafe(32)
    async with unit_of_work(pool, actor=actor.actor, at=now) as uow:
        row = await sessions.create_link(
            uow.conn, token_hash(token), user.id, actor.actor, now, now + valid_for
        )
        await uow.audit(
            "user.sign_in_link_created",
            "user",
            user.id,
            after={"user": user.id, "link": row.id, "expires_at": row.expires_at.isoformat()},
        )
    return NewLink(token, LINK_PATH + token, row.expires_at)


async def link_owner(pool: Pool, token: str, now: datetime) -> User:
    """The active user a usable link is for (the choose-a-password page names them)."""
    async with pool.acquire() as conn:
        link = await sessions.open_link(conn, token_hash(token), now)
        user = await users.get_user(conn, link.user_id) if link else None
    if user is None or not user.active:
        raise LinkUnusable("this link is not valid")
    return user


async def redeem_link(
    pool: Pool, token: str, password: str, user_agent: str, now: datetime, policy: SessionPolicy
) -> SignedIn:
    """Sets the link's user's password, uses the link up, ends the user's other sessions and
    signs this browser in. A refused password leaves the link usable, to try again."""
    user = await link_owner(pool, token, now)
    hashed = await _strong(password, user)
    async with unit_of_work(pool, actor=f"user:{user.id}", at=now) as uow:
        link = await sessions.use_link(uow.conn, token_hash(token), now)
        if link is None or link.user_id != user.id:
            raise LinkUnusable("this link is not valid")
        await _store_password(uow, user, hashed, now, None)
        await uow.audit(
            "user.sign_in_link_used", "user", user.id, after={"user": user.id, "link": link.id}
        )
        return await _start_session(uow, user, user_agent, now, policy)


async def delete_expired(pool: Pool, now: datetime) -> int:
    async with pool.acquire() as conn:
        return await sessions.delete_expired(conn, now)
