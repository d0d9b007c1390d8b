"""All SQL of the leased slots (shared/slots/leases.py)."""

from shared.db.pool import Connection


async def seed_slots(conn: Connection, scope: str, cap: int) -> None:
    await conn.execute(
        """
        INSERT INTO leased_slots (scope, slot)
        SELECT $1, s FROM generate_series(0, $2 - 1) AS s
        ON CONFLICT DO NOTHING
        """,
        scope,
        cap,
    )


async def renew_slots(
    conn: Connection, scope: str, cap: int, holder: str, lease_s: float
) -> list[int]:
    """The slots this holder still has (its lease not taken over), their leases extended."""
    rows = await conn.fetch(
        """
        UPDATE leased_slots
        SET lease_until = now() + make_interval(secs => $4)
        WHERE scope = $1 AND slot < $2 AND holder = $3 AND lease_until > now()
        RETURNING slot
        """,
        scope,
        cap,
        holder,
        lease_s,
    )
    return [int(r["slot"]) for r in rows]


async def take_slots(
    conn: Connection, scope: str, cap: int, holder: str, lease_s: float, wanted: int
) -> list[int]:
    """Up to `wanted` free slots (never held, released, or their lease run out)."""
    rows = await conn.fetch(
        """
        UPDATE leased_slots AS s
        SET holder = $3, lease_until = now() + make_interval(secs => $4)
        FROM (
            SELECT scope, slot FROM leased_slots
            WHERE scope = $1 AND slot < $2 AND (holder IS NULL OR lease_until <= now())
            ORDER BY slot
            LIMIT $5
            FOR UPDATE SKIP LOCKED
        ) AS free
        WHERE s.scope = free.scope AND s.slot = free.slot
        RETURNING s.slot
        """,
        scope,
        cap,
        holder,
        lease_s,
        wanted,
    )
    return [int(r["slot"]) for r in rows]


async def release_slots(conn: Connection, scope: str, holder: str, slots: list[int]) -> None:
    await conn.execute(
        """
        UPDATE leased_slots SET holder = NULL, lease_until = NULL
        WHERE scope = $1 AND holder = $2 AND slot = ANY($3::int[])
        """,
        scope,
        holder,
        slots,
    )
