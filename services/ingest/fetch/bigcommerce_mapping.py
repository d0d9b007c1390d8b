"""A fetched BigCommerce order (v2 order, products, shipping addresses; v3 refunds) as order
facts. Status ids mean what they mean in `store/order/statusUpdated` webhooks, read with the
order's own times instead of the webhook's."""

from datetime import UTC, datetime
from decimal import Decimal
from email.utils import parsedate_to_datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from services.ingest.fetch.bigcommerce import BigCommerceOrderData
from services.ingest.fetch.prices import unit_price
from services.ingest.fetch.transport import OrderNotReady
from services.ingest.orders.facts import OrderDetails, OrderFacts, RefundFact, full_refund
from services.ingest.webhooks.adapters.base import (
    PayloadError,
    clean_email,
    country_code,
    full_name,
    validate_model,
)
from services.ingest.webhooks.adapters.bigcommerce import (
    CANCELLED,
    COMPLETED,
    DECLINED,
    PAID_STATUSES,
    PARTIALLY_REFUNDED,
    PARTIALLY_SHIPPED,
    REFUNDED,
    SHIPPED,
)
from services.ingest.webhooks.adapters.identifiers import identifier
from services.ingest.webhooks.adapters.ids import PlatformId
from shared.events.orders import Customer, OrderItem, RefundedItem

# Status 0: checkout not finished (orders paid online start there). Not an order yet.
INCOMPLETE = 0
# Money comes back only once it was taken.
REFUNDED_STATUSES = {REFUNDED, PARTIALLY_REFUNDED}


def _rfc2822(value: Any) -> Any:
    # v2 dates look like "Tue, 05 Mar 2019 21:40:11 +0000"; unset ones are "".
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return value
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        raise ValueError("not an RFC 2822 date") from None
    # "-0000" (UTC, source unknown) parses without a zone.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _empty_is_none(value: Any) -> Any:
    return None if value == "" else value


def _utc_if_naive(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value and value.tzinfo is None else value


Rfc2822 = Annotated[datetime, BeforeValidator(_rfc2822)]
OptionalRfc2822 = Annotated[datetime | None, BeforeValidator(_rfc2822)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class BcAddress(_Model):
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    country_iso2: str | None = None


class BcOrder(_Model):
    id: PlatformId
    customer_id: PlatformId | None = None  # 0 for guests
    date_created: Rfc2822
    date_modified: OptionalRfc2822 = None
    date_shipped: OptionalRfc2822 = None  # when fully shipped
    status_id: int
    is_deleted: bool = False
    # The transactional currency (what the shopper paid in); currency_code is the display one.
    default_currency_code: str | None = None
    currency_code: str | None = None
    customer_locale: str | None = None
    billing_address: BcAddress = BcAddress()


class BcProduct(_Model):
    id: PlatformId  # the order line: what refunds refer to
    product_id: PlatformId | None = None  # 0 for custom products
    parent_order_product_id: PlatformId | None = None  # set on the parts of a bundle
    name: str = ""
    sku: str | None = None
    # A GTIN (UPC, EAN, ...) as the merchant entered it, and the brand's name. Any JSON: an odd
    # value is no identifier, not a bad order.
    upc: Any = None
    brand: Any = None
    quantity: int = Field(ge=0)
    base_price: Decimal | None = Field(default=None, ge=0)
    price_ex_tax: Decimal | None = Field(default=None, ge=0)

    @property
    def item_key(self) -> str:
        return self.product_id if self.product_id not in (None, "0") else f"line:{self.id}"


class BcShippingAddress(_Model):
    country_iso2: str | None = None


class BcRefundItem(_Model):
    item_type: str
    item_id: PlatformId
    quantity: int | None = Field(default=None, ge=0)


class BcRefund(_Model):
    id: PlatformId  # the refund_id of store/order/refund/created webhooks
    created: Annotated[
        datetime | None, BeforeValidator(_empty_is_none), AfterValidator(_utc_if_naive)
    ] = None
    items: list[BcRefundItem] = []


class BcFetched(_Model):
    order: BcOrder
    products: list[BcProduct]
    shipping_addresses: list[BcShippingAddress] = []
    refunds: list[BcRefund] = []


def order_facts(order_id: str, data: BigCommerceOrderData) -> OrderFacts:
    """Raises OrderNotReady for an unfinished checkout, PayloadError when unmappable."""
    fetched = validate_model(
        BcFetched,
        {
            "order": data.order,
            "products": data.products,
            "shipping_addresses": data.shipping_addresses,
            "refunds": data.refunds,
        },
        "bigcommerce order",
    )
    order = fetched.order
    status = order.status_id
    if status == INCOMPLETE:
        raise OrderNotReady("the order is Incomplete (checkout not finished)")
    at = order.date_modified or order.date_created
    refunds = tuple(_refund_fact(r, fetched.products, at) for r in fetched.refunds)
    if status == REFUNDED:
        refunds += (full_refund(order_id, at),)
    return OrderFacts(
        order_id=order_id,
        platform="bigcommerce",
        observed_at=at,
        details=_details(fetched),
        paid_at=at if status in PAID_STATUSES | REFUNDED_STATUSES else None,
        partially_fulfilled_at=at if status == PARTIALLY_SHIPPED else None,
        fulfilled_at=order.date_shipped or (at if status in (SHIPPED, COMPLETED) else None),
        cancelled_at=at if status in (CANCELLED, DECLINED) or order.is_deleted else None,
        refunds=refunds,
    )


def _details(fetched: BcFetched) -> OrderDetails:
    order = fetched.order
    billing = order.billing_address
    currency = (order.default_currency_code or order.currency_code or "").upper()
    if len(currency) != 3 or not (currency.isascii() and currency.isalpha()):
        raise PayloadError("bigcommerce order: default_currency_code: not a currency code")
    items = tuple(
        OrderItem(
            product_id=p.item_key,
            sku=p.sku or None,
            gtin=identifier("gtin", p.upc),
            brand=identifier("brand", p.brand),
            name=p.name[:500],
            quantity=p.quantity,
            unit_price=unit_price(_price(p)),
        )
        for p in fetched.products
        # The parts of a bundle are in the bundle's line already.
        if p.quantity > 0 and p.parent_order_product_id in (None, "0")
    )
    if not items:
        raise PayloadError("bigcommerce order: products: no product with a quantity above 0")
    shipped_to = [c for a in fetched.shipping_addresses if (c := country_code(a.country_iso2))]
    return OrderDetails(
        placed_at=order.date_created,
        currency=currency,
        customer=Customer(
            customer_id=order.customer_id if order.customer_id not in (None, "0") else None,
            email=clean_email(billing.email),
            name=full_name(billing.first_name, billing.last_name),
            locale=order.customer_locale or None,
            country=country_code(billing.country_iso2),
        ),
        items=items,
        shipping_country=shipped_to[0] if shipped_to else country_code(billing.country_iso2),
    )


def _price(product: BcProduct) -> Decimal:
    for price in (product.base_price, product.price_ex_tax):
        if price is not None:
            return price
    return Decimal(0)


def _refund_fact(refund: BcRefund, products: list[BcProduct], at: datetime) -> RefundFact:
    lines = {p.id: p.item_key for p in products}
    return RefundFact(
        refund.id,
        refund.created or at,
        # Left open: decided from the refunded quantities against the ordered ones.
        full=None,
        items=tuple(
            RefundedItem(product_id=lines[item.item_id], quantity=item.quantity or 0)
            for item in refund.items
            if item.item_type == "PRODUCT" and item.item_id in lines
        ),
    )
