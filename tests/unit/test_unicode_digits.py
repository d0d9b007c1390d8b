"""Numbers and codes in untrusted text (headers, query parameters, token claims, form bodies,
platform payloads): "²", "³", "¹" and other Unicode digits pass `str.isdigit()` while `int()`
refuses them, and "ß" is a letter whose upper case is two, so every such check must be
ASCII-only. Each of these used to raise (a 500) or take a wrong branch."""

from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
from pydantic import ValidationError
from starlette.types import Receive, Scope, Send

from services.ingest.shops.schemas import EcwidCredentials, ShopCreate
from services.ingest.webhooks.adapters.base import WebhookRequest, country_code
from services.ingest.webhooks.adapters.woocommerce import WooCommerceAdapter
from services.responder.access import tokens
from shared.http.app import CorrelationIdMiddleware
from shared.logging import HTTP_CORRELATION_HEADER

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
CONFIG = tokens.TokenConfig("a-secret-that-is-at-least-32-bytes!", "iss", "aud", 600)
ODD = ["\u00b2", "\u00b9\u00b2", "4\u00b2", "\u0663", "9" * 19, "9" * 5000, "-1", " 1"]


def token_for(sub: str) -> str:
    claims = {
        "sub": sub,
        "iss": "iss",
        "aud": "aud",
        "iat": int(NOW.timestamp()),
        "exp": int((NOW + timedelta(minutes=5)).timestamp()),
    }
    return jwt.encode(claims, CONFIG.secret, algorithm="HS256")


@pytest.mark.parametrize("sub", ODD)
def test_a_token_subject_of_odd_digits_is_an_invalid_token(sub: str) -> None:
    with pytest.raises(tokens.InvalidToken, match="subject"):
        tokens.verify(CONFIG, token_for(sub), NOW)
    assert tokens.verify(CONFIG, token_for("42"), NOW) == 42


@pytest.mark.parametrize("webhook_id", ["%C2%B2", "%D9%A3", "1%C2%B2"])
def test_a_woocommerce_ping_needs_an_ascii_webhook_id(webhook_id: str) -> None:
    adapter = WooCommerceAdapter()
    odd = WebhookRequest({}, f"webhook_id={webhook_id}".encode(), NOW)
    assert not adapter.is_ping(odd)
    assert adapter.is_ping(WebhookRequest({}, b"webhook_id=12", NOW))


async def test_a_correlation_id_is_taken_only_in_ascii_letters_and_digits() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def echoed(given: bytes) -> str:
        wrapped = CorrelationIdMiddleware(app)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=wrapped), base_url="http://t"
        ) as http:
            r = await http.get("/", headers={HTTP_CORRELATION_HEADER: given})
        return r.headers[HTTP_CORRELATION_HEADER]

    assert await echoed(b"abc123") == "abc123"
    for odd in (b"abc\xb2", b"\xaa\xba", b"x" * 65, b"a-b"):
        assert await echoed(odd) != odd.decode("latin-1")


def test_country_and_currency_codes_are_ascii_letters() -> None:
    # "ß".upper() is "SS": a two-letter "ßß" used to become the four-letter country "SSSS".
    assert country_code("ßß") is None and country_code("\u00aa\u00ba") is None
    assert country_code("si") == "SI"
    shop = {
        "shop_id": "s",
        "platform": "standard",
        "display_name": "S",
        "timezone": "UTC",
        "contact_email": "hello@s.example",
    }
    with pytest.raises(ValidationError, match="two letters"):
        ShopCreate.model_validate({**shop, "country": "ßß"})
    assert ShopCreate.model_validate({**shop, "country": "si"}).country == "SI"
    # Two letters ISO has no country for: it decides the consent rule and the send window.
    for unknown in ("XX", "zz", "UK"):
        with pytest.raises(ValidationError, match="not an ISO 3166-1 alpha-2 country code"):
            ShopCreate.model_validate({**shop, "country": unknown})
    with pytest.raises(ValidationError, match="three letters"):
        EcwidCredentials.model_validate({"store_id": "1", "access_token": "t", "currency": "ßßß"})
