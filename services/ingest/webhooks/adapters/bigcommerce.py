"""BigCommerce webhooks: Standard Webhooks signatures; thin payloads (`scope`, `data.id`,
`hash`) that name the order but carry no details. Status changes, refunds and shipments are
facts on their own; the order's customer and items must be fetched from the store's API
(`needs_fetch`). Deliveries are identified by `hash`."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict

from services.ingest.orders.facts import OrderFacts, RefundFact, full_refund
from services.ingest.webhooks.adapters.base import (
    Delivery,
    WebhookRequest,
    from_unix,
    refuses_unmappable,
    validate_model,
)
from services.ingest.webhooks.adapters.ids import PlatformId
from services.ingest.webhooks.signatures import verify_standard
from shared.events.orders import Platform

# BigCommerce order status ids (v2 Orders API).
SHIPPED, PARTIALLY_SHIPPED, REFUNDED, CANCELLED, DECLINED = 2, 3, 4, 5, 6
AWAITING_SHIPMENT, COMPLETED, AWAITING_FULFILLMENT, PARTIALLY_REFUNDED = 9, 10, 11, 14
PAID_STATUSES = {SHIPPED, PARTIALLY_SHIPPED, AWAITING_SHIPMENT, COMPLETED, AWAITING_FULFILLMENT}


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class BcStatus(_Model):
    previous_status_id: int | None = None
    new_status_id: int


class BcRefund(_Model):
    refund_id: PlatformId


class BcData(_Model):
    type: str | None = None
    id: PlatformId
    orderId: PlatformId | None = None
    status: BcStatus | None = None
    refund: BcRefund | None = None


class BcPayload(_Model):
    scope: str
    data: BcData
    hash: str
    created_at: int


class BigCommerceAdapter:
    platform: Platform = "bigcommerce"

    def is_ping(self, request: WebhookRequest) -> bool:
        return False

    def verify(self, request: WebhookRequest, secrets: list[str]) -> bool:
        return verify_standard(request.headers, request.body, secrets, request.received_at)

    @refuses_unmappable
    def parse(self, request: WebhookRequest) -> Delivery:
        data = request.json()
        body = validate_model(BcPayload, data, "bigcommerce webhook")
        scope, at = body.scope, from_unix(body.created_at, "bigcommerce webhook: created_at")
        key = f"hash:{body.hash}"
        if scope.startswith("store/shipment/"):
            order_id = body.data.orderId or ""
            if not order_id:
                return Delivery(scope, key, outcome="ignored", payload=data)
            facts = OrderFacts(
                order_id, "bigcommerce", at, partially_fulfilled_at=at, needs_fetch=True
            )
            return Delivery(scope, key, "needs_fetch", (facts,), order_id=order_id, payload=data)
        if not scope.startswith("store/order/"):
            return Delivery(scope, key, outcome="ignored", payload=data)

        order_id = body.data.id
        facts = OrderFacts(order_id, "bigcommerce", at, needs_fetch=True)
        if scope == "store/order/refund/created" and body.data.refund is not None:
            facts = OrderFacts(
                order_id,
                "bigcommerce",
                at,
                refunds=(RefundFact(body.data.refund.refund_id, at),),
                needs_fetch=True,
            )
        elif scope == "store/order/statusUpdated" and body.data.status is not None:
            facts = _status_facts(order_id, body.data.status.new_status_id, at)
        return Delivery(scope, key, "needs_fetch", (facts,), order_id=order_id, payload=data)


def _status_facts(order_id: str, status: int, at: datetime) -> OrderFacts:
    return OrderFacts(
        order_id,
        "bigcommerce",
        at,
        paid_at=at if status in PAID_STATUSES else None,
        partially_fulfilled_at=at if status == PARTIALLY_SHIPPED else None,
        fulfilled_at=at if status in (SHIPPED, COMPLETED) else None,
        cancelled_at=at if status in (CANCELLED, DECLINED) else None,
        refunds=(full_refund(order_id, at),) if status == REFUNDED else (),
        needs_fetch=True,
    )
