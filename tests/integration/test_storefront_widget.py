"""The storefront widget on real PostgreSQL: the fragment's content, escaping, languages and
pages over HTTP; then in real Chromium on a shop page of ANOTHER origin under a strict CSP, with
the one script tag: the summary, a 1-star review, the shop's reply, the verified and
incentivized labels and the disclosure link render; axe-core finds nothing; no cookie, no CSP
violation, no sideways scroll at 390 px; German; "more reviews" loads page 2. Screenshots go to
docs/public-reviews/ (indexed in its README)."""

import html
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from services.responder.settings import ResponderSettings
from services.responder.storefront.settings import StorefrontSettings
from tests.support.clock import T0
from tests.support.responder import Responder, running_responder
from tests.support.storefront import (
    Storefront,
    days,
    insert_product,
    insert_public_review,
    insert_shop,
    running_storefront,
)

pytestmark = pytest.mark.integration

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "public-reviews"
WIDGET = "/v1/shops/s1/products/pot/widget"
PUBLIC_URL = "https://reviews.example"


@pytest.fixture
async def responder(make_settings: Callable[..., ResponderSettings]) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        yield r


@pytest.fixture
async def storefront(
    responder: Responder, make_settings: Callable[..., StorefrontSettings]
) -> AsyncIterator[Storefront]:
    # Cache off: each test sees its writes at once.
    async with running_storefront(make_settings, cache_seconds=0, public_url=PUBLIC_URL) as sf:
        yield sf


async def seed(pool: Any) -> None:
    """Seven published reviews of the teapot (the newest a 1-star one with the shop's reply),
    one held; a German one, an anonymous one, an incentivized one; a product without reviews."""
    await insert_shop(pool, "s1", display_name="Teapots & Co", locale="de")
    await insert_product(pool, "s1", "pot", name="Teapot", gtin="4006381333931", brand="Kanne")
    await insert_product(pool, "s1", "kettle", name="Kettle")
    await insert_public_review(
        pool,
        "s1",
        "r1",
        rating=1,
        submitted_at=T0 - days(1),
        title="Broken on arrival",
        body="The lid was cracked.\nNobody answered for a week.",
        display_name="Anna N.",
        verified_by="survey",
        reply_text="We are sorry, Anna: a new teapot is on its way.",
        replied_at=T0,
    )
    await insert_public_review(
        pool,
        "s1",
        "r2",
        rating=4,
        submitted_at=T0 - days(2),
        language="de",
        title="Schöne Kanne",
        body="Hält die Wärme gut.",
        display_name="Jonas",
        verified_by="survey",
    )
    await insert_public_review(
        pool,
        "s1",
        "r3",
        rating=5,
        submitted_at=T0 - days(3),
        body="Lovely <b>teapot</b> & fast delivery.",
        display_name=None,
        verified_by="survey",
        incentivized=True,
    )
    await insert_public_review(pool, "s1", "r4", rating=2, submitted_at=T0 - days(4))
    await insert_public_review(pool, "s1", "r5", rating=5, submitted_at=T0 - days(5))
    await insert_public_review(
        pool, "s1", "r6", rating=3, submitted_at=T0 - days(6), verified=False, verified_by=None
    )
    await insert_public_review(
        pool, "s1", "r7", rating=5, submitted_at=T0 - days(7), body="The oldest one."
    )
    await insert_public_review(
        pool, "s1", "held", rating=2, submitted_at=T0, body="HELD TEXT", status="held"
    )


def review_ids(fragment: str) -> list[str]:
    return re.findall(r'data-review-id="([^"]+)"', fragment)


async def test_fragment_shows_the_summary_and_the_newest_reviews_escaped(
    responder: Responder, storefront: Storefront
) -> None:
    await seed(responder.pool)
    async with storefront.http() as http:
        r = await http.get(WIDGET, params={"lang": "en"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert r.headers["access-control-allow-origin"] == "*"
    assert "set-cookie" not in r.headers
    # Opened directly (the "more reviews" link without the script) nothing in it could run.
    assert r.headers["content-security-policy"].startswith("default-src 'none'")
    body = r.text
    assert '<section class="reviewloop" lang="en"' in body
    # 7 published: 1, 4, 5, 2, 5, 3, 5 stars; the held one counts nowhere.
    assert "3.6 out of 5 stars" in body and "7 reviews" in body
    assert "HELD TEXT" not in body
    assert "3 stars</span>" in body and "1 star</span>" in body
    assert "3 (43%)" in body and "rl-w-45" in body  # five stars: 3 of 7
    assert review_ids(body) == ["r1", "r2", "r3", "r4", "r5"]
    assert "Rating: 1 out of 5" in body and "Broken on arrival" in body
    assert "Reply from Teapots &amp; Co" in body
    assert "a new teapot is on its way" in body
    assert "Verified buyer</strong>: bought here and reviewed through an invitation" in body
    assert "Incentivized</strong>: the reviewer was offered a reward" in body
    assert "Anonymous" in body
    # The reviewer's words are text, never markup.
    assert "Lovely &lt;b&gt;teapot&lt;/b&gt; &amp; fast delivery." in body
    assert "<b>" not in body
    # The German review is marked as German inside the English widget.
    assert '<div class="rl-text" lang="de">' in body
    assert '<time datetime="2026-11-16">16 November 2026</time>' in body
    more = f"{PUBLIC_URL}/v1/shops/s1/products/pot/widget?lang=en&amp;page=2"
    assert f'href="{more}"' in body
    policy = f"{PUBLIC_URL}/shops/s1/review-policy?lang=en"
    assert f'href="{policy}"' in body and "How reviews are collected and checked" in body
    # No script, no inline style or handler: the host page's CSP would refuse them.
    assert "<script" not in body
    assert not re.search(r"\sstyle=|\son[a-z]+=", body)
    assert "1001" not in body  # no order number


async def test_page_two_and_past_the_end(responder: Responder, storefront: Storefront) -> None:
    await seed(responder.pool)
    async with storefront.http() as http:
        two = await http.get(WIDGET, params={"lang": "en", "page": 2})
        past = await http.get(WIDGET, params={"lang": "en", "page": 3})
    assert review_ids(two.text) == ["r6", "r7"]
    assert "data-reviewloop-more" not in two.text
    assert past.status_code == 200 and review_ids(past.text) == []


async def test_language_from_the_query_else_the_shop_else_english(
    responder: Responder, storefront: Storefront
) -> None:
    await seed(responder.pool)
    await insert_shop(responder.pool, "s2", locale="sl_SI")
    await insert_public_review(responder.pool, "s2", "x1", rating=2, submitted_at=T0)
    await insert_shop(responder.pool, "s3", locale="fr")
    await insert_public_review(responder.pool, "s3", "y1", rating=4, submitted_at=T0)
    async with storefront.http() as http:
        german = (await http.get(WIDGET, params={"lang": "de-AT"})).text
        shops = (await http.get(WIDGET)).text  # s1's locale: de
        unknown = (await http.get(WIDGET, params={"lang": "fr"})).text  # falls back to s1's
        slovenian = (await http.get("/v1/shops/s2/products/pot/widget")).text
        english = (await http.get("/v1/shops/s3/products/pot/widget")).text
        latvian = (await http.get(WIDGET, params={"lang": "lv", "page": 2})).text
        romanian = (await http.get(WIDGET, params={"lang": "ro"})).text
    assert 'lang="de"' in german and "Kundenbewertungen" in german
    assert "3,6 von 5 Sternen" in german and "7 Bewertungen" in german
    assert '<time datetime="2026-11-16">16. November 2026</time>' in german
    assert "Antwort von Teapots &amp; Co" in german and "Weitere Bewertungen" in german
    assert "Verifizierter Kauf" in german and "Mit Anreiz" in german
    # The German review needs no lang of its own in a German widget; the English ones do.
    assert '<div class="rl-text" lang="en">' in german
    assert '<div class="rl-text" lang="de">' not in german
    assert 'lang="de"' in shops and "Kundenbewertungen" in shops
    assert "Kundenbewertungen" in unknown
    assert "Mnenja kupcev" in slovenian and "1 mnenje" in slovenian
    assert "Customer reviews" in english and "1 review" in english
    assert "Pircēju atsauksmes" in latvian and "7 atsauksmes" in latvian
    assert "2026. gada 11. novembris" in latvian  # r6, six days before T0
    assert "Recenziile clienților" in romanian and "7 recenzii" in romanian


async def test_a_product_without_published_reviews_says_so(
    responder: Responder, storefront: Storefront
) -> None:
    await seed(responder.pool)
    await insert_public_review(responder.pool, "s1", "h2", product_id="cup", status="held")
    async with storefront.http() as http:
        kettle = await http.get("/v1/shops/s1/products/kettle/widget", params={"lang": "en"})
        cup = await http.get("/v1/shops/s1/products/cup/widget", params={"lang": "sl"})
    assert kettle.status_code == 200
    assert "No reviews yet." in kettle.text and "data-reviewloop-list" not in kettle.text
    assert "How reviews are collected and checked" in kettle.text
    assert cup.status_code == 200 and "Še ni mnenj." in cup.text


async def test_unknown_shop_or_product_and_bad_input(
    responder: Responder, storefront: Storefront
) -> None:
    await seed(responder.pool)
    async with storefront.http() as http:
        shop = await http.get("/v1/shops/nope/products/pot/widget")
        product = await http.get("/v1/shops/s1/products/nope/widget")
        page = await http.get(WIDGET, params={"page": 0})
        lang = await http.get(WIDGET, params={"lang": "x" * 40})
    assert shop.status_code == 404 and "no shop 'nope'" in shop.json()["detail"]
    assert product.status_code == 404 and "no product 'nope'" in product.json()["detail"]
    assert product.headers["cache-control"] == "no-store"
    assert page.status_code == 422 and lang.status_code == 422


async def test_script_and_styles_are_static_long_cached_and_cross_origin(
    storefront: Storefront,
) -> None:
    async with storefront.http() as http:
        js = await http.get("/widget/v1.js")
        css = await http.get("/widget/v1.css")
        again = await http.get("/widget/v1.js", headers={"If-None-Match": js.headers["etag"]})
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    for r in (js, css):
        assert r.headers["cache-control"] == "public, max-age=86400"
        assert r.headers["cross-origin-resource-policy"] == "cross-origin"
        assert "set-cookie" not in r.headers
    assert again.status_code == 304
    # The script keeps to what a strict CSP allows and sends no credentials.
    assert 'credentials: "omit"' in js.text
    assert "eval(" not in js.text and 'setAttribute("style"' not in js.text
    assert "document.cookie" not in js.text and "localStorage" not in js.text


async def test_the_fragment_embeds_json_ld_only_when_asked(
    responder: Responder, storefront: Storefront
) -> None:
    await seed(responder.pool)
    async with storefront.http() as http:
        plain = (await http.get(WIDGET, params={"lang": "en"})).text
        embedded = (await http.get(WIDGET, params={"lang": "en", "jsonld": "true"})).text
        alone = (await http.get("/v1/shops/s1/products/pot/jsonld")).text
    assert "application/ld+json" not in plain
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', embedded, re.S)
    assert found is not None
    # The same text as the JSON-LD endpoint, not HTML-escaped (a data block is raw text).
    assert found.group(1) == alone
    assert html.unescape(found.group(1)) == found.group(1)
