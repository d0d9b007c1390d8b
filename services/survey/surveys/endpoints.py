"""Read API of scheduled surveys: `GET /v1/shops/{shop_id}/surveys`."""

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Query, Request

from services.survey.surveys import repository
from services.survey.surveys.schemas import SurveyOut
from shared.http.auth import ApiToken
from shared.http.params import ShopIdPath
from shared.runtime import Runtime

router = APIRouter(prefix="/v1/shops/{shop_id}/surveys", tags=["surveys"])


@router.get("")
async def list_surveys(
    shop_id: ShopIdPath,
    request: Request,
    _: ApiToken,
    order_id: Annotated[str | None, Query(max_length=128)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[SurveyOut]:
    runtime: Runtime = request.app.state.runtime
    rows = await repository.list_for_shop(runtime.db, shop_id, order_id, limit)
    return [SurveyOut(**asdict(r)) for r in rows]
