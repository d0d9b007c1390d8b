"""What every reply connector shares: the reply to deliver, the HTTP request an adapter builds,
the outcome it reports, and the one method the worker calls."""

import json
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol
from urllib.parse import quote

import httpx

Outcome = Literal["published", "retry", "failed"]


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    detail: str = ""
    # What the platform asked for (Retry-After), in seconds; the worker never retries sooner.
    retry_after_s: float | None = None


@dataclass(frozen=True)
class Reply:
    """One approved reply to one review, as the worker hands it to a connector."""

    shop_id: str
    review_id: str
    source: str
    source_review_id: str
    # Set for product reviews (a platform may answer those through another endpoint).
    product_id: str | None
    reply_id: str
    language: str
    text: str
    # 1 on the first try: a connector that cannot deduplicate checks before sending again.
    attempt: int = 1

    @classmethod
    def of(
        cls, publication: dict[str, Any], review: dict[str, Any], draft: dict[str, Any]
    ) -> "Reply":
        return cls(
            shop_id=publication["shop_id"],
            review_id=publication["review_id"],
            source=review["source"],
            source_review_id=review["source_review_id"],
            product_id=review["product_id"],
            reply_id=publication["reply_id"],
            language=draft["language"],
            text=draft["text"],
            attempt=publication["attempts"],
        )


@dataclass(frozen=True)
class HttpCall:
    """A request as built, before it is sent: what the adapters' unit tests look at."""

    method: Literal["GET", "POST", "PUT"]
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""

    def json(self) -> Any:
        return json.loads(self.content) if self.content else None


def json_body(document: dict[str, Any]) -> bytes:
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


def path_url(base_url: str, *segments: str) -> str:
    """Ids come from platforms and shop managers: each is one encoded path segment, so an id
    with `/` or `..` in it cannot reach another resource."""
    return base_url.rstrip("/") + "".join("/" + quote(s, safe="") for s in segments)


def bearer(token: str, *, with_body: bool = True) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    if with_body:
        headers["Content-Type"] = "application/json"
    return headers


class ReplyAdapter(Protocol):
    """Delivers one reply to one place. `channel` names it in publications and logs."""

    @property
    def channel(self) -> str: ...

    async def deliver(self, http: httpx.AsyncClient, reply: Reply) -> Result: ...
