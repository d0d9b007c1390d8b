"""Publication of survey reviews and the moderation ledger, in-process against real PostgreSQL
(and, in the last test, the whole runtime against real Kafka): every survey review is shown
whatever its rating, held or rejected only for a reason from the fixed list, redacted only
phrase by phrase, and gone from every public row when the customer's data is redacted."""

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from services.responder.access.principal import Principal
from services.responder.app import build
from services.responder.moderation import service
from services.responder.settings import ResponderSettings
from shared.events import parse_event, serialize_event
from shared.events.privacy import CustomerRedactRequested, ShopRedactRequested
from shared.events.replies import ReviewModerated
from shared.events.reviews import ReviewClassified, ReviewDeleted
from shared.topics import CLASSIFIED, REPLIES, SHOPS, topic_name
from tests.support.kafka import eventually, produce, read_topic
from tests.support.responder import (
    T0,
    Responder,
    classified,
    running_responder,
    shop_event,
    user_with_key,
)

pytestmark = pytest.mark.integration

CONTACT = "help@teashop.example"
TEXT = "The teapot leaked on day one. Call me, Anna Novak, at 040 123 456."


def survey_review(
    shop_id: str, review_id: str, *, rating: int = 1, incentivized: bool = True, **kw: Any
) -> ReviewClassified:
    """A review from our own survey, about product `pot`, whose order line carries the
    product's identifiers."""
    kw.setdefault("text", TEXT)
    kw.setdefault("reviewer_name", "Anna N.")
    kw.setdefault("title", "Leaks")
    event = classified(shop_id, review_id, source="survey", rating=rating, **kw)
    data = event.model_dump(mode="json")
    data["payload"]["incentivized"] = incentivized
    if data["payload"]["order"]:
        data["payload"]["order"]["items"][0].update(
            gtin="3830000000017", mpn="TP-1", brand="Teaware", sku="SKU-POT"
        )
    return ReviewClassified.model_validate(data)


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        await r.feed(shop_event("s1", contact_email=CONTACT))
        await r.feed(shop_event("s2"))
        yield r


async def public_row(r: Responder, review_id: str, shop_id: str = "s1") -> dict[str, Any] | None:
    row = await r.pool.fetchrow(
        "SELECT * FROM public_reviews WHERE shop_id = $1 AND review_id = $2", shop_id, review_id
    )
    return dict(row) if row else None


async def ledger_rows(r: Responder, shop_id: str = "s1") -> list[dict[str, Any]]:
    rows = await r.pool.fetch(
        "SELECT * FROM moderation_decisions WHERE shop_id = $1 ORDER BY id", shop_id
    )
    return [dict(x) for x in rows]


async def test_a_survey_review_is_published_on_arrival_whatever_its_rating(
    responder: Responder,
) -> None:
    await responder.feed(survey_review("s1", "survey:1", rating=1))
    # A platform review is shown by its platform, never by us.
    await responder.feed(classified("s1", "trustpilot:1", source="trustpilot"))

    row = await public_row(responder, "survey:1")
    assert row is not None
    assert (row["status"], row["rating"], row["published_at"]) == ("published", 1, T0)
    assert (row["title"], row["body"], row["display_name"]) == ("Leaks", TEXT, "Anna N.")
    assert (row["verified"], row["verified_by"], row["incentivized"]) == (True, "reference", True)
    assert (row["product_id"], row["order_id"], row["language"]) == ("pot", "1001", "en")
    assert row["submitted_at"] == T0 and row["reply_text"] is None
    assert await public_row(responder, "trustpilot:1") is None
    product = await responder.pool.fetchrow("SELECT * FROM public_products WHERE shop_id = 's1'")
    assert product is not None
    assert dict(product) | {"updated_at": None} == {
        "shop_id": "s1",
        "product_id": "pot",
        "name": "Teapot",
        "sku": "SKU-POT",
        "gtin": "3830000000017",
        "mpn": "TP-1",
        "brand": "Teaware",
        "updated_at": None,
    }
    # A review of the shop itself is published too, and names no product.
    await responder.feed(survey_review("s1", "survey:shop", rating=2, product_id=None))
    shop_review = await public_row(responder, "survey:shop")
    assert shop_review is not None and shop_review["product_id"] is None
    assert shop_review["status"] == "published"


async def test_an_edit_updates_the_text_and_keeps_a_hold(responder: Responder) -> None:
    await responder.feed(survey_review("s1", "survey:1"))
    async with responder.http() as http:
        _, manager = await user_with_key(http, "manager", ["s1"])
        held = await http.post(
            "/v1/reviews/survey:1/moderation",
            json={"action": "hold", "reason": "off_target", "evidence": "about the courier"},
            headers=manager,
        )
        assert held.status_code == 200, held.text
    later = T0 + timedelta(hours=2)
    await responder.feed(
        survey_review(
            "s1",
            "survey:1",
            revision=2,
            rating=3,
            text="Better now.",
            title=None,
            reviewer_name="Anna",
            incentivized=False,
            created=later,
        )
    )
    row = await public_row(responder, "survey:1")
    assert row is not None
    assert (row["status"], row["rating"], row["body"], row["title"]) == (
        "held",
        3,
        "Better now.",
        None,
    )
    assert (row["display_name"], row["incentivized"]) == ("Anna", False)
    # Submitted and first shown when it first arrived; the hold is not a publication.
    assert row["submitted_at"] == T0 and row["published_at"] == T0
    # An older revision arriving late changes nothing.
    await responder.feed(survey_review("s1", "survey:1", revision=1, rating=5))
    again = await public_row(responder, "survey:1")
    assert again is not None and again["rating"] == 3


@pytest.mark.parametrize(
    ("action", "reason"),
    [
        ("reject", "rating"),
        ("reject", "negative"),
        ("hold", "low_rating"),
        ("hold", "sentiment"),
        ("reject", "Personal_Data"),
        ("reject", None),
        ("hold", ""),
    ],
)
async def test_a_rating_or_sentiment_is_never_a_reason(
    responder: Responder, action: str, reason: str | None
) -> None:
    await responder.feed(survey_review("s1", "survey:1", rating=1))
    async with responder.http() as http:
        _, manager = await user_with_key(http, "manager", ["s1"])
        r = await http.post(
            "/v1/reviews/survey:1/moderation",
            json={"action": action, "reason": reason, "evidence": "one star"},
            headers=manager,
        )
        assert r.status_code == 422, r.text
        detail = r.json()["detail"]
        assert "never a reason" in detail and "16 CFR 465.7" in detail
        assert "UCPD Annex I 23c" in detail and "personal_data" in detail
        audit = (await http.get("/v1/audit?shop_id=s1", headers=manager)).json()
    # Nothing recorded, nothing announced, still shown.
    assert await ledger_rows(responder) == []
    assert await responder.outbox("review.moderated") == []
    assert not [a for a in audit if a["action"].startswith("review.moderation")]
    row = await public_row(responder, "survey:1")
    assert row is not None and row["status"] == "published"


async def test_a_rejection_for_personal_data_is_in_the_ledger_and_announced(
    responder: Responder,
) -> None:
    await responder.feed(survey_review("s1", "survey:1", rating=1, language="de"))
    async with responder.http() as http:
        manager_id, manager = await user_with_key(http, "manager", ["s1"])
        responder.clock.advance(hours=1)
        decided_at = responder.clock.now
        r = await http.post(
            "/v1/reviews/survey:1/moderation",
            json={
                "action": "reject",
                "reason": "personal_data",
                "evidence": "names a staff member and a phone number",
            },
            headers=manager,
        )
        assert r.status_code == 200, r.text
        state = r.json()
        assert state["status"] == "rejected" and state["published_at"] is not None
        (decision,) = state["decisions"]
        assert decision | {"id": 0} == {
            "id": 0,
            "review_id": "survey:1",
            "action": "reject",
            "reason": "personal_data",
            "evidence": "names a staff member and a phone number",
            "actor": f"user:{manager_id}",
            "decided_at": decided_at.isoformat().replace("+00:00", "Z"),
            "details": {},
        }
        # Rejecting again changes nothing: refused with the reason.
        again = await http.post(
            "/v1/reviews/survey:1/moderation",
            json={"action": "reject", "reason": "personal_data"},
            headers=manager,
        )
        assert again.status_code == 409 and "rejected already" in again.json()["detail"]
        audit = (await http.get("/v1/audit?shop_id=s1", headers=manager)).json()
        (entry,) = [a for a in audit if a["action"] == "review.moderation.reject"]
        assert entry["review_id"] == "survey:1" and entry["actor"] == f"user:{manager_id}"
        assert entry["before"] == {"status": "published"}
        assert entry["after"]["status"] == "rejected"

        # Published again (no reason needed to show a review): first shown stays the same.
        responder.clock.advance(hours=1)
        back = await http.post(
            "/v1/reviews/survey:1/moderation", json={"action": "publish"}, headers=manager
        )
        assert back.status_code == 200 and back.json()["status"] == "published"
        assert [d["action"] for d in back.json()["decisions"]] == ["publish", "reject"]
        shown = await http.get("/v1/reviews/survey:1/moderation", headers=manager)
        assert shown.status_code == 200 and shown.json() == back.json()
        ledger = (await http.get("/v1/shops/s1/moderation", headers=manager)).json()
    rows = await ledger_rows(responder)
    assert [(x["action"], x["reason"], x["actor"]) for x in rows] == [
        ("reject", "personal_data", f"user:{manager_id}"),
        ("publish", None, f"user:{manager_id}"),
    ]
    row = await public_row(responder, "survey:1")
    assert row is not None and row["published_at"] == T0
    events = await responder.outbox("review.moderated")
    assert [e["payload"]["decision"] for e in events] == ["rejected", "published"]
    rejected = events[0]
    assert rejected["shop_id"] == "s1"
    assert rejected["payload"] | {"decided_at": None} == {
        "review_id": "survey:1",
        "order_id": "1001",
        "decision": "rejected",
        "reason": "personal_data",
        "language": "de",
        "decided_at": None,
    }
    assert ledger["total"] == 2 and [d["action"] for d in ledger["decisions"]] == [
        "publish",
        "reject",
    ]
    counts = {c["reason"]: c for c in ledger["counts"]}
    assert len(counts) == 6 and counts["personal_data"]["rejected"] == 1
    assert counts["insult_or_hate"] == {
        "reason": "insult_or_hate",
        "held": 0,
        "rejected": 0,
        "redacted": 0,
    }


async def test_decisions_within_one_tick_are_each_announced(responder: Responder) -> None:
    await responder.feed(survey_review("s1", "survey:1"))
    async with responder.http() as http:
        _, manager = await user_with_key(http, "manager", ["s1"])
        for decision in (
            {"action": "hold", "reason": "not_a_buyer"},
            {"action": "publish"},
            {"action": "hold", "reason": "not_a_buyer"},
            {"action": "publish"},
        ):
            r = await http.post("/v1/reviews/survey:1/moderation", json=decision, headers=manager)
            assert r.status_code == 200, r.text
    events = await responder.outbox("review.moderated")
    assert [e["payload"]["decision"] for e in events] == ["held", "published"] * 2
    assert len({e["event_id"] for e in events}) == 4


async def test_the_shop_ledger_pages_and_filters(responder: Responder) -> None:
    async with responder.http() as http:
        _, manager = await user_with_key(http, "manager", ["s1"])
        for i in range(3):
            await responder.feed(survey_review("s1", f"survey:{i}"))
            responder.clock.advance(minutes=1)
            r = await http.post(
                f"/v1/reviews/survey:{i}/moderation",
                json={"action": "hold", "reason": "spam_or_advertising" if i else "off_target"},
                headers=manager,
            )
            assert r.status_code == 200, r.text
        page = await http.get("/v1/shops/s1/moderation?per_page=2", headers=manager)
        assert page.status_code == 200
        body = page.json()
        assert (body["total"], body["page"], body["next_page"]) == (3, 1, 2)
        assert [d["review_id"] for d in body["decisions"]] == ["survey:2", "survey:1"]
        last = (await http.get("/v1/shops/s1/moderation?per_page=2&page=2", headers=manager)).json()
        assert [d["review_id"] for d in last["decisions"]] == ["survey:0"]
        assert last["next_page"] is None
        spam = await http.get("/v1/shops/s1/moderation?reason=spam_or_advertising", headers=manager)
        assert spam.json()["total"] == 2
        held = {c["reason"]: c["held"] for c in spam.json()["counts"]}
        assert held["spam_or_advertising"] == 2 and held["off_target"] == 1
        bad = await http.get("/v1/shops/s1/moderation?reason=rating", headers=manager)
        assert bad.status_code == 422 and "never a reason" in bad.json()["detail"]
        for query in ("per_page=101", "page=0", "action=delete"):
            r = await http.get(f"/v1/shops/s1/moderation?{query}", headers=manager)
            assert r.status_code == 422, query
        other = await http.get("/v1/shops/s2/moderation", headers=manager)
        assert other.status_code == 404


async def test_redaction_replaces_exactly_the_named_phrases(responder: Responder) -> None:
    await responder.feed(survey_review("s1", "survey:1", title="Anna Novak's teapot"))
    async with responder.http() as http:
        _, manager = await user_with_key(http, "manager", ["s1"])
        url = "/v1/reviews/survey:1/moderation/redactions"
        missing = await http.post(
            url, json={"phrases": ["Anna Novak", "anna novak"]}, headers=manager
        )
        assert missing.status_code == 422
        assert "phrase 2 does not occur" in missing.json()["detail"]
        assert "anna novak" not in missing.text
        for body in (
            {"phrases": []},
            {"phrases": ["x" * 201]},
            {"phrases": ["Anna"] * 21},
            {"phrases": ["Anna"], "evidence": "e" * 2001},
            {"phrases": ["   "]},
            {"phrases": ["Anna"], "reword": "nicer"},
        ):
            r = await http.post(url, json=body, headers=manager)
            assert r.status_code == 422, (body, r.text)
        done = await http.post(
            url,
            json={"phrases": ["Anna Novak", "040 123 456", "Anna"], "evidence": "name and phone"},
            headers=manager,
        )
        assert done.status_code == 200, done.text
        state = done.json()
        assert state["body"] == "The teapot leaked on day one. Call me, […], at […]."
        assert state["title"] == "[…]'s teapot"
        assert state["status"] == "published"
        (decision,) = state["decisions"]
        assert (decision["action"], decision["reason"], decision["details"]) == (
            "redact",
            "personal_data",
            {"phrases": 3},
        )
        # A phrase already gone cannot be redacted twice.
        twice = await http.post(url, json={"phrases": ["Anna Novak"]}, headers=manager)
        assert twice.status_code == 422
    row = await public_row(responder, "survey:1")
    assert row is not None and row["body"] == state["body"]
    (stored,) = await ledger_rows(responder)
    # The ledger counts the phrases; it does not keep them.
    assert "Novak" not in json.dumps(stored, default=str)
    (event,) = await responder.outbox("review.moderated")
    assert event["payload"]["decision"] == "redacted"
    assert event["payload"]["reason"] == "personal_data"


async def test_agents_read_managers_decide_and_only_survey_reviews_are_moderated(
    responder: Responder,
) -> None:
    await responder.feed(survey_review("s1", "survey:1"))
    await responder.feed(survey_review("s2", "survey:2"))
    await responder.feed(classified("s1", "trustpilot:1"))
    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        _, manager = await user_with_key(http, "manager", ["s1"])
        decision = {"action": "reject", "reason": "insult_or_hate"}
        forbidden = await http.post("/v1/reviews/survey:1/moderation", json=decision, headers=agent)
        assert forbidden.status_code == 403
        redaction = await http.post(
            "/v1/reviews/survey:1/moderation/redactions", json={"phrases": ["Anna"]}, headers=agent
        )
        assert redaction.status_code == 403
        read = await http.get("/v1/reviews/survey:1/moderation?shop_id=s1", headers=agent)
        assert read.status_code == 200 and read.json()["status"] == "published"
        assert (await http.get("/v1/shops/s1/moderation", headers=agent)).status_code == 200
        # Another shop's review is as absent as one that does not exist.
        for path in ("/v1/reviews/survey:2/moderation", "/v1/reviews/nope/moderation"):
            assert (await http.post(path, json=decision, headers=manager)).status_code == 404
            assert (await http.get(path, headers=manager)).status_code == 404
        platform = await http.post(
            "/v1/reviews/trustpilot:1/moderation", json=decision, headers=manager
        )
        assert platform.status_code == 409 and "own surveys" in platform.json()["detail"]
        # The review's own page still answers under the same prefix.
        assert (await http.get("/v1/reviews/survey:1", headers=agent)).status_code == 200
    assert await ledger_rows(responder) == []
    # The console calls the service itself: the role check is there too.
    async with responder.pool.acquire() as conn:
        agent_row = await conn.fetchrow("SELECT id FROM users WHERE role = 'agent'")
    principal = Principal(agent_row["id"], "a", "agent", frozenset({"s1"}), "api_key", "k")
    with pytest.raises(service.Forbidden):
        await service.decide(responder.pool, principal, "s1", "survey:1", "publish", None, None, T0)


async def test_deletion_and_redaction_take_reviews_out_of_every_public_row(
    responder: Responder,
) -> None:
    await responder.feed(survey_review("s1", "survey:1", order_id="1001"))
    await responder.feed(
        survey_review(
            "s1", "survey:2", order_id="1002", reviewer_name="Bo", text="Fine.", title=None
        )
    )
    await responder.feed(survey_review("s1", "survey:3", order_id="1003"))
    async with responder.http() as http:
        _, manager = await user_with_key(http, "manager", ["s1"])
        r = await http.post(
            "/v1/reviews/survey:1/moderation",
            json={"action": "hold", "reason": "personal_data", "evidence": f"quotes: {TEXT}"},
            headers=manager,
        )
        assert r.status_code == 200
        r = await http.post(
            "/v1/reviews/survey:1/moderation/redactions",
            json={"phrases": ["Anna Novak"], "evidence": "Anna Novak is the reviewer"},
            headers=manager,
        )
        assert r.status_code == 200

    await responder.feed(
        ReviewDeleted(
            shop_id="s1",
            occurred_at=T0,
            payload={"review_id": "survey:3", "source": "survey", "deleted_at": T0},
        )
    )
    assert await public_row(responder, "survey:3") is None

    await responder.feed(
        CustomerRedactRequested(
            shop_id="s1",
            payload={"request_id": "rq-1", "email": "anna@example.com", "order_ids": ["1001"]},
        )
    )
    assert await public_row(responder, "survey:1") is None
    # The decisions stay (who, when, why); their evidence, which may quote the customer, goes.
    rows = await ledger_rows(responder)
    assert [(x["action"], x["reason"], x["evidence"]) for x in rows] == [
        ("hold", "personal_data", None),
        ("redact", "personal_data", None),
    ]
    # Nothing of the reviewer's text or name is left in any column of either table.
    for table in ("public_reviews", "moderation_decisions"):
        dumped = json.dumps(
            [dict(x) for x in await responder.pool.fetch(f"SELECT * FROM {table}")], default=str
        )
        for fragment in ("Anna", "Novak", "040 123 456", "teapot leaked", "Leaks"):
            assert fragment not in dumped, (table, fragment)
    # A later revision of the redacted review does not bring it back.
    await responder.feed(survey_review("s1", "survey:1", revision=2, order_id="1001"))
    assert await public_row(responder, "survey:1") is None
    # The other customer's review is untouched.
    other = await public_row(responder, "survey:2")
    assert other is not None and other["display_name"] == "Bo"

    # A shop's redaction takes everything public of it, products and ledger included.
    await responder.feed(survey_review("s2", "survey:9"))
    await responder.feed(ShopRedactRequested(shop_id="s1", payload={"request_id": "rq-2"}))
    for table in ("public_reviews", "public_products", "moderation_decisions"):
        left = await responder.pool.fetch(f"SELECT shop_id FROM {table}")
        assert {x["shop_id"] for x in left} <= {"s2"}, table
    assert await public_row(responder, "survey:9", "s2") is not None


async def test_a_reply_to_a_survey_review_is_shown_under_it(responder: Responder) -> None:
    await responder.feed(survey_review("s1", "survey:1", rating=2, sentiment="negative"))
    async with responder.http() as http:
        _, manager = await user_with_key(http, "manager", ["s1"])
        # No webhook, no platform connection: survey reviews need none.
        draft = await http.post("/v1/reviews/survey:1/drafts", json={}, headers=manager)
        assert draft.status_code == 201, draft.text
        draft_id = draft.json()["id"]
        approved = await http.post(f"/v1/drafts/{draft_id}/approve", headers=manager)
        assert approved.status_code == 200, approved.text
        queued = await http.post(f"/v1/drafts/{draft_id}/publish", headers=manager)
        assert queued.status_code == 202, queued.text
        responder.clock.advance(minutes=5)
        assert await responder.publish() == 1
        (publication,) = (await http.get("/v1/publications?shop_id=s1", headers=manager)).json()
        assert (publication["status"], publication["channel"]) == ("published", "reviewloop")
        state = (await http.get("/v1/reviews/survey:1/moderation", headers=manager)).json()
    assert state["reply_text"] == draft.json()["text"]
    assert state["replied_at"] is not None
    row = await public_row(responder, "survey:1")
    assert row is not None and row["reply_text"] == draft.json()["text"]
    assert row["replied_at"] == responder.clock.now
    (announced,) = await responder.outbox("review.reply.published")
    assert announced["payload"]["review_id"] == "survey:1"


async def test_a_rejection_reaches_kafka(make_settings, infra, prefix) -> None:
    """The whole runtime: the survey review arrives from its topic, is published, a manager
    rejects it over HTTP and `review.moderated` leaves through the outbox onto its topic."""
    settings = make_settings(ResponderSettings)
    app, runtime = build(settings)
    now = datetime.now(UTC).replace(microsecond=0)
    await runtime.start()
    try:
        for event, spec in (
            (shop_event("k1"), SHOPS),
            (survey_review("k1", "survey:k", created=now), CLASSIFIED),
        ):
            await produce(
                infra.kafka_bootstrap,
                topic_name(spec.name, prefix),
                serialize_event(event),
                key=event.partition_key().encode(),
            )
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://r") as http:
            _, manager = await user_with_key(http, "manager", ["k1"])

            async def published() -> bool:
                r = await http.get("/v1/reviews/survey:k/moderation", headers=manager)
                return r.status_code == 200 and r.json()["status"] == "published"

            await eventually(published)
            r = await http.post(
                "/v1/reviews/survey:k/moderation",
                json={"action": "reject", "reason": "illegal_content"},
                headers=manager,
            )
            assert r.status_code == 200, r.text
        (record,) = await read_topic(infra.kafka_bootstrap, topic_name(REPLIES.name, prefix), 1)
        sent = parse_event(record.value)
        assert isinstance(sent, ReviewModerated)
        assert record.key == b"k1:survey:k"
        assert (sent.payload.decision, sent.payload.reason) == ("rejected", "illegal_content")
    finally:
        await runtime.stop()
