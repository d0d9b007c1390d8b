"""Product identifiers from order lines through ingest, over real Kafka and PostgreSQL: a
platform's order with a GTIN, MPN and brand (a Reviewloop order document) and a Shopify order
whose line names its vendor are published in `order.placed`, and a survey review of the product
carries them in `review.classified`'s order context (which the responder turns into the Google
feed's product identifiers)."""

import copy
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from services.ingest.app import build as build_ingest
from services.ingest.settings import IngestSettings
from shared.events import parse_event, serialize_event
from shared.events.orders import OrderPlaced
from shared.events.reviews import ReviewClassified, ReviewSubmitted, ReviewSubmittedPayload
from shared.kafka.admin import ensure_topics
from shared.topics import REVIEWS, topic_name
from tests.support.admin import ADMIN
from tests.support.kafka import eventually, produce
from tests.support.platforms import (
    body_of,
    live_shopify_order,
    shopify_headers,
    standard_headers,
)

pytestmark = pytest.mark.integration

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
IDENTIFIERS = ("TP-1", "4006381333931", "TP-2026", "Acme")
WHSEC = "whsec_dGVzdC1zZWNyZXQtMDEyMzQ1Njc4OWFiY2RlZg=="
SHOPIFY_SECRET = "shopify-secret-0123456789"
STANDARD_SHOP = "ids-standard"
SHOPIFY_SHOP = "ids-shopify"

ORDER = {
    "order_id": "ids-1",
    "placed_at": "2026-11-10T09:00:00Z",
    "currency": "EUR",
    "customer": {"customer_id": "c-ids", "email": "ids@example.com"},
    "items": [
        {
            "product_id": "pot",
            "name": "Teapot",
            "quantity": 1,
            "unit_price": "30.00",
            "sku": "TP-1",
            "gtin": "4006381333931",
            "mpn": "TP-2026",
            "brand": "Acme",
        },
        {"product_id": "cup", "name": "Cup", "quantity": 2, "unit_price": "5.00"},
    ],
}


def submitted(shop_id: str, review_id: str, order_id: str, product_id: str) -> ReviewSubmitted:
    return ReviewSubmitted(
        shop_id=shop_id,
        occurred_at=NOW,
        payload=ReviewSubmittedPayload(
            review_id=review_id,
            source="survey",
            order_id=order_id,
            product_id=product_id,
            rating=2,
            text="Pours well, the lid rattles.",
            language="en",
            verified_purchase=True,
            submitted_at=NOW,
        ),
    )


async def test_identifiers_reach_order_placed_and_review_classified(
    make_settings: Any, infra: Any, prefix: str
) -> None:
    await ensure_topics(infra.kafka_bootstrap, prefix, 2)
    app, ingest = build_ingest(make_settings(IngestSettings))
    await ingest.start()
    pool = ingest.pool
    assert pool is not None
    shopify_order = copy.deepcopy(live_shopify_order("orders__create.captured_test_order"))
    shopify_order_id = str(shopify_order["id"])
    (pen,) = shopify_order["line_items"]
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://i", headers=ADMIN
        ) as http:
            for shop_id, platform, secret in (
                (STANDARD_SHOP, "standard", WHSEC),
                (SHOPIFY_SHOP, "shopify", SHOPIFY_SECRET),
            ):
                r = await http.post(
                    "/v1/admin/shops",
                    json={
                        "shop_id": shop_id,
                        "platform": platform,
                        "display_name": "Identifiers",
                        "country": "SI",
                        "timezone": "Europe/Ljubljana",
                        "contact_email": "hello@ids.example",
                        "webhook_secret": secret,
                    },
                )
                assert r.status_code == 201, r.text
            body = body_of({"type": "order.created", "data": ORDER})
            r = await http.post(
                f"/webhooks/standard/{STANDARD_SHOP}",
                content=body,
                headers=standard_headers(body, WHSEC),
            )
            assert r.status_code == 202, r.text
            body = body_of(shopify_order)
            r = await http.post(
                f"/webhooks/shopify/{SHOPIFY_SHOP}",
                content=body,
                headers=shopify_headers(body, SHOPIFY_SECRET, "orders/create"),
            )
            assert r.status_code == 202, r.text

        async def placed() -> dict[str, OrderPlaced] | None:
            rows = await pool.fetch("SELECT body FROM outbox WHERE event_type = 'order.placed'")
            events = [parse_event(bytes(r["body"])) for r in rows]
            found = {e.shop_id: e for e in events if isinstance(e, OrderPlaced)}
            return found if len(found) == 2 else None

        orders = await eventually(placed, wait_s=60)
        assert orders is not None
        pot, cup = orders[STANDARD_SHOP].payload.items
        assert (pot.sku, pot.gtin, pot.mpn, pot.brand) == IDENTIFIERS
        assert (cup.gtin, cup.mpn, cup.brand) == (None, None, None)
        (line,) = orders[SHOPIFY_SHOP].payload.items
        assert (line.product_id, line.brand, line.gtin) == (str(pen["product_id"]), "Kaweco", None)

        for event in (
            submitted(STANDARD_SHOP, "ids-ref1-pot", "ids-1", "pot"),
            submitted(SHOPIFY_SHOP, "ids-ref2-pen", shopify_order_id, str(pen["product_id"])),
        ):
            await produce(
                infra.kafka_bootstrap,
                topic_name(REVIEWS.name, prefix),
                serialize_event(event),
                key=event.partition_key().encode(),
            )

        async def classified() -> dict[str, ReviewClassified] | None:
            rows = await pool.fetch(
                "SELECT body FROM outbox WHERE event_type = 'review.classified'"
            )
            events = [parse_event(bytes(r["body"])) for r in rows]
            found = {e.shop_id: e for e in events if isinstance(e, ReviewClassified)}
            return found if len(found) == 2 else None

        reviews = await eventually(classified, wait_s=60)
        assert reviews is not None
        context = reviews[STANDARD_SHOP].payload.order
        assert context is not None and context.order_id == "ids-1"
        by_product = {i.product_id: i for i in context.items}
        pot = by_product["pot"]
        assert (pot.sku, pot.gtin, pot.mpn, pot.brand) == IDENTIFIERS
        assert by_product["cup"].gtin is None
        context = reviews[SHOPIFY_SHOP].payload.order
        assert context is not None
        (line,) = context.items
        assert (line.brand, line.name) == ("Kaweco", pen["title"])
    finally:
        await ingest.stop()
