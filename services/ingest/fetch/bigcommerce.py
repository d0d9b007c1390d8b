"""BigCommerce REST client: the v2 order with its products and shipping addresses, and its v3
refunds when something was refunded. Read-only; needs the Orders read-only scope."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote

import httpx

from services.ingest.fetch.transport import FetchError, get_json
from services.ingest.shops.schemas import BigCommerceCredentials

# v2 collections answer 50 rows unless asked for more; 250 is the documented maximum.
PAGE_SIZE = 250
# An order event holds at most 1000 items (OrderPlacedPayload).
MAX_PAGES = 4


@dataclass(frozen=True)
class BigCommerceOrderData:
    """The raw answers, mapped by `bigcommerce_mapping`."""

    order: Any
    products: list[Any]
    shipping_addresses: list[Any]
    refunds: list[Any]


async def fetch_order(
    http: httpx.AsyncClient, credentials: BigCommerceCredentials, order_id: str
) -> BigCommerceOrderData:
    store = f"{credentials.api_base_url}/stores/{quote(credentials.store_hash, safe='')}"
    order_path = f"/orders/{quote(order_id, safe='')}"
    headers = {
        "X-Auth-Token": credentials.access_token.get_secret_value(),
        "Accept": "application/json",
    }
    order = await get_json(http, f"{store}/v2{order_path}", headers)
    if not isinstance(order, dict):
        raise FetchError("GET order: the answer is not an order object")
    products = await _collection(http, f"{store}/v2{order_path}/products", headers)
    addresses = await _collection(http, f"{store}/v2{order_path}/shipping_addresses", headers)
    refunds: list[Any] = []
    if _refunded(order):
        answer = await get_json(http, f"{store}/v3{order_path}/payment_actions/refunds", headers)
        if isinstance(answer, dict) and isinstance(answer.get("data"), list):
            refunds = answer["data"]
    return BigCommerceOrderData(order, products, addresses, refunds)


async def _collection(http: httpx.AsyncClient, url: str, headers: dict[str, str]) -> list[Any]:
    rows: list[Any] = []
    for page in range(1, MAX_PAGES + 1):
        answer = await get_json(http, url, headers, {"limit": PAGE_SIZE, "page": page})
        if answer is None:
            break
        if not isinstance(answer, list):
            raise FetchError(f"GET {httpx.URL(url).path}: the answer is not a list")
        rows.extend(answer)
        if len(answer) < PAGE_SIZE:
            break
    return rows


def _refunded(order: dict[str, Any]) -> bool:
    # Only then is the v3 call worth making; its ids are the ones refund webhooks carry.
    try:
        return Decimal(str(order.get("refunded_amount") or 0)) > 0
    except InvalidOperation:
        return False
