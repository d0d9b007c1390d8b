"""`GET /v1/shops/{shop_id}/survey-metrics`: what the responder's analytics need from surveys."""

from collections import defaultdict
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, status

from services.survey.metrics import repository
from services.survey.metrics.categories import TYPICAL_RESPONSE_RATES, canonical_category
from services.survey.metrics.nps import nps, preferred_variant
from services.survey.shops import repository as shops
from shared.http.auth import ApiToken
from shared.http.params import ShopIdPath
from shared.runtime import Runtime
from shared.time_bounds import TimeOutOfBounds, check_window

router = APIRouter(prefix="/v1/shops/{shop_id}", tags=["survey metrics"])


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@router.get("/survey-metrics")
async def survey_metrics(
    shop_id: ShopIdPath,
    request: Request,
    _: ApiToken,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
) -> dict[str, Any]:
    runtime: Runtime = request.app.state.runtime
    try:
        check_window(("from", since), ("to", until))
    except TimeOutOfBounds as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(exc)) from None
    until = until or runtime.clock()
    since = since or until - timedelta(days=30)
    if since.tzinfo is None or until.tzinfo is None:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "from/to need a UTC offset")
    if since >= until:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "from must be before to")
    async with runtime.db.acquire() as conn:
        counts = await repository.email_counts(conn, shop_id, since, until)
        per_survey = await repository.sent_and_answered_by_first_item_category(
            conn, shop_id, since, until
        )
        answers = await repository.nps_counts(conn, shop_id, since, until)
        shop = await shops.get(conn, shop_id)
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for category, answered in per_survey:
        bucket = by_category[canonical_category(category)]
        bucket[0] += 1
        bucket[1] += int(answered)
    return {
        "shop_id": shop_id,
        "from": since,
        "to": until,
        **asdict(counts),
        "response_rate": _rate(counts.answered, counts.sent),
        "by_category": [
            {
                "category": name,
                "sent": sent,
                "answered": answered,
                "response_rate": _rate(answered, sent),
                "typical_response_rate": TYPICAL_RESPONSE_RATES.get(name),
            }
            for name, (sent, answered) in sorted(by_category.items())
        ],
        "nps": {
            "standard": asdict(nps(answers, "standard")),
            "european": asdict(nps(answers, "european")),
            "preferred": preferred_variant(shop.country),
        },
    }
