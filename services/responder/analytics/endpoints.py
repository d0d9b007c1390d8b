"""`GET /v1/analytics`: how a shop is doing with its reviews over a period;
`GET /v1/analytics/weekly`: the same figures week by week (the console's charts)."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from services.responder.access.deps import Agent, resolve_shop
from services.responder.analytics import service
from services.responder.analytics.schemas import Analytics, WeeklyAnalytics
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


@router.get(
    "/analytics/weekly",
    response_model=WeeklyAnalytics,
    responses={
        404: {"description": "A shop outside the caller's scope."},
        422: {"description": "Invalid parameters: weeks must be 1 to 52."},
    },
)
async def weekly(
    pool: PoolDep,
    now: ClockDep,
    principal: Agent,
    shop_id: Annotated[str | None, Query(pattern=SHOP_ID_PATTERN)] = None,
    weeks: Annotated[int, Query(ge=1, le=service.MAX_WEEKS)] = service.DEFAULT_WEEKS,
) -> WeeklyAnalytics:
    """The last `weeks` UTC weeks (Monday to Monday), oldest first, the current week last:
    reviews, negative share against the 10 % line, first-reply times of negatives against the
    shop's SLA, NPS in both variants, and topics against the week before."""
    shop_id = resolve_shop(principal, shop_id)
    return await service.weekly(pool, shop_id, weeks, now)
