"""Webhook signature checks of the platforms, on the raw body, in constant time. Pure functions.

Every check accepts several secrets (the current and the previous one during a rotation) and
tells nothing about why a signature failed. Standard Webhooks (BigCommerce, `standard`) lives in
`shared.standard_webhooks`.
"""

from collections.abc import Iterable

from shared.standard_webhooks import any_equal, hmac_sha256_base64
from shared.standard_webhooks import sign as sign_standard
from shared.standard_webhooks import verify as verify_standard

__all__ = [
    "hmac_sha256_base64",
    "sign_standard",
    "verify_body_hmac",
    "verify_ecwid",
    "verify_standard",
]


def verify_body_hmac(body: bytes, secrets: Iterable[str], signature: str | None) -> bool:
    """Shopify (`X-Shopify-Hmac-Sha256`) and WooCommerce (`X-WC-Webhook-Signature`):
    base64(HMAC-SHA256(raw body, secret))."""
    if not signature:
        return False
    return any_equal((hmac_sha256_base64(s.encode(), body) for s in secrets), signature)


def verify_ecwid(
    event_created: object, event_id: object, secrets: Iterable[str], signature: str | None
) -> bool:
    """Ecwid: base64(HMAC-SHA256("{eventCreated}.{eventId}", client secret)); the body itself
    is not covered."""
    if not signature or event_created is None or event_id is None:
        return False
    message = f"{event_created}.{event_id}".encode()
    return any_equal((hmac_sha256_base64(s.encode(), message) for s in secrets), signature)
