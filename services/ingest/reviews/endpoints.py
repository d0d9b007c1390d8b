"""`POST /reviews/{source}/{shop_id}`: reviews from review platforms, Standard Webhooks signed
with the shop's secret."""

from fastapi import APIRouter, Request, status

from services.ingest.deps import ShopsDep
from services.ingest.reviews import service
from services.ingest.reviews.schemas import ReviewsAccepted
from services.ingest.webhooks import inbound
from shared.http.deps import ClockDep, PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(tags=["reviews"])


# With a trailing slash too, as the webhooks (a 307 is a failed delivery to a platform).
@router.post(
    "/reviews/{source}/{shop_id}/",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ReviewsAccepted,
    include_in_schema=False,
)
@router.post(
    "/reviews/{source}/{shop_id}",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ReviewsAccepted,
    responses={**inbound.REFUSALS, 404: {"description": "unknown shop or source"}},
)
async def receive_reviews(
    source: str,
    shop_id: ShopIdPath,
    request: Request,
    pool: PoolDep,
    shops: ShopsDep,
    now: ClockDep,
) -> ReviewsAccepted:
    with inbound.refusals_as_http("review", shop_id, source):
        to = await service.endpoint(shops, source, shop_id)
        return await service.receive(pool, to, await inbound.read(request, now))
