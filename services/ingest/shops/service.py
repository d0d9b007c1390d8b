"""Shop registry use cases. The registry owns the shop's profile (identity, locale, time zone,
contact, alert recipients, the one SLA): every change of it is a new `version`, audited and
announced whole as `shop.updated` (without secrets), so the other services keep the newest
version they have seen and nothing else."""

import base64
import secrets as random_secrets
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from services.ingest.orders import repository as orders
from services.ingest.shops import repository
from services.ingest.shops.repository import ShopRow
from services.ingest.shops.schemas import (
    API_CREDENTIALS,
    FIXED_MEMBERS,
    ApiCredentials,
    ShopCreate,
    ShopOut,
    ShopProfile,
    ShopWithSecret,
)
from shared.db.pool import Pool
from shared.db.unit_of_work import unit_of_work
from shared.events.shops import ShopUpdated, ShopUpdatedPayload, Sla
from shared.http import merge_patch, versioned
from shared.settings_changes import ownership
from shared.settings_changes import repository as settings_changes
from shared.settings_changes.repository import SettingsChange
from shared.standard_webhooks import spec_secret

# Platforms that verify with Standard Webhooks expect `whsec_<base64>` secrets.
_STANDARD_WEBHOOKS = {"standard", "bigcommerce"}


class ShopExists(Exception):
    pass


class CredentialsMismatch(ValueError):
    """The credentials are not the kind the shop's platform needs: 422 with this reason."""


class FixedMember(ValueError):
    """A profile change names a member that is not the profile's: 422 with this reason."""


class InvalidProfile(ValueError):
    """The patched profile is refused as a whole: 422 with pydantic's errors."""

    def __init__(self, error: ValidationError) -> None:
        super().__init__(str(error))
        self.error = error


def shop_out(shop: ShopRow) -> ShopOut:
    """What operators see of a shop: whether secrets and credentials are set, never them."""
    return ShopOut(
        shop_id=shop.shop_id,
        platform=shop.platform,
        display_name=shop.display_name,
        locale=shop.locale,
        country=shop.country,
        timezone=shop.timezone,
        contact_email=shop.contact_email,
        contact_url=shop.contact_url,
        contact_phone=shop.contact_phone,
        alert_recipients=shop.alert_recipients,
        escalation_recipients=shop.escalation_recipients,
        sla=Sla.model_validate(shop.sla),
        version=shop.version,
        has_previous_secret=shop.secret_previous is not None,
        has_api_credentials=shop.has_api_credentials,
        secret_rotated_at=shop.secret_rotated_at,
        created_at=shop.created_at,
        updated_at=shop.updated_at,
    )


def with_secret(shop: ShopRow, secret: str) -> ShopWithSecret:
    """The shop and its new webhook secret, shown this once (also in the Standard Webhooks
    form the spec's libraries take)."""
    return ShopWithSecret(
        **shop_out(shop).model_dump(),
        webhook_secret=secret,
        standard_webhooks_secret=spec_secret(secret),
    )


def generate_secret(platform: str) -> str:
    if platform in _STANDARD_WEBHOOKS:
        return "whsec_" + base64.b64encode(random_secrets.token_bytes(24)).decode()
    return random_secrets.token_urlsafe(32)


def _announcement(shop: ShopRow) -> ShopUpdated:
    """The whole profile at its version: a consumer keeps the newest it has seen."""
    return ShopUpdated(
        shop_id=shop.shop_id,
        payload=ShopUpdatedPayload.model_validate(
            {**shop.profile(), "platform": shop.platform, "version": shop.version}
        ),
    )


async def create_shop(pool: Pool, body: ShopCreate) -> tuple[ShopRow, str]:
    secret = (
        body.webhook_secret.get_secret_value()
        if body.webhook_secret
        else generate_secret(body.platform)
    )
    profile = body.profile().stored()
    async with unit_of_work(pool) as uow:
        shop = await repository.insert(
            uow.conn,
            body.shop_id,
            body.platform,
            profile["display_name"],
            profile["locale"],
            profile["country"],
            profile["timezone"],
            secret,
            profile["contact_email"],
            contact_url=profile["contact_url"],
            contact_phone=profile["contact_phone"],
            alert_recipients=profile["alert_recipients"],
            escalation_recipients=profile["escalation_recipients"],
            sla=profile["sla"],
        )
        if shop is None:
            raise ShopExists(body.shop_id)
        await uow.emit(_announcement(shop))
    return shop, secret


async def get_shop(pool: Pool, shop_id: str) -> ShopRow:
    async with pool.acquire() as conn:
        shop = await repository.get(conn, shop_id)
    if shop is None:
        raise LookupError(shop_id)
    return shop


def _patched(current: dict[str, Any], patch: dict[str, Any]) -> ShopProfile:
    fixed = sorted(set(patch) & set(FIXED_MEMBERS))
    if fixed:
        raise FixedMember("; ".join(f"{name}: {FIXED_MEMBERS[name]}" for name in fixed))
    try:
        # Validated whole: a patch is refused for what the profile would become, e.g. a shop
        # registered before contacts were required gets one with its first change.
        return ShopProfile.model_validate(merge_patch.merge(current, patch))
    except ValidationError as exc:
        raise InvalidProfile(exc) from None


async def update_profile(
    pool: Pool,
    shop_id: str,
    patch: dict[str, Any],
    *,
    if_match: str | None,
    actor: str,
    at: datetime,
) -> ShopRow:
    """Applies a JSON Merge Patch to the profile: the next version, one audit row with what
    changed, and the whole profile announced. A patch that changes nothing changes no version.
    Raises LookupError, FixedMember, InvalidProfile or StaleVersion."""
    async with unit_of_work(pool, actor=actor, at=at, audit_writer=settings_changes.write) as uow:
        current = await repository.get_for_update(uow.conn, shop_id)
        if current is None:
            raise LookupError(shop_id)
        if not versioned.matches(if_match, current.version):
            raise ownership.StaleVersion(current.version)
        before = {**current.profile(), "sla": Sla.model_validate(current.sla).model_dump()}
        after = _patched(before, patch).stored()
        changed = sorted(k for k in after if after[k] != before.get(k))
        if not changed:
            return current
        shop = await repository.update_profile(uow.conn, shop_id, after)
        await uow.audit(
            "settings.changed",
            "shop_profile",
            shop.version,
            shop_id=shop_id,
            before={k: before.get(k) for k in changed},
            after={k: after[k] for k in changed},
        )
        await uow.emit(_announcement(shop))
    return shop


async def announce(pool: Pool, shop_id: str) -> ShopRow:
    """Announces the profile again at its current version. `reviewloop.shops` keeps messages
    for 7 days (personal data on Kafka is bounded by retention), so a consumer whose copy is
    lost later (a restored or new database) learns the shop from this instead of a replay;
    consumers that have the version already apply the same profile again, which changes
    nothing. Raises LookupError for an unknown shop."""
    async with unit_of_work(pool) as uow:
        shop = await repository.get(uow.conn, shop_id)
        if shop is None:
            raise LookupError(shop_id)
        await uow.emit(_announcement(shop))
    return shop


async def changes(pool: Pool, shop_id: str, limit: int) -> list[SettingsChange]:
    """The profile's audit trail, newest first. Raises LookupError for an unknown shop."""
    async with pool.acquire() as conn:
        if await repository.get(conn, shop_id) is None:
            raise LookupError(shop_id)
        return await settings_changes.for_shop(conn, shop_id, limit)


async def rotate_secret(pool: Pool, shop_id: str, new_secret: str | None) -> tuple[ShopRow, str]:
    async with pool.acquire() as conn:
        current = await repository.get(conn, shop_id)
        if current is None:
            raise LookupError(shop_id)
        secret = new_secret or generate_secret(current.platform)
        shop = await repository.rotate_secret(conn, shop_id, secret)
    if shop is None:
        raise LookupError(shop_id)
    return shop, secret


async def retire_previous_secret(pool: Pool, shop_id: str) -> ShopRow:
    async with pool.acquire() as conn:
        shop = await repository.retire_previous_secret(conn, shop_id)
    if shop is None:
        raise LookupError(shop_id)
    return shop


async def set_api_credentials(pool: Pool, shop_id: str, body: ApiCredentials) -> ShopRow:
    """Store the shop's API credentials, replacing any before. Not announced: `shop.updated`
    carries nothing about them. Orders waiting for a fetch are fetched at once, with fresh
    attempts, since earlier failures may have been the old credentials' fault."""
    async with pool.acquire() as conn, conn.transaction():
        shop = await repository.get(conn, shop_id)
        if shop is None:
            raise LookupError(shop_id)
        expected = API_CREDENTIALS.get(shop.platform)
        if expected is None:
            raise CredentialsMismatch(
                f"{shop.platform} shops need no API credentials: their webhooks carry the order"
            )
        if not isinstance(body, expected):
            fields = ", ".join(name for name, f in expected.model_fields.items() if f.is_required())
            raise CredentialsMismatch(f"a {shop.platform} shop needs {fields}")
        updated = await repository.set_api_credentials(conn, shop_id, body.stored())
        await orders.release_fetches(conn, shop_id)
    if updated is None:
        raise LookupError(shop_id)
    return updated


async def list_shops(pool: Pool, after: str | None, limit: int) -> list[ShopRow]:
    async with pool.acquire() as conn:
        return await repository.list_page(conn, after, limit)
