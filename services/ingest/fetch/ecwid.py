"""Ecwid REST client (API v3): one call returns the whole order. Needs the read_orders scope."""

from typing import Any
from urllib.parse import quote

import httpx

from services.ingest.fetch.transport import FetchError, get_json
from services.ingest.shops.schemas import EcwidCredentials


async def fetch_order(
    http: httpx.AsyncClient, credentials: EcwidCredentials, order_id: str
) -> dict[str, Any]:
    # The id the webhook named: the order id in current payloads, the order number in older
    # ones (which is what this endpoint took when those were sent).
    url = (
        f"{credentials.api_base_url}/api/v3/{quote(credentials.store_id, safe='')}"
        f"/orders/{quote(order_id, safe='')}"
    )
    headers = {
        "Authorization": f"Bearer {credentials.access_token.get_secret_value()}",
        "Accept": "application/json",
    }
    order = await get_json(http, url, headers)
    if not isinstance(order, dict):
        raise FetchError("GET order: the answer is not an order object")
    return order
