"""All SQL of the readiness checklist: what ingest's own tables say about a shop, and the reply
connectors the responder announced."""

from dataclasses import dataclass, field
from datetime import datetime

from shared.db.pool import Connection


@dataclass(frozen=True)
class ShopState:
    """The facts the checklist's rules read, fetched in one go."""

    shop_id: str
    platform: str
    contact_email: str | None
    alert_recipients: list[str]
    has_api_credentials: bool
    # An order arrived (webhook, order API or reconciliation): the platform reaches ingest.
    orders_received: bool
    # Any signed delivery, counted even when ignored: a platform that sends only topics
    # ingest ignores is wired but not subscribed to orders.
    deliveries_received: bool
    # Reviews not deleted, per source ("trustpilot", "google", "generic", "survey").
    review_sources: dict[str, int] = field(default_factory=dict)
    # The responder's last word per connector platform ("webhook", "trustpilot", "google").
    connectors: dict[str, bool] = field(default_factory=dict)


async def shop_state(conn: Connection, shop_id: str) -> ShopState | None:
    """The shop's facts, or None for an unknown shop. One snapshot (repeatable read), so the
    checklist never mixes two moments."""
    async with conn.transaction(isolation="repeatable_read", readonly=True):
        shop = await conn.fetchrow(
            """
            SELECT platform, contact_email, alert_recipients,
                   api_credentials IS NOT NULL AS has_api_credentials,
                   EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = s.shop_id)
                       AS orders_received,
                   EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.shop_id = s.shop_id)
                       AS deliveries_received
            FROM shops s WHERE shop_id = $1
            """,
            shop_id,
        )
        if shop is None:
            return None
        sources = await conn.fetch(
            """
            SELECT source, count(*) AS reviews FROM reviews
            WHERE shop_id = $1 AND deleted_at IS NULL
            GROUP BY source
            """,
            shop_id,
        )
        connectors = await conn.fetch(
            "SELECT platform, connected FROM shop_connectors WHERE shop_id = $1", shop_id
        )
    return ShopState(
        shop_id=shop_id,
        platform=shop["platform"],
        contact_email=shop["contact_email"],
        alert_recipients=[str(a) for a in shop["alert_recipients"] or []],
        has_api_credentials=shop["has_api_credentials"],
        orders_received=shop["orders_received"],
        deliveries_received=shop["deliveries_received"],
        review_sources={r["source"]: r["reviews"] for r in sources},
        connectors={r["platform"]: r["connected"] for r in connectors},
    )


async def record_connector(
    conn: Connection, shop_id: str, platform: str, connected: bool, changed_at: datetime
) -> bool:
    """Store the responder's announcement unless a newer one is stored already (a replay of the
    shops topic, or an old copy arriving late, changes nothing). True when stored."""
    result: str = await conn.execute(
        """
        INSERT INTO shop_connectors (shop_id, platform, connected, changed_at)
        VALUES ($1, $2, $3, $4)
        ON CONFLICT (shop_id, platform) DO UPDATE
        SET connected = EXCLUDED.connected, changed_at = EXCLUDED.changed_at
        WHERE shop_connectors.changed_at <= EXCLUDED.changed_at
        """,
        shop_id,
        platform,
        connected,
        changed_at,
    )
    return result.split()[-1] == "1"
