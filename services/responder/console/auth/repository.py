"""All SQL of console sign-in: password hashes and browser sessions."""

from dataclasses import dataclass
from datetime import datetime

from shared.db.pool import Connection


@dataclass(frozen=True)
class Candidate:
    """An active user with this email and a password (one per shop group: emails are unique
    per shop, not across tenants)."""

    user_id: int
    password_hash: str


@dataclass(frozen=True)
class SessionRow:
    id: int
    user_id: int
    csrf_token: str
    user_agent: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    revoked_at: datetime | None


_SESSION = "id, user_id, csrf_token, user_agent, created_at, last_seen_at, expires_at, revoked_at"


async def candidates(conn: Connection, email: str) -> list[Candidate]:
    rows = await conn.fetch(
        """
        SELECT id, password_hash FROM users
        WHERE lower(email) = lower($1) AND active AND password_hash IS NOT NULL
        ORDER BY id
        """,
        email,
    )
    return [Candidate(r["id"], r["password_hash"]) for r in rows]


async def set_password(conn: Connection, user_id: int, password_hash: str, at: datetime) -> bool:
    done = await conn.execute(
        """
        UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3
        WHERE id = $1
        """,
        user_id,
        password_hash,
        at,
    )
    return bool(done.endswith(" 1"))


async def password_hash_of(conn: Connection, user_id: int) -> str | None:
    found: str | None = await conn.fetchval(
        "SELECT password_hash FROM users WHERE id = $1", user_id
    )
    return found


async def with_password(conn: Connection, user_ids: list[int]) -> set[int]:
    rows = await conn.fetch(
        "SELECT id FROM users WHERE id = ANY($1::bigint[]) AND password_hash IS NOT NULL",
        user_ids,
    )
    return {r["id"] for r in rows}


async def has_password(conn: Connection, user_id: int) -> bool:
    return bool(
        await conn.fetchval("SELECT password_hash IS NOT NULL FROM users WHERE id = $1", user_id)
    )


async def create_session(
    conn: Connection,
    token_hash: str,
    user_id: int,
    csrf_token: str,
    user_agent: str,
    at: datetime,
    expires_at: datetime,
) -> int:
    session_id: int = await conn.fetchval(
        """
        INSERT INTO console_sessions
            (token_hash, user_id, csrf_token, user_agent, created_at, last_seen_at, expires_at)
        VALUES ($1, $2, $3, $4, $5, $5, $6)
        RETURNING id
        """,
        token_hash,
        user_id,
        csrf_token,
        user_agent[:200],
        at,
        expires_at,
    )
    return session_id


async def live_session(
    conn: Connection, token_hash: str, now: datetime, idle_s: int
) -> SessionRow | None:
    row = await conn.fetchrow(
        f"""
        SELECT {_SESSION} FROM console_sessions
        WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2
          AND last_seen_at > $2::timestamptz - make_interval(secs => $3)
        """,
        token_hash,
        now,
        idle_s,
    )
    return SessionRow(**dict(row)) if row else None


async def touch(conn: Connection, session_id: int, now: datetime) -> None:
    # At most once a minute: every page view writing a row would be a write per request.
    await conn.execute(
        """
        UPDATE console_sessions SET last_seen_at = $2
        WHERE id = $1 AND last_seen_at < $2::timestamptz - interval '1 minute'
        """,
        session_id,
        now,
    )


async def sessions_of(conn: Connection, user_id: int, now: datetime) -> list[SessionRow]:
    rows = await conn.fetch(
        f"""
        SELECT {_SESSION} FROM console_sessions
        WHERE user_id = $1 AND expires_at > $2
        ORDER BY created_at DESC
        LIMIT 100
        """,
        user_id,
        now,
    )
    return [SessionRow(**dict(r)) for r in rows]


async def live_sessions_of(
    conn: Connection, user_id: int, now: datetime, idle_s: int
) -> list[SessionRow]:
    """The sessions that still open pages: not revoked, not expired, not idle too long."""
    rows = await conn.fetch(
        f"""
        SELECT {_SESSION} FROM console_sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2
          AND last_seen_at > $2::timestamptz - make_interval(secs => $3)
        ORDER BY last_seen_at DESC, id DESC
        LIMIT 100
        """,
        user_id,
        now,
        idle_s,
    )
    return [SessionRow(**dict(r)) for r in rows]


async def revoke(
    conn: Connection,
    user_id: int,
    session_id: int | None,
    now: datetime,
    keep: int | None = None,
) -> int:
    """Revokes one session of the user, or all of them (`session_id` None) but `keep`; how
    many."""
    done = await conn.execute(
        """
        UPDATE console_sessions SET revoked_at = $3
        WHERE user_id = $1 AND ($2::bigint IS NULL OR id = $2) AND revoked_at IS NULL
          AND id IS DISTINCT FROM $4
        """,
        user_id,
        session_id,
        now,
        keep,
    )
    return int(done.split()[-1])


async def delete_expired(conn: Connection, now: datetime) -> int:
    done = await conn.execute("DELETE FROM console_sessions WHERE expires_at <= $1", now)
    # A used or replaced link is kept until it would have expired: the audit log names it.
    await conn.execute("DELETE FROM sign_in_links WHERE expires_at <= $1", now)
    return int(done.split()[-1])


# -- one-time sign-in links ----------------------------------------------------------------


@dataclass(frozen=True)
class LinkRow:
    id: int
    user_id: int
    created_by: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    revoked_at: datetime | None


_LINK = "id, user_id, created_by, created_at, expires_at, used_at, revoked_at"


async def create_link(
    conn: Connection,
    token_hash: str,
    user_id: int,
    created_by: str,
    at: datetime,
    expires_at: datetime,
) -> LinkRow:
    """A new link for the user; their older unused links stop working (only the newest one
    handed over counts)."""
    await revoke_links(conn, user_id, at)
    row = await conn.fetchrow(
        f"""
        INSERT INTO sign_in_links (token_hash, user_id, created_by, created_at, expires_at)
        VALUES ($1, $2, $3, $4, $5)
        RETURNING {_LINK}
        """,
        token_hash,
        user_id,
        created_by,
        at,
        expires_at,
    )
    return LinkRow(**dict(row))


async def revoke_links(conn: Connection, user_id: int, at: datetime) -> None:
    await conn.execute(
        """
        UPDATE sign_in_links SET revoked_at = $2
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL
        """,
        user_id,
        at,
    )


async def open_link(conn: Connection, token_hash: str, now: datetime) -> LinkRow | None:
    """The link behind a token while it can be used (unused, unreplaced, unexpired)."""
    row = await conn.fetchrow(
        f"""
        SELECT {_LINK} FROM sign_in_links
        WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2
        """,
        token_hash,
        now,
    )
    return LinkRow(**dict(row)) if row else None


async def use_link(conn: Connection, token_hash: str, now: datetime) -> LinkRow | None:
    """Marks the link used, once: of two submissions racing, only one gets the row."""
    row = await conn.fetchrow(
        f"""
        UPDATE sign_in_links SET used_at = $2
        WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2
        RETURNING {_LINK}
        """,
        token_hash,
        now,
    )
    return LinkRow(**dict(row)) if row else None
