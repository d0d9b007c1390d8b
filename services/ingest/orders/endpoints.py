"""Direct order API: `POST /v1/shops/{shop_id}/orders`."""

from fastapi import APIRouter, Request, Response, status

from services.ingest.orders import service
from services.ingest.orders.schemas import OrderAccepted, OrderIn
from shared.http.auth import ApiToken
from shared.http.params import ShopIdPath
from shared.runtime import Runtime

router = APIRouter(prefix="/v1/shops/{shop_id}/orders", tags=["orders"])


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    responses={200: {"model": OrderAccepted, "description": "Already received; no new event."}},
)
async def post_order(
    shop_id: ShopIdPath, order: OrderIn, request: Request, response: Response, _: ApiToken
) -> OrderAccepted:
    runtime: Runtime = request.app.state.runtime
    result = await service.accept_order(runtime.db, shop_id, order)
    if result.status == "duplicate":
        response.status_code = status.HTTP_200_OK
    return result
