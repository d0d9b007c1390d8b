"""Moderation in the console on real PostgreSQL: the shop's moderation ledger page (paged,
counts per reason, the reviews' public statuses), shop scope."""

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import pytest

from tests.support.clock import T0
from tests.support.console import browser_client, signed_in, staff
from tests.support.responder import Responder, running_responder, shop_event

pytestmark = pytest.mark.integration

ANA = "ana@shop-a.example"  # agent
MAX = "max@shop-a.example"  # manager
BEA = "bea@shop-b.example"  # agent of another shop
M = timedelta(minutes=1)


@pytest.fixture
async def responder(make_settings: Any) -> AsyncIterator[Responder]:
    async with running_responder(make_settings, console_cookie_secure=False) as r:
        for shop in ("shop-a", "shop-b"):
            await r.feed(shop_event(shop, hours=24, due_soon_hours=4))
        await staff(r, "agent", ["shop-a"], ANA, name="Ana")
        await staff(r, "manager", ["shop-a"], MAX, name="Max")
        await staff(r, "agent", ["shop-b"], BEA, name="Bea")
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
    row = counts.split('data-reason="personal_data"')[1].split("</tr>")[0]
    assert [c.split("<")[0] for c in row.split("<td>")[1:]] == ["0", "18", "17", "35"]
    row = counts.split('data-reason="spam_or_advertising"')[1].split("</tr>")[0]
    assert [c.split("<")[0] for c in row.split("<td>")[1:]] == ["17", "0", "0", "17"]
    assert "1 phrase(s) replaced" in html
    assert "A rating or sentiment is never a reason" in html
    # Linked from the shop's setup page; another shop's ledger does not exist for Ana.
    assert 'href="/console/shops/shop-a/moderation"' in setup.text
    assert other.status_code == 404
    assert bad.status_code == 422
