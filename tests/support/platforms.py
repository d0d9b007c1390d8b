"""Published platform payloads (tests/fixtures/platforms, see SOURCES.md there) and the
headers each platform would send with them, signed with a test secret."""

import json
import time
import uuid
from pathlib import Path
from typing import Any

from services.ingest.webhooks.signatures import hmac_sha256_base64, sign_standard

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "platforms"


def fixture(platform: str, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / platform / f"{name}.json").read_text())
    return data


def live_shopify_order(name: str) -> dict[str, Any]:
    """A Shopify order fixture as a real purchase: Shopify's published examples are test orders
    (`"test": true`, what "Send test notification" posts), which ingest ignores."""
    return {**fixture("shopify", name), "test": False}


def body_of(payload: Any) -> bytes:
    return json.dumps(payload).encode()


def shopify_headers(
    body: bytes,
    secret: str,
    topic: str,
    event_id: str | None = None,
    triggered_at: str | None = None,
) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "X-Shopify-Topic": topic,
        "X-Shopify-Hmac-Sha256": hmac_sha256_base64(secret.encode(), body),
        "X-Shopify-Webhook-Id": str(uuid.uuid4()),
        "X-Shopify-Event-Id": event_id or str(uuid.uuid4()),
        "X-Shopify-Triggered-At": triggered_at or "2026-11-20T10:00:00.000Z",
        "X-Shopify-Shop-Domain": "example.myshopify.com",
        "X-Shopify-API-Version": "2026-01",
    }


def woo_headers(body: bytes, secret: str, topic: str) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "X-WC-Webhook-Topic": topic,
        "X-WC-Webhook-Signature": hmac_sha256_base64(secret.encode(), body),
        # WooCommerce sends a new delivery id on every attempt.
        "X-WC-Webhook-Delivery-ID": str(uuid.uuid4().int % 10**6),
        "X-WC-Webhook-Source": "https://shop.example.com/",
    }


def standard_headers(
    body: bytes, secret: str, msg_id: str | None = None, timestamp: int | None = None
) -> dict[str, str]:
    msg_id = msg_id or f"msg_{uuid.uuid4().hex}"
    ts = int(time.time()) if timestamp is None else timestamp
    return {
        "Content-Type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": sign_standard(msg_id, ts, body, secret),
    }


def ecwid_headers(payload: dict[str, Any], secret: str) -> dict[str, str]:
    message = f"{payload['eventCreated']}.{payload['eventId']}".encode()
    return {
        "Content-Type": "application/json",
        "X-Ecwid-Webhook-Signature": hmac_sha256_base64(secret.encode(), message),
    }
