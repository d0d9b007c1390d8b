"""The Shopify Admin GraphQL calls the review sync makes, and what their answers mean.

`POST {base_url}/admin/api/{version}/graphql.json` with `X-Shopify-Access-Token`. Five
operations, each named (`operationName`) so a log line or a test server can tell them apart:
`standardMetaobjectDefinitionEnable`, `metaobjectUpsert`, `metaobjectDelete`, `metafieldsSet`,
`metafieldsDelete`. Every answer becomes an `Outcome`: done (with the mutation's payload), retry
(throttled, 5xx, 429, timeout: with the wait Shopify's cost figures ask for) or refused
(userErrors, 4xx). Error details carry a status or Shopify's error codes and messages about
the input, never a request header (where the token is)."""

import json
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from services.responder.publishing import transport
from services.responder.publishing.base import HttpCall

ENABLE_DEFINITION = """
mutation EnableProductReviewDefinition($type: String!) {
  standardMetaobjectDefinitionEnable(type: $type) {
    metaobjectDefinition { id type }
    userErrors { field message code }
  }
}"""

UPSERT = """
mutation UpsertProductReview($handle: MetaobjectHandleInput!, $metaobject: MetaobjectUpsertInput!) {
  metaobjectUpsert(handle: $handle, metaobject: $metaobject) {
    metaobject { id handle }
    userErrors { field message code }
  }
}"""

DELETE = """
mutation DeleteProductReview($id: ID!) {
  metaobjectDelete(id: $id) {
    deletedId
    userErrors { field message code }
  }
}"""

SET_RATING = """
mutation SetProductRating($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { id namespace key }
    userErrors { field message code }
  }
}"""

DELETE_RATING = """
mutation DeleteProductRating($metafields: [MetafieldIdentifierInput!]!) {
  metafieldsDelete(metafields: $metafields) {
    deletedMetafields { ownerId namespace key }
    userErrors { field message }
  }
}"""

# The standard definition's type (shopify.dev "Standard metaobject definitions", ID 2).
REVIEW_TYPE = "product_review"
# A metaobject that is already gone: deleting it again has nothing left to do.
GONE_CODES = frozenset({"RECORD_NOT_FOUND", "NOT_FOUND"})
# Enabling a definition the shop already has is not a failure.
ALREADY_CODES = frozenset({"TAKEN", "ALREADY_EXISTS"})
# Never ask to wait longer than this for the bucket to refill, whatever the figures say.
MAX_THROTTLE_WAIT_S = 60.0


@dataclass(frozen=True)
class Outcome:
    kind: Literal["done", "retry", "refused"]
    detail: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    retry_after_s: float | None = None
    # Shopify's own error codes (userErrors[].code): what a caller decides by.
    codes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ShopifyAdmin:
    base_url: str
    api_version: str
    access_token: str = field(repr=False)

    @property
    def endpoint(self) -> str:
        return f"{self.base_url.rstrip('/')}/admin/api/{self.api_version}/graphql.json"

    def call(self, operation: str, query: str, variables: dict[str, Any]) -> HttpCall:
        body = json.dumps(
            {"operationName": operation, "query": query, "variables": variables},
            separators=(",", ":"),
            ensure_ascii=False,
        ).encode()
        headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "X-Shopify-Access-Token": self.access_token,
        }
        return HttpCall("POST", self.endpoint, headers, body)

    async def enable_definition(self, http: httpx.AsyncClient) -> Outcome:
        outcome = await self._mutate(
            http,
            "EnableProductReviewDefinition",
            ENABLE_DEFINITION,
            {"type": REVIEW_TYPE},
            "standardMetaobjectDefinitionEnable",
        )
        if outcome.kind == "refused" and outcome.codes and outcome.codes <= ALREADY_CODES:
            return Outcome("done", "already enabled")
        return outcome

    async def upsert_review(
        self, http: httpx.AsyncClient, handle: str, fields: list[dict[str, str]]
    ) -> Outcome:
        variables = {
            "handle": {"type": REVIEW_TYPE, "handle": handle},
            "metaobject": {
                "fields": fields,
                # Shown wherever the shop shows active entries (the Shop app, themes).
                "capabilities": {"publishable": {"status": "ACTIVE"}},
            },
        }
        return await self._mutate(
            http, "UpsertProductReview", UPSERT, variables, "metaobjectUpsert"
        )

    async def delete_review(self, http: httpx.AsyncClient, metaobject_id: str) -> Outcome:
        outcome = await self._mutate(
            http, "DeleteProductReview", DELETE, {"id": metaobject_id}, "metaobjectDelete"
        )
        if outcome.kind == "refused" and outcome.codes & GONE_CODES:
            return Outcome("done", "already gone")
        return outcome

    async def set_rating(
        self, http: httpx.AsyncClient, product_gid: str, mean: float, count: int
    ) -> Outcome:
        metafields = [
            {
                "ownerId": product_gid,
                "namespace": "reviews",
                "key": "rating",
                "type": "rating",
                "value": rating_value(mean),
            },
            {
                "ownerId": product_gid,
                "namespace": "reviews",
                "key": "rating_count",
                "type": "number_integer",
                "value": str(count),
            },
        ]
        return await self._mutate(
            http, "SetProductRating", SET_RATING, {"metafields": metafields}, "metafieldsSet"
        )

    async def clear_rating(self, http: httpx.AsyncClient, product_gid: str) -> Outcome:
        """No published review left: no rating at all (a rating of 0 would be below the
        scale's minimum of 1)."""
        metafields = [
            {"ownerId": product_gid, "namespace": "reviews", "key": key}
            for key in ("rating", "rating_count")
        ]
        return await self._mutate(
            http,
            "DeleteProductRating",
            DELETE_RATING,
            {"metafields": metafields},
            "metafieldsDelete",
        )

    async def _mutate(
        self,
        http: httpx.AsyncClient,
        operation: str,
        query: str,
        variables: dict[str, Any],
        root: str,
    ) -> Outcome:
        answer = await transport.send(http, self.call(operation, query, variables))
        if not isinstance(answer, httpx.Response):
            kind: Literal["retry", "refused"] = "retry" if answer.outcome == "retry" else "refused"
            return Outcome(kind, answer.detail)
        return read_answer(answer, root)


def rating_value(mean: float) -> str:
    """A `rating` metafield's value: the mean on the 1 to 5 scale, as Shopify's examples write
    it (strings with one or two decimals)."""
    return json.dumps(
        {"value": f"{mean:.2f}", "scale_min": "1.0", "scale_max": "5.0"}, separators=(",", ":")
    )


def read_answer(response: httpx.Response, root: str) -> Outcome:
    code = response.status_code
    if code == 429 or code >= 500:
        return Outcome(
            "retry",
            f"HTTP {code}",
            retry_after_s=transport.retry_after_seconds(response.headers.get("Retry-After")),
        )
    if not 200 <= code < 300:
        return Outcome("refused", transport.classify(response).detail)
    try:
        document = response.json()
    except ValueError:
        return Outcome("retry", "answer is not JSON")
    if not isinstance(document, dict):
        return Outcome("retry", "answer is not a JSON object")
    errors = document.get("errors")
    if errors:
        codes = _error_codes(errors)
        if "THROTTLED" in codes:
            return Outcome("retry", "throttled", retry_after_s=throttle_wait(document), codes=codes)
        if "INTERNAL_SERVER_ERROR" in codes:
            return Outcome("retry", "Shopify internal error", codes=codes)
        # Access denied, a missing scope, a query Shopify does not know (API version).
        return Outcome("refused", "GraphQL errors: " + ", ".join(sorted(codes)), codes=codes)
    data = document.get("data")
    payload = data.get(root) if isinstance(data, dict) else None
    if not isinstance(payload, dict):
        return Outcome("retry", f"answer without {root}")
    user_errors = payload.get("userErrors") or []
    if user_errors:
        codes = frozenset(
            str(e.get("code")) for e in user_errors if isinstance(e, dict) and e.get("code")
        )
        messages = "; ".join(
            str(e.get("message"))[:200] for e in user_errors if isinstance(e, dict)
        )
        return Outcome("refused", f"{root}: {messages}", payload=payload, codes=codes)
    return Outcome("done", payload=payload)


def throttle_wait(document: dict[str, Any]) -> float | None:
    """How long until the bucket holds the refused query's cost again: the missing points
    over the restore rate (`extensions.cost`), at most `MAX_THROTTLE_WAIT_S`."""
    try:
        cost = document["extensions"]["cost"]
        status = cost["throttleStatus"]
        missing = float(cost["requestedQueryCost"]) - float(status["currentlyAvailable"])
        rate = float(status["restoreRate"])
    except (KeyError, TypeError, ValueError):
        return None
    if rate <= 0:
        return MAX_THROTTLE_WAIT_S
    return min(max(missing / rate, 1.0), MAX_THROTTLE_WAIT_S)


def _error_codes(errors: Any) -> frozenset[str]:
    if not isinstance(errors, list):
        return frozenset({"UNKNOWN"})
    codes = set()
    for error in errors:
        extensions = error.get("extensions") if isinstance(error, dict) else None
        code = extensions.get("code") if isinstance(extensions, dict) else None
        codes.add(str(code) if code else "UNKNOWN")
    return frozenset(codes)
