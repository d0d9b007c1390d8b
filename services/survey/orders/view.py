"""The order as survey knows it (folded from order events)."""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from shared.events.orders import MarketingConsent


@dataclass(frozen=True)
class Item:
    product_id: str
    name: str
    category: str | None
    quantity: int
    unit_price: Decimal
    # Position in the order's list of lines: the key of a rating, since two lines (variants of
    # one product) can share a product id.
    line: int = 0


@dataclass(frozen=True)
class OrderView:
    shop_id: str
    order_id: str
    customer_email: str | None = None
    customer_name: str | None = None
    locale: str | None = None
    country: str | None = None
    shipping_country: str | None = None
    b2b: bool = False
    marketing_consent: MarketingConsent = "unknown"
    items: tuple[Item, ...] = ()
    refunded: dict[str, int] = field(default_factory=dict)
    placed_at: datetime | None = None
    fulfilled_at: datetime | None = None
    delivered_at: datetime | None = None
    cancelled_at: datetime | None = None
    fully_refunded: bool = False
    returned: bool = False
    redacted: bool = False

    def remaining_items(self) -> list[Item]:
        """Items still with the customer after partial refunds, most expensive first. Refunds
        name products, not lines: a product's refunded quantity is taken from its lines in
        order."""
        unassigned = dict(self.refunded)
        left = []
        for item in self.items:
            refunded = min(item.quantity, unassigned.get(item.product_id, 0))
            unassigned[item.product_id] = unassigned.get(item.product_id, 0) - refunded
            if item.quantity - refunded > 0:
                left.append(item)
        return sorted(left, key=lambda i: i.unit_price, reverse=True)

    def service_only(self) -> bool:
        """Nothing is left with the customer (returned, every item refunded, or cancelled after
        it shipped): a survey asks about the shop and its service, the return included, and
        rates no product. (Cancelled before shipping is not surveyed at all.)"""
        return (
            self.returned
            or self.fully_refunded
            or self.cancelled_at is not None
            or bool(self.items and not self.remaining_items())
        )

    def cancelled_before_shipping(self) -> bool:
        if self.cancelled_at is None:
            return False
        shipped = [t for t in (self.fulfilled_at, self.delivered_at) if t is not None]
        return not any(t <= self.cancelled_at for t in shipped)

    def survey_items(self, max_products: int) -> list[Item]:
        """The products a survey asks to rate: those kept, most expensive first."""
        return [] if self.service_only() else self.remaining_items()[:max_products]
