"""The review and case page: the review, what the classifier found and why, the order, the
survey comment and NPS, the case's other reviews, notes, assignment, the case workflow, the
removal request (managers), the reply panel and the audit history.

- `GET /console/reviews/{shop_id}/{review_id:path}`: the page. Review ids may hold '/', '#',
  '?' or spaces; links encode the id as one segment and Starlette decodes it.
- `POST /console/case/{shop_id}/{action}` with the review's id in the form field `review`:
  `open`, `transitions` (`to`), `assignee` (`user_id`: a user id, `me` or empty for nobody),
  `notes` (`body`), `removal` (`reason`, `evidence`; managers). Not below
  `/console/reviews/...`: the page's `{review_id:path}` would take any suffix as part of an id.

Each action calls the same service function as the API (`cases/service.py`), with the same
roles and shop scope, then redirects back with a message (`?done=`); a refusal shows the page
again with the reason (409 or 422), an agent's removal request 403, another shop's review 404.
"""

from datetime import datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.responder.access import repository as users
from services.responder.cases import service as cases
from services.responder.cases.workflow import STATUSES, CaseStatus, IllegalTransition
from services.responder.console.i18n import Texts
from services.responder.console.inbox.view import excerpt
from services.responder.console.moderation.view import moderation_panel
from services.responder.console.pages import render
from services.responder.console.replies.view import reply_panel
from services.responder.console.review import repository, view
from services.responder.console.session import ConsoleSession, Staff, StaffChange
from services.responder.reviews import service as reviews
from services.responder.reviews.lookup import AmbiguousReview, ReviewNotFound
from services.responder.reviews.schemas import ReviewFull
from shared.db.pool import Pool
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/console", include_in_schema=False)

ACTIONS = ("open", "transitions", "assignee", "notes", "sentiment", "removal")
# The sentiment form's values: a person's reading, or back to the classifier's.
_SENTIMENTS: dict[str, str | None] = {
    "negative": "negative",
    "neutral": "neutral",
    "positive": "positive",
    "classifier": None,
}
# The API's limits (cases/schemas.py), checked here so a refusal names the field.
NOTE_MAX = 5000
EVIDENCE_MIN, EVIDENCE_MAX = 10, 5000
REVIEW_ID_MAX = 128
_STEP: dict[str, CaseStatus] = {s: s for s in STATUSES}


async def _full(
    pool: Pool, session: ConsoleSession, shop_id: str, review_id: str, now: datetime
) -> ReviewFull:
    try:
        found = await reviews.detail(pool, session.principal, review_id, shop_id, now)
    except (ReviewNotFound, AmbiguousReview):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such review") from None
    return ReviewFull.model_validate(found)


async def _page(
    request: Request,
    session: ConsoleSession,
    pool: Pool,
    shop_id: str,
    review_id: str,
    now: datetime,
    *,
    refusal: str = "",
    status_code: int = 200,
    typed: dict[str, str] | None = None,
) -> HTMLResponse:
    full = await _full(pool, session, shop_id, review_id, now)
    r = full.review
    async with pool.acquire() as conn:
        people = [u for u in await users.list_users(conn, [shop_id]) if shop_id in u.shop_ids]
        nps = await repository.nps_of_order(conn, shop_id, r.order_id) if r.order_id else None
    staff = {u.id: u.name for u in people}
    reply = await reply_panel(pool, session, full, now)
    moderation = await moderation_panel(pool, session, full)
    done = request.query_params.get("done", "")
    case = full.case
    return render(
        request,
        "review/page.html",
        session,
        status=status_code,
        full=full,
        r=r,
        case=case,
        url=view.review_url(shop_id, r.review_id),
        # As the inbox names it: a survey or Google review has no title, and its id
        # ("survey:survey-eI0Q...-p-1") tells staff nothing.
        heading=r.title or excerpt(r.text, 80) or r.review_id,
        found=view.classification(r.classification),
        order=view.order(r.order),
        nps=nps,
        others=[
            (o, view.review_url(shop_id, o.review_id))
            for o in full.case_reviews
            if o.review_id != r.review_id
        ],
        steps=view.steps(full),
        next_steps=view.next_steps(full),
        statuses=STATUSES,
        staff=staff,
        active_staff=[(u.id, u.name) for u in people if u.active],
        assignee=(
            (staff.get(case.assignee_id) or f"#{case.assignee_id}")
            if case is not None and case.assignee_id is not None
            else None
        ),
        audit=[(a, view.actor_name(a.actor, staff)) for a in reversed(full.audit)],
        notes=[(n, view.actor_name(n.author, staff)) for n in full.notes],
        removals=full.removal_requests,
        grounds=view.grounds(full),
        reasons=view.REASONS,
        platform_categories=view.PLATFORM_CATEGORIES,
        may_request_removal=session.principal.at_least("manager"),
        reply=reply,
        moderation=moderation,
        done=done if done in view.DONE else "",
        refusal=refusal,
        typed=typed or {},
        limits={"note": NOTE_MAX, "evidence_min": EVIDENCE_MIN, "evidence": EVIDENCE_MAX},
        user_id=session.principal.user_id,
    )


@router.get("/reviews/{shop_id}/{review_id:path}", response_class=HTMLResponse)
async def review_page(
    request: Request, shop_id: str, review_id: str, session: Staff, pool: PoolDep, now: ClockDep
) -> HTMLResponse:
    if not review_id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such review")
    return await _page(request, session, pool, shop_id, review_id, now)


def _field(form: Any, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


class _Refused(Exception):
    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message


async def _act(
    action: str,
    form: Any,
    session: ConsoleSession,
    pool: Pool,
    shop_id: str,
    review_id: str,
    now: datetime,
    texts: Texts,
) -> str:
    """Does one action through the API's service; its `done` key, or raises `_Refused`."""
    t = texts.t
    principal = session.principal
    if action == "open":
        await cases.open_case_for(pool, principal, review_id, shop_id, now)
        return "opened"
    if action == "transitions":
        wanted = _STEP.get(_field(form, "to"))
        if wanted is None:
            raise _Refused(422, t("review.refused_step", step=_field(form, "to")))
        await cases.move_case(pool, principal, review_id, shop_id, wanted, now)
        return "moved"
    if action == "assignee":
        chosen = _field(form, "user_id").strip()
        if chosen == "me":
            if principal.user_id is None:
                raise _Refused(422, t("review.refused_assignee"))
            assignee: int | None = principal.user_id
        elif chosen == "":
            assignee = None
        elif chosen.isascii() and chosen.isdigit() and len(chosen) <= 18:
            assignee = int(chosen)
        else:
            raise _Refused(422, t("review.refused_assignee"))
        await cases.assign_case(pool, principal, review_id, shop_id, assignee, now)
        return "assigned"
    if action == "notes":
        body = _field(form, "body").strip()
        if not body or len(body) > NOTE_MAX:
            raise _Refused(422, t("review.refused_note", max=NOTE_MAX))
        await cases.add_note(pool, principal, review_id, shop_id, body, now)
        return "note_added"
    if action == "sentiment":
        value = _field(form, "sentiment")
        if value not in _SENTIMENTS:
            raise _Refused(422, t("review.refused_sentiment"))
        await reviews.correct_sentiment(
            pool, principal, review_id, shop_id, _SENTIMENTS[value], now
        )
        return "sentiment_set"
    # removal
    if not principal.at_least("manager"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, t("review.removal_managers_only"))
    reason = _field(form, "reason")
    evidence = _field(form, "evidence").strip()
    if reason not in view.REASONS:
        raise _Refused(422, t("review.refused_reason"))
    if not EVIDENCE_MIN <= len(evidence) <= EVIDENCE_MAX:
        raise _Refused(422, t("review.refused_evidence", min=EVIDENCE_MIN, max=EVIDENCE_MAX))
    await cases.prepare_removal(pool, principal, review_id, shop_id, reason, evidence, now)
    return "removal_prepared"


_ANCHOR = {
    "opened": "case",
    "moved": "case",
    "assigned": "case",
    "note_added": "notes",
    "sentiment_set": "classification",
    "removal_prepared": "removal",
}


@router.post("/case/{shop_id}/{action}", response_class=HTMLResponse)
async def case_action(
    request: Request,
    shop_id: str,
    action: str,
    session: StaffChange,
    pool: PoolDep,
    now: ClockDep,
) -> Response:
    if action not in ACTIONS:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such action")
    form = await request.form()
    review_id = _field(form, "review")
    if not review_id or len(review_id) > REVIEW_ID_MAX:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such review")
    texts = Texts(session.language)
    try:
        done = await _act(action, form, session, pool, shop_id, review_id, now, texts)
    except (ReviewNotFound, AmbiguousReview):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such review") from None
    except _Refused as exc:
        refused: tuple[int, str] = (exc.status_code, exc.message)
    except IllegalTransition as exc:
        allowed = ", ".join(texts.t("review.status_" + s) for s in exc.allowed)
        refused = (
            409,
            texts.t(
                "review.refused_transition",
                current=texts.t("review.status_" + exc.current),
                wanted=texts.t("review.status_" + exc.wanted),
                allowed=allowed or texts.t("review.no_next_step"),
            ),
        )
    except cases.NoCase:
        refused = (409, texts.t("review.refused_no_case"))
    except cases.CaseExists:
        refused = (409, texts.t("review.refused_case_exists"))
    except cases.Invalid as exc:
        refused = (422, texts.t("review.refused_invalid", reason=str(exc)))
    else:
        target = f"{view.review_url(shop_id, review_id)}?done={done}#{_ANCHOR[done]}"
        return RedirectResponse(target, status_code=303)
    typed = {k: _field(form, k) for k in ("body", "reason", "evidence")}
    return await _page(
        request,
        session,
        pool,
        shop_id,
        review_id,
        now,
        refusal=refused[1],
        status_code=refused[0],
        typed=typed,
    )
