"""The public survey pages in a real browser (Debian's Chromium, phone-sized): under their strict
Content-Security-Policy nothing is blocked, axe-core finds no accessibility violation, nothing
scrolls sideways, and a buyer can answer with taps and typing. Screenshots go to docs/screenshots/.
"""

import re
import shutil
from collections.abc import AsyncIterator, Callable
from urllib.parse import urlparse

import pytest
from playwright.async_api import Browser

from deploy.local import packages
from services.survey.app import build
from services.survey.settings import SurveySettings
from tests.support.browser import PHONE, Tab, chromium, chromium_executable, serving, tab
from tests.support.infra import Infra
from tests.support.survey import SurveyHarness, placed, unique_email

pytestmark = pytest.mark.integration

SHOP = "browser-shop"


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    async with chromium() as opened:
        yield opened


@pytest.fixture
async def survey(
    infra: Infra, make_settings: Callable[..., SurveySettings]
) -> AsyncIterator[SurveyHarness]:
    settings = make_settings(SurveySettings, smtp_host=infra.smtp_host, smtp_port=infra.smtp_port)
    harness = await SurveyHarness.start(settings, infra.maildir)
    await harness.shop(SHOP)
    yield harness
    await harness.close()


@pytest.fixture
async def site(survey: SurveyHarness) -> AsyncIterator[str]:
    app, runtime = build(survey.settings)
    runtime.pool = survey.pool
    runtime.clock = survey.clock
    async with serving(app) as base_url:
        yield base_url


def _line(product_id: str, name: str, price: str) -> dict[str, object]:
    return {
        "product_id": product_id,
        "name": name,
        "category": "Food",
        "quantity": 1,
        "unit_price": price,
    }


# Three lines, two of them variants of one product (each is its own question); a long German
# compound is one word wider than a phone.
ITEMS = [
    _line("pot", "Gusseisenteekannenstövchenuntersetzerset", "35.00"),
    _line("tea", "Green tea sencha, 250 g", "12.00"),
    _line("tea", "Green tea sencha, 100 g", "5.50"),
]


async def _invite(survey: SurveyHarness, order_id: str) -> tuple[str, str, str]:
    """The buyer's address and the paths of the survey form and the unsubscribe page, taken
    from the invitation e-mail."""
    email = unique_email()
    await survey.feed(placed(SHOP, order_id, email, at=survey.clock(), locale="en", items=ITEMS))
    survey.clock.advance(days=40)
    assert await survey.dispatcher().run_once() == 1
    (mail,) = survey.mails_to(email)
    body = mail.get_body(("plain",))
    assert body is not None
    link = re.search(r"\S+/s/\S+", body.get_content())
    assert link is not None
    form = urlparse(link.group(0)).path
    unsubscribe = urlparse(mail["List-Unsubscribe"].strip("<>")).path
    return email, form, unsubscribe


async def _check(opened: Tab, screenshot: str | None = None) -> None:
    assert await opened.csp_violations() == []
    assert await opened.axe_violations() == []
    assert await opened.horizontal_overflow() <= 0
    if screenshot:
        await opened.screenshot(screenshot)


async def test_a_buyer_answers_the_survey_on_a_phone(
    browser: Browser, survey: SurveyHarness, site: str
) -> None:
    _, form, _ = await _invite(survey, "o-browser")
    async with tab(browser) as opened:
        page = opened.page
        shown = await page.goto(site + form)
        assert shown is not None and shown.status == 200
        assert await page.locator("fieldset legend").count() == 4  # three lines and the NPS
        await _check(opened)
        submit = page.get_by_role("button", name="Send")
        await submit.scroll_into_view_if_needed()
        assert await submit.is_visible()
        box = await submit.bounding_box()
        assert box is not None and box["x"] + box["width"] <= PHONE["width"]

        # Taps on the stars and the NPS scale, typing into the text boxes.
        await page.locator('label[for="rating_0-4"]').click()
        await page.locator("#text_0").fill("Heavy, keeps the tea hot.")
        await page.locator('label[for="rating_2-5"]').click()
        await page.locator('label[for="nps-9"]').click()
        await page.locator("#comment").fill("Fast delivery.")
        # The name shown with the published reviews: empty (anonymous) until typed.
        assert await page.get_by_label("Name shown with your review (optional)").input_value() == ""
        await page.locator("#reviewer_name").fill("Ana N.")
        # The last answer by keyboard only: focus the second line's stars, arrow to a rating.
        await page.locator("#rating_1-5").focus()
        await page.keyboard.press("Space")
        await page.keyboard.press("ArrowRight")
        assert await page.locator("#rating_1-4").is_checked()
        await _check(opened, "survey-form")
        async with page.expect_navigation():
            await submit.click()
        assert "Thank you" in await page.locator("h1").inner_text()
        await _check(opened, "survey-thanks")

    row = await survey.pool.fetchrow(
        "SELECT r.nps, r.comment FROM responses r JOIN surveys s ON s.id = r.survey_id "
        "WHERE s.order_id = 'o-browser'"
    )
    assert row is not None and (row["nps"], row["comment"]) == (9, "Fast delivery.")
    assert await survey.pool.fetchval("SELECT reviewer_name FROM responses") == "Ana N."
    ratings = await survey.pool.fetch(
        "SELECT p.line, p.product_id, p.rating, p.text FROM product_reviews p "
        "JOIN surveys s ON s.id = p.survey_id WHERE s.order_id = 'o-browser' "
        "ORDER BY p.line"
    )
    # Line by line: the teapot, then the two variants of the tea, each with its own rating.
    assert [(r["product_id"], r["rating"], r["text"]) for r in ratings] == [
        ("pot", 4, "Heavy, keeps the tea hot."),
        ("tea", 4, None),
        ("tea", 5, None),
    ]


async def test_a_refused_answer_says_why_and_leads_to_the_field_on_a_phone(
    browser: Browser, survey: SurveyHarness, site: str
) -> None:
    """A text without stars: the page comes back with the reason in words, naming the product,
    the text kept, and the reason a link that takes the buyer to the stars to tap."""
    _, form, _ = await _invite(survey, "o-browser-refused")
    async with tab(browser) as opened:
        page = opened.page
        await page.goto(site + form)
        await page.locator("#text_1").fill("Grassy and fresh.")
        submit = page.get_by_role("button", name="Send")
        async with page.expect_navigation():
            await submit.click()
        alert = page.get_by_role("alert")
        assert await alert.inner_text() == (
            "Please choose a star rating for Green tea sencha, 250 g: your text is kept below."
        )
        assert await page.locator("#text_1").input_value() == "Grassy and fresh."
        await _check(opened, "survey-refused")
        await alert.get_by_role("link").click()
        focused = await page.evaluate("document.activeElement && document.activeElement.id")
        assert focused == "rating_1-5"
        await page.locator('label[for="rating_1-4"]').click()
        async with page.expect_navigation():
            await submit.click()
        assert "Thank you" in await page.locator("h1").inner_text()
    assert (
        await survey.pool.fetchval(
            "SELECT p.rating FROM product_reviews p JOIN surveys s ON s.id = p.survey_id "
            "WHERE s.order_id = 'o-browser-refused' AND p.line = 1"
        )
        == 4
    )


async def test_the_unsubscribe_page_in_a_phone_browser(
    browser: Browser, survey: SurveyHarness, site: str
) -> None:
    email, _, unsubscribe = await _invite(survey, "o-browser-unsub")
    async with tab(browser) as opened:
        page = opened.page
        shown = await page.goto(site + unsubscribe)
        assert shown is not None and shown.status == 200
        await _check(opened, "unsubscribe")
        button = page.get_by_role("button")
        assert await button.is_visible()
        async with page.expect_navigation():
            await button.click()
        assert await opened.csp_violations() == []
    assert await survey.suppression(email) == "unsubscribed"


async def test_an_invalid_link_in_a_phone_browser(browser: Browser, site: str) -> None:
    async with tab(browser) as opened:
        page = opened.page
        shown = await page.goto(site + "/s/not-a-token")
        assert shown is not None and shown.status == 404
        await _check(opened, "invalid-link")
        # The checks can fail: an image the policy forbids, a field without a label and a
        # line too wide for the phone are each reported.
        await page.evaluate(
            """() => {
              const img = document.createElement("img");
              img.src = "http://127.0.0.1:9/x.png";
              img.alt = "";
              document.body.append(img, document.createElement("input"));
              const wide = document.createElement("pre");
              wide.textContent = "x".repeat(200);
              document.querySelector("main").append(wide);
            }"""
        )
        await page.wait_for_timeout(200)
        assert any("img-src" in v for v in await opened.csp_violations())
        assert "label" in {v["id"] for v in await opened.axe_violations()}
        assert opened.axe_version == "4.12.1"  # the wheel's copy (docs/decisions.md)
        assert await opened.horizontal_overflow() > 0


def test_without_chromium_the_browser_tests_fail_rather_than_skip(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(shutil, "which", lambda *_a, **_k: None)
    with pytest.raises(pytest.fail.Exception, match="chromium"):
        chromium_executable()


def test_stack_prereqs_install_a_missing_chromium_with_apt(monkeypatch: pytest.MonkeyPatch) -> None:
    """What `stack test` (CI) runs first asks apt for the browser; the rest of the stack, which
    the fixtures ensure, does not."""
    real_which = shutil.which
    absent = {"chromium", "chromedriver"}
    monkeypatch.setattr(
        shutil, "which", lambda name, *a, **k: None if name in absent else real_which(name)
    )
    asked: list[list[str]] = []
    monkeypatch.setattr(packages, "_apt_install", lambda names: asked.append(list(names)))
    packages.install_prerequisites()
    packages.install_prerequisites(browser=True)
    assert asked == [["chromium", "chromium-driver"]]
