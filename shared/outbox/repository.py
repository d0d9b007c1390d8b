"""All SQL of the outbox table."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from shared import tracing
from shared.db.pool import Connection
from shared.events.catalogue import serialize_event
from shared.events.envelope import EventEnvelope
from shared.topics import PRIVACY


@dataclass(frozen=True)
class OutboxRow:
    id: int
    event_id: object
    event_type: str
    topic: str
    partition_key: str
    body: bytes
    correlation_id: str | None
    trace_context: tracing.Carrier | None = None


async def add(conn: Connection, event: EventEnvelope[Any], correlation_id: str | None) -> None:
    """Call inside the transaction that changes the state the event announces (the active
    trace, if any, is stored with the row)."""
    await conn.execute(
        """
        INSERT INTO outbox (event_id, event_type, topic, partition_key, body, correlation_id,
                            trace_context)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """,
        event.event_id,
        event.type,
        event.topic.name,
        event.partition_key(),
        serialize_event(event),
        correlation_id,
        tracing.current_carrier(),
    )


async def add_many(
    conn: Connection, events: list[EventEnvelope[Any]], correlation_id: str | None
) -> None:
    """Several events of one state change in one round trip."""
    if len(events) == 1:
        await add(conn, events[0], correlation_id)
        return
    trace_context = tracing.current_carrier()
    await add_each(conn, [(e, correlation_id, trace_context) for e in events])


async def add_each(
    conn: Connection,
    events: list[tuple[EventEnvelope[Any], str | None, tracing.Carrier | None]],
) -> None:
    """Events of several requests, each with its own correlation id and trace context
    (tracing.current_carrier() of its request), in one pipelined round trip."""
    await conn.executemany(
        """
        INSERT INTO outbox (event_id, event_type, topic, partition_key, body, correlation_id,
                            trace_context)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """,
        [
            (
                e.event_id,
                e.type,
                e.topic.name,
                e.partition_key(),
                serialize_event(e),
                correlation_id,
                trace_context,
            )
            for e, correlation_id, trace_context in events
        ],
    )


async def try_lock_relay(conn: Connection) -> bool:
    # One relay per schema at a time keeps events of one key in commit order even with
    # several replicas; the others stay idle as hot standbys until the lock frees.
    locked: bool = await conn.fetchval(
        "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || ':outbox-relay'))"
    )
    return locked


async def claim_unsent(conn: Connection, limit: int) -> list[OutboxRow]:
    rows = await conn.fetch(
        """
        SELECT id, event_id, event_type, topic, partition_key, body, correlation_id, trace_context
        FROM outbox
        WHERE sent_at IS NULL
        ORDER BY id
        LIMIT $1
        FOR UPDATE SKIP LOCKED
        """,
        limit,
    )
    return [OutboxRow(**dict(r)) for r in rows]


async def mark_sent(conn: Connection, ids: list[int]) -> None:
    await conn.execute("UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])", ids)


async def count_unsent(conn: Connection) -> int:
    count: int = await conn.fetchval("SELECT count(*) FROM outbox WHERE sent_at IS NULL")
    return count


async def backlog(conn: Connection) -> tuple[int, float]:
    """Unsent rows and the age in seconds of the oldest of them (0 when none waits)."""
    row = await conn.fetchrow(
        """
        SELECT count(*) AS unsent,
               coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest_s
        FROM outbox
        WHERE sent_at IS NULL
        """
    )
    assert row is not None
    return int(row["unsent"]), max(float(row["oldest_s"]), 0.0)


async def prune_sent(conn: Connection, older_than: timedelta) -> int:
    result: str = await conn.execute(
        "DELETE FROM outbox WHERE sent_at < now() - $1::interval", older_than
    )
    return int(result.split()[-1])


async def forget_sent(
    conn: Connection, shop_id: str, partition_keys: list[str], consumed: list[object]
) -> int:
    """GDPR redaction: the sent events that carry a customer's data go now instead of at the
    retention (`prune_sent`); Kafka's copies expire with their topic. Those are the events keyed
    by the customer's orders and reviews, and the shop's privacy events (requests and export
    answers name the customer). `consumed` are events this service has read back from Kafka,
    so sent even when the relay has not yet marked them: their rows stay, emptied, because
    their ids still refuse a second event with the same id (a reused request id)."""
    if consumed:
        await conn.execute(
            """
            UPDATE outbox SET body = ''::bytea, sent_at = coalesce(sent_at, now())
            WHERE event_id = ANY($1::uuid[])
            """,
            consumed,
        )
    result: str = await conn.execute(
        """
        DELETE FROM outbox
        WHERE sent_at IS NOT NULL AND NOT event_id = ANY($4::uuid[])
          AND (partition_key = ANY($2::text[]) OR (topic = $3 AND partition_key = $1))
        """,
        shop_id,
        partition_keys,
        PRIVACY.name,
        consumed,
    )
    return int(result.split()[-1])
