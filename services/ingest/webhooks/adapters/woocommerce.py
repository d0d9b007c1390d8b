"""WooCommerce webhooks: `X-WC-Webhook-Signature` = base64(HMAC-SHA256(raw body, secret)).

The payload is the REST API order. The delivery id changes on every send, so a delivery is
identified by (order id, `date_modified_gmt`, a digest of the body): `date_modified_gmt` has
whole seconds, and two saves in one second (created, then completed) are two changes.
Creating a webhook in WooCommerce sends an unsigned form-encoded ping (`webhook_id=N`) that
must be answered 200.
"""

import hashlib
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs

from pydantic import BaseModel, ConfigDict, Field

from services.ingest.orders.facts import OrderDetails, OrderFacts, RefundFact, full_refund
from services.ingest.webhooks.adapters.base import (
    Delivery,
    PayloadError,
    WebhookRequest,
    clean_email,
    country_code,
    full_name,
    refuses_unmappable,
    unescape_html,
    validate_model,
)
from services.ingest.webhooks.adapters.identifiers import identifier
from services.ingest.webhooks.adapters.ids import Amount, PlatformId
from services.ingest.webhooks.signatures import verify_body_hmac
from shared.events.orders import Customer, OrderItem, Platform

ORDER_TOPICS = {"order.created", "order.updated", "order.restored"}
CANCELLED_STATUSES = {"cancelled", "failed", "trash"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class WooAddress(_Model):
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    country: str | None = None


class WooLineItem(_Model):
    id: PlatformId
    name: str = ""
    product_id: PlatformId | None = None
    variation_id: PlatformId | None = None
    quantity: int = Field(ge=0)
    price: Amount = Decimal(0)
    sku: str | None = None
    # "GTIN, UPC, EAN or ISBN" of the product (WooCommerce 9.2 on; on order lines later). Any
    # JSON: an odd value is no identifier, not a bad order.
    global_unique_id: Any = None

    @property
    def item_key(self) -> str:
        return self.product_id if self.product_id not in (None, "0") else f"line:{self.id}"


class WooRefund(_Model):
    id: PlatformId


class WooOrder(_Model):
    id: PlatformId
    status: str
    currency: str = Field(min_length=3, max_length=3)
    date_created_gmt: datetime
    date_modified_gmt: datetime | None = None
    date_paid_gmt: datetime | None = None
    date_completed_gmt: datetime | None = None
    customer_id: PlatformId | None = None
    billing: WooAddress = WooAddress()
    shipping: WooAddress = WooAddress()
    line_items: list[WooLineItem] = Field(min_length=1)
    refunds: list[WooRefund] = []


class WooDeleted(_Model):
    id: PlatformId


def _utc(value: datetime | None) -> datetime | None:
    # The *_gmt fields are UTC without an offset.
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class WooCommerceAdapter:
    platform: Platform = "woocommerce"

    def is_ping(self, request: WebhookRequest) -> bool:
        if "x-wc-webhook-signature" in request.headers:
            return False
        try:
            form = parse_qs(request.body.decode("ascii"), strict_parsing=True)
        except (UnicodeDecodeError, ValueError):
            return False
        webhook_id = form.get("webhook_id", [""])[0]
        return list(form) == ["webhook_id"] and webhook_id.isascii() and webhook_id.isdigit()

    def verify(self, request: WebhookRequest, secrets: list[str]) -> bool:
        return verify_body_hmac(
            request.body, secrets, request.headers.get("x-wc-webhook-signature")
        )

    @refuses_unmappable
    def parse(self, request: WebhookRequest) -> Delivery:
        topic = request.headers.get("x-wc-webhook-topic", "")
        if not topic:
            raise PayloadError("missing X-WC-Webhook-Topic header")
        data = request.json()
        if topic == "order.deleted":
            deleted = validate_model(WooDeleted, data, topic)
            # Trashed or deleted: never survey it, as for a cancellation.
            facts = OrderFacts(
                order_id=deleted.id,
                platform="woocommerce",
                observed_at=request.received_at,
                cancelled_at=request.received_at,
            )
            return Delivery(
                topic, f"{topic}:{deleted.id}", orders=(facts,), order_id=deleted.id, payload=data
            )
        if topic not in ORDER_TOPICS:
            return Delivery(
                topic,
                f"{topic}:{request.headers.get('x-wc-webhook-delivery-id', '')}",
                outcome="ignored",
                payload=data,
            )
        order = validate_model(WooOrder, data, topic)
        modified = modified_at(order)
        facts = order_facts(order, modified)
        digest = hashlib.sha256(request.body).hexdigest()[:16]
        dedupe_key = f"order:{order.id}:{modified.isoformat()}:{digest}"
        return Delivery(topic, dedupe_key, orders=(facts,), order_id=order.id, payload=data)


def modified_at(order: WooOrder) -> datetime:
    modified = _utc(order.date_modified_gmt) or _utc(order.date_created_gmt)
    assert modified is not None
    return modified


def _unescaped(value: str | None) -> str | None:
    return unescape_html(value) if value is not None else None


def order_facts(order: WooOrder, modified: datetime) -> OrderFacts:
    placed_at = _utc(order.date_created_gmt)
    assert placed_at is not None
    address = order.shipping if order.shipping.country else order.billing
    details = OrderDetails(
        placed_at=placed_at,
        currency=order.currency.upper(),
        customer=Customer(
            customer_id=order.customer_id if order.customer_id not in (None, "0") else None,
            email=clean_email(order.billing.email),
            name=_unescaped(full_name(order.billing.first_name, order.billing.last_name)),
            country=country_code(order.billing.country),
        ),
        items=tuple(
            OrderItem(
                product_id=line.item_key,
                sku=line.sku or None,
                gtin=identifier("gtin", line.global_unique_id),
                # WooCommerce sends product names HTML-escaped (`&ndash;`, `&amp;`).
                name=unescape_html(line.name)[:500],
                quantity=line.quantity,
                unit_price=line.price,
            )
            for line in order.line_items
            if line.quantity > 0
        ),
        shipping_country=country_code(address.country),
    )
    if not details.items:
        raise PayloadError("line_items: no line item with a quantity above 0")
    status = order.status
    refunds = tuple(RefundFact(r.id, modified, full=None) for r in order.refunds)
    if status == "refunded":
        refunds += (full_refund(order.id, modified),)
    return OrderFacts(
        order_id=order.id,
        platform="woocommerce",
        observed_at=modified,
        details=details,
        paid_at=_utc(order.date_paid_gmt),
        fulfilled_at=_utc(order.date_completed_gmt) if status == "completed" else None,
        cancelled_at=modified if status in CANCELLED_STATUSES else None,
        refunds=refunds,
    )
