"""Direct order API: `POST /v1/shops/{shop_id}/orders` with an `OrderDocument`, for systems
without a platform adapter and for backfills."""

from fastapi import APIRouter, HTTPException, Request, Response, status

from services.ingest.orders.document import OrderDocument
from services.ingest.orders.schemas import OrderAccepted
from services.ingest.orders.service import apply_facts
from services.ingest.shops.directory import ShopDirectory
from shared.http.auth import ApiToken
from shared.http.params import ShopIdPath
from shared.runtime import Runtime

router = APIRouter(prefix="/v1/shops/{shop_id}/orders", tags=["orders"])


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        200: {"model": OrderAccepted, "description": "Nothing new: no event."},
        404: {"description": "unknown shop"},
    },
)
async def post_order(
    shop_id: ShopIdPath, order: OrderDocument, request: Request, response: Response, _: ApiToken
) -> OrderAccepted:
    runtime: Runtime = request.app.state.runtime
    shops: ShopDirectory = request.app.state.shops
    if await shops.get(shop_id) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop")
    facts = order.to_facts("direct", runtime.clock())
    async with runtime.db.acquire() as conn, conn.transaction():
        events = await apply_facts(conn, shop_id, facts)
    if not events:
        response.status_code = status.HTTP_200_OK
    return OrderAccepted(
        status="accepted" if events else "unchanged",
        order_id=order.order_id,
        events=[e.type for e in events],
    )
