"""`GET /v1/admin/shops/{shop_id}/setup`: the shop's readiness checklist (admin token)."""

from fastapi import APIRouter, HTTPException, status

from services.ingest.deps import AdminToken, IngestSettingsDep
from services.ingest.setup import service
from services.ingest.setup.schemas import ShopSetup
from shared.http.deps import PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/admin/shops", tags=["shops (operators)"])


@router.get(
    "/{shop_id}/setup", response_model=ShopSetup, responses={404: {"description": "unknown shop"}}
)
async def get_setup(
    shop_id: ShopIdPath, pool: PoolDep, settings: IngestSettingsDep, _: AdminToken
) -> ShopSetup:
    """What the loop still misses for this shop and why it matters, each with how to fix it.
    `ready` is false while a blocker fails; warnings do not count."""
    try:
        return await service.readiness(pool, settings, shop_id)
    except service.UnknownShop:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
