"""Shopify webhooks: `X-Shopify-Hmac-Sha256` = base64(HMAC-SHA256(raw body, secret)).

Order topics carry the whole order, so each becomes a full `OrderFacts` snapshot; fulfillment,
refund and return topics add one fact each. `X-Shopify-Triggered-At` orders the snapshots: a
retry carries its original payload and must not overwrite newer details.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.ingest.orders.facts import (
    OrderDetails,
    OrderFacts,
    RefundFact,
    ReturnFact,
    full_refund,
)
from services.ingest.webhooks.adapters.base import (
    Delivery,
    PayloadError,
    PrivacyRequest,
    WebhookRequest,
    clean_email,
    country_code,
    full_name,
    refuses_unmappable,
    validate_model,
)
from services.ingest.webhooks.adapters.identifiers import identifier
from services.ingest.webhooks.adapters.ids import Amount, PlatformId
from services.ingest.webhooks.signatures import verify_body_hmac
from shared.events.orders import Customer, MarketingConsent, OrderItem, Platform, RefundedItem

ORDER_TOPICS = {
    "orders/create",
    "orders/updated",
    "orders/paid",
    "orders/fulfilled",
    "orders/partially_fulfilled",
    "orders/cancelled",
}
FULFILLMENT_TOPICS = {"fulfillments/create", "fulfillments/update"}
# A return that is only requested (or declined) changes nothing for the customer yet.
RETURN_DONE_TOPICS = {"returns/approve", "returns/process", "returns/close"}
PAID_STATUSES = {"paid", "partially_refunded", "refunded"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ShopifyMarketingConsent(_Model):
    state: str | None = None


class ShopifyCustomer(_Model):
    id: PlatformId | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    # The current record (API 2022-04 on); `accepts_marketing` is what older versions send.
    email_marketing_consent: ShopifyMarketingConsent | None = None
    accepts_marketing: bool | None = None


class ShopifyAddress(_Model):
    country_code: str | None = None


class ShopifyLineItem(_Model):
    id: PlatformId
    product_id: PlatformId | None = None
    sku: str | None = None
    # The product's vendor field: what Shopify shops fill with the brand. Any JSON: an odd value
    # is no identifier, not a bad order.
    vendor: Any = None
    title: str | None = None
    name: str | None = None
    quantity: int = Field(ge=0)
    price: Amount

    @property
    def item_key(self) -> str:
        # Custom line items have no product: the line item id stands in, on orders and refunds.
        return self.product_id or f"line:{self.id}"


class ShopifyFulfillment(_Model):
    id: PlatformId
    order_id: PlatformId | None = None
    status: str | None = None
    shipment_status: str | None = None
    created_at: AwareDatetime
    updated_at: AwareDatetime | None = None


class ShopifyRefundLine(_Model):
    line_item_id: PlatformId
    quantity: int = Field(ge=0)
    line_item: ShopifyLineItem | None = None


class ShopifyRefund(_Model):
    id: PlatformId
    order_id: PlatformId
    created_at: AwareDatetime
    refund_line_items: list[ShopifyRefundLine] = []


class ShopifyReturn(_Model):
    id: PlatformId


class ShopifyOrder(_Model):
    id: PlatformId
    email: str | None = None
    contact_email: str | None = None
    created_at: AwareDatetime
    updated_at: AwareDatetime | None = None
    cancelled_at: AwareDatetime | None = None
    financial_status: str | None = None
    fulfillment_status: str | None = None
    currency: str = Field(min_length=3, max_length=3)
    customer_locale: str | None = None
    buyer_accepts_marketing: bool | None = None
    customer: ShopifyCustomer | None = None
    line_items: list[ShopifyLineItem] = Field(min_length=1)
    shipping_address: ShopifyAddress | None = None
    billing_address: ShopifyAddress | None = None
    company: dict[str, object] | None = None
    refunds: list[ShopifyRefund] = []
    fulfillments: list[ShopifyFulfillment] = []
    returns: list[ShopifyReturn] = []
    # Placed through the test gateway (a shop trying its checkout).
    test: bool = False


class ShopifyPrivacyCustomer(_Model):
    id: PlatformId | None = None
    email: str | None = None


class ShopifyPrivacy(_Model):
    customer: ShopifyPrivacyCustomer | None = None
    orders_to_redact: list[PlatformId] = []
    orders_requested: list[PlatformId] = []
    data_request: dict[str, object] | None = None


class ShopifyReturnPayload(_Model):
    id: PlatformId
    order: dict[str, object] | None = None
    order_id: PlatformId | None = None


class ShopifyAdapter:
    platform: Platform = "shopify"

    def is_ping(self, request: WebhookRequest) -> bool:
        return False

    def verify(self, request: WebhookRequest, secrets: list[str]) -> bool:
        return verify_body_hmac(request.body, secrets, request.headers.get("x-shopify-hmac-sha256"))

    @refuses_unmappable
    def parse(self, request: WebhookRequest) -> Delivery:
        topic = request.headers.get("x-shopify-topic", "")
        if not topic:
            raise PayloadError("missing X-Shopify-Topic header")
        delivery_id = request.headers.get("x-shopify-event-id") or request.headers.get(
            "x-shopify-webhook-id"
        )
        if not delivery_id:
            raise PayloadError("missing X-Shopify-Event-Id and X-Shopify-Webhook-Id headers")
        dedupe_key = f"{topic}:{delivery_id}"
        observed_at = _triggered_at(request) or request.received_at
        data = request.json()

        if topic in ORDER_TOPICS:
            order = validate_model(ShopifyOrder, data, topic)
            if order.test:
                # A checkout test is no purchase: nobody to survey, nothing to count.
                return Delivery(topic, dedupe_key, outcome="ignored", payload=data)
            facts = order_facts(order, observed_at)
            return Delivery(topic, dedupe_key, orders=(facts,), order_id=order.id, payload=data)
        if topic in FULFILLMENT_TOPICS:
            fulfillment = validate_model(ShopifyFulfillment, data, topic)
            if fulfillment.order_id is None:
                raise PayloadError(f"{topic}: order_id: missing")
            shipped = _shipping_times([fulfillment])
            facts = OrderFacts(
                order_id=fulfillment.order_id,
                platform="shopify",
                observed_at=observed_at,
                partially_fulfilled_at=shipped.partially_fulfilled_at,
                fulfilled_at=shipped.fulfilled_at,
                delivered_at=shipped.delivered_at,
            )
            return Delivery(
                topic, dedupe_key, orders=(facts,), order_id=fulfillment.order_id, payload=data
            )
        if topic == "refunds/create":
            refund = validate_model(ShopifyRefund, data, topic)
            facts = OrderFacts(
                order_id=refund.order_id,
                platform="shopify",
                observed_at=observed_at,
                refunds=(_refund_fact(refund),),
            )
            return Delivery(
                topic, dedupe_key, orders=(facts,), order_id=refund.order_id, payload=data
            )
        if topic in RETURN_DONE_TOPICS:
            ret = validate_model(ShopifyReturnPayload, data, topic)
            order_id = ret.order_id or _nested_id(ret.order)
            if order_id is None:
                raise PayloadError(f"{topic}: order.id: missing")
            facts = OrderFacts(
                order_id=order_id,
                platform="shopify",
                observed_at=observed_at,
                returns=(ReturnFact(ret.id, observed_at),),
            )
            return Delivery(topic, dedupe_key, orders=(facts,), order_id=order_id, payload=data)
        if topic in ("customers/redact", "customers/data_request", "shop/redact"):
            return Delivery(topic, dedupe_key, privacy=_privacy(topic, data, delivery_id))
        return Delivery(topic, dedupe_key, outcome="ignored", payload=data)


def _triggered_at(request: WebhookRequest) -> datetime | None:
    raw = request.headers.get("x-shopify-triggered-at")
    if not raw:
        return None
    try:
        at = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise PayloadError("X-Shopify-Triggered-At is not an ISO 8601 time") from None
    if at.tzinfo is None:
        raise PayloadError("X-Shopify-Triggered-At has no UTC offset")
    return at


# Shopify's email marketing states. Only an explicit unsubscribe is an objection; a customer
# who never subscribed, or whose double opt-in is still pending, has neither consented nor
# objected. "redacted": the person was erased, nothing may be sent to them.
_CONSENT_STATES: dict[str, MarketingConsent] = {
    "subscribed": "granted",
    "unsubscribed": "denied",
    "redacted": "denied",
}


def marketing_consent(order: ShopifyOrder, customer: ShopifyCustomer) -> MarketingConsent:
    """The customer's email-marketing consent: the state record when the payload has one, else
    the older booleans, where `true` is consent and `false` only a box left unticked at
    checkout (no consent, but no objection either)."""
    record = customer.email_marketing_consent
    if record is not None and record.state:
        return _CONSENT_STATES.get(record.state.lower(), "unknown")
    if order.buyer_accepts_marketing or customer.accepts_marketing:
        return "granted"
    return "unknown"


def order_facts(order: ShopifyOrder, observed_at: datetime) -> OrderFacts:
    customer = order.customer or ShopifyCustomer()
    shipping = order.shipping_address or order.billing_address or ShopifyAddress()
    billing = order.billing_address or shipping
    details = OrderDetails(
        placed_at=order.created_at,
        currency=order.currency.upper(),
        customer=Customer(
            customer_id=customer.id,
            email=clean_email(order.email or order.contact_email or customer.email),
            name=full_name(customer.first_name, customer.last_name),
            locale=order.customer_locale,
            # Billing first, as the other platforms' mappers: the customer's own country (the
            # law of a review request follows it), not where a gift was sent.
            country=country_code(billing.country_code),
            marketing_consent=marketing_consent(order, customer),
        ),
        items=tuple(
            OrderItem(
                product_id=line.item_key,
                sku=line.sku or None,
                # Shopify's order lines carry no barcode or MPN (they are on the variant).
                brand=identifier("brand", line.vendor),
                name=(line.title or line.name or "")[:500],
                quantity=line.quantity,
                unit_price=line.price,
            )
            for line in order.line_items
            if line.quantity > 0
        ),
        shipping_country=country_code(shipping.country_code),
        # Shopify B2B orders belong to a company.
        b2b=order.company is not None,
    )
    if not details.items:
        raise PayloadError("line_items: no line item with a quantity above 0")
    state_at = order.updated_at or observed_at
    paid = order.financial_status in PAID_STATUSES
    refunds = tuple(_refund_fact(r) for r in order.refunds)
    if order.financial_status == "refunded":
        refunds += (full_refund(order.id, state_at),)
    shipped = _shipping_times(order.fulfillments, order.fulfillment_status, state_at)
    return OrderFacts(
        order_id=order.id,
        platform="shopify",
        observed_at=observed_at,
        details=details,
        paid_at=state_at if paid else None,
        partially_fulfilled_at=shipped.partially_fulfilled_at,
        fulfilled_at=shipped.fulfilled_at,
        delivered_at=shipped.delivered_at,
        cancelled_at=order.cancelled_at,
        refunds=refunds,
        returns=tuple(ReturnFact(r.id, state_at) for r in order.returns),
    )


@dataclass(frozen=True)
class _ShippingTimes:
    partially_fulfilled_at: datetime | None
    fulfilled_at: datetime | None
    delivered_at: datetime | None


def _shipping_times(
    fulfillments: list[ShopifyFulfillment],
    order_status: str | None = None,
    state_at: datetime | None = None,
) -> _ShippingTimes:
    active = [f for f in fulfillments if f.status not in ("cancelled", "error", "failure")]
    shipped_at = min((f.created_at for f in active), default=None)
    delivered = [f.updated_at or f.created_at for f in active if f.shipment_status == "delivered"]
    fulfilled_at = partially_at = None
    if order_status == "fulfilled":
        fulfilled_at = max((f.created_at for f in active), default=state_at)
    elif order_status == "partial" or (order_status is None and shipped_at is not None):
        # A fulfillment webhook alone does not say whether the order is complete.
        partially_at = shipped_at or state_at
    return _ShippingTimes(partially_at, fulfilled_at, max(delivered, default=None))


def _refund_fact(refund: ShopifyRefund) -> RefundFact:
    items = tuple(
        RefundedItem(
            product_id=line.line_item.item_key if line.line_item else f"line:{line.line_item_id}",
            quantity=line.quantity,
        )
        for line in refund.refund_line_items
    )
    return RefundFact(refund.id, refund.created_at, full=None, items=items)


def _nested_id(obj: dict[str, object] | None) -> str | None:
    value = (obj or {}).get("id")
    return str(value) if isinstance(value, int | str) and str(value) else None


def _privacy(topic: str, data: object, delivery_id: str) -> PrivacyRequest:
    body = validate_model(ShopifyPrivacy, data, topic)
    customer = body.customer or ShopifyPrivacyCustomer()
    if topic == "shop/redact":
        return PrivacyRequest("shop.redact", request_id=delivery_id)
    if topic == "customers/redact":
        return PrivacyRequest(
            "customer.redact",
            request_id=delivery_id,
            customer_id=customer.id,
            email=clean_email(customer.email),
            order_ids=tuple(body.orders_to_redact),
        )
    request_id = _nested_id(body.data_request) or delivery_id
    return PrivacyRequest(
        "customer.data_request",
        request_id=request_id,
        customer_id=customer.id,
        email=clean_email(customer.email),
        order_ids=tuple(body.orders_requested),
    )
