"""`POST /webhooks/{platform}/{shop_id}`: the front door for e-commerce platforms."""

from typing import Literal

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from services.ingest.shops.directory import ShopDirectory
from services.ingest.webhooks import service
from services.ingest.webhooks.adapters.base import PayloadError, WebhookRequest
from services.ingest.webhooks.group_commit import GroupCommit
from shared.http.params import ShopIdPath
from shared.runtime import Runtime

router = APIRouter(tags=["webhooks"])


class WebhookAnswer(BaseModel):
    status: Literal["accepted", "duplicate", "ignored", "ping"]
    events: int


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
) -> JSONResponse:
    runtime: Runtime = request.app.state.runtime
    shops: ShopDirectory = request.app.state.shops
    commits: GroupCommit = request.app.state.webhook_commits
    webhook = WebhookRequest(
        headers={k.lower(): v for k, v in request.headers.items()},
        body=await request.body(),
        received_at=runtime.clock(),
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
    code = status.HTTP_202_ACCEPTED if result.status == "accepted" else status.HTTP_200_OK
    return JSONResponse({"status": result.status, "events": result.events}, status_code=code)
