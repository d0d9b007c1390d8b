"""Direct order API: `POST /v1/shops/{shop_id}/orders` with an `OrderDocument`, for systems
without a platform adapter and for backfills."""

from fastapi import APIRouter, HTTPException, Response, status

from services.ingest.deps import ShopsDep
from services.ingest.orders import service
from services.ingest.orders.document import OrderDocument
from services.ingest.orders.schemas import OrderAccepted
from shared.http.auth import ApiToken
from shared.http.deps import ClockDep, PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops/{shop_id}/orders", tags=["orders"])


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=OrderAccepted,
    responses={
        200: {"model": OrderAccepted, "description": "Nothing new: no event."},
        404: {"description": "unknown shop"},
    },
)
async def post_order(
    shop_id: ShopIdPath,
    order: OrderDocument,
    response: Response,
    pool: PoolDep,
    shops: ShopsDep,
    now: ClockDep,
    _: ApiToken,
) -> OrderAccepted:
    try:
        accepted = await service.accept_order(pool, shops, shop_id, order, now)
    except service.UnknownShop:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
    if accepted.status == "unchanged":
        response.status_code = status.HTTP_200_OK
    return accepted
