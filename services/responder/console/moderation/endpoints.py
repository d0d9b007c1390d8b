"""Moderation in the console: the publication panel's actions and the shop's ledger page.

- `POST /console/moderation/{shop_id}/decisions` (`review`, `action` hold|reject|publish,
  `reason`, `evidence`) and `POST /console/moderation/{shop_id}/redactions` (`review`,
  `phrases` one per line, `evidence`, `intent` preview|redact): managers and admins, with the
  session's CSRF token. The review's id is a form field, not a path segment (a review id may
  hold '/'). Each calls the API's own service (`moderation/service.py`), so the ledger and the
  audit log name the user; success redirects to the review page's panel. A refusal shows the
  form again with the reason: 422 for a reason not on the fixed list (the service's answer,
  naming the law), missing evidence or a phrase not in the text, 409 for a review shoppers are
  never shown; an agent's POST is 403, another shop's review 404. A redaction preview changes
  nothing: it shows the text before and after.
- `GET /console/shops/{shop_id}/moderation?page=`: every decision on the publication of the
  shop's survey reviews, newest first, 50 a page, with the counts per reason and the reviews'
  current public statuses. Agents and up of the shop; another shop's answers 404 (as the API).
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, get_args

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.responder.console.i18n import Texts
from services.responder.console.moderation import repository, view
from services.responder.console.pages import render, texts_for
from services.responder.console.review.view import review_url
from services.responder.console.session import ConsoleSession, Staff, StaffChange
from services.responder.moderation import service
from services.responder.moderation.schemas import Action, ModerationState
from services.responder.shops import repository as shops
from shared.db.pool import Pool
from shared.events.envelope import SHOP_ID_PATTERN
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/console", include_in_schema=False)

REVIEW_ID_MAX = 128
_ACTIONS: dict[str, Action] = {a: a for a in get_args(Action)}


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
    reason: str | None = Query(None, max_length=64),
) -> HTMLResponse:
    _shop(request, session, shop_id)
    texts = Texts(session.language)
    try:
        found = await service.ledger(
            pool, session.principal, shop_id, None, reason or None, page, view.PER_PAGE
        )
    except service.NoSuchReview:
        raise HTTPException(status.HTTP_404_NOT_FOUND, texts.t("common.not_found")) from None
    except service.ReasonRefused as exc:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            texts.t("moderation.refused_reason", reason=str(exc)),
        ) from None
    async with pool.acquire() as conn:
        shop = await shops.get(conn, shop_id)
        now_shown = await repository.status_counts(conn, shop_id)
    staff = await view.staff_of(pool, shop_id)
    at = view.pages(found.total, found.page)
    if at.page != found.page:
        # Past the last page: the last page rather than an empty one that reads "no decision".
        found = await service.ledger(
            pool, session.principal, shop_id, None, reason or None, at.page, view.PER_PAGE
        )
    return render(
        request,
        "moderation/ledger.html",
        session,
        shop_id=shop_id,
        shop_name=shop.display_name or shop_id,
        entries=[
            (d, view.actor_name(d.actor, staff), review_url(shop_id, d.review_id))
            for d in found.decisions
        ],
        counts=[(c, view.ledger_url(shop_id, reason=c.reason)) for c in found.counts],
        reason=reason or "",
        all_url=view.ledger_url(shop_id),
        now_shown=now_shown,
        at=at,
        newer=view.ledger_url(shop_id, at.newer, reason) if at.newer else None,
        older=view.ledger_url(shop_id, at.older, reason) if at.older else None,
    )


def _field(form: Any, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


class _Refused(Exception):
    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message


async def _target(request: Request, session: ConsoleSession, shop_id: str) -> tuple[Any, str]:
    """The form and its review id, after the shop scope and the role (an agent sees the panel
    without forms: a forged POST is refused here)."""
    _shop(request, session, shop_id)
    texts = Texts(session.language)
    if not session.principal.at_least("manager"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, texts.t("moderation.managers_only"))
    form = await request.form()
    review_id = _field(form, "review")
    if not review_id or len(review_id) > REVIEW_ID_MAX:
        raise HTTPException(status.HTTP_404_NOT_FOUND, texts.t("moderation.no_such_review"))
    return form, review_id


@contextmanager
def _answers(texts: Texts) -> Iterator[None]:
    """The service's refusals as the console answers them."""
    try:
        yield
    except service.NoSuchReview:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, texts.t("moderation.no_such_review")
        ) from None
    except service.NotPublishable as exc:
        raise HTTPException(
            status.HTTP_409_CONFLICT, texts.t("moderation.not_publishable", reason=str(exc))
        ) from None
    except service.Forbidden:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, texts.t("moderation.managers_only")
        ) from None
    except service.NothingToChange as exc:
        raise _Refused(409, texts.t("moderation.refused_nothing", reason=str(exc))) from None
    except service.ReasonRefused as exc:
        raise _Refused(422, texts.t("moderation.refused_reason", reason=str(exc))) from None
    except service.PhraseNotFound as exc:
        raise _Refused(422, texts.t("moderation.refused_redaction", reason=str(exc))) from None


async def _state(
    pool: Pool, session: ConsoleSession, shop_id: str, review_id: str
) -> ModerationState:
    with _answers(Texts(session.language)):
        return await service.state(pool, session.principal, shop_id, review_id)


async def _again(
    request: Request,
    session: ConsoleSession,
    pool: Pool,
    shop_id: str,
    review_id: str,
    *,
    form: str,
    status_code: int,
    typed: dict[str, str],
    refusal: str = "",
    phrases: list[str] | None = None,
) -> HTMLResponse:
    """The form again with what was typed: after a refusal, or as the redaction preview."""
    state = await _state(pool, session, shop_id, review_id)
    parts = view.preview(state, phrases) if phrases and not refusal else []
    return render(
        request,
        "moderation/action.html",
        session,
        status=status_code,
        m=view.context(state, session, await view.staff_of(pool, shop_id)),
        form=form,
        refusal=refusal,
        typed=typed,
        preview={"parts": parts} if parts else None,
        back=review_url(shop_id, review_id) + "#moderation",
    )


def _done(shop_id: str, review_id: str) -> RedirectResponse:
    return RedirectResponse(review_url(shop_id, review_id) + "#moderation", status_code=303)


@router.post("/moderation/{shop_id}/decisions", response_class=HTMLResponse)
async def decide(
    request: Request, shop_id: str, session: StaffChange, pool: PoolDep, now: ClockDep
) -> Response:
    form, review_id = await _target(request, session, shop_id)
    texts = Texts(session.language)
    t = texts.t
    action = _ACTIONS.get(_field(form, "action"))
    reason = _field(form, "reason").strip()
    evidence = _field(form, "evidence").strip()
    typed = {"reason": reason, "evidence": evidence}
    try:
        if action is None:
            raise _Refused(422, t("moderation.refused_action", action=_field(form, "action")[:40]))
        if action != "publish" and not reason:
            raise _Refused(422, t("moderation.refused_reason_field", reason=""))
        if (action != "publish" and not evidence) or len(evidence) > view.EVIDENCE_MAX:
            raise _Refused(422, t("moderation.refused_evidence", max=view.EVIDENCE_MAX))
        with _answers(texts):
            await service.decide(
                pool,
                session.principal,
                shop_id,
                review_id,
                action,
                # A reason goes to the service as typed: only its refusal names the law.
                reason if action != "publish" else None,
                evidence or None,
                now,
            )
    except _Refused as exc:
        return await _again(
            request, session, pool, shop_id, review_id, form="decide",
            status_code=exc.status_code, typed=typed, refusal=exc.message,
        )  # fmt: skip
    return _done(shop_id, review_id)


@router.post("/moderation/{shop_id}/redactions", response_class=HTMLResponse)
async def redact(
    request: Request, shop_id: str, session: StaffChange, pool: PoolDep, now: ClockDep
) -> Response:
    form, review_id = await _target(request, session, shop_id)
    texts = Texts(session.language)
    t = texts.t
    typed = {"phrases": _field(form, "phrases"), "evidence": _field(form, "evidence").strip()}
    phrases = view.phrases_of(typed["phrases"])
    evidence = typed["evidence"]
    try:
        if not phrases or len(phrases) > view.PHRASES_MAX:
            raise _Refused(422, t("moderation.refused_phrases", max=view.PHRASES_MAX))
        if any(len(p) > view.PHRASE_MAX for p in phrases):
            raise _Refused(422, t("moderation.refused_phrase_long", max=view.PHRASE_MAX))
        if len(evidence) > view.EVIDENCE_MAX:
            raise _Refused(422, t("moderation.refused_evidence", max=view.EVIDENCE_MAX))
        if _field(form, "intent") != "redact":
            # The preview changes nothing; a phrase not in the text is named already.
            state = await _state(pool, session, shop_id, review_id)
            missing = view.missing_phrase((state.title, state.body), phrases)
            if missing is not None:
                raise _Refused(422, t("moderation.refused_phrase", number=missing))
            return await _again(
                request, session, pool, shop_id, review_id, form="redact", status_code=200,
                typed={**typed, "previewed": "yes"}, phrases=phrases,
            )  # fmt: skip
        with _answers(texts):
            await service.redact(
                pool, session.principal, shop_id, review_id, phrases, evidence or None, now
            )
    except _Refused as exc:
        return await _again(
            request, session, pool, shop_id, review_id, form="redact",
            status_code=exc.status_code, typed=typed, refusal=exc.message,
        )  # fmt: skip
    return _done(shop_id, review_id)
