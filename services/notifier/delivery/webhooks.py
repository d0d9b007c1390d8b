"""Outgoing webhooks, signed with Standard Webhooks headers so receivers can verify them."""

import json
import time
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from shared.standard_webhooks import sign as sign_standard

Outcome = Literal["delivered", "retry", "failed"]


@dataclass(frozen=True)
class WebhookResult:
    outcome: Outcome
    detail: str = ""


def signed_request(
    msg_id: str, body: dict[str, Any], secret: str, now: float | None = None
) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    timestamp = int(now if now is not None else time.time())
    headers = {
        "Content-Type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign_standard(msg_id, timestamp, raw, secret),
    }
    return raw, headers


async def post(
    client: httpx.AsyncClient, url: str, raw: bytes, headers: dict[str, str]
) -> WebhookResult:
    try:
        response = await client.post(url, content=raw, headers=headers)
    except httpx.TimeoutException:
        return WebhookResult("retry", "timeout")
    except httpx.HTTPError as exc:
        return WebhookResult("retry", f"connection: {exc!r}")
    code = response.status_code
    if 200 <= code < 300:
        return WebhookResult("delivered")
    if code == 429 or code >= 500:
        return WebhookResult("retry", f"HTTP {code}")
    # 4xx: the receiver refuses this request as it is; sending it again changes nothing.
    return WebhookResult("failed", f"HTTP {code}")
