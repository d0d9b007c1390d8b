"""All SQL of the webhook delivery log."""

from dataclasses import dataclass
from datetime import timedelta

from shared.db.pool import Connection


@dataclass(frozen=True)
class DeliveryRow:
    shop_id: str
    platform: str
    dedupe_key: str
    topic: str
    order_id: str | None
    outcome: str
    body: bytes | None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.shop_id, self.platform, self.dedupe_key)


async def record_many(conn: Connection, rows: list[DeliveryRow]) -> set[tuple[str, str, str]]:
    """The keys of the rows recorded now; the others were recorded before (a retry or a
    duplicate send). Sorted, so concurrent batches take the unique-index locks in one order."""
    rows = sorted(rows, key=lambda r: r.key)
    recorded = await conn.fetch(
        """
        INSERT INTO webhook_deliveries (shop_id, platform, dedupe_key, topic, order_id, outcome,
                                        payload)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                             $6::text[], $7::bytea[])
        ON CONFLICT (shop_id, platform, dedupe_key) DO NOTHING
        RETURNING shop_id, platform, dedupe_key
        """,
        [r.shop_id for r in rows],
        [r.platform for r in rows],
        [r.dedupe_key for r in rows],
        [r.topic for r in rows],
        [r.order_id for r in rows],
        [r.outcome for r in rows],
        [r.body for r in rows],
    )
    return {(r["shop_id"], r["platform"], r["dedupe_key"]) for r in recorded}


async def clear_payloads(conn: Connection, shop_id: str, order_ids: list[str]) -> int:
    result: str = await conn.execute(
        """
        UPDATE webhook_deliveries SET payload = NULL
        WHERE shop_id = $1 AND order_id = ANY($2::text[]) AND payload IS NOT NULL
        """,
        shop_id,
        order_ids,
    )
    return int(result.split()[-1])


async def clear_shop_payloads(conn: Connection, shop_id: str) -> int:
    result: str = await conn.execute(
        "UPDATE webhook_deliveries SET payload = NULL WHERE shop_id = $1 AND payload IS NOT NULL",
        shop_id,
    )
    return int(result.split()[-1])


async def prune_payloads(conn: Connection, older_than: timedelta) -> int:
    """Raw payloads hold personal data: keep them only for the retention period."""
    result: str = await conn.execute(
        """
        UPDATE webhook_deliveries SET payload = NULL
        WHERE received_at < now() - $1::interval AND payload IS NOT NULL
        """,
        older_than,
    )
    return int(result.split()[-1])
