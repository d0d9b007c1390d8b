"""Outgoing webhooks, signed with Standard Webhooks headers so receivers can verify them."""

import json
import time
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from services.notifier.settings import NotifierSettings
from shared.http import outbound
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


def client(settings: NotifierSettings) -> httpx.AsyncClient:
    """For receivers' URLs: refuses internal addresses at connect time, follows no redirect."""
    return outbound.client(outbound.policy_of(settings), timeout=settings.webhook_timeout_s)


async def post(
    client: httpx.AsyncClient, url: str, raw: bytes, headers: dict[str, str]
) -> WebhookResult:
    try:
        response = await client.post(url, content=raw, headers=headers)
    except outbound.ForbiddenDestination as exc:
        # The name now resolves somewhere internal (or the rule predates the check): sending
        # again does not make it allowed.
        return WebhookResult("failed", str(exc))
    except httpx.TimeoutException:
        return WebhookResult("retry", "timeout")
    except httpx.HTTPError as exc:
        return WebhookResult("retry", f"connection: {exc!r}")
    code = response.status_code
    if 200 <= code < 300:
        return WebhookResult("delivered")
    if code == 429 or code >= 500:
        return WebhookResult("retry", f"HTTP {code}")
    # 4xx: the receiver refuses this request as it is; sending it again changes nothing. A 3xx
    # is not followed (its Location could be anywhere): the receiver must give its final URL.
    return WebhookResult("failed", f"HTTP {code}")
