"""`POST /reviews/{source}/{shop_id}`: reviews from review platforms, Standard Webhooks signed
with the shop's secret."""

from fastapi import APIRouter, HTTPException, Request, status

from services.ingest.deps import ShopsDep
from services.ingest.reviews import service
from services.ingest.reviews.schemas import ReviewsAccepted
from services.ingest.webhooks.adapters.base import PayloadError, WebhookRequest
from shared.http.deps import ClockDep, PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(tags=["reviews"])


@router.post(
    "/reviews/{source}/{shop_id}",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ReviewsAccepted,
    responses={
        401: {"description": "missing or invalid signature"},
        404: {"description": "unknown shop or source"},
        413: {"description": "body over 1 MiB"},
        415: {"description": "not JSON"},
        422: {"description": "payload that cannot be mapped; the reason says why"},
    },
)
async def receive_reviews(
    source: str,
    shop_id: ShopIdPath,
    request: Request,
    pool: PoolDep,
    shops: ShopsDep,
    now: ClockDep,
) -> ReviewsAccepted:
    try:
        to = await service.endpoint(shops, source, shop_id)
    except service.UnknownEndpoint:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown review endpoint") from None
    webhook = WebhookRequest(
        headers={k.lower(): v for k, v in request.headers.items()},
        body=await request.body(),
        received_at=now,
    )
    try:
        return await service.receive(pool, to, webhook)
    except service.BadSignature:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid signature") from None
    except service.UnsupportedMediaType:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, "expected application/json"
        ) from None
    except PayloadError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(exc)) from None
