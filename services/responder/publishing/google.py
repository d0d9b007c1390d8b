"""Replies to Google reviews through the Business Profile API (v4):
`PUT /v4/accounts/{accountId}/locations/{locationId}/reviews/{reviewId}/reply` `{"comment"}`
with an OAuth access token (scope business.manage). PUT creates or replaces the one reply, so a
retry after a lost answer shows it once.

A connection is one account and one location: ingest keeps only the review id, not the
review's resource name, so reviews of several locations need one shop per location."""

from collections.abc import Mapping
from dataclasses import dataclass, field

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

DEFAULT_BASE_URL = "https://mybusiness.googleapis.com"

REASONS: Mapping[int, str] = {
    400: "Google refused the reply as invalid (a reply holds at most 4096 bytes)",
    401: (
        "Google refused the access token (expired or revoked); renew it in the shop's google "
        "connection, then publish again"
    ),
    403: "the token may not manage this location (or the location is not verified)",
    404: "Google knows no such review at this account and location",
}


@dataclass(frozen=True)
class GoogleAdapter:
    base_url: str
    account_id: str
    location_id: str
    access_token: str = field(repr=False)
    channel: str = "google"

    def request(self, reply: Reply) -> HttpCall:
        url = path_url(
            self.base_url,
            "v4",
            "accounts",
            self.account_id,
            "locations",
            self.location_id,
            "reviews",
            reply.source_review_id,
            "reply",
        )
        return HttpCall("PUT", url, bearer(self.access_token), json_body({"comment": reply.text}))

    async def deliver(self, http: httpx.AsyncClient, reply: Reply) -> Result:
        answer = await transport.send(http, self.request(reply))
        if isinstance(answer, Result):
            return answer
        return transport.classify(answer, reasons=REASONS)
