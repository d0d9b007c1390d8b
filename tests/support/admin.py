"""Operator calls the tests make against ingest's shop registry."""

import re
from typing import Any

import httpx

from shared.settings import dev_secret

ADMIN = {"Authorization": f"Bearer {dev_secret('admin-token').get_secret_value()}"}
API = {"Authorization": f"Bearer {dev_secret('api-token').get_secret_value()}"}


def create_shop(
    ingest_url: str, shop_id: str, platform: str, secret: str | None = None, **fields: Any
) -> dict[str, Any]:
    body = {
        "shop_id": shop_id,
        "platform": platform,
        "display_name": f"Shop {shop_id}",
        "locale": "en",
        "country": "SI",
        "timezone": "Europe/Ljubljana",
        # Required since #18; a test that means another address (or checks who is alerted)
        # names its own.
        "contact_email": f"owner-{re.sub('[^A-Za-z0-9]', '-', shop_id)[:50]}@shop.example",
        **fields,
    }
    if secret is not None:
        body["webhook_secret"] = secret
    r = httpx.post(f"{ingest_url}/v1/admin/shops", json=body, headers=ADMIN, timeout=10)
    assert r.status_code == 201, r.text
    created: dict[str, Any] = r.json()
    return created
