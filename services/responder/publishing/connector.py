"""The generic signed webhook connector: one POST per reply to the shop's URL, signed with
Standard Webhooks headers. `webhook-id` is the reply id, so a receiver that sees a reply twice
(a retry after a lost answer) publishes it once. The default for custom shops, survey reviews,
and platform reviews of shops without a connection to that platform."""

import time
from dataclasses import dataclass, field

import httpx

from services.responder.publishing import transport
from services.responder.publishing.base import HttpCall, Reply, Result, json_body
from shared.standard_webhooks import sign

# A receiver may answer 409 while it is still handling the same webhook-id: try again later.
RETRYABLE = transport.RETRYABLE | {409}


def body(reply: Reply) -> bytes:
    return json_body(
        {
            "type": "review.reply.publish",
            "shop_id": reply.shop_id,
            "review_id": reply.review_id,
            "source": reply.source,
            "source_review_id": reply.source_review_id,
            "reply_id": reply.reply_id,
            "language": reply.language,
            "text": reply.text,
        }
    )


def headers(msg_id: str, raw: bytes, secret: str, now: float | None = None) -> dict[str, str]:
    timestamp = int(now if now is not None else time.time())
    return {
        "Content-Type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(msg_id, timestamp, raw, secret),
    }


@dataclass(frozen=True)
class WebhookAdapter:
    url: str
    secret: str = field(repr=False)
    # The signature's timestamp (seconds since the epoch): the worker's clock.
    sent_at: float
    channel: str = "webhook"

    def request(self, reply: Reply) -> HttpCall:
        raw = body(reply)
        return HttpCall(
            "POST", self.url, headers(reply.reply_id, raw, self.secret, self.sent_at), raw
        )

    async def deliver(self, http: httpx.AsyncClient, reply: Reply) -> Result:
        answer = await transport.send(http, self.request(reply))
        if isinstance(answer, Result):
            return answer
        return transport.classify(answer, retryable=RETRYABLE)
