"""Standard Webhooks (standardwebhooks.com): signing and verifying, for webhooks we receive
(ingest) and send (notifier). Constant-time comparison; no detail on failure."""

import base64
import binascii
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from datetime import datetime

TOLERANCE_S = 300
SECRET_PREFIX = "whsec_"


def hmac_sha256_base64(key: bytes, message: bytes) -> str:
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def any_equal(candidates: Iterable[str], given: str) -> bool:
    given_bytes = given.strip().encode()
    # No early exit: every secret is compared, so timing says nothing about which one matched.
    matched = False
    for candidate in candidates:
        matched |= hmac.compare_digest(candidate.encode(), given_bytes)
    return matched


def key_of(secret: str) -> bytes:
    """Standard Webhooks secrets are `whsec_<base64>`; anything else is used as raw bytes."""
    if secret.startswith(SECRET_PREFIX):
        try:
            return base64.b64decode(secret[len(SECRET_PREFIX) :], validate=True)
        except (binascii.Error, ValueError):
            pass
    return secret.encode()


def sign(msg_id: str, timestamp: int, body: bytes, secret: str) -> str:
    content = f"{msg_id}.{timestamp}.".encode() + body
    return "v1," + hmac_sha256_base64(key_of(secret), content)


def verify(
    headers: Mapping[str, str],
    body: bytes,
    secrets: Iterable[str],
    now: datetime,
    tolerance_s: int = TOLERANCE_S,
) -> bool:
    """`webhook-id`, `webhook-timestamp` (unix seconds, within the tolerance either way: replays
    are refused) and `webhook-signature`, a space-separated list of
    `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`."""
    msg_id = headers.get("webhook-id")
    ts_raw = headers.get("webhook-timestamp", "")
    given = headers.get("webhook-signature")
    if not msg_id or not given or not ts_raw.isdigit() or len(ts_raw) > 12:
        return False
    timestamp = int(ts_raw)
    if abs(now.timestamp() - timestamp) > tolerance_s:
        return False
    expected = [sign(msg_id, timestamp, body, s) for s in secrets]
    matched = False
    for part in given.split():
        version, _, _sig = part.partition(",")
        if version == "v1":
            matched |= any_equal(expected, part)
    return matched
