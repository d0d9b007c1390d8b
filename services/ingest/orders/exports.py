"""Parsing order exports line by line, for reconciliation after lost webhooks.

Each line is one order in the platform's own JSON (what its REST API or webhook sends), or an
`OrderDocument` for `standard` and `direct` shops.
"""

import json
from datetime import datetime

from services.ingest.orders.document import OrderDocument
from services.ingest.orders.facts import OrderFacts
from services.ingest.webhooks.adapters import shopify, woocommerce
from services.ingest.webhooks.adapters.base import PayloadError, validate_model

EXPORT_PLATFORMS = ("shopify", "woocommerce", "standard", "direct")


def facts_from_line(platform: str, line: str, received_at: datetime) -> OrderFacts:
    """Raises PayloadError with the reason when the line cannot be mapped."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise PayloadError(f"not valid JSON: {exc}") from None
    if platform == "shopify":
        order = validate_model(shopify.ShopifyOrder, data, "shopify order")
        return shopify.order_facts(order, order.updated_at or received_at)
    if platform == "woocommerce":
        woo = validate_model(woocommerce.WooOrder, data, "woocommerce order")
        return woocommerce.order_facts(woo, woocommerce.modified_at(woo))
    if platform in ("standard", "direct"):
        document = validate_model(OrderDocument, data, "order document")
        return document.to_facts(platform, received_at)  # type: ignore[arg-type]
    raise PayloadError(f"no export format for platform {platform!r}")
