"""One adapter per platform: signature check and mapping to platform-neutral order facts."""

from services.ingest.webhooks.adapters.base import PlatformAdapter
from services.ingest.webhooks.adapters.bigcommerce import BigCommerceAdapter
from services.ingest.webhooks.adapters.ecwid import EcwidAdapter
from services.ingest.webhooks.adapters.shopify import ShopifyAdapter
from services.ingest.webhooks.adapters.standard import StandardAdapter
from services.ingest.webhooks.adapters.woocommerce import WooCommerceAdapter

ADAPTERS: dict[str, PlatformAdapter] = {
    "shopify": ShopifyAdapter(),
    "woocommerce": WooCommerceAdapter(),
    "bigcommerce": BigCommerceAdapter(),
    "ecwid": EcwidAdapter(),
    "standard": StandardAdapter(),
}
