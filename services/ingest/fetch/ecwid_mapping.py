"""A fetched Ecwid order (REST API v3) as order facts. Ecwid reports states, not events: paid,
shipped and delivered are read from `paymentStatus` and `fulfillmentStatus` at the order's last
update time."""

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from services.ingest.fetch.prices import unit_price
from services.ingest.fetch.transport import OrderNotReady
from services.ingest.orders.facts import (
    OrderDetails,
    OrderFacts,
    RefundFact,
    ReturnFact,
    full_refund,
)
from services.ingest.webhooks.adapters.base import (
    PayloadError,
    clean_email,
    country_code,
    full_name,
    validate_model,
)
from services.ingest.webhooks.adapters.ids import PlatformId
from shared.events.orders import Customer, OrderItem

# Abandoned checkouts are orders with this payment status in Ecwid.
INCOMPLETE = "INCOMPLETE"
PAID = {"PAID", "PARTIALLY_REFUNDED", "REFUNDED"}
# Out of the shop's hands; RETURNED was shipped before it came back.
SHIPPED = {"SHIPPED", "OUT_FOR_DELIVERY", "READY_FOR_PICKUP", "DELIVERED", "RETURNED"}
DELIVERED = "DELIVERED"
RETURNED = "RETURNED"
# The shop will not deliver: as good as cancelled for the customer.
WILL_NOT_DELIVER = "WILL_NOT_DELIVER"


def _ecwid_date(value: Any) -> Any:
    # "2018-05-31 15:08:36 +0000"
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return value
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S %z")
    except ValueError:
        raise ValueError("not an Ecwid date (YYYY-MM-DD hh:mm:ss +zzzz)") from None


EcwidDate = Annotated[datetime, BeforeValidator(_ecwid_date)]
OptionalEcwidDate = Annotated[datetime | None, BeforeValidator(_ecwid_date)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class EcwidPerson(_Model):
    name: str | None = None
    firstName: str | None = None
    lastName: str | None = None
    countryCode: str | None = None


class EcwidItem(_Model):
    id: PlatformId | None = None
    productId: PlatformId | None = None
    sku: str | None = None
    name: str = ""
    quantity: int = Field(ge=0)
    price: Decimal = Field(default=Decimal(0), ge=0)

    @property
    def item_key(self) -> str:
        if self.productId not in (None, "0"):
            return self.productId
        return f"line:{self.id or self.sku or self.name}"


class EcwidRefund(_Model):
    date: OptionalEcwidDate = None
    amount: Decimal | None = None


class EcwidOrder(_Model):
    email: str | None = None
    createDate: EcwidDate
    updateDate: OptionalEcwidDate = None
    paymentStatus: str | None = None
    fulfillmentStatus: str | None = None
    customerId: PlatformId | None = None
    lang: str | None = None
    b2b_b2c: str | None = None
    # Ticked at checkout: the customer accepts marketing emails. Unticked is no objection.
    acceptMarketing: bool | None = None
    items: list[EcwidItem] = []
    billingPerson: EcwidPerson | None = None
    shippingPerson: EcwidPerson | None = None
    refunds: list[EcwidRefund] = []


def order_facts(order_id: str, data: Any, currency: str) -> OrderFacts:
    """`currency` is the store's (Ecwid orders do not name theirs). Raises OrderNotReady for an
    unfinished checkout, PayloadError when unmappable."""
    order = validate_model(EcwidOrder, data, "ecwid order")
    payment = (order.paymentStatus or "").upper()
    fulfillment = (order.fulfillmentStatus or "").upper()
    if payment == INCOMPLETE:
        raise OrderNotReady("the order is INCOMPLETE (checkout not finished)")
    at = order.updateDate or order.createDate
    return OrderFacts(
        order_id=order_id,
        platform="ecwid",
        observed_at=at,
        details=_details(order, currency),
        paid_at=at if payment in PAID else None,
        fulfilled_at=at if fulfillment in SHIPPED else None,
        delivered_at=at if fulfillment == DELIVERED else None,
        cancelled_at=at if payment == "CANCELLED" or fulfillment == WILL_NOT_DELIVER else None,
        refunds=_refunds(order_id, order, payment, at),
        returns=(ReturnFact(f"order:{order_id}:returned", at),) if fulfillment == RETURNED else (),
    )


def _details(order: EcwidOrder, currency: str) -> OrderDetails:
    billing = order.billingPerson or order.shippingPerson or EcwidPerson()
    shipping = order.shippingPerson or billing
    items = tuple(
        OrderItem(
            product_id=item.item_key,
            sku=item.sku or None,
            name=item.name[:500],
            quantity=item.quantity,
            unit_price=unit_price(item.price),
        )
        for item in order.items
        if item.quantity > 0
    )
    if not items:
        raise PayloadError("ecwid order: items: no item with a quantity above 0")
    return OrderDetails(
        placed_at=order.createDate,
        currency=currency,
        customer=Customer(
            customer_id=order.customerId if order.customerId not in (None, "0") else None,
            email=clean_email(order.email),
            name=billing.name or full_name(billing.firstName, billing.lastName),
            locale=order.lang or None,
            country=country_code(billing.countryCode),
            marketing_consent="granted" if order.acceptMarketing else "unknown",
        ),
        items=items,
        shipping_country=country_code(shipping.countryCode),
        b2b=(order.b2b_b2c or "").lower() == "b2b",
    )


def _refunds(
    order_id: str, order: EcwidOrder, payment: str, at: datetime
) -> tuple[RefundFact, ...]:
    # Ecwid lists refunds without ids: their time and amount identify them, so a later fetch of
    # the same order names the same refunds.
    refunds = tuple(
        RefundFact(_refund_id(refund, index), refund.date or at)
        for index, refund in enumerate(order.refunds)
    )
    if payment == "REFUNDED":
        refunds += (full_refund(order_id, at),)
    elif payment == "PARTIALLY_REFUNDED" and not refunds:
        # Not every payment method lists its refunds: the status alone names one refund.
        refunds = (RefundFact(f"order:{order_id}:partial", at, full=False),)
    return refunds


def _refund_id(refund: EcwidRefund, index: int) -> str:
    when = refund.date.isoformat() if refund.date else f"#{index}"
    amount = format((refund.amount or Decimal(0)).normalize(), "f")
    return f"refund:{when}:{amount}"
