"""`GET /v1/shops/{shop_id}/survey-metrics`: what the responder's analytics need from surveys."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from services.survey.metrics import service
from services.survey.metrics.schemas import SurveyMetrics
from shared.http.auth import ApiToken
from shared.http.deps import ClockDep, PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["survey metrics"])


@router.get("/survey-metrics", response_model=SurveyMetrics)
async def survey_metrics(
    shop_id: ShopIdPath,
    pool: PoolDep,
    now: ClockDep,
    _: ApiToken,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
) -> SurveyMetrics:
    try:
        return await service.survey_metrics(pool, shop_id, since, until, now)
    except service.BadPeriod as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
