"""A shop's survey settings, changed by JSON Merge Patch (`shared/http/merge_patch.py`)."""

from typing import Any

from services.survey.shops import repository
from services.survey.shops.config import SurveyShopSettings
from shared.db.pool import Pool
from shared.http import merge_patch


class BadSettings(ValueError):
    """Settings valid member by member but not together: 422 with this reason."""


async def get_settings(pool: Pool, shop_id: str) -> SurveyShopSettings:
    async with pool.acquire() as conn:
        return (await repository.get(conn, shop_id)).settings


async def patch_settings(pool: Pool, shop_id: str, patch: dict[str, Any]) -> SurveyShopSettings:
    """Only the members sent change. Raises BadSettings (and merge_patch's validation error)."""
    async with pool.acquire() as conn, conn.transaction():
        await repository.lock_settings(conn, shop_id)
        settings = merge_patch.apply((await repository.get(conn, shop_id)).settings, patch)
        if settings.send_window_end_hour <= settings.send_window_start_hour:
            raise BadSettings("send window must end after it starts")
        await repository.put_settings(conn, shop_id, settings)
    return settings
