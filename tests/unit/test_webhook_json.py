"""Webhook bodies are parsed by orjson when that gives exactly what json gives, and by json
otherwise (services/ingest/webhooks/adapters/base.py): the answer must never depend on which
one read the body."""

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.ingest.webhooks.adapters.base import PayloadError, WebhookRequest, storable_text

NOW = datetime(2026, 1, 1, tzinfo=UTC)
FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures").rglob("*.json"))


def reference(body: bytes) -> Any:
    """What json alone made of the body before orjson came in."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return PayloadError
    return storable_text(data)


def parsed(body: bytes) -> Any:
    try:
        return WebhookRequest({}, body, NOW).json()
    except PayloadError:
        return PayloadError


def same(a: Any, b: Any) -> bool:
    # NaN is not equal to itself; compare it by its text.
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def test_every_fixture_reads_the_same() -> None:
    assert len(FIXTURES) > 20
    for path in FIXTURES:
        body = path.read_bytes()
        assert same(parsed(body), reference(body)), path


@pytest.mark.parametrize(
    "body",
    [
        b'{"id": 12345678901234567890123}',  # more than 64 bits: exact, not a float
        b'{"id": 18446744073709551615}',  # the largest unsigned 64-bit integer
        b'{"id": -9223372036854775808}',
        b'{"id": 1234567890123456789.5}',
        b'{"note": "card 1234567890123456789012"}',  # long digits in a string
        b'{"price": 1e400}',  # infinity for both
        b'{"price": NaN, "x": Infinity}',  # json takes these, orjson refuses
        b'\xef\xbb\xbf{"a": 1}',  # a byte order mark
        b'{"a": "\\ud800"}',  # escaped lone surrogate
        b'{"a": "\\ud83d\\ude00"}',  # escaped pair
        b'{"a": "x\\u0000y"}',  # NUL
        b'{"a": 1, "a": 2}',  # duplicate keys: the last wins in both
        b'{"a": "\xff"}',  # not UTF-8
        b'{"a": "\xed\xa0\x80"}',  # a lone surrogate as raw bytes
        b"[" * 5000 + b"]" * 5000,  # deeper than either reads
        b"",
        b"null",
        b'{"a": 0.1, "b": 1e-7, "c": 123.456e10}',
    ],
)
def test_edge_bodies_read_the_same(body: bytes) -> None:
    assert same(parsed(body), reference(body))


def test_integers_beyond_64_bits_keep_every_digit() -> None:
    assert parsed(b'{"id": 12345678901234567890123}') == {"id": 12345678901234567890123}


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES, st.booleans())
def test_any_json_reads_the_same(value: Any, ascii_only: bool) -> None:
    body = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    assert same(parsed(body), reference(body))
