"""Shops in the caller's scope, their responder settings and their reply connector."""

import base64
import secrets
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, HttpUrl

from services.responder.access.deps import Agent, Manager, ensure_shop
from services.responder.audit import repository as audit
from services.responder.shops import repository as shops
from services.responder.shops.config import ShopSettings
from services.responder.web import invalid, now_of, pool_of
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


@router.put("/{shop_id}/settings")
async def put_settings(
    shop_id: ShopIdPath, body: ShopSettings, request: Request, principal: Manager
) -> ShopSettings:
    ensure_shop(principal, shop_id)
    refused = sorted(set(body.automation.sentiments) - {"positive"})
    if refused:
        raise invalid(
            f"automatic replies are only for positive reviews and FAQ questions; {refused} "
            "reviews always wait for a person"
        )
    now = now_of(request)
    async with pool_of(request).acquire() as conn, conn.transaction():
        before = (await shops.get(conn, shop_id)).settings
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
    return {"url": shop.connector_url, "configured": shop.connector_url is not None}


@router.put("/{shop_id}/connector")
async def put_connector(
    shop_id: ShopIdPath, body: ConnectorIn, request: Request, principal: Manager
) -> dict[str, Any]:
    """Where replies are delivered (a signed Standard Webhooks POST). A new signing secret is
    made each time and shown only in this answer."""
    ensure_shop(principal, shop_id)
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
