"""Receiving one webhook: verify, map, record once and apply (group-committed), answer."""

from dataclasses import dataclass
from typing import Literal

from services.ingest.shops.directory import ShopDirectory
from services.ingest.webhooks.adapters import ADAPTERS
from services.ingest.webhooks.adapters.base import WebhookRequest
from services.ingest.webhooks.group_commit import GroupCommit, Pending
from services.ingest.webhooks.inbound import BadSignature, UnknownEndpoint, UnsupportedMediaType
from shared.logging import correlation_id_var


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
    commits: GroupCommit,
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
    events = await commits.submit(
        Pending(shop_id, platform, delivery, request.body, correlation_id_var.get())
    )
    if events is None:
        return WebhookResult("duplicate")
    if delivery.outcome == "ignored":
        return WebhookResult("ignored")
    return WebhookResult("accepted", events)
