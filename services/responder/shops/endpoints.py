"""Shops in the caller's scope, their responder settings and their reply connectors (the
signed webhook and the platform connections)."""

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, Response, status

from services.responder.access.deps import Agent, Manager, ensure_shop
from services.responder.shops import service
from services.responder.shops.config import ShopSettings
from services.responder.shops.connections import GoogleConnectionIn, TrustpilotConnectionIn
from services.responder.shops.schemas import (
    Connector,
    ConnectorIn,
    ConnectorSet,
    GoogleConnection,
    Platform,
    Shop,
    TrustpilotConnection,
)
from services.responder.web import ResponderSettingsDep, Responses, invalid, not_found
from shared.http import merge_patch, versioned
from shared.http.deps import ClockDep, PoolDep
from shared.http.merge_patch import SettingsPatch
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops", tags=["shops"])

_REFUSED: Responses = {
    422: {"description": "Invalid input, or a value the rules refuse; `detail` says why."}
}
_SETTINGS_REFUSED: Responses = {
    422: {
        "description": "Invalid input, a value the rules refuse, or a member the shop registry "
        "owns (the SLA, the contact); `detail` says why and where to change it."
    },
    **versioned.PRECONDITION,
}


@contextmanager
def _answers() -> Iterator[None]:
    """The service's refusals as HTTP answers."""
    try:
        yield
    except service.Refused as exc:
        raise invalid(str(exc)) from None
    except service.ConnectionNotFound as exc:
        raise not_found(str(exc)) from None


@router.get("", response_model=list[Shop], response_model_exclude_unset=True)
async def list_shops(pool: PoolDep, principal: Agent) -> list[Shop]:
    """The caller's shops, with what `shop.updated` told about them so far."""
    return await service.list_shops(pool, principal)


@router.get("/{shop_id}/settings", response_model=ShopSettings)
async def get_settings(
    shop_id: ShopIdPath, pool: PoolDep, principal: Agent, response: Response
) -> ShopSettings:
    """With `ETag: "<version>"`, for `If-Match` on the next change. The SLA and the contact
    are not here: the shop registry owns them (`PATCH /v1/admin/shops/{shop_id}` in ingest)
    and the responder learns them from `shop.updated`."""
    settings, version = await service.get_settings(pool, ensure_shop(principal, shop_id))
    versioned.tag(response, version)
    return settings


@router.put(
    "/{shop_id}/settings",
    response_model=ShopSettings,
    responses=_SETTINGS_REFUSED,
    openapi_extra=merge_patch.documented(ShopSettings),
)
@router.patch(
    "/{shop_id}/settings",
    response_model=ShopSettings,
    responses=_SETTINGS_REFUSED,
    openapi_extra=merge_patch.documented(ShopSettings),
)
async def put_settings(
    shop_id: ShopIdPath,
    patch: SettingsPatch,
    pool: PoolDep,
    now: ClockDep,
    principal: Manager,
    response: Response,
    if_match: versioned.IfMatch = None,
) -> ShopSettings:
    """Only the members sent change (`shared/http/merge_patch.py`), for PUT as for PATCH; with
    `If-Match`, only if nobody changed the settings since (else 412 and nothing changes)."""
    ensure_shop(principal, shop_id)
    with _answers(), versioned.answered(if_match):
        settings, version = await service.patch_settings(
            pool, principal, shop_id, patch, now, if_match
        )
    versioned.tag(response, version)
    return settings


@router.get("/{shop_id}/connector", response_model=Connector)
async def get_connector(shop_id: ShopIdPath, pool: PoolDep, principal: Manager) -> Connector:
    return await service.get_connector(pool, ensure_shop(principal, shop_id))


@router.put("/{shop_id}/connector", response_model=ConnectorSet, responses=_REFUSED)
async def put_connector(
    shop_id: ShopIdPath,
    body: ConnectorIn,
    pool: PoolDep,
    now: ClockDep,
    settings: ResponderSettingsDep,
    principal: Manager,
) -> ConnectorSet:
    """Where replies are delivered (a signed Standard Webhooks POST). A new signing secret is
    made each time and shown only in this answer."""
    ensure_shop(principal, shop_id)
    with _answers():
        return await service.set_connector(pool, principal, settings, shop_id, body, now)


@router.put(
    "/{shop_id}/connector/trustpilot", response_model=TrustpilotConnection, responses=_REFUSED
)
async def put_trustpilot(
    shop_id: ShopIdPath,
    body: TrustpilotConnectionIn,
    pool: PoolDep,
    now: ClockDep,
    settings: ResponderSettingsDep,
    principal: Manager,
) -> TrustpilotConnection | GoogleConnection:
    """Replies to this shop's Trustpilot reviews go to Trustpilot's API as this business
    user. The token is stored and never shown again."""
    ensure_shop(principal, shop_id)
    with _answers():
        return await service.put_connection(
            pool, principal, settings, shop_id, "trustpilot", body, now
        )


@router.put("/{shop_id}/connector/google", response_model=GoogleConnection, responses=_REFUSED)
async def put_google(
    shop_id: ShopIdPath,
    body: GoogleConnectionIn,
    pool: PoolDep,
    now: ClockDep,
    settings: ResponderSettingsDep,
    principal: Manager,
) -> TrustpilotConnection | GoogleConnection:
    """Replies to this shop's Google reviews go to the Business Profile API, for this account
    and location. The token is stored and never shown again."""
    ensure_shop(principal, shop_id)
    with _answers():
        return await service.put_connection(pool, principal, settings, shop_id, "google", body, now)


@router.delete(
    "/{shop_id}/connector/{platform}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_model=None,
    response_class=Response,
)
async def delete_connection(
    shop_id: ShopIdPath, platform: Platform, pool: PoolDep, now: ClockDep, principal: Manager
) -> None:
    """The platform's reviews go back to the signed webhook (if there is one)."""
    ensure_shop(principal, shop_id)
    with _answers():
        await service.delete_connection(pool, principal, shop_id, platform, now)
