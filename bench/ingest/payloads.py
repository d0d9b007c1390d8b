"""Signed Shopify `orders/create` deliveries, generated before any timing starts.

Every delivery carries its own order id and event id: a repeated id would take ingest's
dedupe fast path (one SELECT, no order, no events) and measure nothing real.
"""

import copy
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from services.ingest.webhooks.signatures import hmac_sha256_base64

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURE = (
    REPO_ROOT
    / "tests"
    / "fixtures"
    / "platforms"
    / "shopify"
    / "orders__create.captured_test_order.json"
)
TOPIC = "orders/create"
SHOP_ID = "bench"
WEBHOOK_PATH = f"/webhooks/shopify/{SHOP_ID}"
# A paid `orders/create` for a new order emits `order.placed` and `order.paid`.
EVENTS_PER_ORDER = 2


@dataclass(frozen=True)
class Delivery:
    order_id: int
    body: bytes
    headers: dict[str, str]


def load_template() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text())
    # Shopify's published example is a test order, which ingest ignores: a real purchase here.
    data["test"] = False
    return data


def make_deliveries(
    secret: str, first_order_id: int, count: int, tag: str, template: dict[str, Any] | None = None
) -> list[Delivery]:
    """`count` deliveries with order ids `first_order_id ...`, each signed with `secret`."""
    order = copy.deepcopy(template if template is not None else load_template())
    key = secret.encode()
    triggered_at = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    deliveries = []
    for order_id in range(first_order_id, first_order_id + count):
        order["id"] = order_id
        order["admin_graphql_api_id"] = f"gid://shopify/Order/{order_id}"
        body = json.dumps(order, separators=(",", ":")).encode()
        delivery_id = f"{tag}-{order_id}"
        headers = {
            "Content-Type": "application/json",
            "X-Shopify-Topic": TOPIC,
            "X-Shopify-Hmac-Sha256": hmac_sha256_base64(key, body),
            "X-Shopify-Event-Id": delivery_id,
            "X-Shopify-Webhook-Id": delivery_id,
            "X-Shopify-Triggered-At": triggered_at,
            "X-Shopify-Shop-Domain": "bench.myshopify.com",
        }
        deliveries.append(Delivery(order_id, body, headers))
    return deliveries


def http11_request(delivery: Delivery, host: str, port: int, path: str = WEBHOOK_PATH) -> bytes:
    """The whole request on the wire, so the raw client only has to write one buffer."""
    lines = [f"POST {path} HTTP/1.1", f"Host: {host}:{port}"]
    lines += [f"{name}: {value}" for name, value in delivery.headers.items()]
    lines.append(f"Content-Length: {len(delivery.body)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head + delivery.body
