"""Every public survey page (survey form, thank-you, unsubscribe, refusals) carries the security
headers, and nothing on it needs more than its Content-Security-Policy allows."""

import base64
import hashlib
import re
from collections.abc import AsyncIterator
from html.parser import HTMLParser
from urllib.parse import urlparse

import httpx
import pytest

from services.survey.app import build
from services.survey.settings import SurveySettings
from services.survey.shops.config import SurveyShopSettings
from tests.support.survey import SurveyHarness, placed, unique_email

pytestmark = pytest.mark.integration

SHOP = "csp-shop"


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    settings = make_settings(SurveySettings, smtp_host=infra.smtp_host, smtp_port=infra.smtp_port)
    harness = await SurveyHarness.start(settings, infra.maildir)
    await harness.shop(SHOP)
    yield harness
    await harness.close()


class _Page(HTMLParser):
    """What a page would make a browser run or load."""

    def __init__(self) -> None:
        super().__init__()
        self.styles: list[str] = []
        self.forbidden: list[str] = []
        self.titles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {k for k, _ in attrs}
        if tag in ("script", "link", "img", "iframe", "object", "embed", "base"):
            self.forbidden.append(tag)
        if "style" in names or any(k.startswith("on") for k in names):
            self.forbidden.append(f"{tag} attribute {sorted(names)}")
        self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.styles.append(data)


def check(response: httpx.Response) -> None:
    h = response.headers
    assert h["content-type"].startswith("text/html"), response.request.url
    assert h["x-content-type-options"] == "nosniff"
    assert h["referrer-policy"] == "no-referrer"
    assert h["cache-control"] == "no-store"
    assert h["x-frame-options"] == "DENY"
    directives = dict(
        [*d.split(" ", 1), ""][:2]
        for d in (x.strip() for x in h["content-security-policy"].split(";"))
    )
    assert directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert directives["base-uri"] == "'none'"
    assert "script-src" not in directives and "unsafe" not in h["content-security-policy"]
    page = _Page()
    page.feed(response.text)
    assert page.forbidden == [], page.forbidden
    # Every style block is allowed by its hash: the page looks as designed under the policy.
    allowed = set(directives["style-src"].split())
    assert page.styles
    for style in page.styles:
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed


async def test_every_page_and_every_answer_carries_the_headers(survey) -> None:
    async with survey.http() as http:
        r = await http.put(
            f"/v1/shops/{SHOP}/survey-settings",
            json=SurveyShopSettings(brand={"primary_color": "#aa3300"}).model_dump(mode="json"),
            headers={"Authorization": "Bearer api-token-dev-only"},
        )
        assert r.status_code == 200, r.text
    email = unique_email()
    await survey.feed(placed(SHOP, "o-csp", email, at=survey.clock(), locale="en"))
    survey.clock.advance(days=40)
    assert await survey.dispatcher().run_once() == 1
    (mail,) = survey.mails_to(email)
    text = mail.get_body(("plain",)).get_content()
    form = urlparse(re.search(r"\S+/s/\S+", text).group(0)).path
    unsubscribe = urlparse(mail["List-Unsubscribe"].strip("<>")).path

    seen: set[tuple[str, str]] = set()
    async with survey.http() as http:

        async def visit(method: str, path: str, status: int, **kw) -> httpx.Response:
            r = await http.request(method, path, **kw)
            assert r.status_code == status, (method, path, r.text)
            check(r)
            seen.add((method, "/" + path.split("/")[1]))
            return r

        shown = await visit("GET", form, 200)
        assert "#aa3300" in shown.text  # the shop's colour, in the hashed block
        await visit("POST", form, 422, data={"rating_0": "9"})
        await visit("POST", form, 200, data={"rating_0": "4", "nps": "9"})
        await visit("GET", "/s/not-a-token", 404)
        await visit("POST", "/s/not-a-token", 404)
        await visit("GET", unsubscribe, 200)
        await visit("POST", unsubscribe, 200, content=b"List-Unsubscribe=One-Click")
        await visit("GET", "/u/not-a-token", 404)
        await visit("POST", "/u/not-a-token", 404)
        survey.clock.advance(days=2)
        await visit("POST", form, 409, data={"rating_0": "4"})

    # Every HTML route of the service was visited (a new page must join this test).
    app, _ = build(survey.settings)
    html_routes = {
        (method.upper(), "/" + path.split("/")[1])
        for path, operations in app.openapi()["paths"].items()
        for method, operation in operations.items()
        if any("text/html" in r.get("content", {}) for r in operation["responses"].values())
    }
    assert html_routes == seen
