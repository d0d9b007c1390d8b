"""The disclosure page, `GET /shops/{shop_id}/review-policy?lang=`: server-rendered HTML under
a strict CSP (no script at all, its own stylesheet only), and that stylesheet."""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response

from services.responder.storefront.deps import StorefrontNow, StorefrontPool, StorefrontSettingsDep
from services.responder.storefront.disclosure import service
from services.responder.storefront.disclosure.texts import LANGUAGES
from services.responder.storefront.http import HTML, public_response
from services.responder.storefront.widget.texts import base_language
from shared.http.params import ShopIdPath

router = APIRouter(tags=["storefront"])

# Nothing runs on the page and nothing leaves it: styles and images from this origin only, no
# forms, no base rewriting. Any site may frame it (a shop shows it in its own page); with no
# form or script on it, framing gains a clickjacker nothing.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors *"
)
PAGE_HEADERS = {"Content-Security-Policy": CSP, "Referrer-Policy": "no-referrer"}
CSS = "text/css; charset=utf-8"

RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {}}, "description": "The disclosure page"},
    304: {"description": "Not modified (If-None-Match matched the ETag)"},
    404: {"description": "No such shop"},
    422: {"description": "A language the page does not speak, or a malformed shop id"},
}


@router.get(
    "/shops/{shop_id}/review-policy",
    response_class=Response,
    responses=RESPONSES,
)
async def review_policy(
    request: Request,
    shop_id: ShopIdPath,
    pool: StorefrontPool,
    settings: StorefrontSettingsDep,
    now: StorefrontNow,
    lang: Annotated[
        str | None,
        Query(
            max_length=12,
            description="The page's language (`de`, or a tag such as `de-AT`: its language); "
            "default: the shop's locale, else English.",
        ),
    ] = None,
) -> Response:
    """How the shop collects, verifies and moderates reviews, from its settings and ledger."""
    if lang is not None and base_language(lang) not in LANGUAGES:
        spoken = ", ".join(f"'{code}'" for code in LANGUAGES)
        raise HTTPException(422, f"lang: the page speaks {spoken} (a region such as de-AT is fine)")
    try:
        disclosure = await service.page(pool, shop_id, lang, now)
    except service.UnknownShop:
        raise HTTPException(404, "no such shop") from None
    return public_response(
        request,
        settings,
        disclosure.html.encode(),
        HTML,
        headers={**PAGE_HEADERS, "Content-Language": disclosure.language},
    )


@router.get(
    "/disclosure/v1.css",
    response_class=Response,
    responses={200: {"content": {"text/css": {}}, "description": "The page's stylesheet"}},
)
async def stylesheet(request: Request, settings: StorefrontSettingsDep) -> Response:
    return public_response(request, settings, service.css(), CSS)
