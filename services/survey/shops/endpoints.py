"""A shop's survey settings (bearer token): read with an `ETag`, changed by merge patch with
`If-Match`, and the trail of changes."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.survey.deps import SurveySettingsDep
from services.survey.shops import service
from services.survey.shops.config import SurveyShopSettings
from shared.http import merge_patch, versioned
from shared.http.auth import ApiToken
from shared.http.deps import ClockDep, PoolDep
from shared.http.merge_patch import SettingsPatch
from shared.http.params import ShopIdPath
from shared.http.versioned import Actor, IfMatch
from shared.settings_changes.repository import SettingsChange

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["surveys"])


@router.get("/survey-settings", response_model=SurveyShopSettings)
async def get_settings(
    shop_id: ShopIdPath, pool: PoolDep, response: Response, _: ApiToken
) -> SurveyShopSettings:
    """The settings (defaults until changed), with their version as `ETag`."""
    current = await service.get_settings(pool, shop_id)
    versioned.tag(response, current.version)
    return current.settings


@router.put(
    "/survey-settings",
    response_model=SurveyShopSettings,
    responses=versioned.PRECONDITION,
    openapi_extra=merge_patch.documented(SurveyShopSettings),
)
@router.patch(
    "/survey-settings",
    response_model=SurveyShopSettings,
    responses=versioned.PRECONDITION,
    openapi_extra=merge_patch.documented(SurveyShopSettings),
)
async def patch_settings(
    shop_id: ShopIdPath,
    patch: SettingsPatch,
    pool: PoolDep,
    settings: SurveySettingsDep,
    now: ClockDep,
    response: Response,
    _: ApiToken,
    if_match: IfMatch = None,
    actor: Actor = None,
) -> SurveyShopSettings:
    """Only the members sent change (`shared/http/merge_patch.py`), for PUT as for PATCH; the
    answer carries the new `ETag`. A change of the send window or of a delay moves the shop's
    pending invitations in the same transaction."""
    with versioned.answered(if_match):
        changed = await service.patch_settings(
            pool,
            settings,
            shop_id,
            patch,
            if_match=if_match,
            actor=versioned.actor_of("api-token", actor),
            now=now,
        )
    versioned.tag(response, changed.version)
    return changed.settings


@router.get("/survey-settings/changes", response_model=list[SettingsChange])
async def list_changes(
    shop_id: ShopIdPath,
    pool: PoolDep,
    _: ApiToken,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[SettingsChange]:
    """Who changed which settings when, newest first: the members changed, before and after."""
    return await service.changes(pool, shop_id, limit)
