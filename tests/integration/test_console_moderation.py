"""Moderation in the console on real PostgreSQL: the review page's publication panel (status,
what shoppers see, the ledger), hold / reject / publish again and the redaction of personal data
through its forms and the API's own service, the refusal of a reason that is not on the list,
roles and CSRF, shop scope; the shop's moderation ledger page (paged, counts per reason)."""

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from services.responder.app import build as build_responder
from tests.support.browser import chromium, serving, tab
from tests.support.clock import T0
from tests.support.console import PASSWORD, browser_client, post_form, signed_in, staff
from tests.support.responder import Responder, classified, running_responder, shop_event

pytestmark = pytest.mark.integration

ANA = "ana@shop-a.example"  # agent
MAX = "max@shop-a.example"  # manager
BEA = "bea@shop-b.example"  # agent of another shop
MO = "mo@shop-b.example"  # manager of another shop
M = timedelta(minutes=1)
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "console"


@pytest.fixture
async def responder(make_settings: Any) -> AsyncIterator[Responder]:
    async with running_responder(make_settings, console_cookie_secure=False) as r:
        for shop in ("shop-a", "shop-b"):
            await r.feed(shop_event(shop, hours=24, due_soon_hours=4))
        await staff(r, "agent", ["shop-a"], ANA, name="Ana")
        await staff(r, "manager", ["shop-a"], MAX, name="Max")
        await staff(r, "agent", ["shop-b"], BEA, name="Bea")
        await staff(r, "manager", ["shop-b"], MO, name="Mo")
        yield r


def url(shop: str, review: str) -> str:
    return f"/console/reviews/{quote(shop, safe='')}/{quote(review, safe='')}"


async def ledger_rows(responder: Responder, shop: str, count: int) -> None:
    """Decisions written straight into the ledger table (its page only reads it)."""
    reasons = ("personal_data", "spam_or_advertising", "personal_data")
    actions = ("reject", "hold", "redact")
    async with responder.pool.acquire() as conn:
        for i in range(count):
            await conn.execute(
                """
                INSERT INTO moderation_decisions
                    (shop_id, review_id, action, reason, evidence, actor, decided_at, details)
                VALUES ($1, $2, $3, $4, $5, 'user:1', $6, $7)
                """,
                shop,
                f"survey:{i}",
                actions[i % 3],
                reasons[i % 3],
                f"evidence number {i}",
                T0 + i * M,
                {"phrases": 1} if actions[i % 3] == "redact" else {},
            )


def cells(html: str, reason: str) -> list[str]:
    """The counts row of a reason: held, rejected, redacted."""
    row = html.split(f'data-reason="{reason}"')[1].split("</tr>")[0]
    return [c.split("<")[0] for c in row.split("<td>")[1:]]


async def test_the_shop_ledger_pages_newest_first_with_counts_per_reason(
    responder: Responder,
) -> None:
    await ledger_rows(responder, "shop-a", 52)
    await ledger_rows(responder, "shop-b", 1)
    async with browser_client(responder) as client:
        await signed_in(client, ANA)
        first = await client.get("/console/shops/shop-a/moderation")
        second = await client.get("/console/shops/shop-a/moderation?page=2")
        setup = await client.get("/console/shops/shop-a/setup")
        other = await client.get("/console/shops/shop-b/moderation")
        bad = await client.get("/console/shops/shop-a/moderation?page=0")
        past = await client.get("/console/shops/shop-a/moderation?page=9")
        spam = await client.get("/console/shops/shop-a/moderation?reason=spam_or_advertising")
        rating = await client.get("/console/shops/shop-a/moderation?reason=rating")
    assert first.status_code == 200, first.text
    html = first.text
    # Newest first: decision 51 leads, 50 a page, 1 and 0 on the second page.
    assert html.index("evidence number 51") < html.index("evidence number 50")
    assert "evidence number 1<" not in html and "Page 1 of 2" in html
    assert 'href="/console/shops/shop-a/moderation?page=2"' in html
    assert second.status_code == 200 and "evidence number 1<" in second.text
    assert "evidence number 0<" in second.text and "evidence number 51" not in second.text
    # Counts per reason: 52 decisions, reject/hold/redact in turn.
    counts = html.split('id="moderation-counts"')[1].split("</section>")[0]
    assert cells(counts, "personal_data") == ["0", "18", "17"]
    assert cells(counts, "spam_or_advertising") == ["17", "0", "0"]
    assert cells(counts, "not_a_buyer") == ["0", "0", "0"]
    assert "1 phrase(s) replaced" in html
    assert "A rating or sentiment is never a reason" in html
    # Linked from the shop's setup page; another shop's ledger does not exist for Ana.
    assert 'href="/console/shops/shop-a/moderation"' in setup.text
    assert other.status_code == 404
    assert bad.status_code == 422
    assert past.status_code == 200 and "Page 2 of 2" in past.text
    assert "evidence number 0<" in past.text
    # One reason's decisions (linked from its row), and no such reason as a rating.
    assert 'href="/console/shops/shop-a/moderation?reason=spam_or_advertising"' in html
    listed = spam.text.split('id="moderation-decisions"')[1]
    assert listed.count('data-action="hold"') == 17 and 'data-action="reject"' not in listed
    assert rating.status_code == 422 and "never a reason" in rating.text


SURVEY = "survey:s-41"
TEXT = "Broken on arrival. Call me on +386 40 123 456, Jana Kovac, Main St 4."


async def seed(responder: Responder) -> None:
    # A 1-star review from our survey: published, whatever its rating.
    await responder.feed(
        classified(
            "shop-a", SURVEY, source="survey", rating=1, title="Never again",
            text=TEXT, reviewer_name="Jana K.", order_id="2001", created=T0,
        )
    )  # fmt: skip
    await responder.feed(classified("shop-a", "trustpilot:tp-1", created=T0))
    await responder.feed(classified("shop-b", SURVEY, source="survey", text="Shop B's own"))


async def decisions(responder: Responder, shop: str = "shop-a") -> list[dict[str, Any]]:
    rows = await responder.pool.fetch(
        "SELECT * FROM moderation_decisions WHERE shop_id = $1 ORDER BY id", shop
    )
    return [dict(r) for r in rows]


async def shown(responder: Responder, shop: str = "shop-a") -> dict[str, Any]:
    row = await responder.pool.fetchrow(
        "SELECT * FROM public_reviews WHERE shop_id = $1 AND review_id = $2", shop, SURVEY
    )
    assert row is not None
    return dict(row)


def panel(html: str) -> str:
    start = html.index('id="moderation"')
    return html[start : html.index("</section>", start)]


async def test_the_panel_shows_what_shoppers_see_and_a_manager_rejects_for_personal_data(
    responder: Responder,
) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        csrf = await signed_in(client, MAX)
        before = panel((await client.get(url("shop-a", SURVEY))).text)
        rejected = await post_form(
            client,
            "/console/moderation/shop-a/decisions",
            csrf,
            {
                "review": SURVEY,
                "action": "reject",
                "reason": "personal_data",
                "evidence": "Gives a phone number and a full name.",
            },
        )
        page = (await client.get(url("shop-a", SURVEY))).text
        ledger = (await client.get("/console/shops/shop-a/moderation")).text
        other = (await client.get(url("shop-a", "trustpilot:tp-1"))).text
    # Before: published, as shoppers see it, with every fixed reason and its explanation.
    assert 'data-status="published"' in before and "Shoppers see this review." in before
    assert "Jana K." in before and "1 of 5 stars" in before and "Never again" in before
    assert "Broken on arrival." in before and "Verified buyer" in before
    assert "A rating or sentiment is never a reason" in before
    assert "No decision yet: published by default." in before
    select = before.split('<select id="moderation-reason"')[1].split("</select>")[0]
    assert re.findall(r'value="([a-z_]+)"', select) == [
        "insult_or_hate", "personal_data", "spam_or_advertising",
        "off_target", "illegal_content", "not_a_buyer",
    ]  # fmt: skip
    assert "The writer did not buy or use the product." in before
    assert 'id="moderation-redact"' in before and 'id="moderation-publish"' not in before
    # The rejection: back to the panel, recorded with who and why.
    assert rejected.status_code == 303
    assert rejected.headers["location"] == url("shop-a", SURVEY) + "#moderation"
    after = panel(page)
    assert 'data-status="rejected"' in after and ">Rejected<" in after
    history = after.split('id="moderation-ledger"')[1]
    assert "Personal data" in history and "Max" in history
    assert "Gives a phone number and a full name." in history
    assert 'id="moderation-publish"' in after and 'id="moderation-decide"' not in after
    ledger_rows = await decisions(responder)
    assert [(d["action"], d["reason"], d["evidence"]) for d in ledger_rows] == [
        ("reject", "personal_data", "Gives a phone number and a full name.")
    ]
    assert ledger_rows[0]["actor"].startswith("user:")
    assert (await shown(responder))["status"] == "rejected"
    assert 'data-action="reject"' in ledger and "Personal data" in ledger
    assert cells(ledger, "personal_data") == ["0", "1", "0"]
    assert "0 published, 0 held, 1 rejected" in ledger
    # Reviews from other platforms are shown by their platform: no panel.
    assert 'id="moderation"' not in other


async def test_a_rating_is_refused_as_a_reason_and_nothing_is_recorded(
    responder: Responder,
) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        csrf = await signed_in(client, MAX)
        refused = await post_form(
            client,
            "/console/moderation/shop-a/decisions",
            csrf,
            {"review": SURVEY, "action": "hold", "reason": "rating", "evidence": "Only 1 star."},
        )
        empty = await post_form(
            client,
            "/console/moderation/shop-a/decisions",
            csrf,
            {"review": SURVEY, "action": "reject", "reason": "insult_or_hate", "evidence": " "},
        )
    assert refused.status_code == 422, refused.text
    alert = refused.text.split('id="moderation-refusal"')[1].split("</p>")[0]
    assert "&#39;rating&#39; is not a moderation reason" in alert
    assert "never a reason" in alert and "465.7" in alert
    # The form again, with what was typed.
    assert "Only 1 star.</textarea>" in refused.text
    assert empty.status_code == 422 and "Evidence is needed" in empty.text
    assert await decisions(responder) == []
    assert (await shown(responder))["status"] == "published"


async def test_hold_then_publish_again(responder: Responder) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        csrf = await signed_in(client, MAX)
        held = await post_form(
            client,
            "/console/moderation/shop-a/decisions",
            csrf,
            {"review": SURVEY, "action": "hold", "reason": "off_target", "evidence": "Asks "
             "about a different shop's order."},
        )  # fmt: skip
        held_page = panel((await client.get(url("shop-a", SURVEY))).text)
        again = await post_form(
            client,
            "/console/moderation/shop-a/decisions",
            csrf,
            {"review": SURVEY, "action": "publish", "evidence": "It is about our order."},
        )
        twice = await post_form(
            client,
            "/console/moderation/shop-a/decisions",
            csrf,
            {"review": SURVEY, "action": "publish"},
        )
        page = panel((await client.get(url("shop-a", SURVEY))).text)
    assert held.status_code == 303 and again.status_code == 303
    assert 'data-status="held"' in held_page and 'id="moderation-publish"' in held_page
    assert 'data-status="published"' in page
    # Newest first: published again, then held.
    assert page.index('data-action="publish"') < page.index('data-action="hold"')
    assert twice.status_code == 409 and "published already" in twice.text
    assert [d["action"] for d in await decisions(responder)] == ["hold", "publish"]


async def test_redaction_previews_then_replaces_the_phrases(responder: Responder) -> None:
    await seed(responder)
    phrases = "+386 40 123 456\r\n  Jana Kovac \r\n"
    async with browser_client(responder) as client:
        csrf = await signed_in(client, MAX)
        preview = await post_form(
            client,
            "/console/moderation/shop-a/redactions",
            csrf,
            {"review": SURVEY, "phrases": phrases, "evidence": "Phone and name.",
             "intent": "preview"},
        )  # fmt: skip
        unchanged = dict(await shown(responder))
        missing = await post_form(
            client,
            "/console/moderation/shop-a/redactions",
            csrf,
            {"review": SURVEY, "phrases": "Jana Kovac\nnot in there", "intent": "redact"},
        )
        missing_preview = await post_form(
            client,
            "/console/moderation/shop-a/redactions",
            csrf,
            {"review": SURVEY, "phrases": "not in there", "intent": "preview"},
        )
        done = await post_form(
            client,
            "/console/moderation/shop-a/redactions",
            csrf,
            {"review": SURVEY, "phrases": phrases, "evidence": "Phone and name.",
             "intent": "redact"},
        )  # fmt: skip
        page = panel((await client.get(url("shop-a", SURVEY))).text)
    # The preview: before (phrases struck) and after, nothing stored yet.
    assert preview.status_code == 200, preview.text
    shown_preview = preview.text.split('id="moderation-preview"')[1]
    assert '<del class="moderation-removed">+386 40 123 456</del>' in shown_preview
    assert "Broken on arrival. Call me on […], […], Main St 4." in shown_preview
    assert 'id="moderation-confirm"' in preview.text
    assert unchanged["body"] == TEXT
    # A phrase that is not in the text: refused, nothing changed.
    assert missing.status_code == 422 and "phrase 2 does not occur" in missing.text.lower()
    assert missing_preview.status_code == 422 and "Phrase 1 does not occur" in missing_preview.text
    # The redaction: only the phrases replaced, recorded without them.
    assert done.status_code == 303
    assert (await shown(responder))["body"] == "Broken on arrival. Call me on […], […], Main St 4."
    assert "Call me on […], […], Main St 4." in page and "123 456" not in page
    assert "2 phrase(s) replaced" in page
    ledger_rows = await decisions(responder)
    assert [(d["action"], d["reason"]) for d in ledger_rows] == [("redact", "personal_data")]
    assert "Jana" not in str(ledger_rows[0]["details"])


async def test_an_agent_sees_the_state_but_no_forms_and_a_forged_post_is_refused(
    responder: Responder,
) -> None:
    await seed(responder)
    async with browser_client(responder) as client:
        csrf = await signed_in(client, ANA)
        page = panel((await client.get(url("shop-a", SURVEY))).text)
        forged = await post_form(
            client,
            "/console/moderation/shop-a/decisions",
            csrf,
            {"review": SURVEY, "action": "reject", "reason": "spam_or_advertising",
             "evidence": "forged by an agent"},
        )  # fmt: skip
        redact = await post_form(
            client,
            "/console/moderation/shop-a/redactions",
            csrf,
            {"review": SURVEY, "phrases": "Jana Kovac", "intent": "redact"},
        )
    assert 'data-status="published"' in page and "No decision yet" in page
    assert "Managers and admins decide on publication" in page
    for form in ("moderation-decide", "moderation-publish", "moderation-redact"):
        assert f'id="{form}"' not in page
    assert forged.status_code == 403 and redact.status_code == 403
    assert await decisions(responder) == []


async def test_csrf_and_other_shops(responder: Responder) -> None:
    await seed(responder)
    reject = {"action": "reject", "reason": "spam_or_advertising", "evidence": "Advertises."}
    async with browser_client(responder) as client:
        csrf = await signed_in(client, MAX)
        no_token = await client.post(
            "/console/moderation/shop-a/decisions",
            data={"review": SURVEY, "action": "publish"},
        )
        into_b = await post_form(
            client, "/console/moderation/shop-b/decisions", csrf, {"review": SURVEY, **reject}
        )
        ledger_b = await client.get("/console/shops/shop-b/moderation")
        unknown = await post_form(
            client,
            "/console/moderation/shop-a/decisions",
            csrf,
            {"review": "survey:nope", **reject},
        )
        platform = await post_form(
            client,
            "/console/moderation/shop-a/decisions",
            csrf,
            {"review": "trustpilot:tp-1", **reject},
        )
    async with browser_client(responder) as client:
        csrf = await signed_in(client, MO)
        into_a = await post_form(
            client, "/console/moderation/shop-a/decisions", csrf, {"review": SURVEY, **reject}
        )
        page = await client.get(url("shop-a", SURVEY))
    assert no_token.status_code == 403
    assert into_b.status_code == 404 and ledger_b.status_code == 404
    assert into_a.status_code == 404 and page.status_code == 404
    assert unknown.status_code == 404
    # A platform's review is never shown by us, so never moderated here.
    assert platform.status_code == 409 and "only reviews from its own surveys" in platform.text
    assert await decisions(responder) == [] and await decisions(responder, "shop-b") == []


async def test_redaction_from_the_panel_in_chromium_at_phone_width(responder: Responder) -> None:
    """The panel's redaction form, its preview page and the result, as a manager uses them:
    no CSP violation, no sideways scroll, no serious or critical axe-core finding."""
    await seed(responder)
    app, runtime = build_responder(responder.settings)
    runtime.pool = responder.pool
    runtime.clock = responder.clock
    problems: list[str] = []
    async with serving(app) as base, chromium() as browser, tab(browser) as t:

        async def check(name: str) -> None:
            await t.screenshot(name, SHOTS)
            problems.extend(f"{name}: CSP {v}" for v in await t.csp_violations())
            if overflow := await t.horizontal_overflow():
                problems.append(f"{name}: {overflow}px sideways scroll")
            problems.extend(
                f"{name}: axe {v['id']} at {v['nodes']}"
                for v in await t.axe_violations()
                if v["impact"] in ("serious", "critical")
            )

        await t.page.goto(f"{base}/console/login")
        await t.page.fill("#email", MAX)
        await t.page.fill("#password", PASSWORD)
        await t.page.click("button[type=submit]")
        await t.page.wait_for_url("**/console/inbox**", timeout=10_000)
        await t.page.goto(base + url("shop-a", SURVEY))
        await t.page.fill("#moderation-phrases", "+386 40 123 456\nJana Kovac")
        await t.page.fill("#moderation-redact-evidence", "Phone number and full name.")
        await t.page.click("#moderation-redact button[value=preview]")
        await t.page.wait_for_selector("#moderation-preview", timeout=10_000)
        await check("moderation-preview-phone")
        after = await t.page.inner_text("#preview-after-body")
        await t.page.click("#moderation-confirm")
        await t.page.wait_for_selector("#moderation-body", timeout=10_000)
        shown_body = await t.page.inner_text("#moderation-body")
    assert problems == []
    assert after.endswith("Broken on arrival. Call me on […], […], Main St 4.")
    assert shown_body == "Broken on arrival. Call me on […], […], Main St 4."
    assert (await shown(responder))["body"] == shown_body
