"""`GET /v1/analytics`: how a shop is doing with its reviews over a period."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from services.responder.access.deps import Agent, resolve_shop
from services.responder.analytics import service
from services.responder.analytics.schemas import Analytics
from services.responder.web import invalid
from shared.events.envelope import SHOP_ID_PATTERN
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/v1", tags=["analytics"])


@router.get(
    "/analytics",
    response_model=Analytics,
    responses={422: {"description": "Invalid parameters, or a period the report is not for."}},
)
async def analytics(
    pool: PoolDep,
    now: ClockDep,
    principal: Agent,
    shop_id: Annotated[str | None, Query(pattern=SHOP_ID_PATTERN)] = None,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
) -> Analytics:
    """Reviews created in [from, to) (default: the last 30 days). Survey response rates per
    product category come from the survey service (`GET /v1/shops/{id}/survey-metrics`)."""
    shop_id = resolve_shop(principal, shop_id)
    try:
        return await service.report(pool, shop_id, since, until, now)
    except service.BadPeriod as exc:
        raise invalid(str(exc)) from None
