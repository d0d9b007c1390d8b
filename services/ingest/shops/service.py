"""Shop registry use cases. Every change is announced as `shop.updated` (without secrets)."""

import base64
import secrets as random_secrets

from services.ingest.orders import repository as orders
from services.ingest.shops import repository
from services.ingest.shops.repository import ShopRow
from services.ingest.shops.schemas import (
    API_CREDENTIALS,
    ApiCredentials,
    ShopCreate,
    ShopOut,
    ShopWithSecret,
)
from shared.db.pool import Pool
from shared.db.unit_of_work import unit_of_work
from shared.events.shops import ShopUpdated, ShopUpdatedPayload
from shared.standard_webhooks import spec_secret

# Platforms that verify with Standard Webhooks expect `whsec_<base64>` secrets.
_STANDARD_WEBHOOKS = {"standard", "bigcommerce"}


class ShopExists(Exception):
    pass


class CredentialsMismatch(ValueError):
    """The credentials are not the kind the shop's platform needs: 422 with this reason."""


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
    return ShopUpdated(
        shop_id=shop.shop_id,
        payload=ShopUpdatedPayload(
            platform=shop.platform,
            display_name=shop.display_name,
            locale=shop.locale,
            country=shop.country,
            timezone=shop.timezone,
            contact_email=shop.contact_email,
        ),
    )


async def create_shop(pool: Pool, body: ShopCreate) -> tuple[ShopRow, str]:
    secret = (
        body.webhook_secret.get_secret_value()
        if body.webhook_secret
        else generate_secret(body.platform)
    )
    async with unit_of_work(pool) as uow:
        shop = await repository.insert(
            uow.conn,
            body.shop_id,
            body.platform,
            body.display_name,
            body.locale,
            body.country,
            body.timezone,
            secret,
            str(body.contact_email) if body.contact_email else None,
        )
        if shop is None:
            raise ShopExists(body.shop_id)
        await uow.emit(_announcement(shop))
    return shop, secret


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
