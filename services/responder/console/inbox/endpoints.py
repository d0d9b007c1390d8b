"""The inbox: the user's shop's reviews, unanswered first by urgency, with filters, counts per
filter value and live updates.

- `GET /console/inbox`: the page (a plain GET form of filters; works without JavaScript);
- `GET /console/inbox/list`: the results part alone (counts, rows, next-page link), which the
  page asks for again when a review of the shop changes;
- `GET /console/inbox/events?shop_id=`: server-sent events, `event: reviews` when a review of
  that shop was stored or deleted (at most two a second), a comment every
  `HEARTBEAT_S`; it ends when the browser goes or the session does.

Everything comes from the API's own service (`reviews.service.page` and `counts`), with the
same shop scope: another shop's id answers 404, as `GET /v1/reviews` does.
"""

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import HTMLResponse, StreamingResponse

from services.responder.access import repository as users
from services.responder.console.auth import service as auth
from services.responder.console.inbox import view
from services.responder.console.inbox.feed import InboxFeed
from services.responder.console.pages import HEADERS, render
from services.responder.console.session import COOKIE, ConsoleSession, Staff, policy_of
from services.responder.reviews import service as reviews
from services.responder.reviews.schemas import ReviewOut
from services.responder.shops import repository as shops
from services.responder.web import ResponderSettingsDep
from shared.db.pool import Pool
from shared.http.deps import ClockDep, PoolDep, RuntimeDep

router = APIRouter(prefix="/console", include_in_schema=False)

# How often an idle event stream sends a comment (proxies close silent connections) and checks
# that its session still holds; and the least time between two events of one stream.
HEARTBEAT_S = 15.0
MIN_EVENT_GAP_S = 0.5


def _query(request: Request) -> view.InboxQuery:
    try:
        return view.parse(dict(request.query_params))
    except view.BadFilter as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None


def _shop(session: ConsoleSession, wanted: str) -> str:
    """The shop the inbox shows: as asked (in the user's scope, else 404 as the API answers),
    or the user's first."""
    mine = sorted(session.principal.shop_ids or ())
    if wanted:
        if not session.principal.can_access(wanted):
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such shop")
        return wanted
    if not mine:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such shop")
    return mine[0]


def review_url(shop_id: str, review_id: str) -> str:
    """The review page (plan: `/console/reviews/{shop_id}/{review_id}`), ids percent-encoded
    as the notifier's email links encode them."""
    return f"/console/reviews/{quote(shop_id, safe='')}/{quote(review_id, safe='')}"


async def _people(pool: Pool, session: ConsoleSession, shop_id: str) -> dict[str, Any]:
    async with pool.acquire() as conn:
        mine = sorted(session.principal.shop_ids or ())
        known = {s.shop_id: s.display_name for s in await shops.list_known(conn, mine)}
        staff = [u for u in await users.list_users(conn, [shop_id]) if shop_id in u.shop_ids]
    return {
        "shops": [(s, known.get(s) or s) for s in mine],
        "staff": {u.id: u.name for u in staff},
        "active_staff": [(u.id, u.name) for u in staff if u.active],
    }


def _row(item: ReviewOut, staff: dict[int, str], now: datetime) -> dict[str, Any]:
    answered = item.first_replied_at is not None
    assignee = item.case.assignee_id if item.case else None
    return {
        "item": item,
        "url": review_url(item.shop_id, item.review_id),
        "heading": item.title or view.excerpt(item.text, 80) or item.review_id,
        "excerpt": view.excerpt(item.text),
        "countdown": None if answered else view.countdown(item.sla_due_at, now),
        # The urgency order's first group: only these are marked late in colour (a positive
        # review past its SLA waits for nobody, unless the classifier saw a complaint in it).
        "needs_reply": not answered
        and (
            item.sentiment == "negative"
            or item.severity == "high"
            or item.person_reason is not None
        ),
        "assignee": (staff.get(assignee) or f"#{assignee}") if assignee is not None else None,
    }


async def _results(
    pool: Pool, session: ConsoleSession, query: view.InboxQuery, now: datetime
) -> dict[str, Any]:
    shop_id = _shop(session, query.shop_id)
    wanted = view.review_filter(query, shop_id, now)
    assigned = query.assigned or None
    principal = session.principal
    try:
        # Three connections at once: the page, its counts, the shop's people.
        page, counts, people = await asyncio.gather(
            reviews.page(pool, principal, wanted, assigned=assigned, cursor=query.cursor or None),
            reviews.counts(pool, principal, wanted, assigned=assigned),
            _people(pool, session, shop_id),
        )
    except reviews.Invalid as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None
    shown = replace(query, shop_id=shop_id)
    return {
        "query": shown,
        "shop_id": shop_id,
        "page": page,
        "counts": counts,
        "facets": view.facets(shown, counts.by),
        "rows": [_row(item, people["staff"], now) for item in page.items],
        "list_url": "/console/inbox/list?" + shown.params(),
        "next_url": (
            "/console/inbox?" + shown.params(cursor=page.next_cursor) if page.next_cursor else None
        ),
        "first_url": "/console/inbox?" + shown.params(cursor="") if query.cursor else None,
        "events_url": "/console/inbox/events?" + view.InboxQuery(shop_id=shop_id).params(),
        **people,
    }


@router.get("/inbox", response_class=HTMLResponse)
async def inbox(request: Request, session: Staff, pool: PoolDep, now: ClockDep) -> HTMLResponse:
    query = _query(request)
    results = await _results(pool, session, query, now)
    return render(
        request,
        "inbox/page.html",
        session,
        sentiments=view.SENTIMENTS,
        states=view.STATES,
        sla_states=view.SLA_STATES,
        platforms=view.PLATFORMS,
        topics=view.TOPICS,
        **results,
    )


@router.get("/inbox/list", response_class=HTMLResponse)
async def inbox_list(
    request: Request, session: Staff, pool: PoolDep, now: ClockDep
) -> HTMLResponse:
    query = _query(request)
    results = await _results(pool, session, query, now)
    return render(request, "inbox/results.html", session, **results)


def _feed(request: Request, schema: str) -> InboxFeed:
    """The process's one feed (app.state), made on first use."""
    feed = getattr(request.app.state, "inbox_feed", None)
    if not isinstance(feed, InboxFeed):
        feed = InboxFeed(schema)
        request.app.state.inbox_feed = feed
    return feed


@router.get("/inbox/events")
async def inbox_events(
    request: Request,
    session: Staff,
    pool: PoolDep,
    runtime: RuntimeDep,
    settings: ResponderSettingsDep,
) -> StreamingResponse:
    shop_id = _shop(session, request.query_params.get("shop_id", ""))
    feed = _feed(request, settings.db_schema)
    token = request.cookies.get(COOKIE, "")
    policy = policy_of(settings)

    async def still_signed_in() -> bool:
        return await auth.live(pool, token, runtime.clock(), policy) is not None

    async def stream() -> AsyncIterator[str]:
        # A browser reconnects by itself after `retry` ms when the stream ends or breaks.
        yield "retry: 3000\n: connected\n\n"
        async with feed.watching(pool, frozenset({shop_id})) as watcher:
            while True:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(watcher.wake.wait(), HEARTBEAT_S)
                if not watcher.wake.is_set():
                    if not await still_signed_in():
                        yield "event: signed_out\ndata: {}\n\n"
                        return
                    yield ": heartbeat\n\n"
                    continue
                changed = sorted(watcher.take())
                yield f"event: reviews\ndata: {json.dumps({'shops': changed})}\n\n"
                # Many reviews at once (an import, a busy hour) make one refresh per gap.
                await asyncio.sleep(MIN_EVENT_GAP_S)

    headers = {**HEADERS, "X-Accel-Buffering": "no"}
    return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)
