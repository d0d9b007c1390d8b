"""What the two signed front doors (`/webhooks/...` from shops' platforms, `/reviews/...` from
review platforms) share: the refusals their services raise, how those become HTTP answers,
the answers they document, and the request they hand to the services."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from fastapi import HTTPException, Request, status

from services.ingest.webhooks.adapters.base import PayloadError, WebhookRequest


class UnknownEndpoint(LookupError):
    """No such shop or source, or the shop is not on this platform: 404."""


class BadSignature(Exception):
    """401, with no detail."""


class UnsupportedMediaType(Exception):
    """415."""


REFUSALS: dict[int | str, dict[str, Any]] = {
    401: {"description": "missing or invalid signature"},
    404: {"description": "unknown shop or source"},
    413: {"description": "body over 1 MiB"},
    415: {"description": "not JSON"},
    422: {"description": "payload that cannot be mapped; the reason says why"},
}


async def read(request: Request, now: datetime) -> WebhookRequest:
    return WebhookRequest(
        headers={k.lower(): v for k, v in request.headers.items()},
        body=await request.body(),
        received_at=now,
    )


@contextmanager
def refusals_as_http(unknown: str) -> Iterator[None]:
    """`unknown` names the endpoint in the 404's reason ("unknown webhook endpoint")."""
    try:
        yield
    except UnknownEndpoint:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"unknown {unknown} endpoint") from None
    except BadSignature:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid signature") from None
    except UnsupportedMediaType:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, "expected application/json"
        ) from None
    except PayloadError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
