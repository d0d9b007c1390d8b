"""Standard Webhooks (standardwebhooks.com): signing and verifying, for webhooks we receive
(ingest) and send (notifier). Constant-time comparison; no detail on failure."""

import base64
import binascii
import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping
from datetime import datetime

TOLERANCE_S = 300
SECRET_PREFIX = "whsec_"
# ASCII digits only: `str.isdigit()` also takes "²", which `int()` then refuses.
_UNIX_SECONDS = re.compile(r"[0-9]{1,12}")
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")
# A bare secret read as base64 must give at least this many bytes to count as a key.
_MIN_DECODED_KEY = 16


def hmac_sha256_base64(key: bytes, message: bytes) -> str:
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def any_equal(candidates: Iterable[str], given: str) -> bool:
    given_bytes = given.strip().encode()
    # No early exit: every secret is compared, so timing says nothing about which one matched.
    matched = False
    for candidate in candidates:
        matched |= hmac.compare_digest(candidate.encode(), given_bytes)
    return matched


def _base64_key(text: str) -> bytes | None:
    """The bytes of standard base64 (padding optional, as the official libraries accept it)."""
    if not _BASE64.fullmatch(text):
        return None
    unpadded = text.rstrip("=")
    try:
        return base64.b64decode(unpadded + "=" * (-len(unpadded) % 4), validate=True) or None
    except (binascii.Error, ValueError):
        return None


def malformed_spec_secret(secret: str) -> bool:
    """A secret that claims the spec form (`whsec_`) without base64 after it: the official
    libraries refuse to load it, so no sender could sign with it as the spec says."""
    return secret.startswith(SECRET_PREFIX) and _base64_key(secret[len(SECRET_PREFIX) :]) is None


def key_of(secret: str) -> bytes:
    """The signing key: `whsec_<base64>` is decoded, as the spec says; any other secret (a
    platform's app secret, a `whsec_` that is not base64) is its own UTF-8 bytes, which is the
    key of its spec form `spec_secret(secret)`."""
    if secret.startswith(SECRET_PREFIX):
        key = _base64_key(secret[len(SECRET_PREFIX) :])
        if key is not None:
            return key
    return secret.encode()


def keys_of(secret: str) -> list[bytes]:
    """Every key a sender holding this secret may sign with: `key_of`, and for a bare secret
    that is base64 itself (a Shopify app secret in hex) also what the official libraries make
    of it, since they decode a secret with or without the prefix."""
    keys = [key_of(secret)]
    if not secret.startswith(SECRET_PREFIX):
        decoded = _base64_key(secret)
        if decoded is not None and len(decoded) >= _MIN_DECODED_KEY:
            keys.append(decoded)
    return keys


def spec_secret(secret: str) -> str:
    """The secret in the form the spec and its libraries take (`whsec_` + base64 of the key):
    for a shop whose webhook secret is a platform's, this is what a review source signs with."""
    if secret.startswith(SECRET_PREFIX) and _base64_key(secret[len(SECRET_PREFIX) :]):
        return secret
    return SECRET_PREFIX + base64.b64encode(secret.encode()).decode()


def sign(msg_id: str, timestamp: int, body: bytes, secret: str) -> str:
    return _sign_with(msg_id, timestamp, body, key_of(secret))


def _sign_with(msg_id: str, timestamp: int, body: bytes, key: bytes) -> str:
    content = f"{msg_id}.{timestamp}.".encode() + body
    return "v1," + hmac_sha256_base64(key, content)


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
    if not msg_id or not given or not _UNIX_SECONDS.fullmatch(ts_raw):
        return False
    timestamp = int(ts_raw)
    if abs(now.timestamp() - timestamp) > tolerance_s:
        return False
    expected = [_sign_with(msg_id, timestamp, body, k) for s in secrets for k in keys_of(s)]
    matched = False
    for part in given.split():
        version, _, _sig = part.partition(",")
        if version == "v1":
            matched |= any_equal(expected, part)
    return matched
