"""A shop's notification settings (bearer token)."""

from fastapi import APIRouter

from services.notifier.shops import service
from services.notifier.shops.config import NotificationSettings
from shared.http import merge_patch
from shared.http.auth import ApiToken
from shared.http.deps import PoolDep
from shared.http.merge_patch import SettingsPatch
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["notifications"])


@router.get("/notification-settings", response_model=NotificationSettings)
async def get_settings(shop_id: ShopIdPath, pool: PoolDep, _: ApiToken) -> NotificationSettings:
    return await service.get_settings(pool, shop_id)


@router.put(
    "/notification-settings",
    response_model=NotificationSettings,
    openapi_extra=merge_patch.documented(NotificationSettings),
)
@router.patch(
    "/notification-settings",
    response_model=NotificationSettings,
    openapi_extra=merge_patch.documented(NotificationSettings),
)
async def put_settings(
    shop_id: ShopIdPath, patch: SettingsPatch, pool: PoolDep, _: ApiToken
) -> NotificationSettings:
    """Only the members sent change (`shared/http/merge_patch.py`), for PUT as for PATCH."""
    return await service.patch_settings(pool, shop_id, patch)
