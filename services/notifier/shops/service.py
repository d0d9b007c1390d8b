"""A shop's notification settings, changed by JSON Merge Patch (`shared/http/merge_patch.py`)."""

from typing import Any

from services.notifier.shops import repository
from services.notifier.shops.config import NotificationSettings
from shared.db.pool import Pool
from shared.http import merge_patch


async def get_settings(pool: Pool, shop_id: str) -> NotificationSettings:
    async with pool.acquire() as conn:
        return (await repository.get(conn, shop_id)).settings


async def patch_settings(pool: Pool, shop_id: str, patch: dict[str, Any]) -> NotificationSettings:
    """Only the members sent change (merge_patch raises its validation error on a bad result)."""
    async with pool.acquire() as conn, conn.transaction():
        await repository.lock_settings(conn, shop_id)
        settings = merge_patch.apply((await repository.get(conn, shop_id)).settings, patch)
        await repository.put_settings(conn, shop_id, settings)
    return settings
