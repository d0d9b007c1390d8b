"""All SQL of the email plumbing shared by the services: the SMTP session slots."""

from shared.db.pool import Connection


async def seed_slots(conn: Connection, relay: str, cap: int) -> None:
    await conn.execute(
        """
        INSERT INTO smtp_session_slots (relay, slot)
        SELECT $1, s FROM generate_series(0, $2 - 1) AS s
        ON CONFLICT DO NOTHING
        """,
        relay,
        cap,
    )


async def renew_slots(
    conn: Connection, relay: str, cap: int, holder: str, lease_s: float
) -> list[int]:
    """The slots this holder still has (its lease not taken over), their leases extended."""
    rows = await conn.fetch(
        """
        UPDATE smtp_session_slots
        SET lease_until = now() + make_interval(secs => $4)
        WHERE relay = $1 AND slot < $2 AND holder = $3 AND lease_until > now()
        RETURNING slot
        """,
        relay,
        cap,
        holder,
        lease_s,
    )
    return [int(r["slot"]) for r in rows]


async def take_slots(
    conn: Connection, relay: str, cap: int, holder: str, lease_s: float, wanted: int
) -> list[int]:
    """Up to `wanted` free slots (never held, released, or their lease run out)."""
    rows = await conn.fetch(
        """
        UPDATE smtp_session_slots AS s
        SET holder = $3, lease_until = now() + make_interval(secs => $4)
        FROM (
            SELECT relay, slot FROM smtp_session_slots
            WHERE relay = $1 AND slot < $2 AND (holder IS NULL OR lease_until <= now())
            ORDER BY slot
            LIMIT $5
            FOR UPDATE SKIP LOCKED
        ) AS free
        WHERE s.relay = free.relay AND s.slot = free.slot
        RETURNING s.slot
        """,
        relay,
        cap,
        holder,
        lease_s,
        wanted,
    )
    return [int(r["slot"]) for r in rows]


async def release_slots(conn: Connection, relay: str, holder: str, slots: list[int]) -> None:
    await conn.execute(
        """
        UPDATE smtp_session_slots SET holder = NULL, lease_until = NULL
        WHERE relay = $1 AND holder = $2 AND slot = ANY($3::int[])
        """,
        relay,
        holder,
        slots,
    )
