"""The widget's rules: which language, which page, what the summary says.

Reviews are shown newest first, whatever their rating (the order never hides negatives); every
published review of the product counts in the summary."""

import hashlib
import re
from datetime import UTC, tzinfo
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from services.responder.storefront.structured_data import service as structured_data
from services.responder.storefront.widget import repository
from services.responder.storefront.widget.schemas import Bar, ReviewView, WidgetView
from services.responder.storefront.widget.texts import base_language, choose
from shared.db.pool import Pool

PER_PAGE = 5
# How a purchase was verified (ingest's match methods); each has a sentence in the catalogues.
VERIFIED_HOW = ("survey", "reference", "email_product")
# A language tag a `lang` attribute may carry (BCP 47 shape); anything else is left out.
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class NoSuchShop(Exception):
    pass


class NoSuchProduct(Exception):
    pass


def _zone(name: str | None) -> tzinfo:
    """Dates as the shop's customers read them; UTC for a shop without a (valid) zone."""
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def bars(counts: dict[int, int]) -> list[Bar]:
    total = sum(counts.values())
    out = []
    for stars in range(5, 0, -1):
        n = counts.get(stars, 0)
        share = n / total if total else 0.0
        out.append(Bar(stars, n, round(share * 100), 5 * round(share * 20)))
    return out


def mean(counts: dict[int, int]) -> float | None:
    total = sum(counts.values())
    if not total:
        return None
    return sum(stars * n for stars, n in counts.items()) / total


def widget_url(public_url: str, shop_id: str, product_id: str, **query: object) -> str:
    path = f"/v1/shops/{quote(shop_id, safe='')}/products/{quote(product_id, safe='')}/widget"
    return f"{public_url.rstrip('/')}{path}?{urlencode(query)}"


def policy_url(public_url: str, shop_id: str, language: str) -> str:
    path = f"/shops/{quote(shop_id, safe='')}/review-policy"
    return f"{public_url.rstrip('/')}{path}?{urlencode({'lang': language})}"


def _lang_attribute(review_language: str, widget_language: str) -> str | None:
    if not _LANG_TAG.match(review_language):
        return None
    return None if base_language(review_language) == widget_language else review_language


async def widget(
    pool: Pool,
    public_url: str,
    shop_id: str,
    product_id: str,
    lang: str | None,
    page: int,
    with_jsonld: bool = False,
) -> WidgetView:
    async with pool.acquire() as conn:
        shop = await repository.shop(conn, shop_id)
        if shop is None:
            raise NoSuchShop(f"no shop {shop_id!r} shows reviews here")
        known, product_name = await repository.product(conn, shop_id, product_id)
        if not known:
            raise NoSuchProduct(f"shop {shop_id!r} has no product {product_id!r} with reviews here")
        counts = await repository.distribution(conn, shop_id, product_id)
        rows = await repository.newest(conn, shop_id, product_id, PER_PAGE, (page - 1) * PER_PAGE)
        jsonld = (
            await structured_data.product_jsonld(conn, shop_id, product_id) if with_jsonld else None
        )
    language = choose(lang, shop.locale)
    zone = _zone(shop.timezone)
    total = sum(counts.values())
    reviews = [
        ReviewView(
            review_id=r.review_id,
            rating=r.rating,
            title=r.title,
            body=r.body,
            author=r.display_name,
            lang=_lang_attribute(r.language, language),
            written=r.submitted_at.astimezone(zone),
            verified=r.verified,
            verified_by=r.verified_by if r.verified_by in VERIFIED_HOW else None,
            incentivized=r.incentivized,
            reply_text=r.reply_text,
            replied=r.replied_at.astimezone(zone) if r.replied_at else None,
        )
        for r in rows
    ]
    more = page * PER_PAGE < total
    key = "rl-" + hashlib.blake2b(f"{shop_id}\0{product_id}".encode(), digest_size=6).hexdigest()
    return WidgetView(
        shop_id=shop_id,
        product_id=product_id,
        language=language,
        shop_name=shop.display_name,
        product_name=product_name,
        key=key,
        count=total,
        mean=mean(counts),
        bars=bars(counts),
        reviews=reviews,
        page=page,
        next_url=(
            widget_url(public_url, shop_id, product_id, lang=language, page=page + 1)
            if more
            else None
        ),
        policy_url=policy_url(public_url, shop_id, language),
        jsonld=jsonld,
    )
