"""Replies to Trustpilot reviews through Trustpilot's business API, as one business user, with
a business user access token.

Service reviews: `POST /v1/private/reviews/{reviewId}/reply` `{"authorBusinessUserId",
"message"}`. A review has one company reply; Trustpilot's documentation does not say whether a
second POST replaces it or is refused, so a retry after a lost answer is assumed to replace it
(if refused, that publication shows as failed although the first reply is public).

Product reviews (ingest keeps a product id only for those) are answered in a conversation:
`POST /v1/private/product-reviews/{reviewId}/create-conversation` gives its id, then
`POST /v1/private/conversations/{conversationId}/comments` `{"content"}` appends a comment.
Appending is not idempotent, so from the second attempt on the conversation is read first and
a comment with the same text counts as published."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from services.responder.publishing import transport
from services.responder.publishing.base import (
    HttpCall,
    Reply,
    Result,
    bearer,
    json_body,
    path_url,
)

DEFAULT_BASE_URL = "https://api.trustpilot.com"

REASONS: Mapping[int, str] = {
    400: "Trustpilot refused the reply as invalid",
    401: (
        "Trustpilot refused the access token (expired or revoked); renew it in the shop's "
        "trustpilot connection, then publish again"
    ),
    403: "the business user may not reply to this business unit's reviews",
    404: "Trustpilot knows no such review (deleted, or another business unit's)",
}


@dataclass(frozen=True)
class TrustpilotAdapter:
    base_url: str
    business_user_id: str
    access_token: str = field(repr=False)
    channel: str = "trustpilot"

    def service_reply(self, reply: Reply) -> HttpCall:
        return HttpCall(
            "POST",
            path_url(self.base_url, "v1", "private", "reviews", reply.source_review_id, "reply"),
            bearer(self.access_token),
            json_body({"authorBusinessUserId": self.business_user_id, "message": reply.text}),
        )

    def create_conversation(self, reply: Reply) -> HttpCall:
        segments = ("v1", "private", "product-reviews", reply.source_review_id)
        return HttpCall(
            "POST",
            path_url(self.base_url, *segments, "create-conversation"),
            bearer(self.access_token, with_body=False),
        )

    def conversation(self, conversation_id: str) -> HttpCall:
        return HttpCall(
            "GET",
            path_url(self.base_url, "v1", "private", "conversations", conversation_id),
            bearer(self.access_token, with_body=False),
        )

    def comment(self, conversation_id: str, reply: Reply) -> HttpCall:
        return HttpCall(
            "POST",
            path_url(self.base_url, "v1", "private", "conversations", conversation_id, "comments"),
            bearer(self.access_token),
            json_body({"content": reply.text}),
        )

    async def deliver(self, http: httpx.AsyncClient, reply: Reply) -> Result:
        if reply.product_id is None:
            return await _exchange(http, self.service_reply(reply))
        return await self._product_reply(http, reply)

    async def _product_reply(self, http: httpx.AsyncClient, reply: Reply) -> Result:
        answer = await _call(http, self.create_conversation(reply))
        if isinstance(answer, Result):
            return answer
        conversation_id = _field(answer, "conversationId")
        if conversation_id is None:
            # A 2xx without the id is not a refusal of the reply; ask again later.
            return Result("retry", "create-conversation answered without a conversationId")
        if reply.attempt > 1:
            seen = await _call(http, self.conversation(conversation_id))
            if isinstance(seen, Result):
                return seen
            if _has_comment(seen, reply.text):
                return Result("published", "the comment was already in the conversation")
        return await _exchange(http, self.comment(conversation_id, reply))


async def _exchange(http: httpx.AsyncClient, call: HttpCall) -> Result:
    answer = await transport.send(http, call)
    if isinstance(answer, Result):
        return answer
    return transport.classify(answer, reasons=REASONS)


async def _call(http: httpx.AsyncClient, call: HttpCall) -> httpx.Response | Result:
    """The 2xx answer of one step of a longer exchange, or what stops the exchange."""
    answer = await transport.send(http, call)
    if isinstance(answer, Result):
        return answer
    result = transport.classify(answer, reasons=REASONS)
    return answer if result.outcome == "published" else result


def _document(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _field(response: httpx.Response, name: str) -> str | None:
    document = _document(response)
    value = document.get(name) if isinstance(document, dict) else None
    return value if isinstance(value, str) and value else None


def _has_comment(response: httpx.Response, text: str) -> bool:
    document = _document(response)
    comments = document.get("comments") if isinstance(document, dict) else None
    if not isinstance(comments, list):
        return False
    return any(isinstance(c, dict) and c.get("content") == text for c in comments)
