"""Product identifiers from an order line (GTIN, MPN, brand), as the platform sent them.

Ingest records them and does not judge them: Google's review feed decides which ones it can
use (a GTIN with a valid check digit, say). A value that does not fit the event's field is no
identifier at all, so it is dropped rather than cut (a cut GTIN names another product)."""

from typing import Literal

from shared.events.orders import OrderItem

Identifier = Literal["gtin", "mpn", "brand"]

_LIMITS = {
    name: field.metadata
    for name, field in OrderItem.model_fields.items()
    if name in ("gtin", "mpn", "brand")
}


def _max_length(name: Identifier) -> int:
    for constraint in _LIMITS[name]:
        limit = getattr(constraint, "max_length", None)
        if isinstance(limit, int):
            return limit
    raise LookupError(name)  # pragma: no cover - OrderItem declares all three


def identifier(name: Identifier, value: object) -> str | None:
    """`value` trimmed, or None when empty, not text or a number, or too long for `name`."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    if not text or len(text) > _max_length(name):
        return None
    return text
