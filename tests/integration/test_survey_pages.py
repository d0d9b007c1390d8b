"""The survey page and one-click unsubscribe, against real PostgreSQL."""

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from urllib.parse import urlparse

import pytest

from services.survey.settings import SurveySettings
from services.survey.tokens import InvalidToken, Tokens
from shared.events import parse_event
from tests.support.survey import SurveyHarness, placed, unique_email

pytestmark = pytest.mark.integration

SHOP = "page-shop"


@pytest.fixture
async def survey(infra, make_settings) -> AsyncIterator[SurveyHarness]:
    settings = make_settings(SurveySettings, smtp_host=infra.smtp_host, smtp_port=infra.smtp_port)
    harness = await SurveyHarness.start(settings, infra.maildir)
    await harness.shop(SHOP)
    yield harness
    await harness.close()


async def sent_links(
    survey: SurveyHarness, order_id: str, locale: str = "en"
) -> tuple[str, str, str]:
    email = unique_email()
    # Placed now: an order placed long before the clock would be too old to survey.
    await survey.feed(placed(SHOP, order_id, email, at=survey.clock(), locale=locale))
    survey.clock.advance(days=60)
    await survey.dispatcher().run_once()
    (mail,) = survey.mails_to(email)
    text = mail.get_body(("plain",)).get_content()
    survey_path = urlparse(re.search(r"\S+/s/\S+", text).group(0)).path
    unsubscribe_path = urlparse(mail["List-Unsubscribe"].strip("<>")).path
    return email, survey_path, unsubscribe_path


async def events_of(survey: SurveyHarness, event_type: str) -> list:
    rows = await survey.pool.fetch(
        "SELECT body FROM outbox WHERE event_type = $1 ORDER BY id", event_type
    )
    return [parse_event(bytes(r["body"])) for r in rows]


async def test_answer_becomes_reviews_and_an_nps_event(survey) -> None:
    _, path, _ = await sent_links(survey, "o-answer")
    async with survey.http() as http:
        page = await http.get(path)
        assert page.status_code == 200
        assert 'name="rating_0"' in page.text and 'name="nps"' in page.text
        form = {
            "rating_0": "2",  # the teapot, most expensive first
            "text_0": "Lid broke <script>alert(1)</script>",
            "rating_1": "5",
            "nps": "6",
            "comment": "Slow delivery",
        }
        answered = await http.post(path, data=form)
        assert answered.status_code == 200 and "Thank you" in answered.text

        reviews = await events_of(survey, "review.submitted")
        assert sorted((e.payload.product_id, e.payload.rating) for e in reviews) == [
            ("pot", 2),
            ("tea", 5),
        ]
        assert all(e.payload.source == "survey" and e.payload.verified_purchase for e in reviews)
        (nps,) = await events_of(survey, "survey.answered")
        assert nps.payload.nps == 6 and len(nps.payload.review_ids) == 2

        # Script is stored as text and shown escaped.
        again = await http.get(path)
        assert "Lid broke &lt;script&gt;alert(1)&lt;/script&gt;" in again.text
        assert "<script>alert(1)</script>" not in again.text

        # A second submit within 24 h edits the answer (same review ids).
        edited = await http.post(path, data={**form, "rating_0": "3"})
        assert edited.status_code == 200
        reviews = await events_of(survey, "review.submitted")
        assert len({e.payload.review_id for e in reviews}) == 2 and len(reviews) == 4
        assert (
            await survey.pool.fetchval(
                "SELECT rating FROM product_reviews WHERE product_id = 'pot'"
            )
            == 3
        )

        survey.clock.advance(hours=25)
        closed = await http.post(path, data=form)
        assert closed.status_code == 409


async def test_the_display_name_reaches_review_submitted_and_the_page_says_what_is_public(
    infra, make_settings
) -> None:
    settings = make_settings(
        SurveySettings,
        smtp_host=infra.smtp_host,
        smtp_port=infra.smtp_port,
        storefront_public_url="https://reviews.example.com/",
    )
    survey = await SurveyHarness.start(settings, infra.maildir)
    await survey.shop(SHOP)
    try:
        _, path, _ = await sent_links(survey, "o-named", locale="de-AT")
        async with survey.http() as http:
            page = await http.get(path)
            assert page.status_code == 200
            # Empty by default (anonymous), nothing suggested from the order's customer name.
            field = re.search(r'<input type="text" id="reviewer_name"[^>]*>', page.text)
            assert field is not None and 'value=""' in field.group(0)
            assert 'autocomplete="off"' in field.group(0)
            assert "Ana Novak" not in page.text
            assert "unabhängig von der Sternezahl" in page.text  # published whatever the rating
            assert "gehen nur an" in page.text  # the NPS comment stays private
            assert (
                'href="https://reviews.example.com/shops/page-shop/review-policy?lang=de"'
                in page.text
            )
            form = {
                "rating_0": "1",
                "rating_1": "4",
                "reviewer_name": "  Ana \t N.  ",
                "nps": "2",
                "comment": "Private words",
            }
            answered = await http.post(path, data=form)
            assert answered.status_code == 200, answered.text
            reviews = await events_of(survey, "review.submitted")
            assert sorted((e.payload.rating, e.payload.reviewer_name) for e in reviews) == [
                (1, "Ana N."),
                (4, "Ana N."),
            ]
            # Shown again for an edit; emptied, the reviews are anonymous again.
            again = await http.get(path)
            assert 'value="Ana N."' in again.text
            edited = await http.post(path, data={**form, "reviewer_name": " "})
            assert edited.status_code == 200
            reviews = await events_of(survey, "review.submitted")
            assert [e.payload.reviewer_name for e in reviews[2:]] == [None, None]
            assert b'"reviewer_name"' not in bytes(
                await survey.pool.fetchval(
                    "SELECT body FROM outbox WHERE event_type = 'review.submitted' "
                    "ORDER BY id DESC LIMIT 1"
                )
            )
            # The review ids downstream services know the lines by are kept with the ratings.
            ids = await survey.pool.fetch("SELECT review_id FROM product_reviews ORDER BY line")
            assert sorted(r["review_id"] for r in ids) == sorted(
                e.payload.review_id for e in reviews[2:]
            )
    finally:
        await survey.close()


async def test_without_a_storefront_url_the_notice_has_no_link(survey) -> None:
    _, path, _ = await sent_links(survey, "o-nolink")
    async with survey.http() as http:
        page = await http.get(path)
    assert "published on" in page.text and "whatever the rating" in page.text
    assert "review-policy" not in page.text


@pytest.mark.parametrize(
    ("form", "reason", "field"),
    [
        ({}, "Please rate at least one product or answer the recommendation", "rating_0-5"),
        (
            {"rating_0": "9"},
            "Please choose 1 to 5 stars for Čajnik.",
            "rating_0-5",
        ),
        ({"nps": "11"}, "Please choose a number from 0 to 10", "nps-0"),
        (
            {"rating_0": "4", "text_0": "x" * 2001},
            "Your text about Čajnik is longer than 2000 characters.",
            "text_0",
        ),
        (
            {"text_1": "no stars"},
            "Please choose a star rating for Zeleni čaj &lt;b&gt;bio&lt;/b&gt;:",
            "rating_1-5",
        ),
        (
            {"rating_0": "4", "reviewer_name": "A" * 81},
            "Your name is longer than 80 characters.",
            "reviewer_name",
        ),
        (
            {"rating_0": "4", "reviewer_name": "Ana\u202eN"},
            "Your name may hold only letters, digits and punctuation.",
            "reviewer_name",
        ),
    ],
)
async def test_bad_answers_get_a_clear_422(survey, form, reason, field) -> None:
    """In words, naming the product, with a link to the field to correct (a walk found
    "rating_1: a text needs a star rating")."""
    _, path, _ = await sent_links(survey, f"o-bad-{len(reason)}")
    async with survey.http() as http:
        r = await http.post(path, data=form)
    assert r.status_code == 422 and reason in r.text, r.text
    assert f'<p class="error" role="alert" id="error"><a href="#{field}">' in r.text
    assert f'id="{field}"' in r.text
    assert await events_of(survey, "review.submitted") == []


@pytest.mark.parametrize(
    ("locale", "reason"),
    [
        ("de-AT", "Bitte vergeben Sie Sterne für Čajnik: Ihr Text bleibt unten erhalten."),
        ("sl", "Izberite število zvezdic za izdelek Čajnik: vaše besedilo je spodaj ohranjeno."),
        ("lv", "Lūdzu, izvēlieties zvaigznes precei Čajnik: jūsu teksts zemāk ir saglabāts."),
        ("ro", "Vă rugăm să alegeți un număr de stele pentru Čajnik:"),
    ],
)
async def test_a_refusal_is_said_in_the_pages_language(survey, locale, reason) -> None:
    _, path, _ = await sent_links(survey, f"o-bad-{locale}", locale=locale)
    async with survey.http() as http:
        r = await http.post(path, data={"text_0": "Ohne Sterne"})
    assert r.status_code == 422 and reason in r.text, r.text
    assert "rating_0:" not in r.text and "star rating" not in r.text


async def test_bad_and_expired_tokens(survey) -> None:
    async with survey.http() as http:
        assert (await http.get("/s/not-a-token")).status_code == 404
        assert (await http.post("/u/not-a-token")).status_code == 404
    tokens = Tokens("secret", {"survey": -1, "unsubscribe": 60})
    with pytest.raises(InvalidToken) as expired:
        tokens.read("survey", tokens.make("survey", "ref"))
    assert expired.value.reason == "expired"
    with pytest.raises(InvalidToken):
        # A survey token is no unsubscribe token.
        tokens.read("unsubscribe", tokens.make("survey", "ref"))


async def test_one_click_unsubscribe_stops_the_reminder_and_future_surveys(survey) -> None:
    email, _, unsubscribe = await sent_links(survey, "o-unsub", locale="de-AT")
    async with survey.http() as http:
        page = await http.get(unsubscribe)
        assert page.status_code == 200 and "Abmelden" in page.text
        done = await http.post(
            unsubscribe,
            content=b"List-Unsubscribe=One-Click",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert done.status_code == 200
    assert await survey.suppression(email) == "unsubscribed"
    # The reminder is skipped, and so is a later order's invitation.
    await survey.feed(placed(SHOP, "o-unsub-2", email, at=survey.clock() + timedelta(days=1)))
    survey.clock.advance(days=90)
    await survey.dispatcher().run_once()
    assert len(survey.mails_to(email)) == 1
    assert await survey.status_of(SHOP, "o-unsub-2") == ("skipped", "unsubscribed")


async def test_metrics_count_sent_skipped_answered_and_both_nps(survey) -> None:
    await survey.pool.execute("UPDATE shops SET country = 'SI' WHERE shop_id = $1", SHOP)
    _, path, _ = await sent_links(survey, "o-m1")
    _, opened_path, _ = await sent_links(survey, "o-m3")
    await survey.feed(placed(SHOP, "o-m2", unique_email(), at=survey.clock(), b2b=True))
    survey.clock.advance(days=60)
    await survey.dispatcher().run_once()
    async with survey.http() as http:
        # Opened twice, never answered: one open.
        for _ in range(2):
            assert (await http.get(opened_path)).status_code == 200
        await http.post(path, data={"rating_0": "5", "nps": "8"})
        r = await http.get(
            f"/v1/shops/{SHOP}/survey-metrics",
            params={"from": "2026-01-01T00:00:00Z", "to": "2028-01-01T00:00:00Z"},
            headers={"Authorization": "Bearer api-token-dev-only"},
        )
    assert r.status_code == 200, r.text
    m = r.json()
    assert (m["scheduled"], m["sent"], m["opened"], m["answered"]) == (3, 2, 2, 1)
    assert m["skipped"] == {"b2b": 1}
    assert m["response_rate"] == 0.5
    assert m["nps"]["standard"]["passives"] == 1 and m["nps"]["european"]["promoters"] == 1
    assert m["nps"]["preferred"] == "european"
    # The teapot (category "Home") is the most expensive item: no typical rate for "other".
    assert m["by_category"] == [
        {
            "category": "other",
            "sent": 2,
            "answered": 1,
            "response_rate": 0.5,
            "typical_response_rate": None,
        }
    ]
