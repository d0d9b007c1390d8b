"""`POST /reviews/{source}/{shop_id}`: reviews from review platforms, Standard Webhooks signed
with the shop's secret."""

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import JSONResponse

from services.ingest.reviews.service import store
from services.ingest.reviews.sources import PARSERS
from services.ingest.shops.directory import ShopDirectory
from services.ingest.webhooks.adapters.base import PayloadError, WebhookRequest
from services.ingest.webhooks.signatures import verify_standard
from shared.http.params import ShopIdPath
from shared.runtime import Runtime

router = APIRouter(tags=["reviews"])


@router.post(
    "/reviews/{source}/{shop_id}",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        401: {"description": "missing or invalid signature"},
        404: {"description": "unknown shop or source"},
        413: {"description": "body over 1 MiB"},
        415: {"description": "not JSON"},
        422: {"description": "payload that cannot be mapped; the reason says why"},
    },
)
async def receive_reviews(source: str, shop_id: ShopIdPath, request: Request) -> JSONResponse:
    runtime: Runtime = request.app.state.runtime
    shops: ShopDirectory = request.app.state.shops
    parser = PARSERS.get(source)
    shop = await shops.get(shop_id)
    if parser is None or shop is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown review endpoint")
    webhook = WebhookRequest(
        headers={k.lower(): v for k, v in request.headers.items()},
        body=await request.body(),
        received_at=runtime.clock(),
    )
    if not verify_standard(webhook.headers, webhook.body, shop.secrets, webhook.received_at):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid signature")
    media = webhook.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, "expected application/json")
    try:
        facts = parser(webhook.json(), webhook.received_at)
    except PayloadError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(exc)) from None
    async with runtime.db.acquire() as conn, conn.transaction():
        result = await store(conn, shop_id, facts)
    return JSONResponse(
        {"stored": result.stored, "unchanged": result.unchanged, "deleted": result.deleted},
        status_code=status.HTTP_202_ACCEPTED,
    )
