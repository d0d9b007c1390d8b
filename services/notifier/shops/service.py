"""A shop's notification settings: read with their version, changed by JSON Merge Patch
(`shared/http/merge_patch.py`) against the version the caller read, with an audit entry in the
change's own transaction."""

from datetime import datetime
from typing import Any

from services.notifier.shops import repository
from services.notifier.shops.config import MOVED, NotificationSettings
from shared.db.pool import Pool
from shared.db.unit_of_work import unit_of_work
from shared.settings_changes import ownership
from shared.settings_changes import repository as settings_changes

Versioned = ownership.Versioned[NotificationSettings]


async def get_settings(pool: Pool, shop_id: str) -> Versioned:
    async with pool.acquire() as conn:
        shop = await repository.get(conn, shop_id)
    return Versioned(shop.settings, shop.settings_version)


async def patch_settings(
    pool: Pool,
    shop_id: str,
    patch: dict[str, Any],
    *,
    if_match: str | None,
    actor: str,
    now: datetime,
) -> Versioned:
    """Only the members sent change, and only if `if_match` (an `ETag`, or None) still names
    the stored version. Raises ownership's OwnedElsewhere and StaleVersion, and merge_patch's
    validation error for a result the model refuses (422). A patch that changes nothing writes
    nothing and keeps the version."""
    ownership.refuse_foreign(shop_id, patch, MOVED)
    async with unit_of_work(pool, actor=actor, at=now, audit_writer=settings_changes.write) as uow:
        await repository.lock_settings(uow.conn, shop_id)
        shop = await repository.get(uow.conn, shop_id)
        patched, _ = await ownership.apply_patch(
            uow,
            shop_id,
            "notification_settings",
            Versioned(shop.settings, shop.settings_version),
            patch,
            if_match,
            lambda settings: repository.put_settings(uow.conn, shop_id, settings),
        )
    return patched


async def changes(pool: Pool, shop_id: str, limit: int) -> list[settings_changes.SettingsChange]:
    """The shop's settings changes, newest first."""
    async with pool.acquire() as conn:
        return await settings_changes.for_shop(conn, shop_id, limit)
