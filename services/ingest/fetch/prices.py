"""Prices as order events carry them."""

from decimal import ROUND_HALF_UP, Decimal

_PLACES = Decimal("0.0001")


def unit_price(value: Decimal) -> Decimal:
    """Four decimal places at most (OrderItem.unit_price): some APIs answer prices with more."""
    return value.quantize(_PLACES, rounding=ROUND_HALF_UP)
