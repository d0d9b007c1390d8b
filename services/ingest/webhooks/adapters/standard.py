"""`standard`: any system that signs with Standard Webhooks and sends Reviewloop's own order
document: `{"type": "order.updated", "timestamp": "...", "data": <OrderDocument>}`."""

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict

from services.ingest.orders.document import OrderDocument
from services.ingest.webhooks.adapters.base import (
    Delivery,
    PayloadError,
    WebhookRequest,
    refuses_unmappable,
    validate_model,
)
from services.ingest.webhooks.signatures import verify_standard
from shared.events.orders import Platform


class StandardEnvelope(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["order.created", "order.updated"]
    timestamp: AwareDatetime | None = None
    data: OrderDocument


class StandardAdapter:
    platform: Platform = "standard"

    def is_ping(self, request: WebhookRequest) -> bool:
        return False

    def verify(self, request: WebhookRequest, secrets: list[str]) -> bool:
        return verify_standard(request.headers, request.body, secrets, request.received_at)

    @refuses_unmappable
    def parse(self, request: WebhookRequest) -> Delivery:
        msg_id = request.headers.get("webhook-id", "")
        if not msg_id:
            raise PayloadError("missing webhook-id header")
        body = validate_model(StandardEnvelope, request.json(), "standard webhook")
        facts = body.data.to_facts("standard", body.timestamp or request.received_at)
        return Delivery(
            body.type,
            f"msg:{msg_id}",
            orders=(facts,),
            order_id=body.data.order_id,
            payload=body.model_dump(mode="json"),
        )
