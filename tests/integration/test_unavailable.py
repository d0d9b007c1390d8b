"""A database that cannot be reached gives 503 with Retry-After, never a 500."""

import httpx
import pytest

from services.ingest.app import build
from services.ingest.settings import IngestSettings
from shared.db.pool import create_pool
from tests.support.admin import API

pytestmark = pytest.mark.integration


async def test_closed_pool_answers_503(make_settings) -> None:
    settings = make_settings(IngestSettings)
    app, runtime = build(settings)
    runtime.pool = await create_pool(settings)
    await runtime.pool.close()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://ingest") as http:
        r = await http.post("/v1/shops/any/orders", json={}, headers=API)
        # Validation runs first: a bad body is still the caller's 422.
        assert r.status_code == 422
        order = {
            "order_id": "1",
            "placed_at": "2026-11-20T10:00:00Z",
            "currency": "EUR",
            "customer": {},
            "items": [{"product_id": "p", "name": "n", "quantity": 1, "unit_price": "1"}],
        }
        r = await http.post("/v1/shops/any/orders", json=order, headers=API)
        assert r.status_code == 503
        assert r.headers["Retry-After"] == "5"
        ready = await http.get("/readyz")
        assert ready.status_code == 503 and ready.json()["checks"]["postgres"] is False
