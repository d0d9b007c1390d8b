"""The responder's settings after issue #18: the SLA and the contact are the shop registry's
(learned from `shop.updated`), the settings it owns are versioned (`ETag`/`If-Match`) and
audited, and a reply connector set or removed is announced (`shop.connector.changed`).
In-process against real PostgreSQL with a clock the test moves."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from tests.support.receiver import Receiver
from tests.support.responder import (
    Responder,
    classified,
    running_responder,
    shop_event,
    user_with_key,
)

pytestmark = pytest.mark.integration

SETTINGS = "/v1/shops/s1/settings"


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    # The connectors' receivers listen on loopback.
    async with running_responder(make_settings, outbound_allow_private_networks=True) as r:
        await r.feed(shop_event("s1"))
        yield r


async def manager(http: httpx.AsyncClient) -> dict[str, str]:
    _, headers = await user_with_key(http, "manager", ["s1"])
    return headers


async def due_at(http: httpx.AsyncClient, headers: dict[str, str], review_id: str) -> str:
    r = await http.get(f"/v1/reviews/{review_id}", headers=headers)
    assert r.status_code == 200, r.text
    due: str = r.json()["review"]["sla_due_at"]
    return due


async def test_a_member_the_registry_owns_is_refused_with_its_owner(
    responder: Responder,
) -> None:
    async with responder.http() as http:
        headers = await manager(http)
        before = await http.get(SETTINGS, headers=headers)
        for method in ("PATCH", "PUT"):
            r = await http.request(
                method, SETTINGS, json={"sla_hours": 12, "signature": "Tea"}, headers=headers
            )
            assert r.status_code == 422, r.text
            assert r.json()["detail"] == (
                "sla_hours is owned by the shop registry: PATCH /v1/admin/shops/s1 (as sla.hours)"
            )
        r = await http.patch(
            SETTINGS,
            json={"contact_email": "help@tea.example", "due_soon_hours": None},
            headers=headers,
        )
        assert r.status_code == 422
        assert r.json()["detail"] == (
            "contact_email is owned by the shop registry: PATCH /v1/admin/shops/s1; "
            "due_soon_hours is owned by the shop registry: PATCH /v1/admin/shops/s1 "
            "(as sla.due_soon_hours)"
        )
        # Nothing changed, not even the member the registry does not own.
        after = await http.get(SETTINGS, headers=headers)
        assert after.json() == before.json() and after.json()["signature"] is None
        assert after.headers["ETag"] == before.headers["ETag"]
        assert not {"sla_hours", "due_soon_hours", "contact_email"} & set(after.json())


async def test_a_remedy_or_answer_under_a_key_drafts_never_use_is_refused(
    responder: Responder,
) -> None:
    """A walk stored faq_answers {"oeffnungszeiten": ...}: 200, and no draft ever used it."""
    async with responder.http() as http:
        headers = await manager(http)
        for body, named in (
            ({"faq_answers": {"oeffnungszeiten": "Mo-Fr 9-18"}}, "opening_hours"),
            ({"remedies": {"refund_late": "We pay today."}}, "returns_refunds"),
            ({"remedies": {"delivery_delay:fr": "x"}}, "':<language>'"),
        ):
            r = await http.patch(SETTINGS, json=body, headers=headers)
            assert r.status_code == 422, r.text
            assert "unknown key" in r.json()["detail"] and named in r.json()["detail"], r.text
        good = {
            "faq_answers": {"opening_hours:de": "Mo-Fr 9-18 Uhr"},
            "remedies": {"safety": "We call you today.", "default": "We make it right."},
        }
        r = await http.patch(SETTINGS, json=good, headers=headers)
        assert r.status_code == 200, r.text
        assert r.json()["faq_answers"] == good["faq_answers"]


async def test_settings_stored_before_the_move_still_load(responder: Responder) -> None:
    """A row written when the SLA and the contact were the responder's: they are dropped on
    reading (the registry's values are the ones), the rest is kept."""
    legacy = {
        "sla_hours": 48,
        "due_soon_hours": 6,
        "contact_email": "old@tea.example",
        "contact_url": "https://tea.example/old",
        "contact_phone": "+386 1 000 000",
        "signature": "The Tea team",
        "agents_can_approve": True,
    }
    await responder.pool.execute("UPDATE shops SET settings = $2 WHERE shop_id = $1", "s1", legacy)
    await responder.feed(classified("s1", "t:1"))
    async with responder.http() as http:
        headers = await manager(http)
        r = await http.get(SETTINGS, headers=headers)
        assert r.status_code == 200, r.text
        assert r.json()["signature"] == "The Tea team" and r.json()["agents_can_approve"]
        assert "sla_hours" not in r.json() and "contact_email" not in r.json()
        # The registry's SLA (its default: 24 hours on the clock), not the stored 48.
        assert (await due_at(http, headers, "t:1")).startswith("2026-11-18T09:00")
        # The old contact is no longer the shop's: a reply showing it is blocked.
        lint = await http.post(
            "/v1/lint",
            json={"text": "Write to old@tea.example please.", "shop_id": "s1"},
            headers=headers,
        )
        assert "personal_email" in [f["code"] for f in lint.json()["findings"]]
        # A change rewrites the row without the old members.
        r = await http.patch(SETTINGS, json={"max_reply_chars": 900}, headers=headers)
        assert r.status_code == 200, r.text
        stored = await responder.pool.fetchval("SELECT settings FROM shops WHERE shop_id = 's1'")
        assert not {"sla_hours", "contact_email"} & set(stored)
        assert stored["signature"] == "The Tea team"


async def test_the_contact_in_drafts_and_the_linter_is_the_profiles(
    responder: Responder,
) -> None:
    await responder.feed(shop_event("s1", version=1, contact_email="help@tea.example"))
    await responder.feed(classified("s1", "t:1"))
    async with responder.http() as http:
        headers = await manager(http)

        async def draft_text() -> str:
            r = await http.post("/v1/reviews/t:1/drafts", json={}, headers=headers)
            assert r.status_code == 201, r.text
            text: str = r.json()["text"]
            return text

        async def lint_codes(text: str) -> list[str]:
            r = await http.post("/v1/lint", json={"text": text, "shop_id": "s1"}, headers=headers)
            return [f["code"] for f in r.json()["findings"]]

        assert "help@tea.example" in await draft_text()
        assert "personal_email" not in await lint_codes("Write to help@tea.example, please.")
        # The registry changes it: the next draft and the linter follow.
        await responder.feed(
            shop_event(
                "s1",
                version=2,
                contact_url="https://tea.example/help",
                contact_email="x@tea.example",
            )
        )
        text = await draft_text()
        assert "https://tea.example/help" in text and "help@tea.example" not in text
        assert "personal_email" in await lint_codes("Write to help@tea.example, please.")
        assert "personal_email" not in await lint_codes("Write to x@tea.example, please.")
        # An older announcement arriving late changes nothing.
        await responder.feed(shop_event("s1", version=1, contact_email="help@tea.example"))
        assert "https://tea.example/help" in await draft_text()


async def test_due_times_follow_the_registrys_sla_and_business_hours(
    responder: Responder,
) -> None:
    # T0 is Tuesday 2026-11-17 09:00 UTC (10:00 in Ljubljana).
    await responder.feed(classified("s1", "t:1"))
    async with responder.http() as http:
        headers = await manager(http)
        assert (await due_at(http, headers, "t:1")).startswith("2026-11-18T09:00")
        # 16 working hours from Tuesday 10:00 (9-17 in Ljubljana): 7 on Tuesday, 8 on
        # Wednesday, 1 on Thursday: Thursday 10:00 local, 09:00 UTC.
        await responder.feed(shop_event("s1", version=1, hours=16, business_hours_only=True))
        assert (await due_at(http, headers, "t:1")).startswith("2026-11-19T09:00")
        # Business hours are local: another zone moves the due time.
        await responder.feed(
            shop_event(
                "s1", version=2, timezone="America/New_York", hours=16, business_hours_only=True
            )
        )
        # Tuesday 04:00 in New York: 8 hours on Tuesday, 8 on Wednesday, due Wednesday 17:00
        # local, 22:00 UTC.
        assert (await due_at(http, headers, "t:1")).startswith("2026-11-18T22:00")
        # due_soon_hours is the registry's too: within 30 hours of its end, "due soon".
        await responder.feed(shop_event("s1", version=3, hours=24, due_soon_hours=30))
        r = await http.get("/v1/reviews?sla=due_soon", headers=headers)
        assert [i["review_id"] for i in r.json()["items"]] == ["t:1"]


async def test_etag_and_if_match_and_the_audit_trail(responder: Responder) -> None:
    async with responder.http() as http:
        headers = await manager(http)
        r = await http.get(SETTINGS, headers=headers)
        assert r.status_code == 200 and r.headers["ETag"] == '"0"'
        r = await http.patch(
            SETTINGS, json={"signature": "A"}, headers={**headers, "If-Match": '"0"'}
        )
        assert r.status_code == 200, r.text
        assert r.headers["ETag"] == '"1"' and r.json()["signature"] == "A"
        # Someone read version 0 and changes it now: refused, nothing changes.
        for method in ("PATCH", "PUT"):
            r = await http.request(
                method, SETTINGS, json={"signature": "B"}, headers={**headers, "If-Match": '"0"'}
            )
            assert r.status_code == 412, r.text
            assert r.headers["ETag"] == '"1"' and "version 1" in r.json()["detail"]
        r = await http.get(SETTINGS, headers=headers)
        assert r.json()["signature"] == "A" and r.headers["ETag"] == '"1"'
        # PUT honours it the same way; "*" and no If-Match apply to what is stored.
        r = await http.put(
            SETTINGS, json={"signature": "C"}, headers={**headers, "If-Match": '"1"'}
        )
        assert r.status_code == 200 and r.headers["ETag"] == '"2"'
        r = await http.patch(
            SETTINGS, json={"signature": "D"}, headers={**headers, "If-Match": "*"}
        )
        assert r.status_code == 200 and r.headers["ETag"] == '"3"'
        r = await http.patch(SETTINGS, json={"max_reply_chars": 900}, headers=headers)
        assert r.status_code == 200 and r.headers["ETag"] == '"4"'
        # A refused change (the rules, not the version) does not bump it either.
        r = await http.patch(SETTINGS, json={"max_reply_chars": 5}, headers=headers)
        assert r.status_code == 422
        assert (await http.get(SETTINGS, headers=headers)).headers["ETag"] == '"4"'
        # One audit entry per change that happened, with who and before/after.
        r = await http.get("/v1/audit", params={"shop_id": "s1"}, headers=headers)
        changes = [e for e in r.json() if e["action"] == "shop.settings_updated"]
        assert [(e["before"]["signature"], e["after"]["signature"]) for e in changes] == [
            ("D", "D"),
            ("C", "D"),
            ("A", "C"),
            (None, "A"),
        ]
        assert changes[0]["after"]["max_reply_chars"] == 900
        assert all(e["actor"].startswith("user:") for e in changes), changes


async def test_setting_or_removing_a_reply_connector_is_announced(
    responder: Responder,
) -> None:
    async with responder.http() as http:
        headers = await manager(http)
        with Receiver() as receiver:
            r = await http.put(
                "/v1/shops/s1/connector", json={"url": receiver.url}, headers=headers
            )
            assert r.status_code == 200, r.text
            trustpilot = {
                "base_url": receiver.base_url,
                "business_user_id": "bu-1",
                "access_token": "tp-token",
            }
            r = await http.put(
                "/v1/shops/s1/connector/trustpilot", json=trustpilot, headers=headers
            )
            assert r.status_code == 200, r.text
            google = {
                "base_url": receiver.base_url,
                "account_id": "a-1",
                "location_id": "l-1",
                "access_token": "g-token",
            }
            r = await http.put("/v1/shops/s1/connector/google", json=google, headers=headers)
            assert r.status_code == 200, r.text
            r = await http.delete("/v1/shops/s1/connector/trustpilot", headers=headers)
            assert r.status_code == 204, r.text
            # Refused changes announce nothing: a new connection without a token, a removal
            # of a connection that is not there.
            r = await http.put(
                "/v1/shops/s1/connector/trustpilot",
                json={**trustpilot, "access_token": None},
                headers=headers,
            )
            assert r.status_code == 422, r.text
            r = await http.delete("/v1/shops/s1/connector/trustpilot", headers=headers)
            assert r.status_code == 404, r.text
    announced: list[dict[str, Any]] = await responder.outbox("shop.connector.changed")
    # The first three answer the fixture's announcement of the shop: nothing connected yet.
    answer, changes = announced[:3], announced[3:]
    assert [(e["shop_id"], e["payload"]) for e in answer] == [
        ("s1", {"platform": "webhook", "connected": False}),
        ("s1", {"platform": "trustpilot", "connected": False}),
        ("s1", {"platform": "google", "connected": False}),
    ]
    assert [(e["shop_id"], e["payload"]) for e in changes] == [
        ("s1", {"platform": "webhook", "connected": True}),
        ("s1", {"platform": "trustpilot", "connected": True}),
        ("s1", {"platform": "google", "connected": True}),
        ("s1", {"platform": "trustpilot", "connected": False}),
    ]
    assert all(
        datetime.fromisoformat(e["occurred_at"]) == responder.clock.now.astimezone(UTC)
        for e in changes
    )

    # The registry announcing the shop again (`reviewloop shops announce`) is answered with
    # every connector's state as it is now, so a registry that missed a change catches up.
    again = shop_event("s1", version=1)
    await responder.feed(again)
    resync = (await responder.outbox("shop.connector.changed"))[len(announced) :]
    assert [e["payload"] for e in resync] == [
        {"platform": "webhook", "connected": True},
        {"platform": "trustpilot", "connected": False},
        {"platform": "google", "connected": True},
    ]
    assert {datetime.fromisoformat(e["occurred_at"]) for e in resync} == {again.occurred_at}
