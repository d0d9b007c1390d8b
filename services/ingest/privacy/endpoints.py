"""Operator API of GDPR requests under `/v1/admin/shops/{shop_id}` (admin token):

* `GET .../data-requests/{request_id}`: the assembled answer to a data request;
* `POST .../customer-redactions`: a customer redaction asked for by an operator (a customer
  who wrote in directly, a platform that has no redaction webhook), handled exactly like a
  platform's `customers/redact` webhook.
"""

import uuid
from typing import Any, Self

import asyncpg
from fastapi import APIRouter, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from services.ingest.privacy import repository
from services.ingest.privacy import service as privacy
from services.ingest.shops import repository as shops
from services.ingest.shops.endpoints import AdminToken
from services.ingest.webhooks.adapters.base import PrivacyRequest, clean_email
from shared.events.envelope import ExternalId
from shared.http.params import ShopIdPath
from shared.runtime import Runtime

router = APIRouter(prefix="/v1/admin/shops/{shop_id}", tags=["privacy"])

# Services that hold personal data and answer data requests.
EXPECTED_PARTS = ("ingest", "survey", "notifier")


class CustomerRedaction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: ExternalId | None = Field(default=None, description="The platform's id.")
    email: EmailStr | None = None
    order_ids: list[ExternalId] = Field(
        default_factory=list,
        max_length=10_000,
        description="Orders to redact besides those found by customer id or email.",
    )
    request_id: ExternalId | None = Field(
        default=None,
        description="Your reference (a ticket number); generated when left out. "
        "A request id can be used once per shop.",
    )

    @model_validator(mode="after")
    def _someone(self) -> Self:
        if self.customer_id is None and self.email is None:
            raise ValueError("give customer_id or email (or both)")
        return self


class RedactionAccepted(BaseModel):
    shop_id: str
    request_id: str
    status: str = Field(
        default="accepted",
        description="Ingest's own data is redacted; the other services follow through Kafka.",
    )


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


@router.get("/data-requests/{request_id}")
async def get_data_export(
    shop_id: ShopIdPath, request_id: str, request: Request, _: AdminToken
) -> dict[str, Any]:
    async with _runtime(request).db.acquire() as conn:
        export = await repository.get_export(conn, shop_id, request_id)
    if export is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such data request")
    missing = [s for s in EXPECTED_PARTS if s not in export["parts"]]
    return {**export, "complete": not missing, "missing_parts": missing}


@router.post(
    "/customer-redactions",
    status_code=status.HTTP_202_ACCEPTED,
    responses={404: {"description": "unknown shop"}, 409: {"description": "request id used"}},
)
async def request_customer_redaction(
    shop_id: ShopIdPath, body: CustomerRedaction, request: Request, _: AdminToken
) -> RedactionAccepted:
    """Redacts the customer's orders here and publishes `customer.redact_requested`, the same
    event a platform's `customers/redact` webhook produces, so every service forgets them."""
    request_id = body.request_id or f"operator-{uuid.uuid4()}"
    redaction = PrivacyRequest(
        "customer.redact",
        request_id=request_id,
        customer_id=body.customer_id,
        email=clean_email(str(body.email)) if body.email else None,
        order_ids=tuple(body.order_ids),
    )
    try:
        async with _runtime(request).db.acquire() as conn, conn.transaction():
            if await shops.get(conn, shop_id) is None:
                raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop")
            await privacy.handle(conn, shop_id, redaction)
    except asyncpg.UniqueViolationError:
        # The event id derives from (shop, request id): the outbox already holds this request.
        raise HTTPException(
            status.HTTP_409_CONFLICT, f"request id {request_id!r} was already used"
        ) from None
    return RedactionAccepted(shop_id=shop_id, request_id=request_id)
