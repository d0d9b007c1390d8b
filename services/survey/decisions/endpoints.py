"""Why an order did (not) get a survey (bearer token)."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, status

from services.survey.decisions import service
from services.survey.decisions.schemas import ExplanationOut
from services.survey.deps import SurveySettingsDep
from shared.http.auth import ApiToken
from shared.http.deps import ClockDep, PoolDep
from shared.http.params import ShopIdPath

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["surveys"])

OrderIdPath = Annotated[str, Path(min_length=1, max_length=128, description="The order id.")]


@router.get(
    "/surveys/{order_id}/explanation",
    response_model=ExplanationOut,
    responses={404: {"description": "The survey service has never heard of the order."}},
)
async def explain_order(
    shop_id: ShopIdPath,
    order_id: OrderIdPath,
    pool: PoolDep,
    settings: SurveySettingsDep,
    now: ClockDep,
    _: ApiToken,
) -> ExplanationOut:
    """The order's survey decision: `queued` (due time and the steps that computed it),
    `sent`, `answered`, `excluded` (the reason, recorded or as the facts decide when due) or
    `waiting` (what for), with the reminder's and follow-ups' states."""
    try:
        return await service.explanation(pool, settings, shop_id, order_id, now)
    except service.UnknownOrder:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, "the survey service has never heard of this order"
        ) from None
