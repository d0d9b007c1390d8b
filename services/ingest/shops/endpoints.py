"""Operator API of the shop registry, under `/v1/admin/shops` (admin token)."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Query, Response, status
from fastapi.exceptions import RequestValidationError

from services.ingest.deps import AdminToken, ShopsDep
from services.ingest.shops import service
from services.ingest.shops.schemas import (
    ApiCredentials,
    SecretRotate,
    ShopCreate,
    ShopOut,
    ShopProfile,
    ShopWithSecret,
)
from shared.http import outbound, versioned
from shared.http.deps import ClockDep, PoolDep, RuntimeDep
from shared.http.merge_patch import SettingsPatch
from shared.http.params import ShopIdPath
from shared.http.versioned import Actor, IfMatch
from shared.settings_changes.repository import SettingsChange

router = APIRouter(prefix="/v1/admin/shops", tags=["shops (operators)"])


def _patch_schema() -> dict[str, Any]:
    """The PATCH body: the profile's members with their bounds, none of them required (a merge
    patch names only what changes). Inline, since no response is a bare profile."""
    schema = ShopProfile.model_json_schema(ref_template="#/components/schemas/{model}")
    schema.pop("$defs", None)
    schema.pop("required", None)
    schema["title"] = "ShopProfilePatch"
    schema["description"] = "JSON Merge Patch (RFC 7396) of the shop's profile."
    return {"requestBody": {"content": {"application/json": {"schema": schema}}}}


_PROFILE_PATCH = _patch_schema()


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ShopWithSecret,
    responses={409: {"description": "taken"}},
)
async def create_shop(
    body: ShopCreate, pool: PoolDep, shops: ShopsDep, response: Response, _: AdminToken
) -> ShopWithSecret:
    """`contact_email` is required; `alert_recipients` default to it, `escalation_recipients`
    to none (the alert recipients are escalated to), `sla` to 24 hours around the clock. The
    profile starts at version 1, announced in `shop.updated`."""
    try:
        shop, secret = await service.create_shop(pool, body)
    except service.ShopExists:
        raise HTTPException(status.HTTP_409_CONFLICT, "shop id already registered") from None
    shops.invalidate(shop.shop_id)
    versioned.tag(response, shop.version)
    return service.with_secret(shop, secret)


@router.get("", response_model=list[ShopOut])
async def list_shops(
    pool: PoolDep,
    _: AdminToken,
    after: Annotated[str | None, Query(max_length=64, description="cursor: last shop_id")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[ShopOut]:
    return [service.shop_out(s) for s in await service.list_shops(pool, after, limit)]


@router.post("/{shop_id}/secrets/rotate", response_model=ShopWithSecret)
async def rotate_secret(
    shop_id: ShopIdPath,
    pool: PoolDep,
    shops: ShopsDep,
    _: AdminToken,
    body: SecretRotate | None = None,
) -> ShopWithSecret:
    """The new secret becomes current; the old one keeps verifying until the next rotation or
    until it is retired, so deliveries signed with either are accepted meanwhile."""
    new = body.webhook_secret.get_secret_value() if body and body.webhook_secret else None
    try:
        shop, secret = await service.rotate_secret(pool, shop_id, new)
    except LookupError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
    shops.invalidate(shop_id)
    return service.with_secret(shop, secret)


@router.delete("/{shop_id}/secrets/previous", response_model=ShopOut)
async def retire_previous_secret(
    shop_id: ShopIdPath, pool: PoolDep, shops: ShopsDep, _: AdminToken
) -> ShopOut:
    try:
        shop = await service.retire_previous_secret(pool, shop_id)
    except LookupError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
    shops.invalidate(shop_id)
    return service.shop_out(shop)


@router.put(
    "/{shop_id}/api-credentials",
    response_model=ShopOut,
    responses={404: {"description": "unknown shop"}, 422: {"description": "wrong kind"}},
)
async def set_api_credentials(
    shop_id: ShopIdPath,
    body: Annotated[ApiCredentials, Body()],
    runtime: RuntimeDep,
    shops: ShopsDep,
    _: AdminToken,
) -> ShopOut:
    """API access for shops whose orders ingest fetches (BigCommerce: `store_hash`; Ecwid:
    `store_id` and `currency`; both `access_token` and optionally `api_base_url`). Replaces
    what was set before. The token is never shown again."""
    # Refused before the database is touched: the URL check needs none.
    refused = await outbound.policy_of(runtime.settings).refusal(body.api_base_url)
    if refused:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"api_base_url: {refused}")
    try:
        shop = await service.set_api_credentials(runtime.db, shop_id, body)
    except LookupError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
    except service.CredentialsMismatch as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    shops.invalidate(shop_id)
    return service.shop_out(shop)


@router.get("/{shop_id}", response_model=ShopOut, responses={404: {"description": "unknown shop"}})
async def get_shop(
    shop_id: ShopIdPath, pool: PoolDep, response: Response, _: AdminToken
) -> ShopOut:
    """The shop's profile, with its version as `ETag` (send it back as `If-Match`)."""
    try:
        shop = await service.get_shop(pool, shop_id)
    except LookupError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
    versioned.tag(response, shop.version)
    return service.shop_out(shop)


@router.patch(
    "/{shop_id}",
    response_model=ShopOut,
    responses={404: {"description": "unknown shop"}, **versioned.PRECONDITION},
    openapi_extra=_PROFILE_PATCH,
)
async def patch_shop(
    shop_id: ShopIdPath,
    patch: SettingsPatch,
    pool: PoolDep,
    shops: ShopsDep,
    now: ClockDep,
    response: Response,
    _: AdminToken,
    if_match: IfMatch = None,
    actor: Actor = None,
) -> ShopOut:
    """Changes the profile by JSON Merge Patch: only the members sent change, the result is
    validated whole, and it becomes the next version (new `ETag`), audited and announced to
    every service in `shop.updated`. `platform`, the id and secrets are not the profile's."""
    try:
        with versioned.answered(if_match):
            shop = await service.update_profile(
                pool,
                shop_id,
                patch,
                if_match=if_match,
                actor=versioned.actor_of("admin-token", actor),
                at=now,
            )
    except LookupError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
    except service.FixedMember as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    except service.InvalidProfile as exc:
        errors = exc.error.errors(include_url=False, include_context=False)
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in errors], body=patch
        ) from None
    shops.invalidate(shop_id)
    versioned.tag(response, shop.version)
    return service.shop_out(shop)


@router.post(
    "/{shop_id}/announce",
    response_model=ShopOut,
    responses={404: {"description": "unknown shop"}},
)
async def announce_shop(
    shop_id: ShopIdPath, pool: PoolDep, response: Response, _: AdminToken
) -> ShopOut:
    """Publishes `shop.updated` again with the current profile and version, for a service
    whose copy was lost after the shops topic's retention (docs/configuration.md)."""
    try:
        shop = await service.announce(pool, shop_id)
    except LookupError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
    versioned.tag(response, shop.version)
    return service.shop_out(shop)


@router.get(
    "/{shop_id}/changes",
    response_model=list[SettingsChange],
    responses={404: {"description": "unknown shop"}},
)
async def list_changes(
    shop_id: ShopIdPath,
    pool: PoolDep,
    _: AdminToken,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[SettingsChange]:
    """Who changed the profile when (the token kind and `Reviewloop-Actor`), newest first,
    with the members changed before and after."""
    try:
        return await service.changes(pool, shop_id, limit)
    except LookupError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "unknown shop") from None
