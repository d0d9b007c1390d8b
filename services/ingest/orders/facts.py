"""What one platform message says about one order, in platform-neutral terms.

Adapters turn webhook payloads into `OrderFacts`; `state.apply` compares them with what ingest
already announced and decides which order events to emit.
"""

from dataclasses import dataclass
from datetime import datetime

from shared.events.orders import Customer, OrderItem, Platform, RefundedItem


@dataclass(frozen=True)
class OrderDetails:
    placed_at: datetime
    currency: str
    customer: Customer
    items: tuple[OrderItem, ...]
    shipping_country: str | None = None
    b2b: bool = False


@dataclass(frozen=True)
class RefundFact:
    refund_id: str
    refunded_at: datetime
    # None: the message does not say; decided from the order's items when they are known.
    full: bool | None = None
    items: tuple[RefundedItem, ...] = ()


def full_refund(order_id: str, at: datetime) -> RefundFact:
    """The platform says the whole order is refunded (a status, not one refund's lines). Its
    own id means it is announced once, even after partial refunds were."""
    return RefundFact(f"order:{order_id}:full", at, full=True)


@dataclass(frozen=True)
class ReturnFact:
    return_id: str
    returned_at: datetime


@dataclass(frozen=True)
class OrderFacts:
    order_id: str
    platform: Platform
    # The platform's time for this state (updated_at, triggered-at): older details never
    # overwrite newer ones, whatever order deliveries arrive in.
    observed_at: datetime
    details: OrderDetails | None = None
    paid_at: datetime | None = None
    partially_fulfilled_at: datetime | None = None
    fulfilled_at: datetime | None = None
    delivered_at: datetime | None = None
    cancelled_at: datetime | None = None
    refunds: tuple[RefundFact, ...] = ()
    returns: tuple[ReturnFact, ...] = ()
    # Thin payloads (BigCommerce, Ecwid) name the order but the details must be fetched.
    needs_fetch: bool = False
