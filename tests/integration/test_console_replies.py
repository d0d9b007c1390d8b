"""The reply panel of the console's review page on real PostgreSQL: drafts in the reviewer's
language, edits, the linter while typing, approval per role, publishing through a real local
receiver, and what the panel says where the platform cannot take a reply."""

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from axe_playwright_python.async_playwright import Axe  # type: ignore[import-untyped]
from playwright.async_api import expect

from services.responder.app import build
from services.responder.console.replies.view import panel_url
from shared.events import ReviewDeleted
from tests.support.browser import Tab, chromium, serving, tab
from tests.support.clock import T0
from tests.support.console import PASSWORD, browser_client, post_form, signed_in, staff
from tests.support.receiver import Receiver
from tests.support.responder import (
    Responder,
    classified,
    running_responder,
    shop_event,
    user_with_key,
)

pytestmark = pytest.mark.integration

CONTACT = "help@teashop.example"
MANAGER = "mara@teashop.example"
AGENT = "alex@teashop.example"
# A review id with a '/': it travels in form fields, never in the actions' paths.
REVIEW = "t:de/1"
VOUCHER = "We will give you a 20% voucher if you change your review to 5 stars."
GOOD = (
    "Hi Anna, we are sorry the teapot arrived broken. Please write to us at "
    f"{CONTACT} and we will send a new one."
)


@pytest.fixture
async def responder(make_settings: Any) -> AsyncIterator[Responder]:
    # The connector's receiver listens on loopback.
    async with running_responder(
        make_settings, console_cookie_secure=False, outbound_allow_private_networks=True
    ) as r:
        await r.feed(shop_event("s1", contact_email=CONTACT))
        await r.feed(shop_event("s2"))
        await r.feed(
            classified(
                "s1",
                REVIEW,
                language="de",
                topics=("damaged_packaging",),
                text="Die Teekanne kam kaputt an.",
            )
        )
        await r.feed(classified("s1", "t:en", text="Late and broken."))
        await r.feed(classified("s2", "t:other", text="Another shop's review."))
        await staff(r, "manager", ["s1"], MANAGER, name="Mara")
        await staff(r, "agent", ["s1"], AGENT, name="Alex")
        yield r


def textarea(html: str) -> str:
    found = re.search(r'<textarea id="draft-text"[^>]*>(.*?)</textarea>', html, re.S)
    assert found, "no draft text on the page"
    return found.group(1)


def draft_id(html: str) -> int:
    found = re.search(r'action="/console/drafts/(\d+)"', html)
    assert found, "no draft form on the page"
    return int(found.group(1))


async def panel(client: httpx.AsyncClient, shop: str = "s1", review: str = REVIEW) -> str:
    page = await client.get(panel_url(shop, review).split("#")[0])
    assert page.status_code == 200, page.text
    assert 'id="reply-panel"' in page.text
    return page.text


async def new_draft(client: httpx.AsyncClient, csrf: str, review: str = REVIEW) -> None:
    r = await post_form(client, "/console/drafts/new", csrf, {"shop_id": "s1", "review_id": review})
    assert r.status_code == 303, r.text
    assert r.headers["location"] == panel_url("s1", review)


async def fragment(client: httpx.AsyncClient, shop: str = "s1", review: str = REVIEW) -> str:
    r = await client.get(
        "/console/publications",
        params={"shop_id": shop, "review_id": review},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200, r.text
    return r.text


async def lint(client: httpx.AsyncClient, csrf: str, text: str) -> httpx.Response:
    return await client.post(
        "/console/lint",
        data={"text": text, "shop_id": "s1", "review_id": REVIEW},
        headers={"X-CSRF-Token": csrf, "HX-Request": "true"},
    )


async def test_a_german_review_gets_a_german_draft_that_can_be_edited(
    responder: Responder,
) -> None:
    async with browser_client(responder) as client:
        csrf = await signed_in(client, AGENT)
        before = await panel(client)
        assert 'id="new-draft"' in before and 'id="no-draft"' in before
        await new_draft(client, csrf)
        page = await panel(client)
        text = textarea(page)
        assert "Hallo Anna," in text and CONTACT in text, text
        assert "Reply in DE; the review is in DE" in page
        # The textarea asks the linter while typing, without eval-needing htmx features.
        assert 'hx-post="/console/lint"' in page
        assert 'hx-trigger="input changed delay:400ms"' in page
        assert 'hx-target="#lint-findings"' in page and "hx-on" not in page
        assert 'id="lint-findings" aria-live="polite"' in page

        number = draft_id(page)
        # Line breaks as a browser sends a textarea's (CRLF), stored as the API's "\n".
        edited = "Hallo Anna, es tut uns leid.\r\nSchreiben Sie uns bitte an " + CONTACT + "."
        saved = await post_form(client, f"/console/drafts/{number}", csrf, {"text": edited})
        assert saved.status_code == 303, saved.text
        assert saved.headers["location"] == panel_url("s1", REVIEW)
        page = await panel(client)
        assert textarea(page) == edited.replace("\r\n", "\n")
        assert "version 2" in page and "the draft was saved" in page

        empty = await post_form(client, f"/console/drafts/{number}", csrf, {"text": "  "})
        assert empty.status_code == 422 and "1 to 5000" in empty.text
        forged = await client.post(f"/console/drafts/{number}", data={"text": "x"})
        assert forged.status_code == 403
        unknown = await post_form(client, "/console/drafts/999999", csrf, {"text": "Hallo"})
        assert unknown.status_code == 404
        bad_id = await post_form(client, "/console/drafts/0", csrf, {"text": "Hallo"})
        assert bad_id.status_code == 422
        # Another shop's review is not reachable, nor is a review that does not exist.
        for review, shop in (("t:other", "s2"), ("t:none", "s1")):
            r = await post_form(
                client, "/console/drafts/new", csrf, {"shop_id": shop, "review_id": review}
            )
            assert r.status_code == 404, r.text
        missing = await post_form(client, "/console/drafts/new", csrf, {"shop_id": "s1"})
        assert missing.status_code == 422
        # The plan's URL with the ids in the path does the same ('/' of the id encoded).
        at = await post_form(
            client, f"/console/reviews/s1/{quote(REVIEW, safe='')}/drafts", csrf, {}
        )
        assert at.status_code == 303 and at.headers["location"] == panel_url("s1", REVIEW)
        assert "Earlier drafts (1)" in await panel(client)
        elsewhere = await post_form(client, "/console/reviews/s2/t:other/drafts", csrf, {})
        assert elsewhere.status_code == 404
        # The polled publications part: nothing yet here, and not another shop's.
        assert 'id="no-publications"' in await fragment(client)
        other = await client.get(
            "/console/publications", params={"shop_id": "s2", "review_id": "t:other"}
        )
        assert other.status_code == 404
        # Another language where the person chooses one; an unknown one is refused.
        fields = {"shop_id": "s1", "review_id": REVIEW}
        english = await post_form(client, "/console/drafts/new", csrf, {**fields, "language": "en"})
        assert english.status_code == 303, english.text
        page = await panel(client)
        assert textarea(page).startswith("Hi Anna,") and "Reply in EN; the review is in DE" in page
        assert "Earlier drafts (2)" in page
        french = await post_form(client, "/console/drafts/new", csrf, {**fields, "language": "fr"})
        assert french.status_code == 422 and "language" in french.text
        for bad in ("x", "0"):
            r = await post_form(client, "/console/drafts/new", csrf, {**fields, "template_id": bad})
            assert r.status_code == 422, r.text
        r = await post_form(client, "/console/drafts/new", csrf, {**fields, "template_id": "999"})
        assert r.status_code == 404


async def test_a_person_may_pick_one_of_the_shops_templates(responder: Responder) -> None:
    async with responder.http() as http:
        _, key = await user_with_key(http, "manager", ["s1"])
        ids = []
        for name, topic, sentence in (
            ("Kurz", "", "Das tut uns leid."),
            ("Spät", "delivery_delay", "Es tut uns leid, dass es so lange gedauert hat."),
        ):
            template = {"name": name, "language": "de", "sentiment": "negative", "topic": topic}
            body = f"{{greeting}} {sentence} {{invitation}}"
            made = await http.post(
                "/v1/shops/s1/templates", headers=key, json={**template, "body": body}
            )
            assert made.status_code == 201, made.text
            ids.append(made.json()["id"])
    number, topical = ids
    async with browser_client(responder) as client:
        csrf = await signed_in(client, AGENT)
        page = await panel(client)
        assert f'<option value="{number}">Kurz (DE, Negative)</option>' in page
        assert f'<option value="{topical}">Spät (DE, Negative, Late delivery)</option>' in page
        fields = {"shop_id": "s1", "review_id": REVIEW, "template_id": str(number)}
        r = await post_form(client, "/console/drafts/new", csrf, fields)
        assert r.status_code == 303, r.text
        page = await panel(client)
        assert textarea(page).startswith("Hallo Anna, Das tut uns leid.")
        assert f"template:{number}" in page


async def test_the_linter_blocks_a_review_for_reward_sentence_while_typing(
    responder: Responder,
) -> None:
    async with browser_client(responder) as client:
        csrf = await signed_in(client, AGENT)
        r = await lint(client, csrf, VOUCHER)
        assert r.status_code == 200, r.text
        assert "<html" not in r.text  # a fragment
        blocks = re.findall(r'data-severity="block" data-code="([a-z_]+)"', r.text)
        assert "incentive_for_review" in blocks, r.text
        assert "20% voucher" in r.text  # the passage
        # The issue's own example is a block too.
        ten = await lint(client, csrf, "We'll give you a 10% discount if you update your review.")
        assert 'data-severity="block"' in ten.text, ten.text

        # Warn level (the review is negative): no apology and no way to reach the shop.
        curt = await lint(client, csrf, "Thank you for your feedback about the teapot.")
        warns = re.findall(r'data-severity="warn" data-code="([a-z_]+)"', curt.text)
        assert {"missing_apology", "missing_private_channel"} <= set(warns), curt.text
        assert 'data-severity="block"' not in curt.text
        assert "should apologise" in curt.text

        good = await lint(client, csrf, GOOD)
        assert good.status_code == 200
        assert 'data-severity="block"' not in good.text, good.text
        assert re.search("(?i)nothing blocks this reply", good.text)

        assert 'data-severity="block"' not in (await lint(client, csrf, "   ")).text
        long = await lint(client, csrf, "a" * 5001)
        assert 'data-severity="block"' in long.text
        no_token = await client.post(
            "/console/lint", data={"text": VOUCHER, "shop_id": "s1", "review_id": REVIEW}
        )
        assert no_token.status_code == 403
        other = await client.post(
            "/console/lint",
            data={"text": VOUCHER, "shop_id": "s2", "review_id": "t:other"},
            headers={"X-CSRF-Token": csrf},
        )
        assert other.status_code == 404


async def test_a_blocked_draft_cannot_be_approved(responder: Responder) -> None:
    async with browser_client(responder) as client:
        csrf = await signed_in(client, MANAGER)
        await new_draft(client, csrf)
        number = draft_id(await panel(client))
        await post_form(client, f"/console/drafts/{number}", csrf, {"text": VOUCHER})
        page = await panel(client)
        assert re.search(r'id="approve-draft" disabled aria-describedby="approve-why"', page)
        assert "blocking findings" in page
        assert 'data-severity="block" data-code="incentive_for_review"' in page
        refused = await post_form(client, f"/console/drafts/{number}/approve", csrf)
        assert refused.status_code == 409
        assert "blocking findings" in refused.text and "incentive_for_review" in refused.text
        assert 'href="' + panel_url("s1", REVIEW) + '"' in refused.text.replace("&#34;", '"')


async def test_agents_cannot_approve_managers_can_and_publishing_reaches_the_receiver(
    responder: Responder,
) -> None:
    with Receiver() as receiver:
        async with browser_client(responder) as agent, browser_client(responder) as manager:
            agent_csrf = await signed_in(agent, AGENT)
            manager_csrf = await signed_in(manager, MANAGER)
            await new_draft(agent, agent_csrf)
            page = await panel(agent)
            number = draft_id(page)
            await post_form(agent, f"/console/drafts/{number}", agent_csrf, {"text": GOOD})

            # The agent sees why not, and a forged approval is the service's 403.
            page = await panel(agent)
            assert 'id="approve-draft"' not in page and 'id="approve-not-allowed"' in page
            assert "Only managers approve replies in this shop" in page
            forged = await post_form(agent, f"/console/drafts/{number}/approve", agent_csrf)
            assert forged.status_code == 403
            assert "only managers approve replies" in forged.text

            # No connector yet: the panel says so and points to the case workflow.
            page = await panel(manager)
            assert 'id="reply-no-channel"' in page and "Trustpilot" in page
            assert "“Replied”" in page
            assert 'href="/console/shops/s1/setup"' in page
            assert 'href="/console/shops/s1/setup"' not in await panel(agent)
            approved = await post_form(manager, f"/console/drafts/{number}/approve", manager_csrf)
            assert approved.status_code == 303, approved.text
            page = await panel(manager)
            assert 'data-draft-status="approved"' in page
            shown = await panel(agent)
            assert 'id="publish-not-allowed"' in shown and 'id="approve-not-allowed"' not in shown
            assert 'id="publish-draft"' not in shown
            assert "approved by Mara" in page and "approved (" in page
            assert re.search(r'id="publish-draft" disabled', page)
            refused = await post_form(manager, f"/console/drafts/{number}/publish", manager_csrf)
            assert refused.status_code == 409 and "no reply connector" in refused.text

            async with responder.http() as http:
                _, key = await user_with_key(http, "manager", ["s1"])
                r = await http.put(
                    "/v1/shops/s1/connector", json={"url": receiver.url}, headers=key
                )
                assert r.status_code == 200, r.text
            page = await panel(manager)
            assert 'id="reply-no-channel"' not in page
            assert re.search(r'id="publish-draft">', page)
            agent_publish = await post_form(agent, f"/console/drafts/{number}/publish", agent_csrf)
            assert agent_publish.status_code == 403
            queued = await post_form(manager, f"/console/drafts/{number}/publish", manager_csrf)
            assert queued.status_code == 303, queued.text
            page = await panel(manager)
            assert 'data-publication-status="pending"' in page
            # While it is on its way the publications part polls itself, without a filter.
            assert 'hx-trigger="every 3s"' in page
            polled = await fragment(manager)
            assert 'data-publication-status="pending"' in polled and "Queued" in polled

            assert await responder.publish() == 1
            assert len(receiver.requests) == 1
            _, raw = receiver.requests[0]
            assert GOOD.encode() in raw
            page = await panel(manager)
            assert 'data-publication-status="published"' in page
            assert 'data-draft-status="published"' in page
            assert 'id="draft-text"' not in page  # a published reply is not edited
            # The poll's answer shows it published, with the id sent, and stops polling.
            polled = await fragment(manager)
            assert 'data-publication-status="published"' in polled
            assert "hx-trigger" not in polled and "<html" not in polled
            # The draft's badge and the last step come along out of band: a walk saw
            # "Publishing" and "the reply was queued" beside a published reply until a reload.
            badge = re.search(r'<span class="badge" id="draft-status"[^>]*>[^<]*<', polled)
            assert badge and 'data-draft-status="published"' in badge.group(0), polled
            assert 'hx-swap-oob="true"' in badge.group(0)
            last = polled.split('id="reply-last"')[1].split("</p>")[0]
            assert 'hx-swap-oob="true"' in last and "the reply was published" in last
            (reply_id,) = re.findall(r'<td class="reply-id">([^<]+)</td>', polled)
            assert reply_id.encode() in raw
            assert "the reply was published" in page
            assert 'id="reply-answered"' in page
            # The policy line no longer says an automatic reply may answer it.
            policy = page.split('id="automation-policy">')[1].split("</dd>")[0]
            assert "Not needed" in policy and "the review has been answered" in policy
            # A new draft starts again; the published one folds under the earlier drafts.
            await new_draft(manager, manager_csrf)
            page = await panel(manager)
            assert 'data-draft-status="draft"' in page and "Earlier drafts (1)" in page
            again = await post_form(
                manager, f"/console/drafts/{number}", manager_csrf, {"text": "x"}
            )
            assert again.status_code == 409


async def test_a_failed_publication_shows_its_attempts_and_error(responder: Responder) -> None:
    with Receiver(status=503) as receiver:
        async with responder.http() as http:
            _, key = await user_with_key(http, "manager", ["s1"])
            await http.put("/v1/shops/s1/connector", json={"url": receiver.url}, headers=key)
            await http.put("/v1/shops/s1/settings", json={"agents_can_approve": True}, headers=key)
        async with browser_client(responder) as client:
            csrf = await signed_in(client, AGENT)
            await new_draft(client, csrf, "t:en")
            number = draft_id(await panel(client, review="t:en"))
            await post_form(client, f"/console/drafts/{number}", csrf, {"text": GOOD})
            # Where the shop lets agents approve, the agent has the buttons.
            assert 'id="approve-draft"' in await panel(client, review="t:en")
            for step in ("approve", "publish"):
                done = await post_form(client, f"/console/drafts/{number}/{step}", csrf)
                assert done.status_code == 303, done.text
            # A retryable answer: still queued, with its error and the time of the next try.
            assert await responder.publish() == 1
            page = await panel(client, review="t:en")
            row = re.search(r'<tr data-publication-status="pending">(.*?)</tr>', page, re.S)
            assert row, page
            assert "<td>1</td>" in row.group(1) and "503" in row.group(1)
            assert "Waiting to try again" in row.group(1)
            assert re.search(r"<td>\d{4}-\d\d-\d\d \d\d:\d\d UTC</td>", row.group(1))
            # Then a refusal: failed, two attempts, and a person may try again.
            receiver.status = 422
            responder.clock.now = T0 + timedelta(minutes=5)
            assert await responder.publish() == 1
            page = await panel(client, review="t:en")
            row = re.search(r'<tr data-publication-status="failed">(.*?)</tr>', page, re.S)
            assert row, page
            assert "<td>2</td>" in row.group(1) and "422" in row.group(1)
            assert "Failed, gave up" in row.group(1) and "every 3s" not in page
            assert "Try publishing again" in page


async def test_the_panel_in_chromium_at_phone_width(responder: Responder) -> None:
    """A real browser: the draft appears, typing a review-for-reward sentence shows the block
    within the delay (htmx under the console's CSP), the approval waits for a save; no CSP
    violation, no sideways scroll, no serious or critical axe-core finding in the panel."""
    app, runtime = build(responder.settings)
    runtime.pool = responder.pool
    runtime.clock = responder.clock
    page_path = panel_url("s1", REVIEW).split("#")[0]
    async with serving(app) as url, chromium() as browser, tab(browser) as t:
        await t.page.goto(url + page_path)
        await t.page.fill("#email", MANAGER)
        await t.page.fill("#password", PASSWORD)
        await t.page.click("button[type=submit]")
        await t.page.wait_for_selector("#new-draft")
        await t.page.click("#new-draft")
        await t.page.wait_for_selector("#draft-text")
        assert "Hallo Anna" in await t.page.input_value("#draft-text")
        assert await t.page.locator("#lint-findings [data-severity=block]").count() == 0

        await t.page.locator("#draft-text").fill("")
        await t.page.locator("#draft-text").press_sequentially(VOUCHER, delay=5)
        block = t.page.locator('#lint-findings [data-severity="block"]')
        await block.first.wait_for(timeout=5000)
        assert "20% voucher" in await block.first.inner_text()
        # Not saved yet: the approval still judges the saved text.
        assert await t.page.locator("#approve-draft").is_enabled()
        await t.page.click("#save-draft")
        await t.page.wait_for_selector("#approve-draft[disabled]")
        assert "blocking findings" in await t.page.inner_text("#approve-why")

        await t.page.locator("#draft-text").fill(GOOD)
        await t.page.locator("#draft-text").press("End")
        await t.page.locator("#draft-text").press_sequentially(" ", delay=5)
        await expect(block).to_have_count(0, timeout=5000)
        await expect(t.page.locator("#lint-findings")).to_contain_text("Nothing blocks this reply")
        await panel_checked(t)

        # Keyboard only: save, approve, publish (through a local receiver), all by Enter.
        await t.page.locator("#save-draft").press("Enter")
        await t.page.locator("#approve-draft:not([disabled])").press("Enter")
        await t.page.wait_for_selector('[data-draft-status="approved"]')
        assert await t.page.locator("#publish-draft[disabled]").count() == 1  # no connector
        await panel_checked(t)
        with Receiver() as receiver:
            async with responder.http() as http:
                _, key = await user_with_key(http, "manager", ["s1"])
                await http.put("/v1/shops/s1/connector", json={"url": receiver.url}, headers=key)
            await t.page.reload()
            await t.page.locator("#publish-draft:not([disabled])").press("Enter")
            await t.page.wait_for_selector('[data-publication-status="pending"]')
            assert await responder.publish() == 1
            assert len(receiver.requests) == 1
        await t.page.reload()
        await t.page.wait_for_selector('[data-publication-status="published"]')
        await panel_checked(t)


async def panel_checked(t: Tab) -> None:
    """No CSP violation, no sideways scroll, no serious or critical axe-core finding in the
    reply panel."""
    assert await t.csp_violations() == []
    assert await t.horizontal_overflow() == 0
    result = await Axe().run(t.page, context="#reply-panel")
    assert result.response["passes"], "axe-core did not run"
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]])
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


async def test_a_review_deleted_on_the_platform_cannot_be_published(
    responder: Responder,
) -> None:
    with Receiver() as receiver:
        async with responder.http() as http:
            _, key = await user_with_key(http, "manager", ["s1"])
            await http.put("/v1/shops/s1/connector", json={"url": receiver.url}, headers=key)
        async with browser_client(responder) as client:
            csrf = await signed_in(client, MANAGER)
            await new_draft(client, csrf, "t:en")
            number = draft_id(await panel(client, review="t:en"))
            await post_form(client, f"/console/drafts/{number}", csrf, {"text": GOOD})
            approved = await post_form(client, f"/console/drafts/{number}/approve", csrf)
            assert approved.status_code == 303
            await responder.feed(
                ReviewDeleted(
                    shop_id="s1",
                    payload={"review_id": "t:en", "source": "trustpilot", "deleted_at": T0},
                )
            )
            page = await panel(client, review="t:en")
            assert 'id="reply-deleted"' in page
            assert re.search(r'id="publish-draft" disabled', page)
            assert "deleted on the platform" in page
            refused = await post_form(client, f"/console/drafts/{number}/publish", csrf)
            assert refused.status_code == 409 and "deleted on the platform" in refused.text
        assert receiver.requests == []
