"""The survey form for an order whose lines share a product id (variants of one product, as in
Shopify's published example order), against real PostgreSQL and SMTP."""

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest

from services.ingest.webhooks.adapters import ADAPTERS
from services.ingest.webhooks.adapters.base import WebhookRequest
from services.survey.settings import SurveySettings
from shared.events import parse_event
from tests.support.platforms import body_of, live_shopify_order, shopify_headers
from tests.support.survey import SurveyHarness, placed, unique_email

pytestmark = pytest.mark.integration

SHOP = "variant-shop"
SECRET = "test-secret-0123456789"


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    settings = make_settings(SurveySettings, smtp_host=infra.smtp_host, smtp_port=infra.smtp_port)
    harness = await SurveyHarness.start(settings, infra.maildir)
    await harness.shop(SHOP)
    yield harness
    await harness.close()


def shopify_example_items() -> list[dict]:
    """The items ingest makes of Shopify's example order: three of its five lines are one
    product (788032119674292900)."""
    body = body_of(live_shopify_order("orders__create"))
    headers = {k.lower(): v for k, v in shopify_headers(body, SECRET, "orders/create").items()}
    (facts,) = ADAPTERS["shopify"].parse(WebhookRequest(headers, body, datetime.now(UTC))).orders
    assert facts.details is not None
    return [i.model_dump(mode="json") for i in facts.details.items]


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.names: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key == "id" and value is not None:
                self.ids.append(value)
            if key == "name" and value is not None and tag in ("input", "textarea"):
                self.names.append(value)


async def test_every_line_of_one_product_can_be_rated_and_ids_are_unique(survey) -> None:
    items = shopify_example_items()
    shared = [i for i in items if i["product_id"] == "788032119674292900"]
    assert len(shared) == 3
    email = unique_email()
    await survey.feed(placed(SHOP, "o-variants", email, at=survey.clock(), items=items))
    survey.clock.advance(days=40)
    assert await survey.dispatcher().run_once() == 1
    (mail,) = survey.mails_to(email)
    text = mail.get_body(("plain",)).get_content()
    path = urlparse(re.search(r"\S+/s/\S+", text).group(0)).path

    async with survey.http() as http:
        page = await http.get(path)
        assert page.status_code == 200
        parsed = _Ids()
        parsed.feed(page.text)
        assert len(parsed.ids) == len(set(parsed.ids)), sorted(parsed.ids)
        # Five lines, most expensive first: lounger, coffee table, aviators share a product.
        assert {f"rating_{i}" for i in range(5)} <= set(parsed.names)
        for label in ("Mid-century lounger", "Coffee table", "Aviator sunglasses"):
            assert label in page.text
        form = {"rating_0": "2", "text_0": "Wobbly", "rating_1": "5", "nps": "7"}
        answered = await http.post(path, data=form)
        assert answered.status_code == 200, answered.text

        # Each line is its own review, of the same product.
        reviews = [
            parse_event(bytes(r["body"]))
            for r in await survey.pool.fetch(
                "SELECT body FROM outbox WHERE event_type = 'review.submitted' ORDER BY id"
            )
        ]
        assert sorted((e.payload.product_id, e.payload.rating) for e in reviews) == [
            ("788032119674292900", 2),
            ("788032119674292900", 5),
        ]
        assert len({e.payload.review_id for e in reviews}) == 2
        by_rating = {e.payload.rating: e.payload.text for e in reviews}
        assert by_rating == {2: "Wobbly", 5: None}

        # The page shows each line's own answer again.
        again = await http.get(path)
        assert 'id="rating_0-2" name="rating_0" value="2" checked' in again.text
        assert 'id="rating_1-5" name="rating_1" value="5" checked' in again.text
        assert again.text.count(" checked") == 3  # two lines and the NPS

        # An edit changes one line and keeps both reviews' ids.
        edited = await http.post(path, data={**form, "rating_1": "4"})
        assert edited.status_code == 200
        ids = await survey.pool.fetch(
            "SELECT body FROM outbox WHERE event_type = 'review.submitted' ORDER BY id"
        )
        edits = [parse_event(bytes(r["body"])).payload.review_id for r in ids]
        assert len(edits) == 4 and set(edits[2:]) == set(edits[:2])
    rows = await survey.pool.fetch(
        "SELECT line, product_id, rating FROM product_reviews p JOIN surveys s "
        "ON s.id = p.survey_id WHERE s.order_id = 'o-variants' ORDER BY line"
    )
    assert [(r["line"], r["rating"]) for r in rows] == [(3, 2), (4, 4)]


async def english_survey_path(survey: SurveyHarness, order_id: str) -> str:
    """The survey page's path from the English invitation of a new order, sent 40 days on."""
    email = unique_email()
    await survey.feed(placed(SHOP, order_id, email, at=survey.clock(), locale="en"))
    survey.clock.advance(days=40)
    assert await survey.dispatcher().run_once() == 1
    (mail,) = survey.mails_to(email)
    text = mail.get_body(("plain",)).get_content()
    path = urlparse(re.search(r"\S+/s/\S+", text).group(0)).path
    return path


async def test_the_thank_you_page_shows_its_title_once(survey) -> None:
    path = await english_survey_path(survey, "o-thanks")
    async with survey.http() as http:
        thanks = await http.post(path, data={"rating_0": "5"})
    assert thanks.status_code == 200
    title = "Thank you! Your answer has been saved."
    body = thanks.text.split("<body>", 1)[1]
    assert body.count(title) == 1
    assert f"<h1>{title}</h1>" in body and body.count("<h1>") == 1
    assert "You can change your answer within 24 hours" in body


async def test_refusal_pages_show_their_message_once(survey) -> None:
    async with survey.http() as http:
        for path in ("/s/not-a-token", "/u/not-a-token"):
            page = await http.get(path)
            assert page.status_code == 404
            body = page.text.split("<body>", 1)[1]
            assert body.count("This link is not valid.") == 1, body
            assert body.count("<h1>") == 1


async def test_a_refused_answer_comes_back_as_typed_and_browser_line_breaks_fit_the_cap(
    survey,
) -> None:
    """A walk lost a long text to a missing star: the 422 page was empty. And a browser sends a
    textarea's line break as CR LF, which its maxlength counts as one character."""
    path = await english_survey_path(survey, "o-typed")
    typed = {
        "text_0": "Lovely tea & <b>fast</b>, but no star",
        "nps": "9",
        "comment": "Ask me again in spring.",
        "reviewer_name": "Ana K.",
    }
    async with survey.http() as http:
        refused = await http.post(path, data=typed)
        assert refused.status_code == 422
        assert "Please choose a star rating for Čajnik: your text is kept below." in refused.text
        assert ">Lovely tea &amp; &lt;b&gt;fast&lt;/b&gt;, but no star</textarea>" in refused.text
        assert ">Ask me again in spring.</textarea>" in refused.text
        assert 'name="nps" value="9" checked>' in refused.text
        assert 'value="Ana K."' in refused.text
        browser = "\r\n".join(["Line of twelve."] * 125)
        assert len(browser.replace("\r\n", "\n")) <= 2000 < len(browser)
        saved = await http.post(path, data={"rating_0": "4", "comment": browser})
        assert saved.status_code == 200, saved.text
