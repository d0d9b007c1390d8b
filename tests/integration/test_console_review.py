"""The console's review and case page and its removal requests on real PostgreSQL: what the
page shows (classification and its explanations, the mismatch warning, order, survey comment
and NPS, the case's other reviews), every action through its form (open, move, assign, note,
removal request) through the API's own services, refusals shown on the page, CSRF, roles,
shop scope, escaping, and the page in Chromium at phone width."""

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from urllib.parse import quote

import pytest

from services.responder.app import build as build_responder
from shared.events import ReviewClassified, SurveyAnswered
from tests.support.browser import chromium, serving, tab
from tests.support.clock import T0
from tests.support.console import (
    PASSWORD,
    browser_client,
    field,
    post_form,
    signed_in,
    staff,
)
from tests.support.responder import (
    BOOTSTRAP,
    Responder,
    classified,
    running_responder,
    shop_event,
    user_with_key,
)

ANA = "ana@shop-a.example"  # agent
MAX = "max@shop-a.example"  # manager
H = timedelta(hours=1)


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings, console_cookie_secure=False) as r:
        for shop in ("shop-a", "shop-b"):
            await r.feed(shop_event(shop, hours=24, due_soon_hours=4))
        yield r


def url(shop: str, review: str) -> str:
    return f"/console/reviews/{quote(shop, safe='')}/{quote(review, safe='')}"


def section(html: str, element_id: str) -> str:
    """The HTML of the element with this id, up to its section's end."""
    start = html.index(f'id="{element_id}"')
    return html[start : html.index("</section>", start)]


def with_explanations(event: ReviewClassified, explanations: list[str]) -> ReviewClassified:
    data = event.model_dump(mode="json")
    data["payload"]["classification"]["explanations"] = explanations
    return ReviewClassified.model_validate(data)


async def seed(responder: Responder) -> dict[str, int]:
    ana = await staff(responder, "agent", ["shop-a"], ANA, name="Ana")
    boss = await staff(responder, "manager", ["shop-a"], MAX, name="Max")
    await staff(responder, "agent", ["shop-b"], "bea@shop-b.example", name="Bea")
    await responder.feed(
        with_explanations(
            classified(
                "shop-a",
                "survey:77",
                source="survey",
                rating=5,
                mismatch=True,
                severity="high",
                title="Five stars, but",
                text="The kettle cable sparked and burnt my table.",
                topics=("product_quality",),
                abuse=("insult",),
                question=("delivery_time", 0.7),
                removal_candidate=True,
                order_id="1001",
                created=T0 - 2 * H,
            ),
            ["negative words: sparked, burnt", "5 stars against a negative text"],
        )
    )
    # Another review of the same customer's order: the same case.
    await responder.feed(
        classified("shop-a", "trustpilot:tp-9", order_id="1001", created=T0 - H, rating=2)
    )
    await responder.feed(
        SurveyAnswered(
            shop_id="shop-a",
            occurred_at=T0 - 2 * H,
            payload={
                "survey_id": 5,
                "order_id": "1001",
                "nps": 3,
                "comment": "Please call me about the table.",
                "answered_at": T0 - 2 * H,
            },
        )
    )
    # Positive, no case.
    await responder.feed(
        classified(
            "shop-a", "google:happy", sentiment="positive", rating=5, order_id=None,
            text="<script>alert('x')</script> lovely", source="google",
        )
    )  # fmt: skip
    await responder.feed(classified("shop-b", "survey:77", text="Shop B's secret text"))
    return {"ana": ana, "max": boss}


async def test_a_review_without_a_title_is_headed_by_the_start_of_its_text(
    responder: Responder,
) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        page = await client.get(url("shop-a", "google:happy"))
        assert page.status_code == 200, page.text
    heading = page.text.split('id="review-heading"')[1].split("</h1>")[0]
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; lovely" in heading
    assert "google:happy" not in heading


async def test_the_automatic_reply_line_says_whether_the_review_was_queued(
    responder: Responder,
) -> None:
    """A walk turned automatic replies on and found "Allowed by the policy" on a review that
    arrived before: never queued, no reply coming. The record now says so."""
    await seed(responder)
    async with responder.http() as http:
        _, key = await user_with_key(http, "manager", ["shop-a"])

        async def record() -> str:
            async with browser_client(responder) as client:
                await signed_in(client, ANA)
                page = await client.get(url("shop-a", "google:happy"))
                assert page.status_code == 200, page.text
            found = section(page.text, "classification")
            policy = found.split('id="automation-policy">')[1].split("</dd>")[0]
            return policy + found.split("automation-policy")[1].split("</dl>")[0]

        # Automatic replies off: it waits for a person, and no queue line is shown.
        off = await record()
        assert "Waits for a person" in off and 'id="automation-record"' not in off
        on = await http.put(
            "/v1/shops/shop-a/settings", json={"automation": {"enabled": True}}, headers=key
        )
        assert on.status_code == 200, on.text
        late = await record()
        assert "Allowed by the policy" in late
        assert 'data-automation-status="none"' in late and "Not queued" in late
        # An edit arrives now: it is queued, and the page says when the reply goes out.
        await responder.feed(
            classified(
                "shop-a", "google:happy", sentiment="positive", rating=5, order_id=None,
                text="lovely, and lovely again", source="google", revision=2,
            )
        )  # fmt: skip
        queued = await record()
        detail = await http.get(
            "/v1/reviews/google%3Ahappy", params={"shop_id": "shop-a"}, headers=key
        )
    assert detail.json()["automation"]["status"] == "pending"
    assert 'data-automation-status="pending"' in queued
    assert "Queued: the automatic reply goes out" in queued and "Not queued" not in queued
    # The time is the page's own <time> element, not its escaped text.
    assert "<time datetime=" in queued and "&lt;time" not in queued


async def test_the_page_shows_the_review_its_classification_order_survey_and_case(
    responder: Responder,
) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        page = await client.get(url("shop-a", "survey:77"))
        assert page.status_code == 200, page.text
        html = page.text
    assert "<h1" in html and "Five stars, but</h1>" in html
    assert "5 of 5 stars" in html and "The kettle cable sparked and burnt my table." in html
    assert "Shop B&#39;s secret" not in html and "Shop B's secret" not in html
    # The mismatch warning box.
    warning = html.split('id="mismatch-warning"')[1].split("</div>")[0]
    assert "Stars and text disagree" in warning and "5 of 5 stars" in warning
    assert "its text reads Negative" in warning
    facts = section(html, "review-text-heading")
    for text in ("Anna Novak", "Our survey", "EN", "Verified", "survey:77"):
        assert text in facts, text
    # How the purchase was verified: ingest matched the platform's order reference.
    assert "the platform&#39;s order reference matches an order" in facts
    found = section(html, "classification")
    for text in (
        "95 % sure",
        '<li data-reason="safety">Safety risk</li>',  # in words, not the code
        "Product quality 80 %",
        "insult 90 %",
        "delivery_time",
        "70 % sure",
        "negative words: sparked, burnt",
        "5 stars against a negative text",
    ):
        assert text in found, text
    # Why no automatic reply may answer it: the policy's first reason.
    policy = found.split('id="automation-policy">')[1].split("</dd>")[0]
    assert "Waits for a person" in policy and "negative reviews always wait" in policy
    order = section(html, "order")
    assert "1001" in order and "1 \u00d7 Teapot" in order and "35 each" in order
    survey = section(html, "survey")
    assert "3 of 10" in survey and "Please call me about the table." in survey
    case = section(html, "case")
    assert 'id="case-state">New<' in case
    # Allowed next steps only, one button each.
    buttons = re.findall(r'<button type="submit" name="to" value="([a-z_]+)"', case)
    assert buttons == ["in_progress", "replied"]
    others = section(html, "case-reviews")
    assert 'href="/console/reviews/shop-a/trustpilot%3Atp-9"' in others
    assert 'id="note-form"' in html and 'id="case-workflow"' in html
    # The shop's active people in the assignment list (not shop-b's).
    assert ">Ana</option>" in case and ">Max</option>" in case and "Bea" not in case
    # The audit history names the case's opening.
    assert "case.opened" in section(html, "audit")
    # The agent sees no removal form.
    assert 'id="removal-form"' not in html and "Only managers prepare" in html
    assert 'id="reply-panel"' in html


async def test_each_action_through_its_form(responder: Responder) -> None:
    ids = await seed(responder)
    page_url = url("shop-a", "survey:77")
    async with browser_client(responder) as client:
        csrf = await signed_in(client, ANA)
        review = {"review": "survey:77"}
        # A note.
        r = await post_form(
            client, "/console/case/shop-a/notes", csrf, {**review, "body": "Called <b>her</b>"}
        )
        assert r.status_code == 303, r.text
        assert r.headers["location"] == f"{page_url}?done=note_added#notes"
        page = (await client.get(r.headers["location"])).text
        assert "Note saved." in page
        assert "Called &lt;b&gt;her&lt;/b&gt;" in section(page, "notes") and "Ana" in section(
            page, "notes"
        )
        # Move: new -> in_progress.
        r = await post_form(
            client, "/console/case/shop-a/transitions", csrf, {**review, "to": "in_progress"}
        )
        assert r.status_code == 303 and "done=moved" in r.headers["location"]
        page = (await client.get(page_url)).text
        assert 'id="case-state">In progress<' in page
        # Each step with the time the case reached it (the review came 2 h before the clock).
        steps = page.split('class="review-steps"')[1].split("</ol>")[0]
        assert re.search(r"New</span> <time[^>]*>2026-11-17 07:00 UTC", steps)
        assert re.search(r"In progress</span> <time[^>]*>2026-11-17 09:00 UTC", steps)
        assert 'Replied</span> <span class="muted">not yet' in steps
        assert re.findall(r'name="to" value="([a-z_]+)"', page) == ["replied"]
        # Assign to someone, then to me.
        r = await post_form(
            client, "/console/case/shop-a/assignee", csrf, {**review, "user_id": str(ids["max"])}
        )
        assert r.status_code == 303
        assert "Assigned to Max" in (await client.get(page_url)).text
        r = await post_form(
            client, "/console/case/shop-a/assignee", csrf, {**review, "user_id": "me"}
        )
        assert r.status_code == 303
        page = (await client.get(page_url)).text
        assert "Assigned to Ana" in page and 'id="assign-me"' not in page
        # Open a case for a review without one.
        happy = url("shop-a", "google:happy")
        assert "Open a case" in (await client.get(happy)).text
        r = await post_form(client, "/console/case/shop-a/open", csrf, {"review": "google:happy"})
        assert r.status_code == 303 and r.headers["location"] == f"{happy}?done=opened#case"
        assert 'id="case-state">New<' in (await client.get(happy)).text
    # The same services as the API: it sees all of it.
    async with responder.http() as http:
        detail = await http.get(
            "/v1/reviews/survey:77", params={"shop_id": "shop-a"}, headers=BOOTSTRAP
        )
        body = detail.json()
    assert body["case"]["status"] == "in_progress" and body["case"]["assignee_id"] == ids["ana"]
    assert [n["body"] for n in body["notes"]] == ["Called <b>her</b>"]
    assert [n["author"] for n in body["notes"]] == [f"user:{ids['ana']}"]
    actions = [a["action"] for a in body["audit"]]
    assert actions.count("case.assigned") == 2 and "note.added" in actions
    assert "case.status_changed" in actions
    # Newest first on the page.
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        audit = section((await client.get(page_url)).text, "audit")
    assert "Ana" in audit  # "user:<id>" as the person's name
    first = audit.index("case.assigned")
    assert first < audit.index("case.status_changed") < audit.index("case.opened")


async def test_refusals_are_shown_on_the_page(responder: Responder) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        csrf = await signed_in(client, ANA)
        review = {"review": "survey:77"}
        # new -> contacted: not allowed; the page names the allowed steps.
        r = await post_form(
            client, "/console/case/shop-a/transitions", csrf, {**review, "to": "contacted"}
        )
        assert r.status_code == 409, r.text
        refusal = r.text.split('id="review-refusal"')[1].split("</p>")[0]
        assert "The case is New: it cannot move to Contacted" in refusal
        assert "Allowed next steps: In progress, Replied." in refusal
        # Not a step at all.
        r = await post_form(
            client, "/console/case/shop-a/transitions", csrf, {**review, "to": "gone"}
        )
        assert r.status_code == 422 and "gone is not a step" in r.text
        # An empty note keeps the page, says why.
        r = await post_form(client, "/console/case/shop-a/notes", csrf, {**review, "body": "  "})
        assert r.status_code == 422 and "A note needs some text" in r.text
        # A user of another shop cannot be assigned.
        bea = await responder.pool.fetchval("SELECT id FROM users WHERE name = 'Bea'")
        r = await post_form(
            client, "/console/case/shop-a/assignee", csrf, {**review, "user_id": str(bea)}
        )
        assert r.status_code == 422 and "active user of this shop" in r.text
        r = await post_form(
            client, "/console/case/shop-a/assignee", csrf, {**review, "user_id": "x1"}
        )
        assert r.status_code == 422
        # A case that exists already.
        r = await post_form(client, "/console/case/shop-a/open", csrf, review)
        assert r.status_code == 409 and "has a case already" in r.text
        # Assigning without a case.
        r = await post_form(
            client,
            "/console/case/shop-a/assignee",
            csrf,
            {"review": "google:happy", "user_id": "me"},
        )
        assert r.status_code == 409 and "no case: open one first" in r.text
        # An unknown action.
        r = await post_form(client, "/console/case/shop-a/delete", csrf, review)
        assert r.status_code == 404
        # Nothing changed.
        page = (await client.get(url("shop-a", "survey:77"))).text
        assert 'id="case-state">New<' in page and "No notes yet." in page


async def test_csrf_roles_and_shop_scope(responder: Responder) -> None:
    await seed(responder)
    review = {"review": "survey:77"}
    async with browser_client(responder) as client:
        csrf = await signed_in(client, ANA)
        # No token, a wrong token, a cross-site request: 403, nothing written.
        r = await client.post("/console/case/shop-a/notes", data={**review, "body": "x"})
        assert r.status_code == 403 and "CSRF" in r.text
        r = await post_form(client, "/console/case/shop-a/notes", "wrong", {**review, "body": "x"})
        assert r.status_code == 403
        r = await client.post(
            "/console/case/shop-a/notes",
            data={"csrf": csrf, **review, "body": "x"},
            headers={"Sec-Fetch-Site": "cross-site"},
        )
        assert r.status_code == 403
        # An agent cannot prepare a removal request (the API's rule).
        r = await post_form(
            client,
            "/console/case/shop-a/removal",
            csrf,
            {**review, "reason": "abusive", "evidence": "Quotes an insult at our staff."},
        )
        assert r.status_code == 403 and "Only managers" in r.text
        # Another shop's review: 404, as the API answers (page and actions).
        for path in (url("shop-b", "survey:77"), url("shop-a", "no-such-review")):
            r = await client.get(path)
            assert r.status_code == 404, path
            assert "Shop B" not in r.text
        r = await post_form(client, "/console/case/shop-b/notes", csrf, {**review, "body": "x"})
        assert r.status_code == 404
        r = await post_form(
            client, "/console/case/shop-b/transitions", csrf, {**review, "to": "in_progress"}
        )
        assert r.status_code == 404
    count = await responder.pool.fetchval("SELECT count(*) FROM notes")
    removals = await responder.pool.fetchval("SELECT count(*) FROM removal_requests")
    assert count == 0 and removals == 0


async def test_untrusted_review_text_is_escaped(responder: Responder) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        html = (await client.get(url("shop-a", "google:happy"))).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; lovely" in html


async def test_removal_requests_prepared_by_a_manager_and_listed(responder: Responder) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        csrf = await signed_in(client, MAX)
        page = (await client.get(url("shop-a", "survey:77"))).text
        form = page.split('id="removal-form"')[1].split("</form>")[0]
        # The reasons the review allows (abuse label, removal candidate), each with its hint.
        reasons = re.findall(r'name="reason" value="([a-z_]+)"', form)
        assert reasons == ["off_target", "abusive", "spam"]
        assert "Quote the insulting" in form and 'aria-describedby="reason-abusive-hint"' in form
        # Too short evidence: refused, the typed text kept.
        r = await post_form(
            client,
            "/console/case/shop-a/removal",
            csrf,
            {"review": "survey:77", "reason": "abusive", "evidence": "short"},
        )
        assert r.status_code == 422 and "10 to 5000 characters" in r.text
        assert ">short</textarea>" in r.text
        evidence = "The review insults our driver by name: 'idiot'."
        r = await post_form(
            client,
            "/console/case/shop-a/removal",
            csrf,
            {"review": "survey:77", "reason": "abusive", "evidence": evidence},
        )
        assert r.status_code == 303 and r.headers["location"].endswith(
            "?done=removal_prepared#removal"
        )
        page = (await client.get(r.headers["location"])).text
        assert "Removal request prepared." in page
        assert "idiot" in section(page, "removal") and "Abusive" in section(page, "removal")
        # A reason the review does not show: the service's refusal.
        r = await post_form(
            client,
            "/console/case/shop-a/removal",
            csrf,
            {"review": "survey:77", "reason": "unverified", "evidence": evidence},
        )
        assert r.status_code == 422 and "not flagged as unverified" in r.text
        # The removals page lists the request and the candidates across the user's shops.
        listing = await client.get("/console/removals")
        assert listing.status_code == 200, listing.text
        prepared = section(listing.text, "prepared")
        assert "Abusive" in prepared and "idiot" in prepared and "Prepared" in prepared
        assert "Our survey · <code>77</code>" in prepared
        assert 'href="/console/reviews/shop-a/survey%3A77"' in prepared
        candidates = section(listing.text, "candidates")
        assert 'href="/console/reviews/shop-a/survey%3A77"' in candidates
        assert "Request prepared" in candidates
        assert "Shop B" not in listing.text
        assert (await client.get("/console/removals?shop_id=shop-b")).status_code == 404
    # The API lists them too, in the caller's shops only.
    async with responder.http() as http:
        r = await http.get("/v1/removal-requests", headers=BOOTSTRAP)
        assert r.status_code == 200, r.text
        listed = [
            (
                x["shop_id"],
                x["review_id"],
                x["reason"],
                x["status"],
                x["source"],
                x["source_review_id"],
            )
            for x in r.json()
        ]
        assert listed == [("shop-a", "survey:77", "abusive", "prepared", "survey", "77")]
        r = await http.get("/v1/removal-requests", params={"shop_id": "shop-b"}, headers=BOOTSTRAP)
        assert r.json() == []


async def test_the_page_in_chromium_at_phone_width(responder: Responder) -> None:
    """No CSP violation, no sideways scroll (long ids and texts wrap), no serious or critical
    axe-core finding; the workflow form works from the keyboard."""
    await seed(responder)
    await responder.feed(
        classified("shop-a", "generic:" + "x" * 120, text="W" * 300, order_id="2002")
    )
    app, runtime = build_responder(responder.settings)
    runtime.pool = responder.pool
    runtime.clock = responder.clock
    target = url("shop-a", "survey:77")
    async with serving(app) as base, chromium() as browser, tab(browser) as t:
        await t.page.goto(f"{base}{target}")
        await t.page.fill("#email", MAX)
        await t.page.fill("#password", PASSWORD)
        await t.page.click("button[type=submit]")
        # Chromium shows the id's encoded ':' decoded.
        await t.page.wait_for_url(re.compile(r".*/console/reviews/shop-a/survey(%3A|:)77$"))
        await t.page.focus("#case-workflow button[value=in_progress]")
        await t.page.keyboard.press("Enter")
        await t.page.wait_for_url("**done=moved*")
        assert "In progress" in await t.page.inner_text("#case-state")
        assert await t.csp_violations() == []
        assert await t.horizontal_overflow() == 0
        serious = [v for v in await t.axe_violations() if v["impact"] in ("serious", "critical")]
        assert serious == []
        # A laptop: two columns, the case beside the review.
        await t.page.set_viewport_size({"width": 1280, "height": 900})
        assert await t.horizontal_overflow() == 0
        review_box = await t.page.locator("#review-text-heading").bounding_box()
        case_box = await t.page.locator("#case-heading").bounding_box()
        assert review_box and case_box and case_box["x"] > review_box["x"] + 400
        await t.page.set_viewport_size({"width": 390, "height": 844})
        await t.page.goto(f"{base}{url('shop-a', 'generic:' + 'x' * 120)}")
        assert await t.horizontal_overflow() == 0
        await t.page.goto(f"{base}/console/removals")
        assert await t.csp_violations() == []
        assert await t.horizontal_overflow() == 0
        serious = [v for v in await t.axe_violations() if v["impact"] in ("serious", "critical")]
        assert serious == []


async def test_a_review_id_with_slash_hash_question_mark_and_space(responder: Responder) -> None:
    await seed(responder)
    odd = "generic:a/b#c d?e"
    await responder.feed(classified("shop-a", odd, order_id="3003"))
    async with browser_client(responder) as client:
        csrf = await signed_in(client, ANA)
        path = "/console/reviews/shop-a/generic%3Aa%2Fb%23c%20d%3Fe"
        page = await client.get(path)
        assert page.status_code == 200 and odd in page.text
        assert field(page.text, "review") == odd
        r = await post_form(
            client, "/console/case/shop-a/notes", csrf, {"review": odd, "body": "odd id"}
        )
        assert r.status_code == 303 and r.headers["location"] == f"{path}?done=note_added#notes"
        assert "odd id" in (await client.get(path)).text


async def test_the_removals_page_across_two_shops(responder: Responder) -> None:
    await seed(responder)
    await responder.feed(
        classified("shop-b", "google:b-spam", removal_candidate=True, text="Buy cheap pots here")
    )
    await staff(responder, "manager", ["shop-a", "shop-b"], "mia@shops.example")
    async with browser_client(responder) as client:
        await signed_in(client, "mia@shops.example")
        both = (await client.get("/console/removals")).text
        candidates = section(both, "candidates")
        assert 'href="/console/reviews/shop-a/survey%3A77"' in candidates
        assert 'href="/console/reviews/shop-b/google%3Ab-spam"' in candidates
        assert "Shop shop-a" in candidates and "Shop shop-b" in candidates
        assert 'id="removals-shop"' in both and "All my shops" in both
        one = section((await client.get("/console/removals?shop_id=shop-b")).text, "candidates")
        assert "google%3Ab-spam" in one and "survey%3A77" not in one


async def test_what_each_platform_asks_for_a_removal(responder: Responder) -> None:
    """Beside the removal form: how to send it on the review's platform, its id, and the
    platform's own category for each reason the review allows; agents see it too."""
    await seed(responder)
    await responder.feed(
        classified("shop-a", "trustpilot:tp-abuse", abuse=("insult",), removal_candidate=True)
    )
    await responder.feed(
        classified("shop-a", "google:g-unverified", source="google", verified=False)
    )
    await responder.feed(
        classified("shop-a", "generic:g-spam", source="generic", removal_candidate=True)
    )
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        tp = section((await client.get(url("shop-a", "trustpilot:tp-abuse"))).text, "removal")
        assert "What Trustpilot asks for" in tp and "Trustpilot Business account" in tp
        assert "<code>tp-abuse</code>" in tp  # the platform's own id of the review
        guide = tp.split('id="removal-platform"')[1].split("</dl>")[0]
        assert "About a different business" in guide  # off_target
        assert "Harmful or illegal" in guide  # abusive
        assert "Advertising or promotional" in guide  # spam
        assert "genuine experience</dd>" not in guide  # unverified: not a ground here
        g = section((await client.get(url("shop-a", "google:g-unverified"))).text, "removal")
        assert "What Google asks for" in g and "Reviews Management Tool" in g
        assert "Fake engagement" in g and "Off-topic" not in g
        own = section((await client.get(url("shop-a", "survey:77"))).text, "removal")
        assert "Where to send it" in own and "nothing to send" in own
        app_review = section((await client.get(url("shop-a", "generic:g-spam"))).text, "removal")
        assert "What the review app asks for" in app_review and "Judge.me" in app_review
        assert "<dt>Its reason" not in app_review  # the app's own moderation: no category list
        plain = section((await client.get(url("shop-a", "google:happy"))).text, "removal")
        assert 'id="removal-platform"' not in plain
