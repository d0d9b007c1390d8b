"""A shop's survey settings: read with their version, changed by JSON Merge Patch
(`shared/http/merge_patch.py`) against the version the caller read, with an audit entry, and
applied at once to the invitations still waiting."""

import logging
from datetime import datetime
from typing import Any

from services.survey.settings import SurveySettings
from services.survey.shops import repository
from services.survey.shops.config import SurveyShopSettings
from services.survey.shops.handlers import reschedule
from services.survey.shops.policy import POLICY, announce
from shared.db.pool import Pool
from shared.db.unit_of_work import unit_of_work
from shared.settings_changes import ownership
from shared.settings_changes import repository as settings_changes

log = logging.getLogger(__name__)

# The members the due time of an invitation is computed from (services/survey/scheduling/
# timing.py), and of a case follow-up (follow_ups/rules.py `due_at`);
# tests/unit/test_survey_settings_timing.py keeps them in step with the rules. A change of any
# of them moves the pending emails; other changes leave them where they are.
FOLLOW_UP_TIMING = frozenset(
    {"follow_up_delay_days", "send_window_start_hour", "send_window_end_hour", "skip_sundays"}
)
TIMING = frozenset(
    {
        "category_delays_days",
        "default_delay_days",
        "domestic_shipping_days",
        "international_shipping_days",
        "fallback_days",
        "send_window_start_hour",
        "send_window_end_hour",
        "skip_sundays",
        "max_products",
        "max_order_age_days",
    }
)


Versioned = ownership.Versioned[SurveyShopSettings]


async def get_settings(pool: Pool, shop_id: str) -> Versioned:
    async with pool.acquire() as conn:
        shop = await repository.get(conn, shop_id)
    return Versioned(shop.settings, shop.settings_version)


async def patch_settings(
    pool: Pool,
    app_settings: SurveySettings,
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
    ownership.refuse_foreign(shop_id, patch, {})
    async with unit_of_work(pool, actor=actor, at=now, audit_writer=settings_changes.write) as uow:
        await repository.lock_settings(uow.conn, shop_id)
        shop = await repository.get(uow.conn, shop_id)
        patched, changed = await ownership.apply_patch(
            uow,
            shop_id,
            "survey_settings",
            Versioned(shop.settings, shop.settings_version),
            patch,
            if_match,
            lambda settings: repository.put_settings(uow.conn, shop_id, settings),
        )
        if changed & POLICY:
            # The public disclosure page states these facts: it learns them with the change.
            await announce(uow, shop_id, patched.settings, patched.version, now)
        if changed & (TIMING | FOLLOW_UP_TIMING):
            # In the change's own transaction: the new rule and the moved times commit together.
            moved = await reschedule(
                uow.conn,
                app_settings,
                shop_id,
                now,
                invitations=bool(changed & TIMING),
                follow_ups=bool(changed & FOLLOW_UP_TIMING),
            )
            log.info(
                "survey settings changed: pending emails computed again",
                extra={
                    "shop_id": shop_id,
                    "version": patched.version,
                    "invitations": moved.invitations,
                    "follow_ups": moved.follow_ups,
                },
            )
    return patched


async def changes(pool: Pool, shop_id: str, limit: int) -> list[settings_changes.SettingsChange]:
    """The shop's settings changes, newest first."""
    async with pool.acquire() as conn:
        trail = await settings_changes.for_shop(conn, shop_id, limit)
    return trail
