"""What the platform clients share: one GET with a JSON answer, and the errors of a fetch."""

import json
from decimal import Decimal
from typing import Any

import httpx

from shared.http import outbound


class FetchError(Exception):
    """The order could not be fetched this time. The message is recorded on the order (it must
    never contain a credential) and the fetch is retried with backoff."""


class OrderNotFound(FetchError):
    """The platform answered 404: unknown order, or not visible with these credentials."""


class OrderNotReady(FetchError):
    """The platform has the order but it is not placed yet (checkout not finished)."""


async def get_json(
    http: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    params: dict[str, str | int] | None = None,
) -> Any:
    """The decoded answer (numbers with a fraction as Decimal, so prices stay exact); None for
    204 No Content, which BigCommerce answers for empty collections. No retries here: the worker
    retries the whole fetch with backoff."""
    what = httpx.URL(url).path
    try:
        response = await http.get(url, headers=headers, params=params)
    except outbound.ForbiddenDestination as exc:
        raise FetchError(f"GET {what}: {exc}") from None
    except httpx.TimeoutException:
        raise FetchError(f"GET {what}: timed out") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"GET {what}: {type(exc).__name__}") from None
    if response.status_code == 204:
        return None
    if response.status_code == 404:
        raise OrderNotFound(f"GET {what}: 404 not found")
    if not response.is_success:
        raise FetchError(f"GET {what}: HTTP {response.status_code}")
    try:
        return json.loads(response.content, parse_float=Decimal)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise FetchError(f"GET {what}: the answer is not JSON") from None
