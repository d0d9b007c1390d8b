"""A shop's survey settings (bearer token)."""

from fastapi import APIRouter, HTTPException, status

from services.survey.shops import service
from services.survey.shops.config import SurveyShopSettings
from shared.http import merge_patch
from shared.http.auth import ApiToken
from shared.http.deps import PoolDep
from shared.http.merge_patch import SettingsPatch
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["surveys"])


@router.get("/survey-settings", response_model=SurveyShopSettings)
async def get_settings(shop_id: ShopIdPath, pool: PoolDep, _: ApiToken) -> SurveyShopSettings:
    return await service.get_settings(pool, shop_id)


@router.put(
    "/survey-settings",
    response_model=SurveyShopSettings,
    openapi_extra=merge_patch.documented(SurveyShopSettings),
)
@router.patch(
    "/survey-settings",
    response_model=SurveyShopSettings,
    openapi_extra=merge_patch.documented(SurveyShopSettings),
)
async def put_settings(
    shop_id: ShopIdPath, patch: SettingsPatch, pool: PoolDep, _: ApiToken
) -> SurveyShopSettings:
    """Only the members sent change (`shared/http/merge_patch.py`), for PUT as for PATCH."""
    try:
        return await service.patch_settings(pool, shop_id, patch)
    except service.BadSettings as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
