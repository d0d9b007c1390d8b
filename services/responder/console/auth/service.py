"""Signing staff in and out of the console, their sessions and passwords.

A session is a random 256-bit value in an HttpOnly cookie; the database keeps its SHA-256,
the user, a CSRF token, and when it started, was last used, expires and was revoked. The
user's role, shops and active flag are read from `users` on every request (as for API keys),
so a demotion or a deactivation applies to open sessions at once.
"""

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
        passwords.verify(None, password)
        return None
    match = next((c for c in found if passwords.verify(c.password_hash, password)), None)
    if match is None:
        return None
    token = secrets.token_urlsafe(32)
    async with unit_of_work(pool, actor=f"user:{match.user_id}", at=now) as uow:
        user = await users.get_user(uow.conn, match.user_id)
        if user is None or not user.active:
            return None
        if passwords.needs_rehash(match.password_hash):
            await sessions.set_password(uow.conn, user.id, passwords.hash_password(password), now)
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


async def set_password(
    pool: Pool,
    actor: Principal,
    user: User,
    password: str,
    now: datetime,
    keep_session: int | None = None,
) -> None:
    """Sets `user`'s password (the caller has checked that `actor` may) and ends the user's
    sessions but `keep_session` (the one changing its own password): whoever knew the old
    password is signed out."""
    try:
        passwords.check_strength(password, user.email)
    except passwords.WeakPassword as exc:
        raise PasswordRefused(str(exc)) from None
    hashed = passwords.hash_password(password)
    async with unit_of_work(pool, actor=actor.actor, at=now) as uow:
        await sessions.set_password(uow.conn, user.id, hashed, now)
        await sessions.revoke(uow.conn, user.id, None, now, keep=keep_session)
        await uow.audit("user.password_set", "user", user.id, after={"user": user.id})


async def delete_expired(pool: Pool, now: datetime) -> int:
    async with pool.acquire() as conn:
        return await sessions.delete_expired(conn, now)
