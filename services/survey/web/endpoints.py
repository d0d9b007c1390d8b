"""Public pages reached from the email: `/s/{token}` (the survey) and `/u/{token}` (RFC 8058
one-click unsubscribe). No authentication: the signed token is the capability."""

from dataclasses import dataclass
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from services.survey import suppressions
from services.survey.email.translations import Texts, language_of
from services.survey.orders import repository as orders
from services.survey.orders.view import Item, OrderView
from services.survey.responses import repository as responses
from services.survey.responses.service import MAX_TEXT, Answer, SurveyClosed, submit
from services.survey.settings import SurveySettings
from services.survey.shops import repository as shops
from services.survey.shops.repository import ShopRow
from services.survey.surveys import repository as surveys
from services.survey.surveys.repository import SurveyRow
from services.survey.tokens import InvalidToken, Purpose, Tokens
from services.survey.web.pages import page
from shared.runtime import Runtime

router = APIRouter(tags=["survey pages"], include_in_schema=True)


@dataclass(frozen=True)
class _Context:
    survey: SurveyRow
    order: OrderView
    shop: ShopRow
    t: Texts
    items: list[Item]


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def _message(t: Texts, status: int, title: str, *lines: str, **extra: object) -> HTMLResponse:
    return page("message.html", t, "#1f6feb", status, title=title, lines=lines, **extra)


async def _load(request: Request, purpose: Purpose, token: str) -> _Context | HTMLResponse:
    tokens: Tokens = request.app.state.tokens
    fallback = Texts("en", shop="")
    try:
        ref = tokens.read(purpose, token)
    except InvalidToken as exc:
        status = 410 if exc.reason == "expired" else 404
        return _message(fallback, status, fallback(exc.reason))
    async with _runtime(request).db.acquire() as conn:
        survey = await surveys.get_by_ref(conn, ref)
        order = await orders.get(conn, survey.shop_id, survey.order_id) if survey else None
        if survey is None or order is None or order.redacted:
            return _message(fallback, 404, fallback("invalid"))
        shop = await shops.get(conn, survey.shop_id)
    t = Texts(language_of(order.locale, shop.locale), shop=shop.display_name or shop.shop_id)
    items = order.remaining_items()[: shop.settings.max_products]
    return _Context(survey, order, shop, t, items)


@router.get("/s/{token}", response_class=HTMLResponse)
async def survey_page(token: str, request: Request) -> HTMLResponse:
    ctx = await _load(request, "survey", token)
    if isinstance(ctx, HTMLResponse):
        return ctx
    runtime = _runtime(request)
    async with runtime.db.acquire() as conn:
        if ctx.survey.opened_at is None:
            await surveys.mark_opened(conn, ctx.survey.id, runtime.clock())
        previous = await responses.get(conn, ctx.survey.id) or responses.StoredResponse()
    return _form(ctx, previous, error=None, status=200)


def _form(
    ctx: _Context, previous: responses.StoredResponse, error: str | None, status: int
) -> HTMLResponse:
    return page(
        "survey.html",
        ctx.t,
        ctx.shop.settings.brand.primary_color,
        status,
        title=ctx.t("page_title"),
        items=ctx.items,
        previous=previous,
        max_text=MAX_TEXT,
        error=error,
    )


def _parse_answer(form: dict[str, list[str]], items: list[Item]) -> Answer | str:
    """The answer, or the reason it cannot be accepted."""

    def one(name: str) -> str | None:
        values = form.get(name)
        return values[0] if values else None

    # Fields are numbered by position on the page, one per order line: two variants of one
    # product are two questions.
    reviews: list[responses.LineReview] = []
    for index, item in enumerate(items):
        raw = one(f"rating_{index}")
        text = (one(f"text_{index}") or "").strip()
        if len(text) > MAX_TEXT:
            return f"text_{index}: at most {MAX_TEXT} characters"
        if raw is None:
            if text:
                return f"rating_{index}: a text needs a star rating"
            continue
        if raw not in {"1", "2", "3", "4", "5"}:
            return f"rating_{index}: must be 1 to 5"
        reviews.append(responses.LineReview(item.line, item.product_id, int(raw), text or None))
    nps_raw = one("nps")
    if nps_raw is not None and nps_raw not in {str(n) for n in range(11)}:
        return "nps: must be 0 to 10"
    comment = (one("comment") or "").strip()
    if len(comment) > MAX_TEXT:
        return f"comment: at most {MAX_TEXT} characters"
    if not reviews and nps_raw is None:
        return "rate at least one product or answer the recommendation question"
    return Answer(reviews, int(nps_raw) if nps_raw is not None else None, comment or None)


@router.post("/s/{token}", response_class=HTMLResponse)
async def submit_survey(token: str, request: Request) -> HTMLResponse:
    ctx = await _load(request, "survey", token)
    if isinstance(ctx, HTMLResponse):
        return ctx
    body = (await request.body()).decode("utf-8", errors="replace")
    answer = _parse_answer(parse_qs(body, keep_blank_values=True), ctx.items)
    if isinstance(answer, str):
        return _form(ctx, responses.StoredResponse(), error=answer, status=422)
    runtime = _runtime(request)
    try:
        async with runtime.db.acquire() as conn, conn.transaction():
            await submit(
                conn, ctx.survey, ctx.order, ctx.shop, answer, ctx.t.language, runtime.clock()
            )
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
async def unsubscribe_page(token: str, request: Request) -> HTMLResponse:
    ctx = await _load(request, "unsubscribe", token)
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
async def unsubscribe(token: str, request: Request) -> HTMLResponse:
    """RFC 8058: one POST (body `List-Unsubscribe=One-Click`) and it is done, at once."""
    ctx = await _load(request, "unsubscribe", token)
    if isinstance(ctx, HTMLResponse):
        return ctx
    if ctx.order.customer_email:
        runtime = _runtime(request)
        assert isinstance(runtime.settings, SurveySettings)
        async with runtime.db.acquire() as conn:
            await suppressions.add(
                conn,
                ctx.shop.tenant_group,
                ctx.order.customer_email,
                "unsubscribed",
                runtime.settings.suppression_pepper,
            )
    return _message(ctx.t, 200, ctx.t("unsubscribe_title"), ctx.t("unsubscribed"))
