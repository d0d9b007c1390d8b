"""`GET /v1/analytics`: how a shop is doing with its reviews over a period."""

from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from services.responder.access.deps import Agent, resolve_shop
from services.responder.analytics import repository
from services.responder.analytics.nps import nps, preferred
from services.responder.shops import repository as shops
from services.responder.web import invalid, now_of, pool_of
from shared.events.envelope import SHOP_ID_PATTERN
from shared.time_bounds import TimeOutOfBounds, check_window

router = APIRouter(prefix="/v1", tags=["analytics"])

NEGATIVE_SHARE_THRESHOLD = 0.10
MAX_PERIOD = timedelta(days=366)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 2)


@router.get("/analytics")
async def analytics(
    request: Request,
    principal: Agent,
    shop_id: Annotated[str | None, Query(pattern=SHOP_ID_PATTERN)] = None,
    since: Annotated[datetime | None, Query(alias="from")] = None,
    until: Annotated[datetime | None, Query(alias="to")] = None,
) -> dict[str, Any]:
    """Reviews created in [from, to) (default: the last 30 days). Survey response rates per
    product category come from the survey service (`GET /v1/shops/{id}/survey-metrics`)."""
    shop_id = resolve_shop(principal, shop_id)
    try:
        check_window(("from", since), ("to", until))
    except TimeOutOfBounds as exc:
        raise invalid(str(exc)) from None
    now = now_of(request)
    until = until or now
    since = since or until - timedelta(days=30)
    if since.tzinfo is None or until.tzinfo is None:
        raise invalid("from and to need a UTC offset, e.g. 2026-11-01T00:00:00Z")
    if since >= until:
        raise invalid("from must be before to")
    if until - since > MAX_PERIOD:
        raise invalid("the period is at most 366 days")
    previous = (since - (until - since), since)
    async with pool_of(request).acquire() as conn:
        stats = await repository.review_stats(conn, shop_id, since, until, now)
        topics = await repository.topic_counts(conn, shop_id, since, until)
        before = await repository.topic_counts(conn, shop_id, *previous)
        opened, resolved = await repository.case_stats(conn, shop_id, since, until)
        answers = await repository.nps_counts(conn, shop_id, since, until)
        shop = await shops.get(conn, shop_id)
    negative_share = _share(stats.negatives, stats.volume)
    top = sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    return {
        "shop_id": shop_id,
        "from": since,
        "to": until,
        "volume": stats.volume,
        "average_rating": (
            round(stats.average_rating, 2) if stats.average_rating is not None else None
        ),
        "rated": stats.rated,
        "sentiments": stats.sentiments,
        "sentiment_shares": {k: _share(v, stats.volume) for k, v in stats.sentiments.items()},
        "negative_share": {
            "value": negative_share,
            "threshold": NEGATIVE_SHARE_THRESHOLD,
            "above_threshold": negative_share is not None
            and negative_share > NEGATIVE_SHARE_THRESHOLD,
        },
        "first_reply_to_negatives": {
            "answered": stats.negatives_answered,
            "unanswered": stats.negatives - stats.negatives_answered,
            "median_hours": _hours(stats.reply_median_s),
            "p90_hours": _hours(stats.reply_p90_s),
        },
        "negatives_within_sla": {
            # Of the negatives whose outcome is known (answered, or past the SLA).
            "within": stats.negatives_within_sla,
            "decided": stats.negatives_due,
            "share": _share(stats.negatives_within_sla, stats.negatives_due),
        },
        "top_topics": [
            {
                "topic": topic,
                "count": count,
                "share": _share(count, stats.volume),
                "previous_count": before.get(topic, 0),
                "change": count - before.get(topic, 0),
            }
            for topic, count in top
        ],
        "previous_period": {"from": previous[0], "to": previous[1]},
        "cases": {
            "opened": opened,
            "resolved": resolved,
            "resolution_rate": _share(resolved, opened),
        },
        "nps": {
            "standard": nps(answers, "standard"),
            "european": nps(answers, "european"),
            "preferred": preferred(shop.country),
        },
        "survey_response_rates": {
            "source": f"survey service: GET /v1/shops/{shop_id}/survey-metrics",
        },
    }
