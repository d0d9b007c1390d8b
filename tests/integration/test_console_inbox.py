"""The console's inbox on real PostgreSQL: urgency order, every filter, counts per filter value,
search, pages, shop scope, and the live-update event stream (LISTEN/NOTIFY through a real
HTTP server)."""

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from services.responder.app import build
from services.responder.console.inbox import endpoints as inbox_endpoints
from services.responder.reviews import repository as reviews_repository
from services.responder.reviews import service as reviews_service
from services.responder.reviews.query import ReviewFilter
from tests.support.browser import serving
from tests.support.clock import T0
from tests.support.console import browser_client, sign_in, signed_in, staff
from tests.support.responder import (
    BOOTSTRAP,
    Responder,
    classified,
    running_responder,
    shop_event,
)

ANA = "ana@shop-a.example"


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings, console_cookie_secure=False) as r:
        for shop in ("shop-a", "shop-b"):
            await r.feed(shop_event(shop, hours=24, due_soon_hours=4))
        yield r


def ids(html: str) -> list[str]:
    return re.findall(r'data-review-id="([^"]+)"', html)


async def seed(responder: Responder) -> dict[str, int]:
    """Reviews of shop-a (and one of shop-b with a shared id); the staff's user ids."""
    ana = await staff(responder, "agent", ["shop-a"], ANA, name="Ana")
    bob = await staff(responder, "agent", ["shop-a"], "bob@shop-a.example", name="Bob")
    h = timedelta(hours=1)
    for event in (
        # Negative, unanswered: due 24 h after creation.
        classified("shop-a", "t:overdue", created=T0 - 30 * h, topics=("delivery",),
                   title="Broken on arrival", order_id="1"),
        classified("shop-a", "t:soon", created=T0 - 22 * h, source="google", language="de",
                   text="Kaputt angekommen, keine Antwort", order_id="2", verified=False),
        classified("shop-a", "t:fresh", created=T0 - 1 * h, rating=5, mismatch=True,
                   text="Five stars but the teapot leaks everywhere", order_id="3"),
        # Severe but neutral: waits for a reply too.
        classified("shop-a", "t:severe", sentiment="neutral", severity="high", rating=3,
                   created=T0 - 2 * h, text="The kettle cable sparked", order_id="4",
                   removal_candidate=True),
        # Answered below.
        classified("shop-a", "t:answered", created=T0 - 50 * h, text="Late parcel",
                   order_id="5", topics=("delivery",)),
        classified("shop-a", "t:happy", sentiment="positive", rating=5, created=T0 - 40 * h,
                   text="Lovely teapot, thank you", order_id="6", source="survey"),
        classified("shop-b", "t:overdue", created=T0 - 30 * h, text="Other shop's secret",
                   order_id="9"),
    ):  # fmt: skip
        await responder.feed(event)
    async with responder.http() as http:
        r = await http.post(
            "/v1/reviews/t:answered/case/transitions",
            params={"shop_id": "shop-a"},
            headers=BOOTSTRAP,
            json={"to": "replied"},
        )
        assert r.status_code == 200, r.text
        r = await http.put(
            "/v1/reviews/t:soon/case/assignee",
            params={"shop_id": "shop-a"},
            headers=BOOTSTRAP,
            json={"user_id": ana},
        )
        assert r.status_code == 200, r.text
        r = await http.put(
            "/v1/reviews/t:overdue/case/assignee",
            params={"shop_id": "shop-a"},
            headers=BOOTSTRAP,
            json={"user_id": bob},
        )
        assert r.status_code == 200, r.text
    return {"ana": ana, "bob": bob}


async def test_unanswered_first_by_urgency_with_every_fact_of_a_row(
    responder: Responder,
) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        page = await client.get("/console/inbox")
        assert page.status_code == 200, page.text
        html = page.text
    # Severe and unanswered (a 3-star review with severity high, due after two negatives), then
    # negative and unanswered, closest SLA first; then answered; then the rest.
    assert ids(html) == ["t:severe", "t:overdue", "t:soon", "t:fresh", "t:answered", "t:happy"]
    assert 'id="inbox-list"' in html
    assert "Other shop&#39;s secret" not in html and "Other shop's secret" not in html
    row = html.split('data-review-id="t:overdue"')[1].split("</li>")[0]
    # The link's name is the title; the SLA in words from the request's clock.
    assert '<a href="/console/reviews/shop-a/t%3Aoverdue">Broken on arrival</a>' in row
    assert "Overdue by 6 h" in row
    assert "1 of 5 stars" in row and "Negative" in row and "Severity low" in row
    assert "Trustpilot" in row and "Verified" in row and "Topics: delivery" in row
    assert "Assigned to Bob" in row and "Case new" in row
    soon = html.split('data-review-id="t:soon"')[1].split("</li>")[0]
    assert "Due in 2 h" in soon and "Google" in soon and "DE" in soon
    assert "Not verified" in soon and "Assigned to Ana" in soon
    # No title: the text's start names the link.
    assert ">Kaputt angekommen, keine Antwort</a>" in soon
    fresh = html.split('data-review-id="t:fresh"')[1].split("</li>")[0]
    assert "Stars and text disagree" in fresh and "Due in 23 h" in fresh
    severe = html.split('data-review-id="t:severe"')[1].split("</li>")[0]
    assert "Removal candidate" in severe and "Severity high: Safety risk" in severe
    assert 'class="badge overdue"' in row and "is-overdue" in html.split("t:overdue")[0][-300:]
    # A positive review past its SLA is late too (the API's sla_state), but waits for nobody:
    # it is not marked in colour.
    happy = html.split('data-review-id="t:happy"')[1].split("</li>")[0]
    assert "Overdue by 16 h" in happy and 'class="badge overdue"' not in happy
    assert "is-overdue" not in html.split('data-review-id="t:happy"')[0][-300:]
    answered = html.split('data-review-id="t:answered"')[1].split("</li>")[0]
    assert "Answered" in answered and "Overdue" not in answered
    # Four wait for a reply (negative or severe, none yet).
    assert "4 waiting for a reply" in html and "6 matching" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"sentiment": "positive"}, ["t:happy"]),
        ({"sentiment": "neutral"}, ["t:severe"]),
        ({"topic": "delivery"}, ["t:overdue", "t:answered"]),
        ({"platform": "google"}, ["t:soon"]),
        ({"platform": "survey"}, ["t:happy"]),
        ({"language": "DE"}, ["t:soon"]),
        ({"verified": "no"}, ["t:soon"]),
        ({"mismatch": "yes"}, ["t:fresh"]),
        ({"removal": "yes"}, ["t:severe"]),
        ({"assigned": "me"}, ["t:soon"]),
        ({"assigned": "none", "state": "new"}, ["t:severe", "t:fresh"]),
        ({"state": "unanswered", "sentiment": "negative"}, ["t:overdue", "t:soon", "t:fresh"]),
        ({"state": "answered"}, ["t:answered"]),
        ({"state": "replied"}, ["t:answered"]),
        ({"state": "no_case"}, ["t:happy"]),
        # The SLA holds for every review (the API's sla_state): an unanswered positive one too.
        ({"sla": "overdue"}, ["t:overdue", "t:happy"]),
        ({"sla": "due_soon"}, ["t:soon"]),
        ({"q": "teapot"}, ["t:overdue", "t:fresh", "t:happy"]),
        ({"q": "teapot", "sentiment": "positive"}, ["t:happy"]),
    ],
)
async def test_each_filter(
    responder: Responder, params: dict[str, str], expected: list[str]
) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        page = await client.get("/console/inbox", params=params)
        assert page.status_code == 200, page.text
        assert ids(page.text) == expected
        fragment = await client.get("/console/inbox/list", params=params)
        assert fragment.status_code == 200
        assert "<html" not in fragment.text and ids(fragment.text) == expected


async def test_a_user_id_as_assignee_and_an_unknown_value_refused(responder: Responder) -> None:
    people = await seed(responder)
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        page = await client.get("/console/inbox", params={"assigned": str(people["bob"])})
        assert ids(page.text) == ["t:overdue"]
        bad = await client.get("/console/inbox", params={"sentiment": "furious"})
        assert bad.status_code == 422
        assert "sentiment" in bad.text and "<html" in bad.text


async def test_counts_per_filter_value_apply_the_other_filters(responder: Responder) -> None:
    people = await seed(responder)
    async with responder.http() as http:
        r = await http.get(
            "/v1/reviews/counts",
            params={"shop_id": "shop-a", "sentiment": "negative"},
            headers=BOOTSTRAP,
        )
        assert r.status_code == 200, r.text
        counts: dict[str, Any] = r.json()
    # Of the waiting reviews (t:overdue, t:soon, t:fresh negative; t:severe neutral+high):
    assert counts["waiting"] == 3 and not counts["waiting_capped"]
    by = counts["by"]
    # The sentiment filter does not hide the other sentiments' counts ...
    assert by["sentiment"] == {"negative": 3, "neutral": 1, "positive": 0}
    # ... but applies to every other filter's counts.
    assert by["sla"] == {"overdue": 1, "due_soon": 1, "ok": 1}
    assert by["status"]["new"] == 3 and by["status"]["none"] == 0
    assert by["source"] == {"survey": 0, "trustpilot": 2, "google": 1, "generic": 0}
    assert by["mismatch"] == {"true": 1} and by["removal_candidate"] == {"true": 0}
    assert by["verified"] == {"true": 2, "false": 1}
    assert by["assigned"] == {"none": 1}  # the bootstrap key is nobody: no "me"
    # Open sets: the values found, most common first.
    assert list(by["language"].items()) == [("en", 2), ("de", 1)]
    assert by["topic"] == {"delivery": 1}
    assert counts["total"] == 4 and not counts["total_capped"]  # t:answered matches too

    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        page = await client.get("/console/inbox", params={"sentiment": "negative"})
        html = page.text
    assert "3 waiting for a reply" in html and "4 matching" in html
    # Each count links to its filter, keeping the others.
    assert re.search(
        r'href="/console/inbox\?shop_id=shop-a&amp;sentiment=neutral">Neutral</a> '
        r'<span class="badge">1</span>',
        html,
    )
    assert re.search(r'assigned=me">Assigned to me</a> <span class="badge">1</span>', html)
    assert re.search(r'language=de">DE</a> <span class="badge">1</span>', html)
    assert re.search(r'topic=delivery">delivery</a> <span class="badge">1</span>', html)
    assert people["ana"]


async def test_the_api_has_the_inbox_filters_and_keeps_other_shops_out(
    responder: Responder,
) -> None:
    await seed(responder)
    async with responder.http() as http:
        for params, expected in (
            ({"mismatch": "true"}, ["t:fresh"]),
            ({"removal_candidate": "true"}, ["t:severe"]),
            ({"answered": "true"}, ["t:answered"]),
            (
                {"answered": "false", "mismatch": "false"},
                ["t:severe", "t:overdue", "t:soon", "t:happy"],
            ),
        ):
            r = await http.get(
                "/v1/reviews", params={"shop_id": "shop-a", **params}, headers=BOOTSTRAP
            )
            assert r.status_code == 200, r.text
            assert [i["review_id"] for i in r.json()["items"]] == expected, params
        r = await http.get("/v1/reviews", params={"shop_id": "shop-a"}, headers=BOOTSTRAP)
        fresh = next(i for i in r.json()["items"] if i["review_id"] == "t:fresh")
        assert fresh["star_text_mismatch"] is True
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        for path in ("/console/inbox", "/console/inbox/list", "/console/inbox/events"):
            other = await client.get(path, params={"shop_id": "shop-b"})
            assert other.status_code == 404, path
            assert "secret" not in other.text


async def test_pages_follow_the_urgency_order_without_overlap(responder: Responder) -> None:
    await staff(responder, "agent", ["shop-a"], ANA)
    for i in range(30):
        await responder.feed(
            classified("shop-a", f"t:{i:02}", created=T0 - timedelta(minutes=i), order_id=str(i))
        )
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        first = await client.get("/console/inbox", params={"sentiment": "negative"})
        on_first = ids(first.text)
        assert len(on_first) == 25
        # The oldest is due first.
        assert on_first[:2] == ["t:29", "t:28"]
        found = re.search(r'<a href="([^"]+)" rel="next">Next page</a>', first.text)
        assert found
        next_url = found.group(1).replace("&amp;", "&")
        assert "sentiment=negative" in next_url and "cursor=" in next_url
        second = await client.get(next_url)
        on_second = ids(second.text)
        assert on_second == ["t:04", "t:03", "t:02", "t:01", "t:00"]
        assert 'rel="next"' not in second.text and "First page" in second.text


async def test_the_page_works_for_screen_readers_and_without_inline_script(
    responder: Responder,
) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        html = (await client.get("/console/inbox")).text
    # Every filter has a label tied to it.
    for control in re.findall(r'<(?:select|input)[^>]*\bid="(f-[a-z_]+)"', html):
        assert f'for="{control}"' in html, control
    assert 'role="search"' in html and 'aria-live="polite"' in html
    assert "<h1>Inbox</h1>" in html and "<script>" not in html and "style=" not in html
    assert 'src="/console/static/inbox.js"' in html
    assert 'hx-trigger="refresh"' in html
    # The less used filters fold away, unless one of them is set.
    assert '<details class="inbox-more">' in html
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        filtered = (await client.get("/console/inbox", params={"platform": "google"})).text
    assert '<details class="inbox-more" open>' in filtered
    for static in ("inbox.js", "inbox.css"):
        async with browser_client(responder) as client:
            assert (await client.get(f"/console/static/{static}")).status_code == 200


async def _events(lines: "asyncio.Queue[str]", seconds: float) -> list[str]:
    """The next `event:` name the stream sends within `seconds` (comments skipped)."""
    try:
        async with asyncio.timeout(seconds):
            while True:
                line = await lines.get()
                if line.startswith("event:"):
                    return [line.split(":", 1)[1].strip()]
    except TimeoutError:
        return []


async def test_the_event_stream_tells_of_a_new_review_of_the_users_shop_only(
    responder: Responder,
) -> None:
    await staff(responder, "agent", ["shop-a"], ANA)
    app, runtime = build(responder.settings)
    runtime.pool = responder.pool
    runtime.clock = responder.clock
    async with serving(app) as base, httpx.AsyncClient(base_url=base, timeout=10) as client:
        assert (await sign_in(client, ANA)).status_code == 303
        lines: asyncio.Queue[str] = asyncio.Queue()
        async with client.stream(
            "GET", "/console/inbox/events", params={"shop_id": "shop-a"}
        ) as stream:
            assert stream.status_code == 200
            assert stream.headers["content-type"].startswith("text/event-stream")

            async def pump() -> None:
                async for line in stream.aiter_lines():
                    await lines.put(line)

            reader = asyncio.create_task(pump())
            try:
                assert await asyncio.wait_for(lines.get(), 5) == "retry: 3000"
                # Another shop's review: nothing.
                await responder.feed(classified("shop-b", "t:b1", order_id="b1"))
                assert await _events(lines, 1.5) == []
                # The user's shop: an event within a second or so.
                await responder.feed(classified("shop-a", "t:a1", order_id="a1"))
                assert await _events(lines, 5.0) == ["reviews"]
                assert await asyncio.wait_for(lines.get(), 1) == 'data: {"shops": ["shop-a"]}'
                # A burst of reviews makes at most one event per half second.
                for i in range(5):
                    await responder.feed(classified("shop-a", f"t:burst{i}", order_id=f"x{i}"))
                assert await _events(lines, 5.0) == ["reviews"]
                assert await _events(lines, 0.3) == []
            finally:
                reader.cancel()
                with contextlib.suppress(asyncio.CancelledError, httpx.HTTPError):
                    await reader
        # The browser went: its watcher, and with the last one the listener, are gone.
        feed = app.state.inbox_feed
        for _ in range(100):
            if not feed.watchers and feed._task is None:
                break
            await asyncio.sleep(0.05)
        assert not feed.watchers and feed._task is None


async def test_counts_past_their_cap_are_lower_bounds(
    responder: Responder, monkeypatch: pytest.MonkeyPatch
) -> None:
    await seed(responder)
    monkeypatch.setattr(reviews_service, "WAITING_CAP", 2)
    monkeypatch.setattr(reviews_service, "TOTAL_CAP", 3)
    async with responder.http() as http:
        r = await http.get("/v1/reviews/counts", params={"shop_id": "shop-a"}, headers=BOOTSTRAP)
        counts = r.json()
    # The two most urgent of the four waiting reviews were read: the severe one, then the
    # overdue negative.
    assert counts["waiting"] == 2 and counts["waiting_capped"] and counts["waiting_cap"] == 2
    assert counts["by"]["sla"] == {"overdue": 1, "due_soon": 0, "ok": 1}
    assert counts["total"] == 3 and counts["total_capped"]
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        html = (await client.get("/console/inbox")).text
    assert "2+ waiting for a reply" in html and "3+ matching" in html


async def test_the_event_stream_ends_with_the_session(
    responder: Responder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inbox_endpoints, "HEARTBEAT_S", 0.3)
    await staff(responder, "agent", ["shop-a"], ANA)
    app, runtime = build(responder.settings)
    runtime.pool = responder.pool
    runtime.clock = responder.clock
    async with serving(app) as base, httpx.AsyncClient(base_url=base, timeout=10) as client:
        csrf = await signed_in(client, ANA)
        async with client.stream("GET", "/console/inbox/events") as stream:
            lines: list[str] = []

            async def read() -> None:
                async for line in stream.aiter_lines():
                    lines.append(line)

            reader = asyncio.create_task(read())
            await asyncio.sleep(0.5)
            assert ": heartbeat" in lines
            out = await client.post("/console/logout", data={"csrf": csrf})
            assert out.status_code == 303
            # The stream says so and ends by itself.
            await asyncio.wait_for(reader, 5)
        assert "event: signed_out" in lines


async def test_the_matching_total_gives_up_rather_than_slow_the_inbox(
    responder: Responder,
) -> None:
    await seed(responder)
    f = ReviewFilter(shop_id="shop-a", now=T0, sentiments=["negative"])
    async with responder.pool.acquire() as conn:
        assert await reviews_repository._total(conn, f, 1000) == 4
    # Another transaction holds the table: the count waits past its time limit, and is left out.
    async with responder.pool.acquire() as locker, locker.transaction():
        await locker.execute("LOCK TABLE reviews IN ACCESS EXCLUSIVE MODE")
        async with responder.pool.acquire() as conn:
            started = asyncio.get_running_loop().time()
            assert await reviews_repository._total(conn, f, 1000) is None
            assert asyncio.get_running_loop().time() - started < 2


async def test_a_user_of_two_shops_picks_one(responder: Responder) -> None:
    await seed(responder)
    await staff(responder, "manager", ["shop-a", "shop-b"], "max@shops.example")
    async with browser_client(responder) as client:
        await signed_in(client, "max@shops.example")
        first = (await client.get("/console/inbox")).text
        assert '<label for="f-shop">Shop</label>' in first
        assert '<option value="shop-a" selected>Shop shop-a</option>' in first
        assert '<option value="shop-b">Shop shop-b</option>' in first
        assert "t:happy" in ids(first)
        other = (await client.get("/console/inbox", params={"shop_id": "shop-b"})).text
        assert ids(other) == ["t:overdue"] and "Other shop&#39;s secret" in other
        assert 'href="/console/reviews/shop-b/t%3Aoverdue"' in other
        assert 'data-events="/console/inbox/events?shop_id=shop-b"' in other
