"""Operator and integration API of the survey service (bearer token)."""

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, status

from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.shops.config import SurveyShopSettings
from services.survey.surveys import repository
from services.survey.surveys.handlers import schedule
from services.survey.surveys.schemas import SendAtOverride, SurveyOut
from shared.http import merge_patch
from shared.http.auth import ApiToken
from shared.http.merge_patch import SettingsPatch
from shared.http.params import ShopIdPath
from shared.runtime import Runtime

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["surveys"])


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


@router.get("/surveys")
async def list_surveys(
    shop_id: ShopIdPath,
    request: Request,
    _: ApiToken,
    order_id: Annotated[str | None, Query(max_length=128)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[SurveyOut]:
    rows = await repository.list_for_shop(_runtime(request).db, shop_id, order_id, limit)
    return [SurveyOut(**asdict(r)) for r in rows]


@router.put("/surveys/{order_id}/send-at")
async def override_send_at(
    shop_id: ShopIdPath, order_id: str, body: SendAtOverride, request: Request, _: ApiToken
) -> list[SurveyOut]:
    """Per-order override of the send time (null returns to the computed time); still moved
    into the send window, and eligibility is still checked when it is due."""
    runtime = _runtime(request)
    settings: SurveySettings = runtime.settings  # type: ignore[assignment]
    async with runtime.db.acquire() as conn, conn.transaction():
        survey = await repository.get_by_order(conn, shop_id, order_id)
        if survey is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no survey for this order")
        await repository.set_override(conn, survey.id, body.send_at)
        await schedule(conn, settings, shop_id, order_id, runtime.clock())
    rows = await repository.list_for_shop(runtime.db, shop_id, order_id, 1)
    return [SurveyOut(**asdict(r)) for r in rows]


@router.get("/survey-settings")
async def get_settings(shop_id: ShopIdPath, request: Request, _: ApiToken) -> SurveyShopSettings:
    async with _runtime(request).db.acquire() as conn:
        return (await shops.get(conn, shop_id)).settings


@router.put("/survey-settings", openapi_extra=merge_patch.documented(SurveyShopSettings))
@router.patch("/survey-settings", openapi_extra=merge_patch.documented(SurveyShopSettings))
async def put_settings(
    shop_id: ShopIdPath, patch: SettingsPatch, request: Request, _: ApiToken
) -> SurveyShopSettings:
    """Only the members sent change (`shared/http/merge_patch.py`), for PUT as for PATCH."""
    async with _runtime(request).db.acquire() as conn, conn.transaction():
        await shops.lock_settings(conn, shop_id)
        body = merge_patch.apply((await shops.get(conn, shop_id)).settings, patch)
        if body.send_window_end_hour <= body.send_window_start_hour:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_ENTITY, "send window must end after it starts"
            )
        await shops.put_settings(conn, shop_id, body)
    return body
