"""Operator API of GDPR requests under `/v1/admin/shops/{shop_id}` (admin token):

* `GET .../data-requests/{request_id}`: the assembled answer to a data request;
* `POST .../customer-redactions`: a customer redaction asked for by an operator (a customer
  who wrote in directly, a platform that has no redaction webhook), handled exactly like a
  platform's `customers/redact` webhook.
"""

from fastapi import APIRouter, HTTPException, status

from services.ingest.deps import AdminToken
from services.ingest.privacy import service
from services.ingest.privacy.schemas import CustomerRedaction, DataExport, RedactionAccepted
from shared.http.deps import PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/admin/shops/{shop_id}", tags=["privacy"])


@router.get("/data-requests/{request_id}", response_model=DataExport)
async def get_data_export(
    shop_id: ShopIdPath, request_id: str, pool: PoolDep, _: AdminToken
) -> DataExport:
    try:
        return await service.data_export(pool, shop_id, request_id)
    except service.NoSuchRequest:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such data request") from None


@router.post(
    "/customer-redactions",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=RedactionAccepted,
    responses={404: {"description": "unknown shop"}, 409: {"description": "request id used"}},
)
async def request_customer_redaction(
    shop_id: ShopIdPath, body: CustomerRedaction, pool: PoolDep, _: AdminToken
) -> RedactionAccepted:
    """Redacts the customer's orders here and publishes `customer.redact_requested`, the same
    event a platform's `customers/redact` webhook produces, so every service forgets them."""
    try:
        request_id = await service.request_customer_redaction(pool, shop_id, body)
    except service.UnknownShop:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
    except service.RequestIdUsed as exc:
        raise HTTPException(
            status.HTTP_409_CONFLICT, f"request id {exc.args[0]!r} was already used"
        ) from None
    return RedactionAccepted(shop_id=shop_id, request_id=request_id)
