"""A shop's notifications and webhook receivers (bearer token)."""

from typing import Annotated

from fastapi import APIRouter, Query

from services.notifier.notifications import service
from services.notifier.notifications.schemas import (
    NotificationOut,
    ReceiverOut,
    Resumed,
    ResumeIn,
)
from shared.http.auth import ApiToken
from shared.http.deps import PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["notifications"])


@router.get("/notifications", response_model=list[NotificationOut])
async def list_notifications(
    shop_id: ShopIdPath,
    pool: PoolDep,
    _: ApiToken,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    review_id: Annotated[
        str | None,
        Query(max_length=300, description="Only the notifications about this review."),
    ] = None,
) -> list[NotificationOut]:
    """Newest first. A review that needed an alert and reached nobody is listed too, with
    status `unroutable` and reason `not alerted: no recipient`."""
    return await service.list_notifications(pool, shop_id, limit, review_id)


@router.get("/receivers", response_model=list[ReceiverOut])
async def list_receivers(shop_id: ShopIdPath, pool: PoolDep, _: ApiToken) -> list[ReceiverOut]:
    return await service.list_receivers(pool, shop_id)


@router.post("/receivers/resume", response_model=Resumed)
async def resume_receiver(
    shop_id: ShopIdPath, body: ResumeIn, pool: PoolDep, _: ApiToken
) -> Resumed:
    """A paused receiver gets its paused notifications again, from now on."""
    return Resumed(requeued=await service.resume_receiver(pool, shop_id, body.url))
