"""A shop's survey settings: read with their version, changed by JSON Merge Patch
(`shared/http/merge_patch.py`) against the version the caller read, with an audit entry, and
applied at once to the invitations still waiting."""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.survey.settings import SurveySettings
from services.survey.shops import repository
from services.survey.shops.config import SurveyShopSettings
from services.survey.shops.handlers import reschedule
from shared.db.pool import Pool
from shared.db.unit_of_work import unit_of_work
from shared.events.shops import ShopUpdatedPayload
from shared.http import merge_patch, versioned
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


# The shop's profile (name, locale, country, time zone, contact, alert recipients, SLA) is the
# registry's, learned from `shop.updated`: a change naming one of its members here is refused
# with where to make it, not with "extra inputs are not permitted".
REGISTRY_MEMBERS = frozenset(ShopUpdatedPayload.model_fields) - {"version"}
REGISTRY = "the shop registry: PATCH /v1/admin/shops/{shop_id} (admin token)"


@dataclass(frozen=True)
class Versioned:
    settings: SurveyShopSettings
    version: int


class StaleVersion(Exception):
    """`If-Match` names a version that is no longer the stored one: 412, nothing changed."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


class OwnedElsewhere(ValueError):
    """The patch names members another owner keeps: 422 with this reason, nothing changed."""


def _owned_elsewhere(shop_id: str, patch: dict[str, Any]) -> str | None:
    named = sorted(REGISTRY_MEMBERS & set(patch))
    where = REGISTRY.format(shop_id=shop_id)
    return "; ".join(f"{name} is owned by {where}" for name in named) or None


async def get_settings(pool: Pool, shop_id: str) -> Versioned:
    async with pool.acquire() as conn:
        shop = await repository.get(conn, shop_id)
    return Versioned(shop.settings, shop.settings_version)


def _changed_members(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


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
    the stored version. Raises OwnedElsewhere, StaleVersion, and merge_patch's validation
    error for a result the model refuses (422). A patch that changes nothing writes nothing
    and keeps the version."""
    refused = _owned_elsewhere(shop_id, patch)
    if refused:
        raise OwnedElsewhere(refused)
    async with unit_of_work(pool, actor=actor, at=now, audit_writer=settings_changes.write) as uow:
        await repository.lock_settings(uow.conn, shop_id)
        shop = await repository.get(uow.conn, shop_id)
        if not versioned.matches(if_match, shop.settings_version):
            raise StaleVersion(shop.settings_version)
        settings = merge_patch.apply(shop.settings, patch)
        before, after = shop.settings.model_dump(mode="json"), settings.model_dump(mode="json")
        changed = _changed_members(before, after)
        if not changed:
            return Versioned(shop.settings, shop.settings_version)
        version = await repository.put_settings(uow.conn, shop_id, settings)
        # Only what changed, so the trail reads as "who changed what from what to what".
        await uow.audit(
            "settings.changed",
            "survey_settings",
            version,
            shop_id=shop_id,
            before={k: before.get(k) for k in sorted(changed)},
            after={k: after.get(k) for k in sorted(changed)},
        )
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
                    "version": version,
                    "invitations": moved.invitations,
                    "follow_ups": moved.follow_ups,
                },
            )
    return Versioned(settings, version)


async def changes(pool: Pool, shop_id: str, limit: int) -> list[settings_changes.SettingsChange]:
    """The shop's settings changes, newest first."""
    async with pool.acquire() as conn:
        trail = await settings_changes.for_shop(conn, shop_id, limit)
    return trail
