"""`POST /webhooks/{platform}/{shop_id}`: the front door for e-commerce platforms."""

from typing import Literal

from fastapi import APIRouter, HTTPException, Request, Response, status

from services.ingest.deps import ShopsDep, WebhookCommitsDep
from services.ingest.webhooks import service
from services.ingest.webhooks.adapters.base import PayloadError, WebhookRequest
from services.ingest.webhooks.schemas import WebhookAnswer
from shared.http.deps import ClockDep
from shared.http.params import ShopIdPath

router = APIRouter(tags=["webhooks"])


@router.post(
    "/webhooks/{platform}/{shop_id}",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookAnswer,
    responses={
        200: {"description": "duplicate delivery, ignored topic, or WooCommerce ping"},
        401: {"description": "missing or invalid signature"},
        404: {"description": "unknown shop or platform"},
        413: {"description": "body over 1 MiB"},
        415: {"description": "not JSON"},
        422: {"description": "payload that cannot be mapped; the reason says why"},
    },
)
async def receive_webhook(
    platform: Literal["shopify", "woocommerce", "bigcommerce", "ecwid", "standard"] | str,
    shop_id: ShopIdPath,
    request: Request,
    response: Response,
    shops: ShopsDep,
    commits: WebhookCommitsDep,
    now: ClockDep,
) -> WebhookAnswer:
    webhook = WebhookRequest(
        headers={k.lower(): v for k, v in request.headers.items()},
        body=await request.body(),
        received_at=now,
    )
    try:
        result = await service.receive(commits, shops, platform, shop_id, webhook)
    except service.UnknownEndpoint:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown webhook endpoint") from None
    except service.BadSignature:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid signature") from None
    except service.UnsupportedMediaType:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, "expected application/json"
        ) from None
    except PayloadError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(exc)) from None
    if result.status != "accepted":
        response.status_code = status.HTTP_200_OK
    return WebhookAnswer(status=result.status, events=result.events)
