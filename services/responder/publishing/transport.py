"""Sending a built request and telling what the answer means for the reply: accepted, worth
another try later (with the platform's Retry-After), or refused for good with a reason a person
can act on. Error details are stored on the publication and shown by the API: they carry the
status and a category of ours, never the platform's answer body (it can quote tokens, account
ids or the request) and never a request header (where the credentials are)."""

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from services.responder.publishing.base import HttpCall, Result
from shared.http import outbound

# Worth another try whoever answers: timeouts, "too early", rate limits. 5xx are added below.
RETRYABLE = frozenset({408, 425, 429})
# What a refusal means when the platform's adapter names no reason of its own.
CATEGORIES: Mapping[int, str] = {
    400: "the platform refused the request as invalid",
    401: "the platform refused the credentials",
    403: "the platform refused access",
    404: "the platform knows no such resource",
    409: "the platform reports a conflict",
    410: "the platform reports the resource gone",
    413: "the platform refused the request as too large",
    422: "the platform refused the reply",
}
# ASCII digits only: "²" passes `str.isdigit()` and then `float()` refuses it.
_DELTA_SECONDS = re.compile(r"[0-9]{1,12}")
# Whatever the header says, no wait beyond this (a platform's typo must not park a reply).
MAX_RETRY_AFTER_S = 24 * 3600.0


async def send(http: httpx.AsyncClient, call: HttpCall) -> httpx.Response | Result:
    """The answer, or a retry result when there was none (timeout, connection refused)."""
    try:
        return await http.request(call.method, call.url, content=call.content, headers=call.headers)
    except outbound.ForbiddenDestination as exc:
        # The connection's host now resolves somewhere internal: no retry makes it allowed.
        return Result("failed", str(exc))
    except httpx.TimeoutException:
        return Result("retry", "timeout")
    except httpx.HTTPError as exc:
        # The type only: an exception's text may quote the URL, and a URL can hold ids that
        # are nobody's business in a log line.
        return Result("retry", f"connection: {type(exc).__name__}")


def classify(
    response: httpx.Response,
    *,
    retryable: frozenset[int] = RETRYABLE,
    reasons: Mapping[int, str] | None = None,
    now: datetime | None = None,
) -> Result:
    """2xx published; 5xx and `retryable` retried; any other status failed at once, because
    sending the same reply again changes nothing. A 3xx is such a status: redirects are not
    followed, since the new location could be anywhere."""
    code = response.status_code
    if 200 <= code < 300:
        return Result("published")
    if code >= 500 or code in retryable:
        wait = retry_after_seconds(response.headers.get("Retry-After"), now)
        detail = f"HTTP {code}" + (f" (Retry-After {wait:.0f} s)" if wait is not None else "")
        return Result("retry", detail, wait)
    reason = (reasons or {}).get(code) or CATEGORIES.get(code)
    if reason is None:
        reason = "redirected (not followed)" if 300 <= code < 400 else "the platform refused it"
    # Not the body: managers read this detail, and it is logged.
    return Result("failed", f"HTTP {code} ({reason})")


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds from now, at most `MAX_RETRY_AFTER_S`: delta-seconds or an HTTP
    date (compared with the real clock, which is what the platform's date means). None when
    absent or unreadable: the header is the receiver's text, so nothing in it may raise."""
    if not value:
        return None
    value = value.strip()
    if _DELTA_SECONDS.fullmatch(value):
        return min(float(value), MAX_RETRY_AFTER_S)
    try:
        at = parsedate_to_datetime(value)
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
        wait = (at - (now or datetime.now(UTC))).total_seconds()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return min(max(wait, 0.0), MAX_RETRY_AFTER_S)
