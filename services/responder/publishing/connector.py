"""The generic signed webhook connector: one POST per reply to the shop's URL, signed with
Standard Webhooks headers. `webhook-id` is the reply id, so a receiver that sees a reply twice
(a retry after a lost answer) publishes it once."""

import json
import time
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from shared.standard_webhooks import sign

Outcome = Literal["published", "retry", "failed"]


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    detail: str = ""


def body(publication: dict[str, Any], review: dict[str, Any], draft: dict[str, Any]) -> bytes:
    document = {
        "type": "review.reply.publish",
        "shop_id": publication["shop_id"],
        "review_id": publication["review_id"],
        "source": review["source"],
        "source_review_id": review["source_review_id"],
        "reply_id": publication["reply_id"],
        "language": draft["language"],
        "text": draft["text"],
    }
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


def headers(msg_id: str, raw: bytes, secret: str, now: float | None = None) -> dict[str, str]:
    timestamp = int(now if now is not None else time.time())
    return {
        "Content-Type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(msg_id, timestamp, raw, secret),
    }


async def deliver(
    client: httpx.AsyncClient, url: str, raw: bytes, request_headers: dict[str, str]
) -> Result:
    try:
        response = await client.post(url, content=raw, headers=request_headers)
    except httpx.TimeoutException:
        return Result("retry", "timeout")
    except httpx.HTTPError as exc:
        return Result("retry", f"connection: {exc!r}")
    code = response.status_code
    if 200 <= code < 300:
        return Result("published")
    if code in (408, 409, 425, 429) or code >= 500:
        return Result("retry", f"HTTP {code}")
    # Any other 4xx: the platform refuses this reply as it is; sending it again changes nothing.
    return Result("failed", f"HTTP {code}: {response.text[:300]}")
