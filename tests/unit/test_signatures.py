import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from standardwebhooks.webhooks import Webhook

from services.ingest.webhooks.signatures import (
    sign_standard,
    verify_body_hmac,
    verify_ecwid,
    verify_standard,
)
from services.notifier.delivery import webhooks as notifier_webhooks
from services.responder.publishing import connector as responder_connector
from shared.standard_webhooks import key_of, keys_of, spec_secret

secrets_st = st.text(min_size=1, max_size=64)
bodies = st.binary(max_size=2048)
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def reference_hmac(secret: str, message: bytes) -> str:
    return base64.b64encode(hmac.new(secret.encode(), message, hashlib.sha256).digest()).decode()


@given(body=bodies, secret=secrets_st)
def test_body_hmac_accepts_the_platform_signature(body: bytes, secret: str) -> None:
    assert verify_body_hmac(body, [secret], reference_hmac(secret, body))


@given(body=bodies, secret=secrets_st, other=secrets_st)
def test_body_hmac_rejects_another_secret(body: bytes, secret: str, other: str) -> None:
    signature = reference_hmac(other, body)
    assert verify_body_hmac(body, [secret], signature) == (
        signature == reference_hmac(secret, body)
    )


@given(body=bodies, secret=secrets_st, flip=st.integers(min_value=0, max_value=2047))
def test_body_hmac_rejects_any_changed_byte(body: bytes, secret: str, flip: int) -> None:
    if not body:
        return
    changed = bytearray(body)
    changed[flip % len(body)] ^= 0x01
    assert not verify_body_hmac(bytes(changed), [secret], reference_hmac(secret, body))


@given(body=bodies, current=secrets_st, previous=secrets_st)
def test_either_active_secret_verifies_during_rotation(
    body: bytes, current: str, previous: str
) -> None:
    assert verify_body_hmac(body, [current, previous], reference_hmac(previous, body))
    assert verify_body_hmac(body, [current, previous], reference_hmac(current, body))


def test_missing_or_garbage_signatures_fail() -> None:
    assert not verify_body_hmac(b"{}", ["s"], None)
    assert not verify_body_hmac(b"{}", ["s"], "")
    assert not verify_body_hmac(b"{}", ["s"], "not base64 at all \u00e9")


@given(created=st.integers(min_value=0, max_value=2**40), event_id=st.uuids(), secret=secrets_st)
def test_ecwid_signature_covers_created_and_event_id(created, event_id, secret) -> None:
    signature = reference_hmac(secret, f"{created}.{event_id}".encode())
    assert verify_ecwid(created, str(event_id), [secret], signature)
    assert not verify_ecwid(created + 1, str(event_id), [secret], signature)


@given(body=bodies, msg_id=st.text(min_size=1, max_size=40).filter(lambda s: " " not in s))
def test_standard_webhooks_round_trip_and_replay_window(body: bytes, msg_id: str) -> None:
    secret = "whsec_" + base64.b64encode(b"0123456789abcdef0123").decode()
    ts = int(NOW.timestamp())
    headers = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": sign_standard(msg_id, ts, body, secret),
    }
    assert verify_standard(headers, body, [secret], NOW)
    assert not verify_standard(headers, body + b"x", [secret], NOW)
    assert not verify_standard(headers, body, [secret], NOW + timedelta(minutes=6))
    assert not verify_standard(headers, body, [secret], NOW - timedelta(minutes=6))


def test_standard_signature_matches_the_spec_construction() -> None:
    # Standard Webhooks: base64 HMAC-SHA256 of "{id}.{timestamp}.{body}" with the
    # base64-decoded part of the whsec_ secret as key.
    key = b"test-key-0123456789"
    secret = "whsec_" + base64.b64encode(key).decode()
    body = b'{"type":"order.created"}'
    expected = base64.b64encode(
        hmac.new(key, b"msg_1.1700000000." + body, hashlib.sha256).digest()
    ).decode()
    assert sign_standard("msg_1", 1700000000, body, secret) == "v1," + expected


def test_standard_accepts_one_matching_signature_among_several() -> None:
    secret = "whsec_" + base64.b64encode(b"k" * 24).decode()
    ts = int(NOW.timestamp())
    good = sign_standard("m", ts, b"{}", secret)
    headers = {
        "webhook-id": "m",
        "webhook-timestamp": str(ts),
        "webhook-signature": f"v1,AAAA {good}",
    }
    assert verify_standard(headers, b"{}", [secret], NOW)
    headers["webhook-timestamp"] = "12abc"
    assert not verify_standard(headers, b"{}", [secret], NOW)


# -- timestamps that are digits to `str.isdigit()` but not to `int()` ---------------------------


@given(
    ts=st.one_of(
        st.text(max_size=20),
        st.text(alphabet="0123456789\u00b2\u00b3\u00b9\u0663\u2075\u0660\uff11 +-.", max_size=14),
    )
)
def test_any_timestamp_header_is_refused_or_read_never_raises(ts: str) -> None:
    secret = "whsec_" + base64.b64encode(b"k" * 24).decode()
    headers = {"webhook-id": "m", "webhook-timestamp": ts, "webhook-signature": "v1,AAAA"}
    assert verify_standard(headers, b"{}", [secret], NOW) is False


def test_unicode_digits_in_the_timestamp_are_refused() -> None:
    secret = "whsec_" + base64.b64encode(b"k" * 24).decode()
    for ts in ("\u00b2", "\u00b9\u00b2\u00b3", "1700000000\u00b2", "\u0661\u0667" + "0" * 8):
        headers = {"webhook-id": "m", "webhook-timestamp": ts, "webhook-signature": "v1,AAAA"}
        assert verify_standard(headers, b"{}", [secret], NOW) is False


# -- the official library (standardwebhooks) on both sides ------------------------------------


def official_headers(secret: str, body: bytes, msg_id: str = "msg_1") -> dict[str, str]:
    at = datetime.now(UTC)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id, at, body),
    }


# Secrets as shops have them: generated for Standard Webhooks platforms, a platform's app
# secret (hex, as Shopify's), generated for other platforms (URL-safe), an operator's own text.
SHOP_SECRETS = [
    "whsec_" + base64.b64encode(b"0123456789abcdef01234567").decode(),
    "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    "Zq3-_x9Kd2LmN0pQrS1tUvWxYz_AbCdEfGhIjKlMn-o",
    "woo secret with spaces & symbols!",
    "whsec_not base64 at all!",
]


@pytest.mark.parametrize("secret", SHOP_SECRETS)
def test_a_source_signing_with_the_official_library_and_the_spec_secret_is_accepted(
    secret: str,
) -> None:
    body = b'{"type":"review.created"}'
    headers = official_headers(spec_secret(secret), body)
    assert verify_standard(headers, body, [secret], datetime.now(UTC))
    # And what we sign, the official library verifies with the same spec secret.
    ts = int(datetime.now(UTC).timestamp())
    ours = {"webhook-id": "m", "webhook-timestamp": str(ts)}
    ours["webhook-signature"] = sign_standard("m", ts, body, secret)
    Webhook(spec_secret(secret)).verify(body, ours)


def test_the_official_library_given_a_bare_base64_secret_is_accepted_too() -> None:
    # The libraries decode a secret with or without `whsec_`: a Shopify-style hex secret.
    secret = SHOP_SECRETS[1]
    body = b"{}"
    assert verify_standard(official_headers(secret, body), body, [secret], datetime.now(UTC))


def test_spec_secret_keeps_the_key_sources_already_sign_with() -> None:
    for secret in SHOP_SECRETS:
        assert spec_secret(secret).startswith("whsec_")
        assert key_of(spec_secret(secret)) == key_of(secret)
    generated = SHOP_SECRETS[0]
    assert spec_secret(generated) == generated


def test_a_bare_secret_is_not_read_as_a_short_base64_key() -> None:
    # "abcd" decodes to 3 bytes: a key that short could be guessed, so only the raw bytes count.
    assert keys_of("abcdabcdabcdabcd") == [b"abcdabcdabcdabcd"]
    assert len(keys_of("abcdabcdabcdabcdabcdabcd")) == 2


def test_what_notifier_and_responder_send_verifies_with_the_official_library() -> None:
    # Both generate their signing secrets as `whsec_` + base64 of 24 random bytes.
    secret = "whsec_" + base64.b64encode(b"r" * 24).decode()
    raw, headers = notifier_webhooks.signed_request("alert-1", {"rating": 1}, secret)
    assert Webhook(secret).verify(raw, headers) == {"rating": 1}
    body = b'{"type":"review.reply.publish"}'
    Webhook(secret).verify(body, responder_connector.headers("reply_1", body, secret))


def test_a_secret_claiming_the_spec_form_must_be_base64() -> None:
    """`whsec_` then something no library can decode: refused when a shop is created or its
    secret rotated (422), where it used to be kept and verified as its own bytes."""
    from pydantic import ValidationError

    from services.ingest.shops.schemas import SecretRotate, ShopCreate
    from shared.standard_webhooks import malformed_spec_secret

    assert malformed_spec_secret("whsec_!!!notbase64")
    assert not malformed_spec_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    assert not malformed_spec_secret("shpss_a_platform_app_secret")  # not the spec form at all
    shop = {
        "shop_id": "s",
        "platform": "standard",
        "display_name": "S",
        "country": "SI",
        "timezone": "UTC",
        "contact_email": "hello@s.example",
    }
    with pytest.raises(ValidationError, match="whsec_ followed by base64"):
        ShopCreate.model_validate({**shop, "webhook_secret": "whsec_!!!notbase64xx"})
    with pytest.raises(ValidationError, match="whsec_ followed by base64"):
        SecretRotate.model_validate({"webhook_secret": "whsec_!!!notbase64xx"})
    created = ShopCreate.model_validate({**shop, "webhook_secret": "shpss_app_secret_123456"})
    assert created.webhook_secret is not None
    assert SecretRotate.model_validate({}).webhook_secret is None
