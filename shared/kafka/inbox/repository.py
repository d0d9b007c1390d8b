"""Inbox repository: the record of events a consumer has already handled."""

from datetime import timedelta

from shared.db.pool import Connection


async def claim(
    conn: Connection,
    consumer: str,
    event_id: object,
    event_type: str,
    topic: str,
    partition: int,
    offset: int,
) -> bool:
    """Insert the inbox row; False means the event was handled before (a redelivery)."""
    row = await conn.fetchval(
        """
        INSERT INTO inbox (consumer, event_id, event_type, topic, partition, "offset")
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (consumer, event_id) DO NOTHING
        RETURNING 1
        """,
        consumer,
        event_id,
        event_type,
        topic,
        partition,
        offset,
    )
    return row is not None


async def prune(conn: Connection, older_than: timedelta) -> int:
    """Forget handled events older than Kafka could ever redeliver them."""
    result: str = await conn.execute(
        "DELETE FROM inbox WHERE processed_at < now() - $1::interval", older_than
    )
    return int(result.split()[-1])
