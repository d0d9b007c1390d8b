"""Public pages reached from the email: `/s/{token}` (the survey) and `/u/{token}` (RFC 8058
one-click unsubscribe). No authentication: the signed token is the capability."""

from urllib.parse import parse_qs, quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from services.survey.deps import SurveySettingsDep, TokensDep
from services.survey.email.translations import Texts
from services.survey.responses.repository import StoredResponse
from services.survey.responses.service import MAX_TEXT, SurveyClosed
from services.survey.settings import SurveySettings
from services.survey.tokens import Purpose, Tokens
from services.survey.web import service
from services.survey.web.pages import page
from services.survey.web.schemas import MAX_NAME, Refused, as_typed, parse_answer
from services.survey.web.service import FALLBACK, PageContext
from shared.db.pool import Pool
from shared.http.deps import ClockDep, PoolDep

router = APIRouter(tags=["survey pages"], include_in_schema=True)


def _message(t: Texts, status: int, title: str, *lines: str, **extra: object) -> HTMLResponse:
    return page("message.html", t, "#1f6feb", status, title=title, lines=lines, **extra)


async def _load(
    pool: Pool, tokens: Tokens, purpose: Purpose, token: str
) -> PageContext | HTMLResponse:
    """The page's context, or the page that refuses the link."""
    try:
        return await service.load(pool, tokens, purpose, token)
    except service.LinkRefused as exc:
        status = 410 if exc.reason == "expired" else 404
        return _message(FALLBACK, status, FALLBACK(exc.reason))


def _policy_url(settings: SurveySettings, ctx: PageContext) -> str | None:
    """The shop's review policy page on the storefront (how reviews are collected, checked and
    moderated), in the page's language; None when no storefront URL is configured."""
    if not settings.storefront_public_url:
        return None
    base = settings.storefront_public_url.rstrip("/")
    shop = quote(ctx.shop.shop_id, safe="")
    return f"{base}/shops/{shop}/review-policy?{urlencode({'lang': ctx.t.language})}"


def _form(
    ctx: PageContext,
    settings: SurveySettings,
    previous: StoredResponse,
    refused: Refused | None,
    status: int,
) -> HTMLResponse:
    error = None
    if refused is not None:
        named = ctx.items[refused.line].name if refused.line is not None else ""
        error = ctx.t(f"error_{refused.key}", product=named, n=refused.limit or 0)
    return page(
        "survey.html",
        ctx.t,
        ctx.shop.settings.brand.primary_color,
        status,
        title=ctx.t("page_title"),
        items=ctx.items,
        previous=previous,
        max_text=MAX_TEXT,
        max_name=MAX_NAME,
        policy_url=_policy_url(settings, ctx),
        error=error,
        error_field=refused.field if refused else None,
    )


@router.get("/s/{token}", response_class=HTMLResponse)
async def survey_page(
    token: str, pool: PoolDep, tokens: TokensDep, now: ClockDep, settings: SurveySettingsDep
) -> HTMLResponse:
    ctx = await _load(pool, tokens, "survey", token)
    if isinstance(ctx, HTMLResponse):
        return ctx
    previous = await service.open_survey(pool, ctx, now)
    return _form(ctx, settings, previous, refused=None, status=200)


@router.post("/s/{token}", response_class=HTMLResponse)
async def submit_survey(
    token: str,
    request: Request,
    pool: PoolDep,
    tokens: TokensDep,
    now: ClockDep,
    settings: SurveySettingsDep,
) -> HTMLResponse:
    ctx = await _load(pool, tokens, "survey", token)
    if isinstance(ctx, HTMLResponse):
        return ctx
    body = (await request.body()).decode("utf-8", errors="replace")
    form = parse_qs(body, keep_blank_values=True)
    answer = parse_answer(form, ctx.items)
    if isinstance(answer, Refused):
        # Shown again as typed, not emptied: a long text lost to a missing star is not retyped.
        return _form(ctx, settings, as_typed(form, ctx.items), refused=answer, status=422)
    try:
        await service.submit(pool, ctx, answer, now)
    except SurveyClosed:
        return _message(ctx.t, 409, ctx.t("closed"))
    cfg = ctx.shop.settings
    # The thanks are the page's heading; the lines below it say what comes next.
    lines = [ctx.t("edit_hint")]
    if cfg.incentive_code:
        # Everyone who answers gets the same code, whatever the answer.
        lines.append(ctx.t("incentive", code=cfg.incentive_code))
    if cfg.review_platforms:
        lines.append(ctx.t("public"))
    return _message(ctx.t, 200, ctx.t("thanks"), *lines, platforms=cfg.review_platforms)


@router.get("/u/{token}", response_class=HTMLResponse)
async def unsubscribe_page(
    token: str, request: Request, pool: PoolDep, tokens: TokensDep
) -> HTMLResponse:
    ctx = await _load(pool, tokens, "unsubscribe", token)
    if isinstance(ctx, HTMLResponse):
        return ctx
    return _message(
        ctx.t,
        200,
        ctx.t("unsubscribe_title"),
        ctx.t("unsubscribe_confirm"),
        form_action=str(request.url.path),
        button=ctx.t("unsubscribe_button"),
    )


@router.post("/u/{token}", response_class=HTMLResponse)
async def unsubscribe(
    token: str, pool: PoolDep, tokens: TokensDep, settings: SurveySettingsDep
) -> HTMLResponse:
    """RFC 8058: one POST (body `List-Unsubscribe=One-Click`) and it is done, at once."""
    ctx = await _load(pool, tokens, "unsubscribe", token)
    if isinstance(ctx, HTMLResponse):
        return ctx
    await service.unsubscribe(pool, ctx, settings.suppression_pepper)
    return _message(ctx.t, 200, ctx.t("unsubscribe_title"), ctx.t("unsubscribed"))
