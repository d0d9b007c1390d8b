import base64
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from services.ingest.webhooks.signatures import (
    sign_standard,
    verify_body_hmac,
    verify_ecwid,
    verify_standard,
)

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
