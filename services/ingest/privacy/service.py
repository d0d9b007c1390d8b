"""GDPR requests arriving from platforms: act on ingest's own data, then tell every other
service through `reviewloop.privacy`."""

import uuid

import asyncpg

from services.ingest.orders import repository as orders
from services.ingest.orders.state import EVENT_NAMESPACE
from services.ingest.privacy import repository as exports
from services.ingest.privacy.schemas import CustomerRedaction, DataExport
from services.ingest.shops import repository as shops
from services.ingest.webhooks import repository as deliveries
from services.ingest.webhooks.adapters.base import PrivacyRequest, clean_email
from shared.db.pool import Connection, Pool
from shared.db.unit_of_work import unit_of_work, within
from shared.events.privacy import (
    CustomerDataRequested,
    CustomerDataRequestedPayload,
    CustomerRedactRequested,
    CustomerRedactRequestedPayload,
    ShopRedactRequested,
    ShopRedactRequestedPayload,
    export_data,
)
from shared.settings_changes import repository as settings_changes

# Services that hold personal data and answer data requests: an export is complete only when
# each has answered (the responder holds review texts, replies and published reviews).
EXPECTED_PARTS = ("ingest", "survey", "notifier", "responder")


class UnknownShop(LookupError):
    """404."""


class NoSuchRequest(LookupError):
    """404."""


class RequestIdUsed(Exception):
    """The shop already made a request with this id: 409."""


async def _start_export(
    conn: Connection, shop_id: str, request: PrivacyRequest, order_ids: list[str]
) -> None:
    """Ingest's own part now; the other services add theirs through customer.data_exported."""
    part = {
        "orders": await exports.orders_of(conn, shop_id, order_ids),
        "reviews": await exports.reviews_of(conn, shop_id, order_ids, request.email),
    }
    await exports.start_export(
        conn,
        shop_id,
        request.request_id,
        request.customer_id,
        request.email,
        order_ids,
        export_data(part),
    )


def _event_id(shop_id: str, request: PrivacyRequest) -> uuid.UUID:
    return uuid.uuid5(EVENT_NAMESPACE, f"{shop_id}|privacy|{request.kind}|{request.request_id}")


async def handle(conn: Connection, shop_id: str, request: PrivacyRequest) -> None:
    """Call inside a transaction."""
    event: CustomerRedactRequested | CustomerDataRequested | ShopRedactRequested
    event_id = _event_id(shop_id, request)
    if request.kind == "shop.redact":
        all_orders = await orders.find_all(conn, shop_id)
        await orders.redact_orders(conn, shop_id, all_orders)
        await deliveries.clear_shop_payloads(conn, shop_id)
        await exports.redact_shop_reviews(conn, shop_id)
        await exports.forget_shop_exports(conn, shop_id)
        # The profile's trail holds the shop's contact and staff addresses.
        await settings_changes.forget_shop(conn, shop_id)
        event = ShopRedactRequested(
            event_id=event_id,
            shop_id=shop_id,
            payload=ShopRedactRequestedPayload(request_id=request.request_id),
        )
    else:
        order_ids = await orders.find_customer_orders(
            conn, shop_id, request.customer_id, request.email, list(request.order_ids)
        )
        # Orders named by the platform but never seen here are passed on all the same.
        named = sorted(set(order_ids) | set(request.order_ids))
        if request.kind == "customer.redact":
            await orders.redact_orders(conn, shop_id, order_ids)
            await deliveries.clear_payloads(conn, shop_id, order_ids)
            review_ids = await exports.redact_reviews(conn, shop_id, named, request.email)
            await exports.forget_exports(conn, shop_id, request.customer_id, request.email, named)
            event = CustomerRedactRequested(
                event_id=event_id,
                shop_id=shop_id,
                payload=CustomerRedactRequestedPayload(
                    request_id=request.request_id,
                    customer_id=request.customer_id,
                    email=request.email,
                    order_ids=named,
                    review_ids=review_ids,
                ),
            )
        else:
            await _start_export(conn, shop_id, request, named)
            event = CustomerDataRequested(
                event_id=event_id,
                shop_id=shop_id,
                payload=CustomerDataRequestedPayload(
                    request_id=request.request_id,
                    customer_id=request.customer_id,
                    email=request.email,
                    order_ids=named,
                ),
            )
    await within(conn).emit(event)


async def request_customer_redaction(pool: Pool, shop_id: str, body: CustomerRedaction) -> str:
    """An operator's customer redaction, handled exactly like a platform's `customers/redact`
    webhook. Returns the request id (generated when not given). Raises UnknownShop or
    RequestIdUsed."""
    request_id = body.request_id or f"operator-{uuid.uuid4()}"
    redaction = PrivacyRequest(
        "customer.redact",
        request_id=request_id,
        customer_id=body.customer_id,
        email=clean_email(str(body.email)) if body.email else None,
        order_ids=tuple(body.order_ids),
    )
    try:
        async with unit_of_work(pool) as uow:
            if await shops.get(uow.conn, shop_id) is None:
                raise UnknownShop(shop_id)
            await handle(uow.conn, shop_id, redaction)
    except asyncpg.UniqueViolationError:
        # The event id derives from (shop, request id): the outbox already holds this request.
        raise RequestIdUsed(request_id) from None
    return request_id


async def data_export(pool: Pool, shop_id: str, request_id: str) -> DataExport:
    """The answer to a data request as assembled so far. Raises NoSuchRequest."""
    async with pool.acquire() as conn:
        export = await exports.get_export(conn, shop_id, request_id)
    if export is None:
        raise NoSuchRequest(request_id)
    missing = [s for s in EXPECTED_PARTS if s not in export["parts"]]
    return DataExport(**export, complete=not missing, missing_parts=missing)
