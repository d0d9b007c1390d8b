"""Operator API of the notifier: settings, rules, notifications, webhook receivers."""

import base64
import secrets
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, status
from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl

from services.notifier.notifications import repository as notifications
from services.notifier.rules import repository as rules
from services.notifier.rules.model import Rule, RuleFilters
from services.notifier.shops import repository as shops
from services.notifier.shops.config import NotificationSettings
from shared.http import merge_patch, outbound
from shared.http.auth import ApiToken
from shared.http.merge_patch import SettingsPatch
from shared.http.params import ShopIdPath
from shared.runtime import Runtime

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["notifications"])


def _db(request: Request) -> Any:
    runtime: Runtime = request.app.state.runtime
    return runtime.db


class RuleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    channel: Literal["email", "webhook"]
    recipients: list[EmailStr] = Field(default_factory=list, max_length=20)
    url: HttpUrl | None = None
    format: Literal["standard", "slack"] = "standard"
    mode: Literal["immediate", "digest"] = "immediate"
    filters: RuleFilters = Field(default_factory=RuleFilters)


class RuleOut(BaseModel):
    id: int
    name: str
    channel: str
    recipients: list[str]
    url: str | None
    format: str
    mode: str
    filters: RuleFilters
    signing_secret: str | None = Field(
        default=None, description="Webhook rules: shown once, at creation, to verify deliveries."
    )


def _out(rule: Rule, secret: str | None = None) -> RuleOut:
    assert rule.id is not None
    return RuleOut(
        id=rule.id,
        name=rule.name,
        channel=rule.channel,
        recipients=rule.recipients,
        url=rule.url,
        format=rule.format,
        mode=rule.mode,
        filters=rule.filters,
        signing_secret=secret,
    )


@router.get("/notification-settings")
async def get_settings(shop_id: ShopIdPath, request: Request, _: ApiToken) -> NotificationSettings:
    async with _db(request).acquire() as conn:
        return (await shops.get(conn, shop_id)).settings


@router.put("/notification-settings", openapi_extra=merge_patch.documented(NotificationSettings))
@router.patch("/notification-settings", openapi_extra=merge_patch.documented(NotificationSettings))
async def put_settings(
    shop_id: ShopIdPath, patch: SettingsPatch, request: Request, _: ApiToken
) -> NotificationSettings:
    """Only the members sent change (`shared/http/merge_patch.py`), for PUT as for PATCH."""
    async with _db(request).acquire() as conn, conn.transaction():
        await shops.lock_settings(conn, shop_id)
        body = merge_patch.apply((await shops.get(conn, shop_id)).settings, patch)
        await shops.put_settings(conn, shop_id, body)
    return body


@router.get("/rules")
async def list_rules(shop_id: ShopIdPath, request: Request, _: ApiToken) -> list[RuleOut]:
    async with _db(request).acquire() as conn:
        return [_out(r) for r in await rules.list_for_shop(conn, shop_id)]


@router.post("/rules", status_code=status.HTTP_201_CREATED)
async def create_rule(shop_id: ShopIdPath, body: RuleIn, request: Request, _: ApiToken) -> RuleOut:
    if body.channel == "email" and not body.recipients:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "email rules need recipients")
    if body.channel == "webhook" and body.url is None:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "webhook rules need a url")
    if body.channel == "webhook" and body.url is not None:
        runtime: Runtime = request.app.state.runtime
        refused = await outbound.policy_of(runtime.settings).refusal(str(body.url))
        if refused:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"url: {refused}")
    secret = (
        "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
        if body.channel == "webhook"
        else None
    )
    rule = Rule(
        id=None,
        shop_id=shop_id,
        name=body.name,
        channel=body.channel,
        recipients=[str(r) for r in body.recipients],
        url=str(body.url) if body.url else None,
        format=body.format,
        secret=secret,
        mode=body.mode,
        filters=body.filters,
    )
    async with _db(request).acquire() as conn:
        stored = await rules.insert(conn, rule)
    return _out(stored, secret)


@router.delete("/rules/{rule_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_rule(shop_id: ShopIdPath, rule_id: int, request: Request, _: ApiToken) -> None:
    async with _db(request).acquire() as conn:
        if not await rules.delete(conn, shop_id, rule_id):
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such rule")


@router.get("/notifications")
async def list_notifications(
    shop_id: ShopIdPath,
    request: Request,
    _: ApiToken,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[dict[str, Any]]:
    async with _db(request).acquire() as conn:
        return await notifications.list_for_shop(conn, shop_id, limit)


@router.get("/receivers")
async def list_receivers(
    shop_id: ShopIdPath, request: Request, _: ApiToken
) -> list[dict[str, Any]]:
    async with _db(request).acquire() as conn:
        return await notifications.receivers_of(conn, shop_id)


class ResumeIn(BaseModel):
    url: str = Field(max_length=2000)


@router.post("/receivers/resume")
async def resume_receiver(
    shop_id: ShopIdPath, body: ResumeIn, request: Request, _: ApiToken
) -> dict[str, int]:
    """A paused receiver gets its paused notifications again, from now on."""
    async with _db(request).acquire() as conn:
        resumed = await notifications.resume_receiver(conn, shop_id, body.url)
    return {"requeued": resumed}
