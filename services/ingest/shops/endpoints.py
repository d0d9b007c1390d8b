"""Operator API of the shop registry, under `/v1/admin/shops` (admin token)."""

import secrets
from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.ingest.settings import IngestSettings
from services.ingest.shops import service
from services.ingest.shops.directory import ShopDirectory
from services.ingest.shops.repository import ShopRow
from services.ingest.shops.schemas import (
    ApiCredentials,
    SecretRotate,
    ShopCreate,
    ShopOut,
    ShopWithSecret,
)
from shared.http import outbound
from shared.http.params import ShopIdPath
from shared.runtime import Runtime
from shared.standard_webhooks import spec_secret

router = APIRouter(prefix="/v1/admin/shops", tags=["shops (operators)"])
_bearer = HTTPBearer(auto_error=False)


def require_admin_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    settings: IngestSettings = request.app.state.runtime.settings
    expected = settings.admin_token.get_secret_value().encode()
    given = credentials.credentials.encode() if credentials else b""
    if not secrets.compare_digest(given, expected):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "missing or invalid admin token",
            headers={"WWW-Authenticate": "Bearer"},
        )


AdminToken = Annotated[None, Depends(require_admin_token)]


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def _directory(request: Request) -> ShopDirectory:
    directory: ShopDirectory = request.app.state.shops
    return directory


def _out(shop: ShopRow) -> dict[str, object]:
    return {
        "shop_id": shop.shop_id,
        "platform": shop.platform,
        "display_name": shop.display_name,
        "locale": shop.locale,
        "country": shop.country,
        "timezone": shop.timezone,
        "contact_email": shop.contact_email,
        "has_previous_secret": shop.secret_previous is not None,
        "has_api_credentials": shop.has_api_credentials,
        "secret_rotated_at": shop.secret_rotated_at,
        "created_at": shop.created_at,
        "updated_at": shop.updated_at,
    }


def _with_secret(shop: ShopRow, secret: str) -> ShopWithSecret:
    return ShopWithSecret(
        **_out(shop), webhook_secret=secret, standard_webhooks_secret=spec_secret(secret)
    )


@router.post("", status_code=status.HTTP_201_CREATED, responses={409: {"description": "taken"}})
async def create_shop(body: ShopCreate, request: Request, _: AdminToken) -> ShopWithSecret:
    try:
        shop, secret = await service.create_shop(_runtime(request).db, body)
    except service.ShopExists:
        raise HTTPException(status.HTTP_409_CONFLICT, "shop id already registered") from None
    _directory(request).invalidate(shop.shop_id)
    return _with_secret(shop, secret)


@router.get("")
async def list_shops(
    request: Request,
    _: AdminToken,
    after: Annotated[str | None, Query(max_length=64, description="cursor: last shop_id")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[ShopOut]:
    shops = await service.list_shops(_runtime(request).db, after, limit)
    return [ShopOut(**_out(s)) for s in shops]


@router.post("/{shop_id}/secrets/rotate")
async def rotate_secret(
    shop_id: ShopIdPath, request: Request, _: AdminToken, body: SecretRotate | None = None
) -> ShopWithSecret:
    """The new secret becomes current; the old one keeps verifying until the next rotation or
    until it is retired, so deliveries signed with either are accepted meanwhile."""
    new = body.webhook_secret.get_secret_value() if body and body.webhook_secret else None
    try:
        shop, secret = await service.rotate_secret(_runtime(request).db, shop_id, new)
    except LookupError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
    _directory(request).invalidate(shop_id)
    return _with_secret(shop, secret)


@router.delete("/{shop_id}/secrets/previous")
async def retire_previous_secret(shop_id: ShopIdPath, request: Request, _: AdminToken) -> ShopOut:
    try:
        shop = await service.retire_previous_secret(_runtime(request).db, shop_id)
    except LookupError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
    _directory(request).invalidate(shop_id)
    return ShopOut(**_out(shop))


@router.put(
    "/{shop_id}/api-credentials",
    responses={404: {"description": "unknown shop"}, 422: {"description": "wrong kind"}},
)
async def set_api_credentials(
    shop_id: ShopIdPath,
    body: Annotated[ApiCredentials, Body()],
    request: Request,
    _: AdminToken,
) -> ShopOut:
    """API access for shops whose orders ingest fetches (BigCommerce: `store_hash`; Ecwid:
    `store_id` and `currency`; both `access_token` and optionally `api_base_url`). Replaces
    what was set before. The token is never shown again."""
    refused = await outbound.policy_of(_runtime(request).settings).refusal(body.api_base_url)
    if refused:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"api_base_url: {refused}")
    try:
        shop = await service.set_api_credentials(_runtime(request).db, shop_id, body)
    except LookupError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
    except service.CredentialsMismatch as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    _directory(request).invalidate(shop_id)
    return ShopOut(**_out(shop))
