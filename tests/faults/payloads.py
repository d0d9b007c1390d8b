"""What the platforms send: signed order webhooks (Shopify, WooCommerce, Standard Webhooks) and
review webhooks (Trustpilot, Google, generic), built from one platform-neutral order.

Every timestamp inside a payload is platform time, which the run controls (see `PlatformTime`
in load.py); the signatures and the Standard Webhooks `webhook-timestamp` use the real clock,
as a platform's would.
"""

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from tests.support.platforms import shopify_headers, standard_headers, woo_headers


@dataclass(frozen=True)
class Product:
    product_id: str
    name: str
    category: str | None
    price: Decimal


CATALOGUE = (
    Product("tea-green", "Green tea", "Food", Decimal("4.50")),
    Product("coffee", "Coffee beans", "Food & Beverages", Decimal("12.90")),
    Product("cat-food", "Cat food", "Pet supplies", Decimal("19.00")),
    Product("serum", "Face serum", "Cosmetics", Decimal("24.00")),
    Product("sneakers", "Running shoes", "Shoes", Decimal("89.00")),
    Product("teapot", "Teapot", "Home & Kitchen", Decimal("35.00")),
    Product("headphones", "Headphones", "Electronics", Decimal("129.00")),
    Product("mystery", "Mystery box", None, Decimal("15.00")),
)


@dataclass
class Line:
    line_id: int
    product: Product
    quantity: int


@dataclass
class OrderSpec:
    """One order as the shop's platform knows it; the lifecycle fills the dates."""

    shop_id: str
    platform: str
    order_id: str
    email: str | None
    lines: list[Line]
    b2b: bool = False
    placed_at: datetime | None = None
    paid_at: datetime | None = None
    fulfilled_at: datetime | None = None
    delivered_at: datetime | None = None
    cancelled_at: datetime | None = None
    # (refund id, refunded at, refunded line ids; all lines = full refund)
    refunds: list[tuple[str, datetime, list[int]]] = field(default_factory=list)
    # Platform time of the last change (WooCommerce identifies deliveries by it: seconds).
    modified_at: datetime | None = None


@dataclass(frozen=True)
class Request:
    """One delivery: send it again unchanged for a duplicate (same delivery identity)."""

    url_path: str
    body: bytes
    headers: dict[str, str]
    # Standard Webhooks signatures expire after 5 minutes: re-sign with the same id.
    resign: tuple[str, str] | None = None  # (msg id, secret)

    def fresh_headers(self) -> dict[str, str]:
        if self.resign is None:
            return self.headers
        msg_id, secret = self.resign
        return standard_headers(self.body, secret, msg_id=msg_id)


def iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _woo_time(at: datetime | None) -> str | None:
    return None if at is None else at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


# -- Standard Webhooks: Reviewloop's own order document ---------------------------------------


def standard_order(order: OrderSpec, secret: str, kind: str, now: datetime) -> Request:
    assert order.placed_at is not None
    data: dict[str, Any] = {
        "order_id": order.order_id,
        "updated_at": iso(now),
        "placed_at": iso(order.placed_at),
        "currency": "EUR",
        "customer": {
            "customer_id": f"c-{order.order_id}",
            "email": order.email,
            "name": "Ana Novak",
            "locale": "en",
            "country": "SI",
        },
        "items": [
            {
                "product_id": line.product.product_id,
                "name": line.product.name,
                "category": line.product.category,
                "quantity": line.quantity,
                "unit_price": _money(line.product.price),
            }
            for line in order.lines
        ],
        "shipping_country": "SI",
        "b2b": order.b2b,
    }
    for name in ("paid_at", "fulfilled_at", "delivered_at", "cancelled_at"):
        value = getattr(order, name)
        if value is not None:
            data[name] = iso(value)
    by_id = {line.line_id: line for line in order.lines}
    data["refunds"] = [
        {
            "refund_id": refund_id,
            "refunded_at": iso(at),
            "full": len(line_ids) == len(order.lines),
            "items": [
                {"product_id": by_id[i].product.product_id, "quantity": by_id[i].quantity}
                for i in line_ids
            ],
        }
        for refund_id, at, line_ids in order.refunds
    ]
    body = json.dumps({"type": kind, "timestamp": iso(now), "data": data}).encode()
    msg_id = f"msg_{uuid.uuid4().hex}"
    return Request(
        f"/webhooks/standard/{order.shop_id}",
        body,
        standard_headers(body, secret, msg_id=msg_id),
        resign=(msg_id, secret),
    )


# -- Shopify -----------------------------------------------------------------------------------


def platform_product_id(product: Product) -> int:
    """Shopify and WooCommerce number their products."""
    return 7000 + CATALOGUE.index(product)


def _shopify_line(line: Line) -> dict[str, Any]:
    return {
        "id": line.line_id,
        "product_id": platform_product_id(line.product),
        "sku": line.product.product_id,
        "title": line.product.name,
        "name": line.product.name,
        "quantity": line.quantity,
        "price": _money(line.product.price),
    }


def shopify_order_body(
    order: OrderSpec, now: datetime, fulfillment_status: str | None
) -> dict[str, Any]:
    assert order.placed_at is not None
    body: dict[str, Any] = {
        "id": int(order.order_id),
        "email": order.email,
        "contact_email": order.email,
        "created_at": iso(order.placed_at),
        "updated_at": iso(now),
        "cancelled_at": iso(order.cancelled_at) if order.cancelled_at else None,
        "financial_status": "paid",
        "fulfillment_status": fulfillment_status,
        "currency": "EUR",
        "customer_locale": "en",
        "customer": {
            "id": int(order.order_id) + 7,
            "email": order.email,
            "first_name": "Ana",
            "last_name": "Novak",
        },
        "line_items": [_shopify_line(line) for line in order.lines],
        "shipping_address": {"country_code": "SI"},
        "billing_address": {"country_code": "SI"},
        "fulfillments": [],
        "refunds": [],
    }
    if order.b2b:
        body["company"] = {"id": 4242, "location_id": 1}
    if order.fulfilled_at is not None:
        body["fulfillments"] = [
            {
                "id": int(order.order_id) * 10 + 1,
                "order_id": int(order.order_id),
                "status": "success",
                "shipment_status": None,
                "created_at": iso(order.fulfilled_at),
                "updated_at": iso(order.fulfilled_at),
            }
        ]
    return body


def shopify(
    order: OrderSpec, secret: str, topic: str, payload: dict[str, Any], now: datetime
) -> Request:
    body = json.dumps(payload).encode()
    headers = shopify_headers(
        body, secret, topic, event_id=str(uuid.uuid4()), triggered_at=iso(now)
    )
    return Request(f"/webhooks/shopify/{order.shop_id}", body, headers)


def shopify_fulfillment(order: OrderSpec, delivered: bool) -> dict[str, Any]:
    assert order.fulfilled_at is not None
    return {
        "id": int(order.order_id) * 10 + 1,
        "order_id": int(order.order_id),
        "status": "success",
        "shipment_status": "delivered" if delivered else None,
        "created_at": iso(order.fulfilled_at),
        "updated_at": iso(
            order.delivered_at if delivered and order.delivered_at else order.fulfilled_at
        ),
    }


def shopify_refund(
    order: OrderSpec, refund_id: str, at: datetime, line_ids: list[int]
) -> dict[str, Any]:
    by_id = {line.line_id: line for line in order.lines}
    return {
        "id": int(refund_id),
        "order_id": int(order.order_id),
        "created_at": iso(at),
        "refund_line_items": [
            {
                "line_item_id": i,
                "quantity": by_id[i].quantity,
                "line_item": _shopify_line(by_id[i]),
            }
            for i in line_ids
        ],
    }


# -- WooCommerce -------------------------------------------------------------------------------


def woo(order: OrderSpec, secret: str, status: str) -> Request:
    assert order.placed_at is not None and order.modified_at is not None
    payload: dict[str, Any] = {
        "id": int(order.order_id),
        "status": status,
        "currency": "EUR",
        "date_created_gmt": _woo_time(order.placed_at),
        "date_modified_gmt": _woo_time(order.modified_at),
        "date_paid_gmt": _woo_time(order.paid_at),
        "date_completed_gmt": _woo_time(order.fulfilled_at) if status == "completed" else None,
        "customer_id": 0,
        "billing": {
            "first_name": "Ana",
            "last_name": "Novak",
            "email": order.email or "",
            "country": "SI",
        },
        "shipping": {"first_name": "Ana", "last_name": "Novak", "country": "SI"},
        "line_items": [
            {
                "id": line.line_id,
                "name": line.product.name,
                "product_id": platform_product_id(line.product),
                "quantity": line.quantity,
                "price": float(line.product.price),
                "sku": line.product.product_id,
            }
            for line in order.lines
        ],
        "refunds": [{"id": int(r[0])} for r in order.refunds],
    }
    body = json.dumps(payload).encode()
    topic = "order.created" if status == "processing" and not order.refunds else "order.updated"
    return Request(f"/webhooks/woocommerce/{order.shop_id}", body, woo_headers(body, secret, topic))


# -- Reviews -----------------------------------------------------------------------------------


@dataclass
class ReviewSpec:
    shop_id: str
    source: str  # trustpilot | google | generic
    review_id: str
    rating: int
    title: str
    text: str
    sentiment: str  # what the text is written to be: negative | neutral | positive
    created_at: datetime
    reference: str | None = None  # an order id of the shop (Trustpilot's referenceId)

    @property
    def stored_id(self) -> str:
        return f"{self.source}:{self.review_id}"


GOOGLE_STARS = {1: "ONE", 2: "TWO", 3: "THREE", 4: "FOUR", 5: "FIVE"}


def review_request(review: ReviewSpec, secret: str, updated_at: datetime | None) -> Request:
    if review.source == "trustpilot":
        data: dict[str, Any] = {
            "id": review.review_id,
            "language": "en",
            "title": review.title,
            "text": review.text,
            "stars": review.rating,
            "createdAt": iso(review.created_at),
            "isVerified": review.reference is not None,
            "consumer": {"id": f"tp-{review.review_id}", "name": "Jane"},
        }
        if review.reference:
            data["referenceId"] = review.reference
        if updated_at is not None:
            data["updatedAt"] = iso(updated_at)
        name = "service-review-updated" if updated_at else "service-review-created"
        payload: dict[str, Any] = {"events": [{"eventName": name, "eventData": data}]}
    elif review.source == "google":
        payload = {
            "reviewId": review.review_id,
            "starRating": GOOGLE_STARS[review.rating],
            "comment": f"{review.title}. {review.text}",
            "reviewer": {"displayName": "Jane"},
            "createTime": iso(review.created_at),
            "updateTime": iso(updated_at or review.created_at),
        }
    else:
        payload = {
            "type": "review.updated" if updated_at else "review.created",
            "data": {
                "review_id": review.review_id,
                "rating": review.rating,
                "title": review.title,
                "text": review.text,
                "language": "en",
                "created_at": iso(review.created_at),
                **({"updated_at": iso(updated_at)} if updated_at else {}),
                "reviewer": {"name": "Jane", "email": f"r-{review.review_id}@example.net"},
            },
        }
    body = json.dumps(payload).encode()
    msg_id = f"msg_{uuid.uuid4().hex}"
    return Request(
        f"/reviews/{review.source}/{review.shop_id}",
        body,
        standard_headers(body, secret, msg_id=msg_id),
        resign=(msg_id, secret),
    )
