"""`POST /webhooks/{platform}/{shop_id}`: the front door for e-commerce platforms."""

from typing import Literal

from fastapi import APIRouter, Request, Response, status

from services.ingest.deps import ShopsDep, WebhookCommitsDep
from services.ingest.webhooks import inbound, service
from services.ingest.webhooks.schemas import WebhookAnswer
from shared.http.deps import ClockDep
from shared.http.params import ShopIdPath

router = APIRouter(tags=["webhooks"])


# The URL pasted into a platform's settings with a trailing slash: answered, not redirected
# (a platform counts a 307 as a failed delivery and does not follow it with the body).
@router.post(
    "/webhooks/{platform}/{shop_id}/",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookAnswer,
    include_in_schema=False,
)
@router.post(
    "/webhooks/{platform}/{shop_id}",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=WebhookAnswer,
    responses={
        **inbound.REFUSALS,
        200: {"description": "duplicate delivery, ignored topic, or WooCommerce ping"},
        404: {"description": "unknown shop or platform"},
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
    webhook = await inbound.read(request, now)
    with inbound.refusals_as_http("webhook", shop_id, platform):
        result = await service.receive(commits, shops, platform, shop_id, webhook)
    if result.status != "accepted":
        response.status_code = status.HTTP_200_OK
    return WebhookAnswer(status=result.status, events=result.events)
