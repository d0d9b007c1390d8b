"""`GET /feeds/google/{shop_id}.xml`: the shop's Google Product Reviews feed (schema 2.4, a full
feed every time), and `GET /shops/{shop_id}/reviews/{review_id}`: the public page of one
review, which the feed names as each review's `review_url`."""

from pathlib import Path as FilePath
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Request, Response
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from services.responder.storefront.deps import StorefrontPool, StorefrontSettingsDep
from services.responder.storefront.feed import service, texts
from services.responder.storefront.feed.google import content_of
from services.responder.storefront.feed.schemas import PublishedReview, Publisher
from services.responder.storefront.http import HTML, public_response

router = APIRouter(tags=["storefront"])

XML = "application/xml"
STYLESHEET_PATH = "/pages/v1/review.css"
STYLESHEET = (FilePath(__file__).parent / "static" / "review.v1.css").read_bytes()
# Nothing runs on the page and nothing loads but its own stylesheet.
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
PAGE_HEADERS = {"Content-Security-Policy": PAGE_CSP, "Referrer-Policy": "no-referrer"}

env = Environment(
    loader=PackageLoader("services.responder.storefront.feed", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

Id = Annotated[str, Path(min_length=1, max_length=255)]


@router.get(
    "/feeds/google/{shop_id}.xml",
    response_class=Response,
    summary="The shop's Google Product Reviews feed (schema 2.4; all published product reviews)",
    responses={
        200: {
            "description": "A full feed: every published review of a product of the shop. Google "
            "deletes reviews missing from the next feed it fetches, so held, rejected and "
            "redacted reviews leave Google with it.",
            "content": {XML: {"schema": {"type": "string"}}},
        },
        404: {"description": "No such shop."},
    },
)
async def google_feed(
    request: Request, shop_id: Id, pool: StorefrontPool, settings: StorefrontSettingsDep
) -> Response:
    try:
        body = await service.google_feed(pool, shop_id, settings.public_url)
    except service.NoSuchShop:
        raise HTTPException(404, "no such shop") from None
    return public_response(request, settings, body, f"{XML}; charset=utf-8")


@router.get(
    STYLESHEET_PATH,
    response_class=Response,
    summary="The stylesheet of the review page",
    responses={200: {"content": {"text/css": {"schema": {"type": "string"}}}}},
)
async def review_page_styles(request: Request, settings: StorefrontSettingsDep) -> Response:
    return public_response(
        request,
        settings,
        STYLESHEET,
        "text/css; charset=utf-8",
        headers={"Cache-Control": "public, max-age=86400"},
    )


def _page(shop_id: str, publisher: Publisher | None, review: PublishedReview | None) -> bytes:
    shop = publisher.name if publisher else shop_id
    lang = texts.language_of(publisher.locale if publisher else None)
    t = texts.TEXTS[lang]
    context: dict[str, object] = {
        "lang": lang,
        "shop": shop,
        "stylesheet": STYLESHEET_PATH,
        "policy": f"/shops/{quote(shop_id, safe='')}/review-policy",
        "policy_text": t["policy"].format(shop=shop),
        "review": review,
    }
    if review is None:
        context |= {"heading": t["not_found"], "not_found_text": t["not_found_text"]}
    else:
        title, body = content_of(review)
        subject = review.product_name if review.product_id else None
        if review.verified:
            verification = t.get(f"verified.{review.verified_by}", t["verified"])
        else:
            verification = t["not_verified"]
        context |= {
            "heading": t["heading"].format(subject=subject or shop),
            "rated": t["rated"].format(rating=review.rating),
            "title": title,
            "body": body,
            "author": t["by"].format(name=review.display_name or t["anonymous"]),
            "submitted": texts.day(review.submitted_at, lang),
            "submitted_iso": review.submitted_at.isoformat(),
            "verification": verification,
            "incentivized": t["incentivized"] if review.incentivized else None,
            "reply_heading": t["reply"].format(shop=shop),
            "reply": review.reply_text,
            "replied": texts.day(review.replied_at, lang) if review.replied_at else None,
            "replied_iso": review.replied_at.isoformat() if review.replied_at else None,
        }
    return env.get_template("review.html").render(context).encode()


@router.get(
    "/shops/{shop_id}/reviews/{review_id:path}",
    response_class=HTMLResponse,
    summary="The public page of one published review (its rating, text, labels and reply)",
    responses={404: {"description": "No such published review (an HTML page says so)."}},
)
async def review_page(
    request: Request,
    shop_id: Id,
    review_id: Id,
    pool: StorefrontPool,
    settings: StorefrontSettingsDep,
) -> Response:
    try:
        publisher, review = await service.published_review(pool, shop_id, review_id)
    except service.NoSuchReview as missing:
        # A review leaves its page the moment it is held, rejected or deleted; a CDN must not
        # keep the 404 either (the review may be published again).
        return public_response(
            request,
            settings,
            _page(shop_id, missing.publisher, None),
            HTML,
            status_code=404,
            headers={**PAGE_HEADERS, "Cache-Control": "no-store"},
        )
    return public_response(
        request, settings, _page(shop_id, publisher, review), HTML, headers=PAGE_HEADERS
    )
