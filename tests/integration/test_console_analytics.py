"""The console's analytics page and `GET /v1/analytics/weekly` on real PostgreSQL: reviews fed
over several weeks give the figures computed by hand, in the page's tables and in the API;
another shop is not reachable; the survey service's response rates come from the real survey
app over HTTP, and its error when it is down."""

import html
import re
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

import pytest

from services.responder.app import build as build_responder
from services.survey.app import build as build_survey
from shared.events import SurveyAnswered
from tests.support.browser import PHONE, chromium, serving, tab
from tests.support.clock import T0
from tests.support.console import PASSWORD, browser_client, signed_in, staff
from tests.support.responder import (
    Responder,
    classified,
    running_responder,
    shop_event,
    user_with_key,
)
from tests.support.survey import SurveyHarness, placed, running_survey, unique_email

pytestmark = pytest.mark.integration

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
# T0 is Tuesday 2026-11-17 09:00 UTC: its week starts on Monday 2026-11-16.
WEEK_OF_T0 = T0 - DAY


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def answered(survey_id: int, nps: int, at: datetime) -> SurveyAnswered:
    return SurveyAnswered(
        shop_id="s1",
        occurred_at=at,
        payload={
            "survey_id": survey_id,
            "order_id": f"o{survey_id}",
            "nps": nps,
            "answered_at": at,
        },
    )


async def feed_weeks(responder: Responder) -> None:
    """Three weeks of shop s1 (and a review of s2 that must never count):
    - week of 2026-11-02: 10 reviews, 1 negative (10 %: on the line, not above);
    - week of 2026-11-09: 4 reviews, 2 negative (50 %), both about delivery_delay, answered
      after 2 and 30 hours; NPS answers 10, 9, 6, 8;
    - week of 2026-11-16 (the current one): 5 reviews, 1 negative (20 %) about delivery_delay,
      2 positives about praise."""
    first = WEEK_OF_T0 - 14 * DAY + 9 * HOUR
    for i in range(10):
        sentiment = "negative" if i == 0 else "positive"
        await responder.feed(
            classified(
                "s1",
                f"a{i}",
                sentiment=sentiment,
                rating=1 if i == 0 else 5,
                created=first + i * HOUR,
                order_id=f"a{i}",
            )
        )
    second = WEEK_OF_T0 - 7 * DAY + 9 * HOUR
    for i in range(4):
        negative = i < 2
        await responder.feed(
            classified(
                "s1",
                f"b{i}",
                sentiment="negative" if negative else "positive",
                rating=1 if negative else 5,
                created=second + i * HOUR,
                order_id=f"b{i}",
                topics=("delivery_delay",) if negative else (),
            )
        )
    for survey_id, score in enumerate((10, 9, 6, 8), start=1):
        await responder.feed(answered(survey_id, score, second + survey_id * HOUR))
    for i in range(5):
        negative = i == 0
        await responder.feed(
            classified(
                "s1",
                f"c{i}",
                sentiment="negative" if negative else "positive",
                rating=2 if negative else 4,
                created=T0 + i * HOUR,
                order_id=f"c{i}",
                topics=("delivery_delay",) if negative else ("praise",) if i < 3 else (),
            )
        )
    await responder.feed(classified("s2", "x1", created=T0))
    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        for name, after in (("b0", 2), ("b1", 30)):
            responder.clock.now = second + int(name[1]) * HOUR + after * HOUR
            r = await http.post(
                f"/v1/reviews/{name}/case/transitions", json={"to": "replied"}, headers=agent
            )
            assert r.status_code == 200, r.text
    responder.clock.now = T0 + 12 * HOUR


def table_rows(page: str, section: str) -> dict[str, list[str]]:
    """The rows of the first table in the page's section `section`, by their first cell."""
    part = page.split(f'id="{section}"', 1)[1].split("</section>", 1)[0]
    body = part.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [html.unescape(c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr)]
        rows[cells[0]] = cells[1:]
    return rows


@pytest.fixture
async def responder(make_settings: Any) -> AsyncIterator[Responder]:
    # Nothing listens on the survey URL: the page shows the survey service's error.
    async with running_responder(
        make_settings,
        survey_url=f"http://127.0.0.1:{closed_port()}",
        # The browser test serves plain http on 127.0.0.1.
        console_cookie_secure=False,
    ) as r:
        await r.feed(shop_event("s1", country="SI", hours=24))
        await r.feed(shop_event("s2"))
        await feed_weeks(r)
        yield r


async def test_the_page_and_the_weekly_api_show_the_hand_computed_figures(
    responder: Responder,
) -> None:
    await staff(responder, "agent", ["s1"], "ana@s1.example")
    async with browser_client(responder) as client:
        await signed_in(client, "ana@s1.example")
        r = await client.get("/console/analytics", params={"shop_id": "s1", "weeks": "4"})
        assert r.status_code == 200, r.text
        page = r.text
    assert "style=" not in page and "<style" not in page
    # Texts completed at run time: the month of a week's tick, the NPS variant of the country.
    assert ">16 Nov</text>" in page and ">26 Oct</text>" in page
    assert "This shop's country prefers the European variant." in html.unescape(page)
    assert page.count('role="img"') == 4  # negative share, NPS, reply times, topics
    negative = table_rows(page, "negative")
    assert list(negative) == ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]
    assert negative["2026-10-26"] == ["0", "0", "-"]
    assert negative["2026-11-02"] == ["10", "1", "10 %"]
    assert negative["2026-11-09"] == ["4", "2", "50 %"]
    assert negative["2026-11-16"] == ["5", "1", "20 %"]
    # The alarm history: the weeks above the line, newest first; 10 % itself is not above.
    assert "Week of 2026-11-16: 20 % negative (1 of 5 reviews)." in page
    assert "Week of 2026-11-09: 50 % negative (2 of 4 reviews)." in page
    assert "Week of 2026-11-02:" not in page
    # NPS 10, 9, 6, 8: standard (2 - 1) / 4 = 25; European (promoters from 8, detractors to 5)
    # (3 - 0) / 4 = 75.
    assert table_rows(page, "nps")["2026-11-09"] == ["25", "75", "4"]
    # Replies after 2 and 30 h: median 16, p90 2 + 0.9 * 28 = 27.2; one within the 24 h SLA.
    reply = table_rows(page, "reply")
    assert reply["2026-11-09"] == ["16 h", "27.2 h", "50 % (1/2)", "0"]
    # The current week's negative is unanswered and not yet past its SLA.
    assert reply["2026-11-16"] == ["-", "-", "-", "1"]
    assert 'stroke-dasharray="6 4"' in page and "SLA 24 h" in page
    topics = table_rows(page, "topics")
    assert topics == {"Praise": ["2", "0", "+2"], "Late delivery": ["1", "2", "-1"]}
    # The survey service is down: its error in place of the chart.
    assert "The survey service could not be asked for its figures: survey unreachable" in page

    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        r = await http.get(
            "/v1/analytics/weekly", params={"shop_id": "s1", "weeks": 4}, headers=agent
        )
        assert r.status_code == 200, r.text
        api = r.json()
        for weeks in (0, 53, "x"):
            bad = await http.get(
                "/v1/analytics/weekly", params={"shop_id": "s1", "weeks": weeks}, headers=agent
            )
            assert bad.status_code == 422, bad.text
        other = await http.get("/v1/analytics/weekly", params={"shop_id": "s2"}, headers=agent)
        assert other.status_code == 404
    assert (api["weeks"], api["threshold"], api["sla_hours"]) == (4, 0.1, 24)
    assert api["preferred_nps"] == "european"
    assert [w["from"] for w in api["series"]] == [
        "2026-10-26T00:00:00Z",
        "2026-11-02T00:00:00Z",
        "2026-11-09T00:00:00Z",
        "2026-11-16T00:00:00Z",
    ]
    week = api["series"][2]
    assert (week["volume"], week["negative"], week["negative_share"]) == (4, 2, 0.5)
    assert week["above_threshold"] is True and api["series"][1]["above_threshold"] is False
    assert week["first_reply_to_negatives"] == {
        "answered": 2,
        "unanswered": 0,
        "median_hours": 16.0,
        "p90_hours": 27.2,
    }
    assert week["negatives_within_sla"] == {"within": 1, "decided": 2, "share": 0.5}
    assert week["nps"]["standard"]["score"] == 25.0 and week["nps"]["european"]["score"] == 75.0
    assert api["series"][3]["topics"] == [
        {"topic": "praise", "count": 2, "previous_count": 0, "change": 2},
        {"topic": "delivery_delay", "count": 1, "previous_count": 2, "change": -1},
    ]


async def test_another_shop_and_bad_weeks_are_refused(responder: Responder) -> None:
    await staff(responder, "agent", ["s1"], "ana@s1.example")
    async with browser_client(responder) as client:
        await signed_in(client, "ana@s1.example")
        other = await client.get("/console/analytics", params={"shop_id": "s2"})
        assert other.status_code == 404
        assert "text/html" in other.headers["content-type"]
        for weeks in ("0", "53", "many"):
            bad = await client.get("/console/analytics", params={"shop_id": "s1", "weeks": weeks})
            assert bad.status_code == 422
            assert "Weeks must be a whole number from 1 to 52." in bad.text
        bad_shop = await client.get("/console/analytics", params={"shop_id": "../x"})
        assert bad_shop.status_code == 422
        # Without a shop: the user's only one, 12 weeks.
        default = await client.get("/console/analytics")
        assert default.status_code == 200
        assert "Shop s1: 12 UTC weeks" in default.text
        # Not offered as a shop anywhere (a bare "s2" may occur inside a random CSRF token or
        # nonce, which made this check flaky).
        for offered in ('value="s2"', ">s2<", "Shop s2", "shop_id=s2"):
            assert offered not in default.text


async def sent_and_answered(survey: SurveyHarness, shop: str) -> None:
    """Two invitations of `shop` sent (the teapot, category "Home", is each order's main item:
    no typical rate), one answered."""
    links = []
    for order in ("o-1", "o-2"):
        email = unique_email()
        await survey.feed(placed(shop, order, email, at=survey.clock()))
        links.append(email)
    survey.clock.advance(days=60)
    await survey.dispatcher().run_once()
    (mail,) = survey.mails_to(links[0])
    body = mail.get_body(("plain",))
    assert body is not None
    link = re.search(r"\S+/s/\S+", body.get_content())
    assert link is not None
    path = urlparse(link.group(0)).path
    async with survey.http() as http:
        r = await http.post(path, data={"rating_0": "5", "nps": "9"})
        assert r.status_code == 200, r.text


async def test_response_rates_come_from_the_survey_service(infra: Any, make_settings: Any) -> None:
    async with running_survey(infra, make_settings, "s1") as survey:
        await sent_and_answered(survey, "s1")
        app, runtime = build_survey(survey.settings)
        runtime.pool = survey.pool
        runtime.clock = survey.clock
        async with (
            serving(app) as url,
            running_responder(make_settings, survey_url=url) as responder,
        ):
            # The survey service stamps surveys with the database's clock, not the harness's:
            # the weeks asked for are the real ones.
            responder.clock.now = datetime.now(UTC)
            await responder.feed(shop_event("s1"))
            await staff(responder, "manager", ["s1"], "max@s1.example")
            async with browser_client(responder) as client:
                await signed_in(client, "max@s1.example")
                r = await client.get("/console/analytics", params={"weeks": "2"})
                assert r.status_code == 200, r.text
    assert "could not be asked" not in r.text
    assert table_rows(r.text, "rates") == {"other": ["2", "1", "50 %", "-"]}
    assert 'id="chart-rates-title"' in r.text


async def test_the_page_in_chromium_at_phone_width(responder: Responder) -> None:
    """No CSP violation, no sideways scroll, no serious or critical axe-core finding, charts
    as wide as the screen."""
    await staff(responder, "agent", ["s1"], "ana@s1.example")
    app, runtime = build_responder(responder.settings)
    runtime.pool = responder.pool
    runtime.clock = responder.clock
    async with serving(app) as url, chromium() as browser, tab(browser) as t:
        await t.page.goto(f"{url}/console/analytics?shop_id=s1&weeks=8")
        await t.page.fill("#email", "ana@s1.example")
        await t.page.fill("#password", PASSWORD)
        await t.page.click("button[type=submit]")
        await t.page.wait_for_url("**/console/analytics?shop_id=s1&weeks=8")
        assert await t.page.locator("svg.chart").count() == 4
        widths = await t.page.eval_on_selector_all(
            "svg.chart", "els => els.map(e => e.getBoundingClientRect().width)"
        )
        assert all(250 < w <= PHONE["width"] for w in widths), widths
        # The figures open from the keyboard.
        await t.page.locator("#negative summary").focus()
        await t.page.keyboard.press("Enter")
        assert await t.page.locator("#negative table").is_visible()
        assert await t.csp_violations() == []
        assert await t.horizontal_overflow() == 0
        serious = [v for v in await t.axe_violations() if v["impact"] in ("serious", "critical")]
        assert serious == []
