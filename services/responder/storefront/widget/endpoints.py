"""The storefront widget: its script and stylesheet, and the HTML fragment per product that the
script inserts into the shop's page (or the shop pastes in, fetched on its own server).

The fragment is plain escaped HTML: no script runs from it, no inline style or event handler
(the host page's CSP allows neither), no cookie, nothing from a third party."""

from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from services.responder.storefront.deps import StorefrontPool, StorefrontSettingsDep
from services.responder.storefront.http import HTML, public_response
from services.responder.storefront.widget import service
from services.responder.storefront.widget.texts import Texts

router = APIRouter(tags=["storefront"])

STATIC = FilePath(__file__).parent / "static"
SCRIPT = (STATIC / "v1.js").read_bytes()
STYLES = (STATIC / "v1.css").read_bytes()
# `v1` changes only compatibly; a fix reaches every shop within a day, and the ETag makes the
# daily check a 304.
STATIC_CACHE = "public, max-age=86400"
# Pages of other origins load and read these (a host page with COEP require-corp too).
CROSS_ORIGIN = {"Cross-Origin-Resource-Policy": "cross-origin"}
# Opened directly (the "more reviews" link without the script), the fragment runs nothing.
FRAGMENT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'"

env = Environment(
    loader=PackageLoader("services.responder.storefront.widget", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

Id = Annotated[str, Path(min_length=1, max_length=255)]
# What a storefront route may answer besides its own (the app's middleware and handlers); the
# static files read no database.
STATIC_COMMON: dict[int | str, dict[str, str]] = {
    304: {"description": "Not modified: the `If-None-Match` ETag still matches."},
    429: {"description": "Too many requests from this client; retry after `Retry-After`."},
}
COMMON: dict[int | str, dict[str, str]] = {
    **STATIC_COMMON,
    503: {"description": "PostgreSQL is unreachable; retry after `Retry-After`."},
}


@router.get(
    "/widget/v1.js",
    response_class=Response,
    summary="The widget's script (no cookies, no third parties)",
    responses={
        200: {"content": {"text/javascript": {"schema": {"type": "string"}}}},
        **STATIC_COMMON,
    },
)
async def widget_script(request: Request, settings: StorefrontSettingsDep) -> Response:
    headers = {"Cache-Control": STATIC_CACHE, **CROSS_ORIGIN}
    return public_response(
        request, settings, SCRIPT, "text/javascript; charset=utf-8", headers=headers
    )


@router.get(
    "/widget/v1.css",
    response_class=Response,
    summary="The widget's stylesheet",
    responses={200: {"content": {"text/css": {"schema": {"type": "string"}}}}, **STATIC_COMMON},
)
async def widget_styles(request: Request, settings: StorefrontSettingsDep) -> Response:
    headers = {"Cache-Control": STATIC_CACHE, **CROSS_ORIGIN}
    return public_response(request, settings, STYLES, "text/css; charset=utf-8", headers=headers)


@router.get(
    "/v1/shops/{shop_id}/products/{product_id}/widget",
    response_class=HTMLResponse,
    summary="The product's reviews as an HTML fragment (the widget, or a server-side snippet)",
    responses={404: {"description": "No such shop or product; `detail` says which."}, **COMMON},
)
async def product_widget(
    request: Request,
    shop_id: Id,
    product_id: Id,
    pool: StorefrontPool,
    settings: StorefrontSettingsDep,
    lang: Annotated[
        str | None,
        Query(
            max_length=35,
            description="en, de, sl, lv or ro; otherwise the shop's language, else English.",
        ),
    ] = None,
    page: Annotated[int, Query(ge=1, le=1000, description="Five reviews a page.")] = 1,
    jsonld: Annotated[
        bool,
        Query(description="Embed the product's schema.org JSON-LD (a data block, not code)."),
    ] = False,
) -> Response:
    try:
        view = await service.widget(
            pool, settings.public_url, shop_id, product_id, lang, page, with_jsonld=jsonld
        )
    except (service.NoSuchShop, service.NoSuchProduct) as refused:
        # The app's error handler answers it: JSON with the reason, never cached.
        raise HTTPException(404, str(refused)) from None
    html = env.get_template("widget.html").render(v=view, tx=Texts(view.language))
    headers = {"Content-Security-Policy": FRAGMENT_CSP, **CROSS_ORIGIN}
    return public_response(request, settings, html.encode(), HTML, headers=headers)
