"""Removal requests: `GET /console/removals?shop_id=` lists the prepared requests (reason,
evidence, status, who and when) and the reviews the classifier flags as removal candidates,
across the user's shops or of one of them (another shop answers 404, as the API does). Each
links to the review's page, where managers prepare a request with its evidence.

The requests come from the API's own service (`GET /v1/removal-requests`), the candidates from
the review list's (`GET /v1/reviews?removal_candidate=true`), most urgent first."""

import asyncio
from datetime import datetime

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import HTMLResponse

from services.responder.cases import service as cases
from services.responder.cases.schemas import ListedRemovalRequest
from services.responder.console.pages import render
from services.responder.console.review.view import review_url
from services.responder.console.session import ConsoleSession, Staff
from services.responder.reviews import service as reviews
from services.responder.reviews.query import ReviewFilter
from services.responder.reviews.schemas import ReviewPage
from services.responder.shops import repository as shops
from shared.db.pool import Pool
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/console", include_in_schema=False)

# Per shop: the page is a worklist, not an archive (the inbox's removal filter shows all).
CANDIDATES_PER_SHOP = 50
REQUESTS_SHOWN = 200


async def _candidates(
    pool: Pool, session: ConsoleSession, shop_id: str, now: datetime
) -> ReviewPage:
    wanted = ReviewFilter(
        shop_id=shop_id, now=now, removal_candidate=True, limit=CANDIDATES_PER_SHOP
    )
    return await reviews.page(pool, session.principal, wanted)


@router.get("/removals", response_class=HTMLResponse)
async def removals(request: Request, session: Staff, pool: PoolDep, now: ClockDep) -> HTMLResponse:
    mine = sorted(session.principal.shop_ids or ())
    chosen = request.query_params.get("shop_id", "")
    if chosen and not session.principal.can_access(chosen):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such shop")
    shown = [chosen] if chosen else mine
    rows = await cases.removal_requests(
        pool, session.principal, chosen or None, None, REQUESTS_SHOWN
    )
    requests = [ListedRemovalRequest.model_validate(r) for r in rows] if shown else []
    pages = await asyncio.gather(*(_candidates(pool, session, s, now) for s in shown))
    async with pool.acquire() as conn:
        names = {s.shop_id: s.display_name for s in await shops.list_known(conn, mine)}
    requested = {(r.shop_id, r.review_id) for r in requests}
    return render(
        request,
        "removals/page.html",
        session,
        shops=[(s, names.get(s) or s) for s in mine],
        names=names,
        chosen=chosen,
        requests=[(r, review_url(r.shop_id, r.review_id)) for r in requests],
        candidates=[
            (
                item,
                review_url(item.shop_id, item.review_id),
                (item.shop_id, item.review_id) in requested,
            )
            for page in pages
            for item in page.items
        ],
        more=[s for s, page in zip(shown, pages, strict=True) if page.next_cursor],
        per_shop=CANDIDATES_PER_SHOP,
    )
