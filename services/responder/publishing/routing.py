"""Which connector delivers a reply: our own display for reviews from our surveys (Reviewloop
publishes those itself), the shop's connection to the review's platform when it has one, else
the shop's signed webhook (custom shops, and shops that relay platform replies themselves).
Decided again at every attempt, so fixing a connection helps the replies still waiting for a
retry."""

from collections.abc import Mapping
from typing import Any

from services.responder.publishing.base import ReplyAdapter
from services.responder.publishing.connector import WebhookAdapter
from services.responder.publishing.google import GoogleAdapter
from services.responder.publishing.reviewloop import ReviewloopAdapter
from services.responder.publishing.trustpilot import TrustpilotAdapter
from services.responder.shops import repository as shops
from services.responder.shops.repository import PlatformConnection, ShopRow
from shared.db.pool import Connection


def adapter_for(
    shop: ShopRow,
    connections: Mapping[str, PlatformConnection],
    source: str,
    sent_at: float,
) -> ReplyAdapter | None:
    if source == "survey":
        return ReviewloopAdapter()
    link = connections.get(source)
    if link is not None:
        return platform_adapter(link)
    if shop.connector_url and shop.connector_secret:
        return WebhookAdapter(shop.connector_url, shop.connector_secret, sent_at)
    return None


def platform_adapter(link: PlatformConnection) -> ReplyAdapter:
    ids = link.settings
    if link.platform == "trustpilot":
        return TrustpilotAdapter(link.base_url, ids["business_user_id"], link.access_token)
    if link.platform == "google":
        return GoogleAdapter(
            link.base_url, ids["account_id"], ids["location_id"], link.access_token
        )
    raise ValueError(f"no reply adapter for platform {link.platform!r}")


async def channel_for(conn: Connection, shop: ShopRow, review: dict[str, Any]) -> str | None:
    """The connector a reply to this review would go through now (None: there is none)."""
    connections = await shops.connections(conn, shop.shop_id)
    adapter = adapter_for(shop, connections, review["source"], 0.0)
    return adapter.channel if adapter else None
