"""Operator and integration API of the survey service (bearer token): the surveys of a shop."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from services.survey.deps import SurveySettingsDep
from services.survey.surveys import service
from services.survey.surveys.schemas import SendAtOverride, SurveyOut
from shared.http.auth import ApiToken
from shared.http.deps import ClockDep, PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["surveys"])


@router.get("/surveys", response_model=list[SurveyOut])
async def list_surveys(
    shop_id: ShopIdPath,
    pool: PoolDep,
    _: ApiToken,
    order_id: Annotated[str | None, Query(max_length=128)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[SurveyOut]:
    return await service.list_surveys(pool, shop_id, order_id, limit)


@router.put("/surveys/{order_id}/send-at", response_model=list[SurveyOut])
async def override_send_at(
    shop_id: ShopIdPath,
    order_id: str,
    body: SendAtOverride,
    pool: PoolDep,
    settings: SurveySettingsDep,
    now: ClockDep,
    _: ApiToken,
) -> list[SurveyOut]:
    """Per-order override of the send time (null returns to the computed time); moved into
    the send window unless `outside_window`, and eligibility is still checked when it is due."""
    try:
        return await service.override_send_at(
            pool, settings, shop_id, order_id, body.send_at, now, body.outside_window
        )
    except service.NoSurvey:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no survey for this order") from None
