"""Moderation in the console: the shop's moderation ledger page.

- `GET /console/shops/{shop_id}/moderation?page=`: every decision on the publication of the
  shop's survey reviews, newest first, 50 a page, with the counts per reason and the reviews'
  current public statuses. Agents and up of the shop; another shop's answers 404 (as the API).
"""

import re

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse

from services.responder.access import repository as users
from services.responder.console.moderation import repository, view
from services.responder.console.pages import render, texts_for
from services.responder.console.review.view import review_url
from services.responder.console.session import ConsoleSession, Staff
from services.responder.shops import repository as shops
from shared.events.envelope import SHOP_ID_PATTERN
from shared.http.deps import PoolDep

router = APIRouter(prefix="/console", include_in_schema=False)


def _shop(request: Request, session: ConsoleSession, shop_id: str) -> str:
    if not re.fullmatch(SHOP_ID_PATTERN, shop_id) or not session.principal.can_access(shop_id):
        # As the API: another shop's ledger does not exist for this user.
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, texts_for(request, session).t("common.not_found")
        )
    return shop_id


@router.get("/shops/{shop_id}/moderation", response_class=HTMLResponse)
async def ledger_page(
    request: Request,
    shop_id: str,
    session: Staff,
    pool: PoolDep,
    page: int = Query(1, ge=1, le=1_000_000),
) -> HTMLResponse:
    _shop(request, session, shop_id)
    async with pool.acquire() as conn:
        shop = await shops.get(conn, shop_id)
        total = await repository.ledger_size(conn, shop_id)
        at = view.pages(total, page)
        entries = await repository.ledger(conn, shop_id, view.PER_PAGE, at.offset)
        counts = await repository.counts_per_reason(conn, shop_id)
        now_shown = await repository.status_counts(conn, shop_id)
        staff = {u.id: u.name for u in await users.list_users(conn, [shop_id])}
    return render(
        request,
        "moderation/ledger.html",
        session,
        shop_id=shop_id,
        shop_name=shop.display_name or shop_id,
        entries=[
            (e, view.actor_name(e.actor, staff), review_url(shop_id, e.review_id)) for e in entries
        ],
        counts=[(reason, counts[reason]) for reason in view.REASONS if reason in counts],
        now_shown=now_shown,
        at=at,
        newer=view.ledger_url(shop_id, at.newer) if at.newer else None,
        older=view.ledger_url(shop_id, at.older) if at.older else None,
    )
