"""The storefront widget on real PostgreSQL: the fragment's content, escaping, languages and
pages over HTTP; then in real Chromium on a shop page of ANOTHER origin under a strict CSP, with
the one script tag: the summary, a 1-star review, the shop's reply, the verified and
incentivized labels and the disclosure link render; axe-core finds nothing; no cookie, no CSP
violation, no sideways scroll at 390 px; German; "more reviews" loads page 2. Screenshots go to
docs/public-reviews/ (indexed in its README)."""

import asyncio
import html
import json
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from playwright.async_api import Browser, ViewportSize

from services.responder.settings import ResponderSettings
from services.responder.storefront.settings import StorefrontSettings
from tests.support.browser import LAPTOP, PHONE, Tab, chromium, serving, tab
from tests.support.clock import T0
from tests.support.responder import Responder, classified, running_responder, shop_event
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
    # The region's name says which product (several widgets on a page must differ).
    assert 'Customer reviews<span class="rl-sr">: Teapot</span></h2>' in body
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


async def test_a_survey_review_published_by_the_responder_is_in_the_widget(
    responder: Responder, storefront: Storefront
) -> None:
    """Through the responder's own consumer: the 1-star survey review is shown on arrival;
    a Trustpilot review is not ours to publish."""
    await responder.feed(shop_event("s1"))
    await responder.feed(
        classified("s1", "survey:1", source="survey", rating=1, text="The lid cracked.")
    )
    await responder.feed(classified("s1", "trustpilot:2", source="trustpilot", rating=5))
    async with storefront.http() as http:
        r = await http.get(WIDGET, params={"lang": "en"})
    assert r.status_code == 200, r.text
    assert review_ids(r.text) == ["survey:1"]
    assert "1.0 out of 5 stars" in r.text and "1 review" in r.text
    assert "Rating: 1 out of 5" in r.text and "The lid cracked." in r.text
    assert "Anna Novak" in r.text and "Verified buyer" in r.text


# --- In Chromium, on a shop's page of another origin -------------------------------------------


def host_page(storefront: str, lang: str, widget: str, csp: str) -> HTMLResponse:
    return HTMLResponse(
        f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Teapot | Teapots &amp; Co</title>
</head>
<body>
<main>
<h1>Teapot</h1>
<p>A product page of a shop on another origin, under a strict Content-Security-Policy.</p>
{widget}
</main>
</body>
</html>""",
        headers={"Content-Security-Policy": csp},
    )


def host_app(storefront: str) -> FastAPI:
    """The shop: its product page with the widget's one script tag (or a container and the
    script once), and a page with the fragment fetched on the server and pasted in (no JS)."""
    strict = "; ".join(
        (
            "default-src 'none'",
            f"script-src {storefront}",
            f"style-src {storefront}",
            f"connect-src {storefront}",
            "img-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        )
    )
    app = FastAPI()

    @app.get("/product")
    async def product(lang: str = "en", form: str = "script", tt: bool = False) -> HTMLResponse:
        script = f"{storefront}/widget/v1.js"
        if form == "script":
            widget = (
                f'<script src="{script}" data-shop="s1" data-product="pot" '
                f'data-lang="{lang}" async></script>'
            )
        else:
            # No data-lang: the page's own <html lang> decides. JSON-LD embedded.
            # A second product without reviews: two widgets, one script, one stylesheet.
            widget = (
                '<div data-reviewloop-widget data-shop="s1" data-product="pot" '
                'data-jsonld="on"></div>\n'
                "<h2>Also in the shop: a kettle</h2>\n"
                '<div data-reviewloop-widget data-shop="s1" data-product="kettle"></div>\n'
                f'<script src="{script}" async></script>'
            )
        csp = strict + ("; require-trusted-types-for 'script'; trusted-types reviewloop" * tt)
        return host_page(storefront, lang, widget, csp)

    @app.get("/snippet")
    async def snippet(lang: str = "en") -> HTMLResponse:
        async with httpx.AsyncClient(base_url=storefront) as client:
            fragment = (await client.get(WIDGET, params={"lang": lang})).text
        stylesheet = f'<link rel="stylesheet" href="{storefront}/widget/v1.css">'
        # No script at all on this page: the snippet works without one.
        csp = strict.replace(f"script-src {storefront}", "script-src 'none'")
        return host_page(storefront, lang, stylesheet + "\n" + fragment, csp)

    return app


async def page_problems(t: Tab, name: str, phone: bool) -> list[str]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    # caret "initial": Playwright's default hides the caret with an injected <style>, which the
    # page's CSP refuses (a violation of the test's making, not the widget's).
    await t.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True, caret="initial")
    problems = [f"{name}: CSP {v}" for v in await t.csp_violations()]
    if phone and (overflow := await t.horizontal_overflow()):
        problems.append(f"{name}: {overflow}px sideways scroll")
    problems += [f"{name}: axe {v}" for v in await t.axe_violations()]
    # axe-core itself inserts a <style> the page's CSP refuses: forget that violation (it
    # arrives a moment later) so the next check of this tab sees only the widget's own.
    await asyncio.sleep(0.3)
    await t.page.evaluate("window.__cspViolations = []")
    t.console.clear()
    return problems


async def until(t: Tab, expression: str, timeout_s: float = 15.0) -> None:
    """Polls with page.evaluate (DevTools, outside the page's CSP): wait_for_function would
    evaluate a string in the page, which its CSP rightly refuses as eval."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not await t.page.evaluate(expression):
        assert asyncio.get_running_loop().time() < deadline, f"timed out on {expression}"
        await asyncio.sleep(0.05)


STYLED = (
    "(w => !!w && getComputedStyle(w).borderTopStyle === 'solid')"
    "(document.querySelector('.reviewloop'))"
)


async def rendered(t: Tab) -> None:
    await t.page.wait_for_selector("[data-reviewloop-state=ready] .reviewloop", timeout=15_000)
    # v1.css applied (the widget's border comes from it).
    await until(t, STYLED)


async def widget_text(t: Tab, selector: str = ".reviewloop") -> str:
    text = await t.page.locator(selector).first.text_content()
    return " ".join((text or "").split())


async def english_page(browser: Browser, host: str, sf: str, viewport: ViewportSize) -> list[str]:
    phone = viewport == PHONE
    width = "phone" if phone else "laptop"
    async with tab(browser, viewport) as t:
        requested: list[str] = []
        t.page.on("request", lambda r: requested.append(r.url))
        await t.page.goto(f"{host}/product?lang=en")
        await rendered(t)
        text = await widget_text(t)
        assert "Customer reviews" in text
        assert "3.6 out of 5 stars" in text and "7 reviews" in text
        first = await widget_text(t, ".rl-review")
        assert "Rating: 1 out of 5" in first and "Broken on arrival" in first
        assert "Verified buyer: bought here and reviewed through an invitation" in first
        assert "Reply from Teapots & Co" in first and "a new teapot is on its way" in first
        incentivized = await widget_text(t, "[data-review-id=r3]")
        assert "Incentivized: the reviewer was offered a reward" in incentivized
        assert "Anonymous" in incentivized
        policy = t.page.get_by_role("link", name="How reviews are collected and checked")
        assert await policy.get_attribute("href") == f"{sf}/shops/s1/review-policy?lang=en"
        assert await t.page.locator(".reviewloop").get_attribute("lang") == "en"
        assert await t.page.locator("[data-review-id=r2] .rl-text").get_attribute("lang") == "de"
        # v1.css once, whatever the number of widgets.
        assert await t.page.locator("link[data-reviewloop-css]").count() == 1
        problems = await page_problems(t, f"widget-{width}", phone)

        # "More reviews" appends page 2 in place and moves the focus to its first review.
        more = t.page.get_by_role("link", name="More reviews")
        await more.focus()
        await t.page.keyboard.press("Enter")
        await until(t, "document.querySelectorAll('.rl-review').length === 7")
        ids = await t.page.locator(".rl-review").evaluate_all(
            "items => items.map(li => li.dataset.reviewId)"
        )
        assert ids == ["r1", "r2", "r3", "r4", "r5", "r6", "r7"]
        assert await more.count() == 0  # no page 3
        focused = await t.page.evaluate("document.activeElement.dataset.reviewId")
        assert focused == "r6"
        if phone:
            problems += await page_problems(t, "widget-more-phone", phone)

        # Nothing from anyone but the shop and the reviews host; no cookie anywhere.
        assert {u.split("/")[2] for u in requested} == {host.split("/")[2], sf.split("/")[2]}
        assert await t.page.context.cookies() == []
        return problems


async def german_page(browser: Browser, host: str, sf: str, viewport: ViewportSize) -> list[str]:
    phone = viewport == PHONE
    width = "phone" if phone else "laptop"
    async with tab(browser, viewport) as t:
        # A cookie for the reviews host exists in this browser: the widget never sends it.
        await t.page.context.add_cookies([{"name": "other", "value": "1", "url": sf}])
        fragment_headers: list[dict[str, str]] = []

        async def record(request: Any) -> None:
            if "/widget?" in request.url:
                fragment_headers.append(await request.all_headers())

        t.page.on("requestfinished", record)
        # The container form, under a CSP that enforces Trusted Types as well.
        await t.page.goto(f"{host}/product?lang=de&form=container&tt=true")
        await rendered(t)
        await until(t, "document.querySelectorAll('[data-reviewloop-state=ready]').length === 2")
        text = await widget_text(t)
        assert "Kundenbewertungen" in text and "3,6 von 5 Sternen" in text
        assert "16. November 2026" in text and "Antwort von Teapots & Co" in text
        assert "Verifizierter Kauf" in text and "Mit Anreiz" in text
        assert "Wie Bewertungen gesammelt und geprüft werden" in text
        assert await t.page.locator(".reviewloop").first.get_attribute("lang") == "de"
        assert await t.page.locator("[data-review-id=r1] .rl-text").get_attribute("lang") == "en"
        kettle = await widget_text(t, "[data-product=kettle] .reviewloop")
        assert "Noch keine Bewertungen." in kettle
        assert await t.page.locator("link[data-reviewloop-css]").count() == 1
        # The embedded JSON-LD is data in the page (no CSP violation below), not code.
        jsonld = await t.page.locator(
            ".reviewloop script[type='application/ld+json']"
        ).text_content()
        assert json.loads(jsonld or "{}")["aggregateRating"]["reviewCount"] == 7
        problems = await page_problems(t, f"widget-de-{width}", phone)
        assert fragment_headers and all("cookie" not in h for h in fragment_headers)
        return problems


async def snippet_page(browser: Browser, host: str, viewport: ViewportSize) -> list[str]:
    phone = viewport == PHONE
    async with tab(browser, viewport) as t:
        await t.page.goto(f"{host}/snippet?lang=en")
        await until(t, STYLED)
        text = await widget_text(t)
        assert "3.6 out of 5 stars" in text and "Broken on arrival" in text
        assert await t.page.locator("script").count() == 0
        # Without the script "more reviews" is a plain link to the next page.
        more = await t.page.get_by_role("link", name="More reviews").get_attribute("href")
        assert more is not None and more.endswith("/widget?lang=en&page=2")
        return await page_problems(t, f"widget-snippet-{'phone' if phone else 'laptop'}", phone)


async def test_widget_in_chromium_on_another_origin_with_a_strict_csp(
    responder: Responder, storefront: Storefront
) -> None:
    await seed(responder.pool)
    async with storefront.serve() as sf:
        storefront.app.state.settings = storefront.settings.model_copy(update={"public_url": sf})
        async with serving(host_app(sf)) as served:
            # Another host name as well as another port: a different origin and cookie jar.
            host = served.replace("127.0.0.1", "localhost")
            async with chromium() as browser:
                problems: list[str] = []
                for viewport in (PHONE, LAPTOP):
                    problems += await english_page(browser, host, sf, viewport)
                    problems += await german_page(browser, host, sf, viewport)
                problems += await snippet_page(browser, host, LAPTOP)
    assert problems == [], "\n".join(problems)
