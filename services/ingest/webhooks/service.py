"""Receiving one webhook: verify, map, record once, apply, answer."""

from dataclasses import dataclass
from typing import Literal

from services.ingest.orders.service import apply_facts
from services.ingest.privacy import service as privacy
from services.ingest.shops.directory import ShopDirectory
from services.ingest.webhooks import repository
from services.ingest.webhooks.adapters import ADAPTERS
from services.ingest.webhooks.adapters.base import WebhookRequest
from shared.db.pool import Pool


class UnknownEndpoint(Exception):
    """No such shop, or the shop is not on this platform: 404."""


class BadSignature(Exception):
    """401, with no detail."""


class UnsupportedMediaType(Exception):
    """415."""


@dataclass(frozen=True)
class WebhookResult:
    status: Literal["accepted", "duplicate", "ignored", "ping"]
    events: int = 0


def _is_json(content_type: str) -> bool:
    media = content_type.split(";")[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


async def receive(
    pool: Pool,
    shops: ShopDirectory,
    platform: str,
    shop_id: str,
    request: WebhookRequest,
) -> WebhookResult:
    """Raises UnknownEndpoint, BadSignature, UnsupportedMediaType or PayloadError."""
    adapter = ADAPTERS.get(platform)
    shop = await shops.get(shop_id)
    if adapter is None or shop is None or shop.platform != platform:
        raise UnknownEndpoint
    if adapter.is_ping(request):
        return WebhookResult("ping")
    if not adapter.verify(request, shop.secrets):
        raise BadSignature
    if not _is_json(request.headers.get("content-type", "")):
        raise UnsupportedMediaType
    delivery = adapter.parse(request)

    events = 0
    async with pool.acquire() as conn, conn.transaction():
        is_new = await repository.record(
            conn,
            shop_id,
            platform,
            delivery.dedupe_key,
            delivery.topic,
            delivery.order_id,
            delivery.outcome,
            delivery.payload,
        )
        if not is_new:
            return WebhookResult("duplicate")
        for facts in delivery.orders:
            events += len(await apply_facts(conn, shop_id, facts))
        if delivery.privacy is not None:
            await privacy.handle(conn, shop_id, delivery.privacy)
            events += 1
    if delivery.outcome == "ignored":
        return WebhookResult("ignored")
    return WebhookResult("accepted", events)
