"""The console's analytics page: a shop's weeks as charts (inline SVG drawn on the server) with
their figures as tables. The numbers are `GET /v1/analytics/weekly`'s (the same service
call) and the survey service's `GET /v1/shops/{id}/survey-metrics`."""

import re
from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import HTMLResponse

from services.responder.analytics import service
from services.responder.console.analytics import view
from services.responder.console.pages import render, texts_for
from services.responder.console.session import Staff
from services.responder.shops import service as shops
from services.responder.shops.schemas import Shop
from services.responder.web import ResponderSettingsDep
from shared.events.envelope import SHOP_ID_PATTERN
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/console", include_in_schema=False)

WEEK_CHOICES = (4, 8, 12, 26, 52)


def _weeks(raw: str | None, t: view.Text) -> int:
    # Parsed here, not by FastAPI: a wrong value gets the console's error page, not JSON.
    if raw is None or raw == "":
        return service.DEFAULT_WEEKS
    if not raw.isdigit() or not 1 <= int(raw) <= service.MAX_WEEKS:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, t("analytics.bad_weeks", max=service.MAX_WEEKS)
        )
    return int(raw)


@router.get("/analytics")
async def analytics(
    request: Request,
    session: Staff,
    pool: PoolDep,
    now: ClockDep,
    settings: ResponderSettingsDep,
    shop_id: str | None = None,
    weeks: str | None = None,
) -> HTMLResponse:
    t = texts_for(request, session).t
    n = _weeks(weeks, t)
    principal = session.principal
    if shop_id:
        if not re.fullmatch(SHOP_ID_PATTERN, shop_id):
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, t("analytics.bad_shop"))
        if not principal.can_access(shop_id):
            # As the API: another shop's figures do not exist for this user.
            raise HTTPException(status.HTTP_404_NOT_FOUND, t("common.not_found"))
    options = await shops.list_shops(pool, principal)
    chosen = shop_id or (options[0].shop_id if options else None)
    if chosen is not None and all(s.shop_id != chosen for s in options):
        # An admin's shop the registry has not announced yet: still in the picker.
        options.insert(0, Shop(shop_id=chosen, connector_configured=False))
    context: dict[str, Any] = {
        "shops": options,
        "shop_id": chosen,
        "weeks": n,
        "week_choices": sorted({*WEEK_CHOICES, n}),
    }
    if chosen is None:
        return render(request, "analytics/analytics.html", session, data=None, **context)
    data = await service.weekly(pool, chosen, n, now)
    negative, history = view.negative_share(data, t)
    topic_chart, topic_rows = view.topics(data, t)
    name = next((s.display_name for s in options if s.shop_id == chosen and s.display_name), chosen)
    return render(
        request,
        "analytics/analytics.html",
        session,
        data=data,
        shop_name=name,
        first=data.series[0].since.date().isoformat(),
        last=data.series[-1].since.date().isoformat(),
        api=f"/v1/analytics/weekly?shop_id={chosen}&weeks={n}",
        negative=negative,
        alarms=history,
        nps=view.nps(data, t),
        reply=view.first_reply(data, t),
        rates=await view.response_rates(settings, chosen, data, t),
        topic_chart=topic_chart,
        topic_rows=topic_rows,
        **context,
    )
