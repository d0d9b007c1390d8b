"""Shops in the caller's scope, their responder settings and their reply connectors (the
signed webhook and the platform connections)."""

import base64
import secrets
from typing import Any, Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel, ConfigDict, HttpUrl, SecretStr

from services.responder.access.deps import Agent, Manager, ensure_shop
from services.responder.access.principal import Principal
from services.responder.audit import repository as audit
from services.responder.shops import repository as shops
from services.responder.shops.config import ShopSettings
from services.responder.shops.connections import (
    ConnectionIn,
    GoogleConnectionIn,
    TrustpilotConnectionIn,
)
from services.responder.web import invalid, not_found, now_of, pool_of, settings_of
from shared.db.pool import Connection
from shared.http import merge_patch, outbound
from shared.http.merge_patch import SettingsPatch
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops", tags=["shops"])


@router.get("")
async def list_shops(request: Request, principal: Agent) -> list[dict[str, Any]]:
    """The caller's shops, with what `shop.updated` told about them so far."""
    async with pool_of(request).acquire() as conn:
        known = {s.shop_id: s for s in await shops.list_known(conn, principal.scope())}
    ids = principal.scope() or sorted(known)
    return [
        known[i].facts() if i in known else {"shop_id": i, "connector_configured": False}
        for i in ids
    ]


@router.get("/{shop_id}/settings")
async def get_settings(shop_id: ShopIdPath, request: Request, principal: Agent) -> ShopSettings:
    ensure_shop(principal, shop_id)
    async with pool_of(request).acquire() as conn:
        return (await shops.get(conn, shop_id)).settings


@router.put("/{shop_id}/settings", openapi_extra=merge_patch.documented(ShopSettings))
@router.patch("/{shop_id}/settings", openapi_extra=merge_patch.documented(ShopSettings))
async def put_settings(
    shop_id: ShopIdPath, patch: SettingsPatch, request: Request, principal: Manager
) -> ShopSettings:
    """Only the members sent change (`shared/http/merge_patch.py`), for PUT as for PATCH."""
    ensure_shop(principal, shop_id)
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        await shops.lock_settings(conn, shop_id)
        before = (await shops.get(conn, shop_id)).settings
        body = merge_patch.apply(before, patch)
        refused = sorted(set(body.automation.sentiments) - {"positive"})
        if refused:
            raise invalid(
                f"automatic replies are only for positive reviews and FAQ questions; {refused} "
                "reviews always wait for a person"
            )
        await shops.put_settings(conn, shop_id, body)
        if before.sla_hours != body.sla_hours:
            await shops.recompute_sla(conn, shop_id, body.sla_hours)
        await audit.record(
            conn,
            at=now,
            actor=principal.actor,
            action="shop.settings_updated",
            entity="shop",
            entity_id=shop_id,
            shop_id=shop_id,
            before=before,
            after=body,
        )
    return body


class ConnectorIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: HttpUrl


@router.get("/{shop_id}/connector")
async def get_connector(
    shop_id: ShopIdPath, request: Request, principal: Manager
) -> dict[str, Any]:
    ensure_shop(principal, shop_id)
    async with pool_of(request).acquire() as conn:
        shop = await shops.get(conn, shop_id)
        connections = await shops.connections(conn, shop_id)
    return {
        "url": shop.connector_url,
        "configured": shop.connector_url is not None,
        "platforms": {name: link.public() for name, link in connections.items()},
    }


@router.put("/{shop_id}/connector")
async def put_connector(
    shop_id: ShopIdPath, body: ConnectorIn, request: Request, principal: Manager
) -> dict[str, Any]:
    """Where replies are delivered (a signed Standard Webhooks POST). A new signing secret is
    made each time and shown only in this answer."""
    ensure_shop(principal, shop_id)
    refused = await outbound.policy_of(settings_of(request)).refusal(str(body.url))
    if refused:
        raise invalid(f"url: {refused}")
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        before = await shops.get(conn, shop_id)
        await shops.set_connector(conn, shop_id, str(body.url), secret)
        await audit.record(
            conn,
            at=now,
            actor=principal.actor,
            action="shop.connector_updated",
            entity="shop",
            entity_id=shop_id,
            shop_id=shop_id,
            before={"url": before.connector_url},
            after={"url": str(body.url), "secret_rotated": True},
        )
    return {"url": str(body.url), "configured": True, "signing_secret": secret}


Platform = Literal["trustpilot", "google"]


@router.put("/{shop_id}/connector/trustpilot")
async def put_trustpilot(
    shop_id: ShopIdPath, body: TrustpilotConnectionIn, request: Request, principal: Manager
) -> dict[str, Any]:
    """Replies to this shop's Trustpilot reviews go to Trustpilot's API as this business
    user. The token is stored and never shown again."""
    return await _put_connection(request, principal, shop_id, "trustpilot", body)


@router.put("/{shop_id}/connector/google")
async def put_google(
    shop_id: ShopIdPath, body: GoogleConnectionIn, request: Request, principal: Manager
) -> dict[str, Any]:
    """Replies to this shop's Google reviews go to the Business Profile API, for this account
    and location. The token is stored and never shown again."""
    return await _put_connection(request, principal, shop_id, "google", body)


@router.delete("/{shop_id}/connector/{platform}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_connection(
    shop_id: ShopIdPath, platform: Platform, request: Request, principal: Manager
) -> Response:
    """The platform's reviews go back to the signed webhook (if there is one)."""
    ensure_shop(principal, shop_id)
    async with pool_of(request).acquire() as conn, conn.transaction():
        gone = await shops.delete_connection(conn, shop_id, platform)
        if gone is None:
            raise not_found(f"{platform} connection")
        await _audit(conn, request, principal, shop_id, gone.public(), None)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


async def _put_connection(
    request: Request, principal: Principal, shop_id: str, platform: Platform, body: ConnectionIn
) -> dict[str, Any]:
    ensure_shop(principal, shop_id)
    settings = settings_of(request)
    refused = tls_refusal(settings.environment, body.base_url)
    if refused:
        raise invalid(refused)
    unsafe = await outbound.policy_of(settings).refusal(body.base_url)
    if unsafe:
        raise invalid(f"base_url: {unsafe}")
    token = _reveal(body.access_token)
    async with pool_of(request).acquire() as conn, conn.transaction():
        before = (await shops.connections(conn, shop_id)).get(platform)
        after = await shops.put_connection(
            conn, shop_id, platform, body.base_url, body.ids(), token, now_of(request)
        )
        if after is None:
            raise invalid(f"access_token: required for a new {platform} connection")
        await _audit(
            conn,
            request,
            principal,
            shop_id,
            before.public() if before else None,
            {**after.public(), "access_token_replaced": token is not None},
        )
    return after.public()


def _reveal(token: SecretStr | None) -> str | None:
    return token.get_secret_value() if token is not None else None


def tls_refusal(environment: str, base_url: str) -> str | None:
    """The token travels with every call: plain http only where nothing real is at stake."""
    if environment in ("development", "test") or urlsplit(base_url).scheme == "https":
        return None
    return "base_url: must be https (the access token is sent with every call)"


async def _audit(
    conn: Connection,
    request: Request,
    principal: Principal,
    shop_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    await audit.record(
        conn,
        at=now_of(request),
        actor=principal.actor,
        action="shop.platform_connection_updated" if after else "shop.platform_connection_removed",
        entity="shop",
        entity_id=shop_id,
        shop_id=shop_id,
        before=before,
        after=after,
    )
