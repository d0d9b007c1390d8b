"""What the two signed front doors (`/webhooks/...` from shops' platforms, `/reviews/...` from
review platforms) share: the refusals their services raise, how those become HTTP answers,
the answers they document, and the request they hand to the services."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, NoReturn

from fastapi import HTTPException, Request, status

from services.ingest.webhooks.adapters.base import PayloadError, WebhookRequest

log = logging.getLogger(__name__)


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
def refusals_as_http(unknown: str, shop_id: str, source: str) -> Iterator[None]:
    """`unknown` names the endpoint in the 404's reason ("unknown webhook endpoint"); `shop_id`
    and `source` (the platform or review source in the path) go into the refusal's log line."""

    def refuse(code: int, reason: str) -> NoReturn:
        # The reason per delivery, for whoever runs the ingest service (the platform sees it in
        # the answer only, often nowhere an operator can read it). Reasons name fields, never
        # their values.
        log.warning(
            "delivery refused",
            extra={
                "endpoint": unknown,
                "shop_id": shop_id,
                "source": source[:40],
                "status": code,
                "reason": reason[:300],
            },
        )
        raise HTTPException(code, reason) from None

    try:
        yield
    except UnknownEndpoint:
        refuse(status.HTTP_404_NOT_FOUND, f"unknown {unknown} endpoint")
    except BadSignature:
        refuse(status.HTTP_401_UNAUTHORIZED, "invalid signature")
    except UnsupportedMediaType:
        refuse(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, "expected application/json")
    except PayloadError as exc:
        refuse(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc))
