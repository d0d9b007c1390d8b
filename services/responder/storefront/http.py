"""One way every storefront answer leaves: cacheable by browsers and CDNs (ETag over the body,
Cache-Control), readable from any shop's origin (CORS without credentials) and never setting a
cookie. A matching If-None-Match gets 304 without the body."""

import hashlib
from collections.abc import Mapping

from fastapi import Request, Response

from services.responder.storefront.settings import StorefrontSettings

JSON = "application/json"
HTML = "text/html; charset=utf-8"


def etag_of(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def _matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    # Weak comparison (RFC 9110 13.1.2): a proxy may have marked our tag weak.
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in tags


def public_response(
    request: Request,
    settings: StorefrontSettings,
    body: bytes,
    media_type: str,
    *,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> Response:
    etag = etag_of(body)
    common = {
        "ETag": etag,
        "Cache-Control": f"public, max-age={settings.max_age_s}",
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Expose-Headers": "ETag",
        "X-Content-Type-Options": "nosniff",
        **(headers or {}),
    }
    if status_code == 200 and _matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=common)
    return Response(body, status_code=status_code, media_type=media_type, headers=common)
