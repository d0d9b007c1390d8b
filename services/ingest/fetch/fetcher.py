"""One fetch: ask the platform the shop's credentials are for, map its answer to order facts."""

from typing import Any, TypeVar

import httpx
from pydantic import ValidationError

from services.ingest.fetch import bigcommerce, bigcommerce_mapping, ecwid, ecwid_mapping
from services.ingest.fetch.transport import FetchError
from services.ingest.orders.facts import OrderFacts
from services.ingest.shops.schemas import BigCommerceCredentials, EcwidCredentials
from services.ingest.webhooks.adapters.base import PayloadError, check_times

C = TypeVar("C", BigCommerceCredentials, EcwidCredentials)


async def fetch_facts(
    http: httpx.AsyncClient, platform: str, credentials: dict[str, Any], order_id: str
) -> OrderFacts:
    """Raises FetchError (OrderNotFound, OrderNotReady among them) or PayloadError."""
    try:
        if platform == "bigcommerce":
            bc = _credentials(BigCommerceCredentials, credentials)
            data = await bigcommerce.fetch_order(http, bc, order_id)
            return _checked(bigcommerce_mapping.order_facts(order_id, data))
        if platform == "ecwid":
            ec = _credentials(EcwidCredentials, credentials)
            order = await ecwid.fetch_order(http, ec, order_id)
            return _checked(ecwid_mapping.order_facts(order_id, order, ec.currency))
    except ValidationError as exc:
        # The platform's values did not fit an order event (a name too long, a bad locale).
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "value"
        raise PayloadError(f"{platform} order: {where}: {first['msg']}") from None
    raise FetchError(f"no order API for platform {platform!r}")


def _checked(facts: OrderFacts) -> OrderFacts:
    check_times(facts)  # PayloadError: the order's times are out of bounds
    return facts


def _credentials(model: type[C], stored: dict[str, Any]) -> C:
    try:
        return model.model_validate(stored)
    except ValidationError:
        raise FetchError("the stored API credentials are not valid: set them again") from None
