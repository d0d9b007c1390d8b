"""A shop's notification settings (bearer token): read with an `ETag`, changed by merge patch
with `If-Match`, and the trail of changes."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.notifier.shops import service
from services.notifier.shops.config import NotificationSettings
from shared.http import merge_patch, versioned
from shared.http.auth import ApiToken
from shared.http.deps import ClockDep, PoolDep
from shared.http.merge_patch import SettingsPatch
from shared.http.params import ShopIdPath
from shared.http.versioned import Actor, IfMatch
from shared.settings_changes.repository import SettingsChange

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["notifications"])


@router.get("/notification-settings", response_model=NotificationSettings)
async def get_settings(
    shop_id: ShopIdPath, pool: PoolDep, response: Response, _: ApiToken
) -> NotificationSettings:
    """The digest and alarm settings (defaults until changed), with their version as `ETag`.
    Alert and escalation recipients, the contact address and the reply SLA are the shop
    registry's: `PATCH /v1/admin/shops/{shop_id}`."""
    current = await service.get_settings(pool, shop_id)
    versioned.tag(response, current.version)
    return current.settings


@router.put(
    "/notification-settings",
    response_model=NotificationSettings,
    responses=versioned.PRECONDITION,
    openapi_extra=merge_patch.documented(NotificationSettings),
)
@router.patch(
    "/notification-settings",
    response_model=NotificationSettings,
    responses=versioned.PRECONDITION,
    openapi_extra=merge_patch.documented(NotificationSettings),
)
async def patch_settings(
    shop_id: ShopIdPath,
    patch: SettingsPatch,
    pool: PoolDep,
    now: ClockDep,
    response: Response,
    _: ApiToken,
    if_match: IfMatch = None,
    actor: Actor = None,
) -> NotificationSettings:
    """Only the members sent change (`shared/http/merge_patch.py`), for PUT as for PATCH; the
    answer carries the new `ETag`. A member the shop registry owns (`sla_hours`,
    `support_email`, ...) is refused with where to change it."""
    with versioned.answered(if_match):
        changed = await service.patch_settings(
            pool,
            shop_id,
            patch,
            if_match=if_match,
            actor=versioned.actor_of("api-token", actor),
            now=now,
        )
    versioned.tag(response, changed.version)
    return changed.settings


@router.get("/notification-settings/changes", response_model=list[SettingsChange])
async def list_changes(
    shop_id: ShopIdPath,
    pool: PoolDep,
    _: ApiToken,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[SettingsChange]:
    """Who changed which notification settings when, newest first: before and after."""
    return await service.changes(pool, shop_id, limit)
