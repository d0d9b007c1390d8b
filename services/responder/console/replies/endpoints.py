"""The reply actions of a review page's reply panel (the panel itself: `view.py` and
`templates/replies/panel.html`, included by the review page).

- `POST /console/drafts/new` (form: `shop_id`, `review_id`, optional `language` and
  `template_id`): a draft from the shop's templates (the best match, or the one chosen) in the
  reviewer's language (or the one chosen), as `POST /v1/reviews/{id}/drafts` makes it. The
  review's id is a form field, not a path segment: review ids may hold '/'.
- `POST /console/drafts/{draft_id}` (form: `text`): saves an edit, as `PUT /v1/drafts/{id}`.
- `POST /console/drafts/{draft_id}/approve` and `/publish`: as the API's routes, with the
  same role rule (managers, or agents where the shop lets them approve).
- `POST /console/reviews/{shop_id}/{review_id}/drafts`: the same as `/console/drafts/new`
  with the ids in the path (the plan's URL; the panel's form posts the review id as a field).
- `POST /console/lint` (htmx; form: `text`, `shop_id`, `review_id`): the linter's findings as
  a fragment, while the person types.
- `GET /console/publications?shop_id=&review_id=` (htmx): the panel's publications part,
  polled every 3 s while a publication is queued or being delivered.

Every action goes through `replies/service.py` (the API's own functions) and redirects back
to the review's reply panel; a refusal is a page with the service's reason and status (403 a
role, 404 not among the user's shops, 409 the draft's state or its blocking findings, 422 a
form value), never a 500.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.responder.console.pages import render
from services.responder.console.replies import view
from services.responder.console.session import ConsoleSession, Staff, StaffChange
from services.responder.replies import service
from services.responder.replies.linter import Finding
from services.responder.reviews import service as reviews
from services.responder.reviews.lookup import AmbiguousReview, ReviewNotFound
from services.responder.reviews.schemas import ReviewFull
from services.responder.shops.config import SUPPORTED_LANGUAGES
from shared.db.pool import Pool
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(prefix="/console", include_in_schema=False)

DraftId = Annotated[int, Path(ge=1, le=2**62)]
# The API's limits (replies/schemas.py), checked here so the refusal names them.
TEXT_MAX = 5000
ID_MAX = 128
SHOP_MAX = 64


class Refused(Exception):
    """A refusal of the service, shown as a page with its status."""

    def __init__(
        self, status_code: int, message: str, findings: list[Finding] | None = None
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.findings = findings or []


@contextmanager
def _refusals() -> Iterator[None]:
    """The service's refusals, with the statuses the API gives them."""
    try:
        yield
    except (ReviewNotFound, AmbiguousReview):
        raise Refused(status.HTTP_404_NOT_FOUND, "no such review among your shops") from None
    except service.NotFound as exc:
        raise Refused(status.HTTP_404_NOT_FOUND, f"no such {exc} among your shops") from None
    except service.NotAllowed as exc:
        raise Refused(status.HTTP_403_FORBIDDEN, str(exc)) from None
    except service.ReplyError as exc:
        raise Refused(status.HTTP_409_CONFLICT, exc.message, exc.findings) from None


def _refused(
    request: Request, session: ConsoleSession, exc: Refused, back: str | None
) -> HTMLResponse:
    return render(
        request,
        "replies/refused.html",
        session,
        status=exc.status_code,
        message=exc.message,
        findings=view.ordered(exc.findings),
        too_long=False,
        back=back,
    )


def _back(shop_id: str, review_id: str) -> RedirectResponse:
    return RedirectResponse(view.panel_url(shop_id, review_id), status_code=303)


def _ids(shop_id: str, review_id: str) -> None:
    if not shop_id or len(shop_id) > SHOP_MAX or not review_id or len(review_id) > ID_MAX:
        raise Refused(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"shop_id (1-{SHOP_MAX} characters) and review_id (1-{ID_MAX}) are needed",
        )


def _template(value: str) -> int | None:
    """The chosen template's id; empty: the best match for the review."""
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 2**62:
        raise Refused(status.HTTP_422_UNPROCESSABLE_CONTENT, "template_id: a template's number")
    return int(value)


async def _where(pool: Pool, session: ConsoleSession, draft_id: int) -> str | None:
    """The reply panel a draft belongs to, for the refusal page's way back."""
    try:
        found = await service.draft(pool, session.principal, draft_id)
    except service.NotFound:
        return None
    return view.panel_url(found.shop_id, found.review_id)


@router.post("/drafts/new", response_model=None)
async def new_draft(
    request: Request,
    session: StaffChange,
    pool: PoolDep,
    now: ClockDep,
    shop_id: Annotated[str, Form()] = "",
    review_id: Annotated[str, Form()] = "",
    language: Annotated[str, Form()] = "",
    template_id: Annotated[str, Form()] = "",
) -> Response:
    try:
        _ids(shop_id, review_id)
        template = _template(template_id)
        if language and language not in SUPPORTED_LANGUAGES:
            raise Refused(
                status.HTTP_422_UNPROCESSABLE_CONTENT,
                f"language: one of {', '.join(SUPPORTED_LANGUAGES)}, or empty for the reviewer's",
            )
        with _refusals():
            await service.draft_for(
                pool,
                session.principal,
                review_id,
                shop_id,
                now,
                text=None,
                language=language or None,
                template_id=template,
            )
    except Refused as exc:
        known = exc.status_code != status.HTTP_404_NOT_FOUND
        back = view.panel_url(shop_id, review_id) if known and shop_id and review_id else None
        return _refused(request, session, exc, back)
    return _back(shop_id, review_id)


@router.post("/reviews/{shop_id}/{review_id:path}/drafts", response_model=None)
async def new_draft_at(
    request: Request,
    shop_id: str,
    review_id: str,
    session: StaffChange,
    pool: PoolDep,
    now: ClockDep,
    language: Annotated[str, Form()] = "",
    template_id: Annotated[str, Form()] = "",
) -> Response:
    # The review page's GET route takes any path as a review id; this POST one only matches
    # POSTs ending in "/drafts", so a review id that itself ends so is still reached by GET.
    return await new_draft(request, session, pool, now, shop_id, review_id, language, template_id)


@router.get("/publications", response_class=HTMLResponse)
async def publications(
    request: Request,
    session: Staff,
    pool: PoolDep,
    now: ClockDep,
    shop_id: str = "",
    review_id: str = "",
) -> HTMLResponse:
    """The publications part of the panel alone (htmx polls it while one is on its way)."""
    try:
        _ids(shop_id, review_id)
        found = await reviews.detail(pool, session.principal, review_id, shop_id, now)
    except Refused as exc:
        raise HTTPException(exc.status_code, exc.message) from None
    except (ReviewNotFound, AmbiguousReview):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such review") from None
    reply = await view.reply_panel(pool, session, ReviewFull.model_validate(found), now)
    return render(request, "replies/publications.html", session, reply=reply, polled=True)


@router.post("/drafts/{draft_id}", response_model=None)
async def save_draft(
    request: Request,
    draft_id: DraftId,
    session: StaffChange,
    pool: PoolDep,
    now: ClockDep,
    text: Annotated[str, Form()] = "",
) -> Response:
    # A browser sends a textarea's line breaks as CRLF (the HTML form encoding); the reply
    # goes to platforms and the storefront with the API's plain "\n".
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        if not text.strip() or len(text) > TEXT_MAX:
            raise Refused(
                status.HTTP_422_UNPROCESSABLE_CONTENT,
                f"a reply needs a text of 1 to {TEXT_MAX} characters",
            )
        with _refusals():
            saved = await service.edit(pool, session.principal, draft_id, text, now)
    except Refused as exc:
        return _refused(request, session, exc, await _where(pool, session, draft_id))
    return _back(saved.shop_id, saved.review_id)


@router.post("/drafts/{draft_id}/approve", response_model=None)
async def approve_draft(
    request: Request, draft_id: DraftId, session: StaffChange, pool: PoolDep, now: ClockDep
) -> Response:
    try:
        with _refusals():
            approved = await service.approve_draft(pool, session.principal, draft_id, now)
    except Refused as exc:
        return _refused(request, session, exc, await _where(pool, session, draft_id))
    return _back(approved.shop_id, approved.review_id)


@router.post("/drafts/{draft_id}/publish", response_model=None)
async def publish_draft(
    request: Request, draft_id: DraftId, session: StaffChange, pool: PoolDep, now: ClockDep
) -> Response:
    try:
        with _refusals():
            queued = await service.publish_draft(pool, session.principal, draft_id, now)
    except Refused as exc:
        return _refused(request, session, exc, await _where(pool, session, draft_id))
    return _back(queued.shop_id, queued.review_id)


@router.post("/lint", response_class=HTMLResponse)
async def lint(
    request: Request,
    session: StaffChange,
    pool: PoolDep,
    text: Annotated[str, Form()] = "",
    shop_id: Annotated[str, Form()] = "",
    review_id: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """The findings fragment (`#lint-findings`) for the text as typed; nothing is stored."""
    if not text.strip():
        return render(request, "replies/findings.html", session, findings=[], too_long=False)
    if len(text) > TEXT_MAX:
        return render(request, "replies/findings.html", session, findings=[], too_long=True)
    try:
        _ids(shop_id, review_id)
        with _refusals():
            found = await service.lint_text(
                pool,
                session.principal,
                text,
                review_id=review_id,
                shop_id=shop_id,
                sentiment="negative",
                language=None,
            )
    except Refused as exc:
        raise HTTPException(exc.status_code, exc.message) from None
    return render(
        request, "replies/findings.html", session, findings=view.ordered(found), too_long=False
    )
