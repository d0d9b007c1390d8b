"""Ecwid webhooks: `X-Ecwid-Webhook-Signature` = base64(HMAC-SHA256("{eventCreated}.{eventId}",
client secret)). The body is not signed, so nothing in it is trusted beyond the event's identity:
the delivery is recorded (deduplicated on `eventId`) and the order it names is marked for a
fetch from Ecwid's API, whose answer is what becomes order events."""

from pydantic import BaseModel, ConfigDict

from services.ingest.orders.facts import OrderFacts
from services.ingest.webhooks.adapters.base import (
    Delivery,
    PayloadError,
    WebhookRequest,
    from_unix,
    refuses_unmappable,
    validate_model,
)
from services.ingest.webhooks.adapters.ids import PlatformId
from services.ingest.webhooks.signatures import verify_ecwid
from shared.events.orders import Platform


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class EcwidData(_Model):
    orderId: PlatformId | None = None


class EcwidPayload(_Model):
    eventId: PlatformId
    eventCreated: int
    eventType: str
    entityId: PlatformId | None = None
    data: EcwidData = EcwidData()


class EcwidAdapter:
    platform: Platform = "ecwid"

    def is_ping(self, request: WebhookRequest) -> bool:
        return False

    def verify(self, request: WebhookRequest, secrets: list[str]) -> bool:
        # The signed fields live in the body: read them without trusting anything else.
        try:
            data = request.json()
        except PayloadError:
            return False
        if not isinstance(data, dict):
            return False
        return verify_ecwid(
            data.get("eventCreated"),
            data.get("eventId"),
            secrets,
            request.headers.get("x-ecwid-webhook-signature"),
        )

    @refuses_unmappable
    def parse(self, request: WebhookRequest) -> Delivery:
        data = request.json()
        body = validate_model(EcwidPayload, data, "ecwid webhook")
        key = f"event:{body.eventId}"
        if not body.eventType.startswith("order."):
            return Delivery(body.eventType, key, outcome="ignored", payload=data)
        # Current payloads name the order in data.orderId; older ones used entityId.
        order_id = body.data.orderId or body.entityId
        if not order_id:
            raise PayloadError("ecwid webhook: data.orderId: missing")
        at = from_unix(body.eventCreated, "ecwid webhook: eventCreated")
        facts = OrderFacts(order_id, "ecwid", at, needs_fetch=True)
        return Delivery(
            body.eventType, key, "needs_fetch", (facts,), order_id=order_id, payload=data
        )
