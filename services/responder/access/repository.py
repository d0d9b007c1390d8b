"""All SQL of users and API keys."""

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from services.responder.access.principal import Role
from shared.db.pool import Connection


@dataclass(frozen=True)
class User:
    id: int
    name: str
    email: str | None
    role: Role
    shop_ids: list[str]
    active: bool
    created_at: datetime
    updated_at: datetime

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


_USER = "id, name, email, role, shop_ids, active, created_at, updated_at"


def _user(row: Any) -> User:
    return User(**{**dict(row), "shop_ids": list(row["shop_ids"])})


async def create_user(
    conn: Connection,
    name: str,
    email: str | None,
    role: Role,
    shop_ids: list[str],
    at: datetime,
) -> User | None:
    """None when a user sharing one of `shop_ids` has this email already (users of other shops
    may: an email is unique per shop, so nobody learns about another tenant's staff)."""
    shops = sorted(set(shop_ids))
    if email is not None and await email_taken(conn, email, shops):
        return None
    row = await conn.fetchrow(
        f"""
        INSERT INTO users (name, email, role, shop_ids, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $5)
        RETURNING {_USER}
        """,
        name,
        email,
        role,
        shops,
        at,
    )
    return _user(row)


async def email_taken(
    conn: Connection, email: str, shop_ids: list[str], other_than: int | None = None
) -> bool:
    """Whether another user of one of `shop_ids` has this email. Two changes with one address
    must not both pass the check: in a transaction, the lock holds until it ends."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(lower($1), 7))", email)
    found = await conn.fetchval(
        """
        SELECT 1 FROM users
        WHERE lower(email) = lower($1) AND shop_ids && $2::text[] AND id IS DISTINCT FROM $3
        """,
        email,
        shop_ids,
        other_than,
    )
    return found is not None


async def get_user(conn: Connection, user_id: int) -> User | None:
    row = await conn.fetchrow(f"SELECT {_USER} FROM users WHERE id = $1", user_id)
    return _user(row) if row else None


async def list_users(conn: Connection, shop_ids: list[str] | None) -> list[User]:
    """Users sharing a shop with `shop_ids` (all users when None)."""
    rows = await conn.fetch(
        f"""
        SELECT {_USER} FROM users WHERE $1::text[] IS NULL OR shop_ids && $1::text[]
        ORDER BY id
        """,
        shop_ids,
    )
    return [_user(r) for r in rows]


async def update_user(
    conn: Connection,
    user_id: int,
    name: str,
    role: Role,
    shop_ids: list[str],
    active: bool,
    at: datetime,
) -> User:
    row = await conn.fetchrow(
        f"""
        UPDATE users SET name = $2, role = $3, shop_ids = $4, active = $5, updated_at = $6
        WHERE id = $1 RETURNING {_USER}
        """,
        user_id,
        name,
        role,
        sorted(set(shop_ids)),
        active,
        at,
    )
    return _user(row)


async def users_with_access(conn: Connection, shop_id: str, user_id: int) -> bool:
    found = await conn.fetchval(
        "SELECT 1 FROM users WHERE id = $1 AND active AND $2 = ANY(shop_ids)", user_id, shop_id
    )
    return found is not None


async def drop_shop_from_users(conn: Connection, shop_id: str) -> None:
    """A shop whose data is erased disappears from every user's scope; users left without a
    shop are deactivated (a user needs at least one shop)."""
    await conn.execute(
        """
        UPDATE users SET active = CASE WHEN cardinality(shop_ids) = 1 THEN false ELSE active END,
                         shop_ids = CASE WHEN cardinality(shop_ids) = 1 THEN shop_ids
                                         ELSE array_remove(shop_ids, $1) END,
                         updated_at = now()
        WHERE $1 = ANY(shop_ids)
        """,
        shop_id,
    )


# -- API keys ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyOwner:
    key_id: int
    user: User


async def add_key(
    conn: Connection, user_id: int, name: str, prefix: str, key_hash: str, at: datetime
) -> dict[str, Any]:
    row = await conn.fetchrow(
        """
        INSERT INTO api_keys (user_id, name, prefix, key_hash, created_at)
        VALUES ($1, $2, $3, $4, $5)
        RETURNING id, user_id, name, prefix, created_at, last_used_at, revoked_at
        """,
        user_id,
        name,
        prefix,
        key_hash,
        at,
    )
    return dict(row)


async def keys_of(conn: Connection, user_id: int) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """
        SELECT id, user_id, name, prefix, created_at, last_used_at, revoked_at
        FROM api_keys WHERE user_id = $1 ORDER BY id
        """,
        user_id,
    )
    return [dict(r) for r in rows]


async def revoke_key(
    conn: Connection, user_id: int, key_id: int, at: datetime
) -> dict[str, Any] | None:
    row = await conn.fetchrow(
        """
        UPDATE api_keys SET revoked_at = coalesce(revoked_at, $3)
        WHERE id = $2 AND user_id = $1
        RETURNING id, user_id, name, prefix, created_at, last_used_at, revoked_at
        """,
        user_id,
        key_id,
        at,
    )
    return dict(row) if row else None


async def owner_of_key(conn: Connection, key_hash: str, at: datetime) -> KeyOwner | None:
    """The active user holding this unrevoked key. Marks the key used at most once a minute,
    so reads do not turn into a write per request."""
    row = await conn.fetchrow(
        f"""
        WITH k AS (
            SELECT id, user_id, last_used_at FROM api_keys
            WHERE key_hash = $1 AND revoked_at IS NULL
        ), touched AS (
            UPDATE api_keys SET last_used_at = $2
            WHERE id = (SELECT id FROM k)
              AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')
        )
        SELECT k.id AS key_id, {", ".join("u." + c for c in _USER.split(", "))}
        FROM k JOIN users u ON u.id = k.user_id
        WHERE u.active
        """,
        key_hash,
        at,
    )
    if row is None:
        return None
    data = dict(row)
    key_id = data.pop("key_id")
    return KeyOwner(key_id, User(**{**data, "shop_ids": list(data["shop_ids"])}))


async def token_owner(conn: Connection, user_id: int, key_id: int) -> User | None:
    """The active user of a bearer token, while the API key it was issued with is theirs and
    unrevoked."""
    row = await conn.fetchrow(
        f"""
        SELECT {", ".join("u." + c for c in _USER.split(", "))}
        FROM users u JOIN api_keys k ON k.user_id = u.id
        WHERE u.id = $1 AND k.id = $2 AND k.revoked_at IS NULL AND u.active
        """,
        user_id,
        key_id,
    )
    return _user(row) if row else None


async def lock_user(conn: Connection, user_id: int) -> None:
    """Serialises key creation per user (the cap on active keys is checked, then a key added)."""
    await conn.execute("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", user_id)


async def active_keys(conn: Connection, user_id: int) -> int:
    count: int = await conn.fetchval(
        "SELECT count(*) FROM api_keys WHERE user_id = $1 AND revoked_at IS NULL", user_id
    )
    return count


# -- the shared rate limit (ratelimit.SharedTokenBuckets) ----------------------------------------

# The bucket refilled to `now` (never above the burst), then one token spent if there is one; in
# one statement, so two replicas spending from one bucket at the same time serialise on its row.
_REFILLED = (
    "LEAST($3::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM $4::timestamptz - b.refilled_at))"
    " * $2::float8)"
)


async def take_token(
    conn: Connection, key: str, rate_per_s: float, burst: float, now: datetime
) -> tuple[float, bool]:
    """(tokens left, whether one was spent) for the bucket of `key`."""
    row = await conn.fetchrow(
        f"""
        INSERT INTO rate_limit_buckets AS b (key, tokens, refilled_at, last_allowed)
        VALUES ($1, $3::float8 - 1, $4, true)
        ON CONFLICT (key) DO UPDATE SET
            tokens = {_REFILLED} - CASE WHEN {_REFILLED} >= 1 THEN 1 ELSE 0 END,
            last_allowed = {_REFILLED} >= 1,
            refilled_at = GREATEST(b.refilled_at, $4)
        RETURNING tokens, last_allowed
        """,
        key,
        rate_per_s,
        burst,
        now,
    )
    assert row is not None  # INSERT ... ON CONFLICT DO UPDATE always returns its row
    return float(row["tokens"]), bool(row["last_allowed"])


async def prune_buckets(conn: Connection, full_after_s: float, now: datetime) -> int:
    """Buckets idle long enough to be full again: the same as no row."""
    deleted = await conn.execute(
        """
        DELETE FROM rate_limit_buckets
        WHERE refilled_at < $1::timestamptz - make_interval(secs => $2)
        """,
        now,
        full_after_s,
    )
    return int(deleted.split()[-1])
