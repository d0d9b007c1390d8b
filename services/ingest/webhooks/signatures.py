"""Webhook signature checks, on the raw body, in constant time. Pure functions.

Every check accepts several secrets (the current and the previous one during a rotation) and
tells nothing about why a signature failed.
"""

import base64
import binascii
import hashlib
import hmac
from collections.abc import Iterable, Mapping
from datetime import datetime

STANDARD_TOLERANCE_S = 300
STANDARD_SECRET_PREFIX = "whsec_"


def hmac_sha256_base64(key: bytes, message: bytes) -> str:
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def _any_equal(candidates: Iterable[str], given: str) -> bool:
    given_bytes = given.strip().encode()
    # No early exit: every secret is compared, so timing says nothing about which one matched.
    matched = False
    for candidate in candidates:
        matched |= hmac.compare_digest(candidate.encode(), given_bytes)
    return matched


def verify_body_hmac(body: bytes, secrets: Iterable[str], signature: str | None) -> bool:
    """Shopify (`X-Shopify-Hmac-Sha256`) and WooCommerce (`X-WC-Webhook-Signature`):
    base64(HMAC-SHA256(raw body, secret))."""
    if not signature:
        return False
    return _any_equal((hmac_sha256_base64(s.encode(), body) for s in secrets), signature)


def verify_ecwid(
    event_created: object, event_id: object, secrets: Iterable[str], signature: str | None
) -> bool:
    """Ecwid: base64(HMAC-SHA256("{eventCreated}.{eventId}", client secret)); the body itself
    is not covered."""
    if not signature or event_created is None or event_id is None:
        return False
    message = f"{event_created}.{event_id}".encode()
    return _any_equal((hmac_sha256_base64(s.encode(), message) for s in secrets), signature)


def standard_key(secret: str) -> bytes:
    """Standard Webhooks secrets are `whsec_<base64>`; anything else is used as raw bytes."""
    if secret.startswith(STANDARD_SECRET_PREFIX):
        try:
            return base64.b64decode(secret[len(STANDARD_SECRET_PREFIX) :], validate=True)
        except (binascii.Error, ValueError):
            pass
    return secret.encode()


def sign_standard(msg_id: str, timestamp: int, body: bytes, secret: str) -> str:
    content = f"{msg_id}.{timestamp}.".encode() + body
    return "v1," + hmac_sha256_base64(standard_key(secret), content)


def verify_standard(
    headers: Mapping[str, str],
    body: bytes,
    secrets: Iterable[str],
    now: datetime,
    tolerance_s: int = STANDARD_TOLERANCE_S,
) -> bool:
    """Standard Webhooks: `webhook-id`, `webhook-timestamp` (unix seconds, within the tolerance
    either way: replays are refused) and `webhook-signature`, a space-separated list of
    `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`."""
    msg_id = headers.get("webhook-id")
    ts_raw = headers.get("webhook-timestamp", "")
    given = headers.get("webhook-signature")
    if not msg_id or not given or not ts_raw.isdigit() or len(ts_raw) > 12:
        return False
    timestamp = int(ts_raw)
    if abs(now.timestamp() - timestamp) > tolerance_s:
        return False
    expected = [sign_standard(msg_id, timestamp, body, s) for s in secrets]
    matched = False
    for part in given.split():
        version, _, _sig = part.partition(",")
        if version == "v1":
            matched |= _any_equal(expected, part)
    return matched
