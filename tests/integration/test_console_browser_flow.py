"""The staff console end to end in real Chromium, the production way: the responder's whole
runtime (Kafka consumer, publish worker) against real Kafka and PostgreSQL, a manager with the
inbox open sees a new negative review arrive from the `review.classified` topic without
reloading, answers it (the linter blocks a review-for-reward sentence while typing), approves
and publishes it to a local receiver, and resolves the case; an agent cannot approve, and
another shop's review is not reachable."""

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.async_api import Page, expect

from services.responder.app import build
from shared.events import serialize_event
from shared.events.envelope import EventEnvelope
from shared.topics import CLASSIFIED, SHOPS, topic_name
from tests.support.browser import LAPTOP, PHONE, Tab, chromium, serving, tab
from tests.support.console import PASSWORD, staff
from tests.support.kafka import eventually, produce
from tests.support.receiver import Receiver
from tests.support.responder import BOOTSTRAP, Responder, classified, running_responder, shop_event

pytestmark = pytest.mark.integration

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "console"
MANAGER = "max@e1.example"
AGENT = "ana@e1.example"
CONTACT = "care@e1.example"
NEW = "trustpilot:new-1"
OLD = "trustpilot:old-1"
VOUCHER = "We will give you a 20% voucher if you change your review to 5 stars"
GOOD = (
    "Hi Anna, we are sorry the teapot arrived broken. Please write to us at "
    f"{CONTACT} and we will send a new one."
)
WAIT_MS = 15_000


def review_path(shop: str, review: str) -> str:
    return f"/console/reviews/{quote(shop, safe='')}/{quote(review, safe='')}"


async def send(infra: Any, prefix: str, event: EventEnvelope[Any], topic: str) -> None:
    await produce(
        infra.kafka_bootstrap,
        topic_name(topic, prefix),
        serialize_event(event),
        key=event.partition_key().encode(),
    )


@pytest.fixture
async def live(make_settings: Any, infra: Any, prefix: str) -> AsyncIterator[tuple[str, Responder]]:
    """The responder's runtime consuming real Kafka, served over HTTP; yields its base URL and
    a harness sharing its database (for seeding users)."""
    async with running_responder(
        make_settings,
        console_cookie_secure=False,
        publish_interval_s=0.2,
        # The receiver listens on loopback.
        outbound_allow_private_networks=True,
    ) as r:
        now = datetime.now(UTC).replace(microsecond=0)
        r.clock.now = now
        app, runtime = build(r.settings)
        await runtime.start()
        try:
            await send(infra, prefix, shop_event("e1", contact_email=CONTACT), SHOPS.name)
            await send(infra, prefix, shop_event("e2"), SHOPS.name)
            old = classified("e1", OLD, created=now - timedelta(hours=3), order_id="900")
            other = classified("e2", "trustpilot:other", created=now - timedelta(hours=1))
            await send(infra, prefix, old, CLASSIFIED.name)
            await send(infra, prefix, other, CLASSIFIED.name)

            async def stored() -> bool:
                n = await r.pool.fetchval("SELECT count(*) FROM reviews")
                return bool(n == 2)

            await eventually(stored)
            await staff(r, "manager", ["e1"], MANAGER, name="Max")
            await staff(r, "agent", ["e1"], AGENT, name="Ana")
            async with serving(app) as base:
                yield base, r
        finally:
            await runtime.stop()


async def sign_in(t: Tab, base: str, email: str) -> None:
    await t.page.goto(f"{base}/console/login")
    await t.page.fill("#email", email)
    await t.page.fill("#password", PASSWORD)
    await t.page.click("button[type=submit]")
    await t.page.wait_for_url("**/console/inbox**", timeout=WAIT_MS)


async def serious(t: Tab) -> list[dict[str, Any]]:
    return [v for v in await t.axe_violations() if v["impact"] in ("serious", "critical")]


async def type_draft(page: Page, text: str) -> None:
    area = page.locator("#draft-text")
    await area.fill("")
    await area.press_sequentially(text, delay=5)


async def test_a_new_review_from_kafka_answered_published_and_resolved(
    live: tuple[str, Responder], infra: Any, prefix: str
) -> None:
    base, responder = live
    async with chromium() as browser:
        async with tab(browser, LAPTOP) as t:
            await sign_in(t, base, MANAGER)
            await t.page.wait_for_selector(f'#inbox-list [data-review-id="{OLD}"]')
            assert await t.page.locator(f'[data-review-id="{NEW}"]').count() == 0
            # A mark on the document: it survives only if the page is never reloaded.
            await t.page.evaluate("window.__sameDocument = true")

            await send(
                infra,
                prefix,
                classified(
                    "e1",
                    NEW,
                    severity="high",
                    text="The teapot arrived broken and nobody answers.",
                    created=datetime.now(UTC).replace(microsecond=0),
                    order_id="901",
                ),
                CLASSIFIED.name,
            )
            row = t.page.locator(f'#inbox-list [data-review-id="{NEW}"]')
            await row.wait_for(timeout=WAIT_MS)
            assert await t.page.evaluate("window.__sameDocument === true")

            await row.locator("a").first.click()
            await t.page.wait_for_selector("#new-draft", timeout=WAIT_MS)
            assert "/console/reviews/e1/" in t.page.url

            # A reply connector to a local receiver (the shop's setup, through the API).
            with Receiver() as receiver:
                async with responder.http() as http:
                    r = await http.put(
                        "/v1/shops/e1/connector", json={"url": receiver.url}, headers=BOOTSTRAP
                    )
                    assert r.status_code == 200, r.text
                await t.page.reload()
                await t.page.click("#new-draft")
                await t.page.wait_for_selector("#draft-text")

                await type_draft(t.page, VOUCHER)
                block = t.page.locator('#lint-findings [data-severity="block"]')
                await block.first.wait_for(timeout=WAIT_MS)
                assert "voucher" in (await block.first.inner_text()).lower()
                await t.screenshot("reply-blocked-laptop", SHOTS)
                assert await serious(t) == []

                await type_draft(t.page, GOOD)
                await expect(block).to_have_count(0, timeout=WAIT_MS)
                await t.page.click("#save-draft")
                await t.page.wait_for_selector("#approve-draft:not([disabled])")
                await t.page.click("#approve-draft")
                await t.page.wait_for_selector("#publish-draft:not([disabled])")
                await t.page.click("#publish-draft")
                await t.page.wait_for_selector("[data-publication-status]")
                # The panel polls while the publication is queued: published shows up without
                # a reload.
                await t.page.evaluate("window.__sameDocument = true")
                await t.page.wait_for_selector(
                    '[data-publication-status="published"]', timeout=WAIT_MS
                )
                # So does the draft's badge (it said "Publishing" until a reload).
                await expect(t.page.locator("#draft-status")).to_have_attribute(
                    "data-draft-status", "published", timeout=WAIT_MS
                )
                assert await t.page.evaluate("window.__sameDocument === true")
                (body,) = receiver.bodies()
                assert json.dumps(body).count("we will send a new one") == 1
                assert "voucher" not in json.dumps(body)
            # The case card is not part of the polled fragment: a fresh page shows its step.
            await t.page.reload()
            await t.screenshot("reply-published-laptop", SHOTS)
            # The publication moved the case on by itself.
            assert "Replied" in await t.page.inner_text("#case-state")
            assert await serious(t) == []

            # The case to its end: whatever steps the workflow offers on the way to resolved.
            for _ in range(4):
                resolved = t.page.locator('#case-workflow button[name="to"][value="resolved"]')
                last = await resolved.count() > 0
                step = (
                    resolved if last else t.page.locator('#case-workflow button[name="to"]').first
                )
                async with t.page.expect_navigation(timeout=WAIT_MS):
                    await step.click()
                if last:
                    break
            else:
                raise AssertionError("the case workflow never offered 'resolved'")
            assert "done=moved" in t.page.url
            assert "Resolved" in await t.page.inner_text("#case-state")
            assert await t.csp_violations() == []

        async with tab(browser, PHONE) as t:
            await sign_in(t, base, AGENT)
            await t.page.goto(base + review_path("e1", OLD))
            await t.page.click("#new-draft")
            await t.page.wait_for_selector("#draft-text")
            # No approval button for an agent, and the reason said instead.
            assert await t.page.locator("#approve-draft").count() == 0
            await expect(t.page.locator("#approve-not-allowed")).to_be_visible()
            action = await t.page.get_attribute("#draft-form", "action")
            csrf = await t.page.locator("#draft-form input[name=csrf]").input_value()
            assert action
            forged = await t.page.request.post(f"{base}{action}/approve", form={"csrf": csrf})
            assert forged.status == 403
            status = await t.page.locator("#draft-status").get_attribute("data-draft-status")
            await t.page.reload()
            assert status == "draft"
            assert (
                await t.page.locator("#draft-status").get_attribute("data-draft-status") == "draft"
            )

            # Another shop's review: the console's not-found page, nothing of the review.
            answer = await t.page.goto(base + review_path("e2", "trustpilot:other"))
            assert answer is not None and answer.status == 404
            assert "trustpilot:other" not in await t.page.content()
            assert await t.csp_violations() == []
