"""Analytics checked against hand-computed numbers, and the GDPR requests."""

import json
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from shared.events import (
    CustomerDataRequested,
    CustomerRedactRequested,
    ReviewDeleted,
    ShopRedactRequested,
    SurveyAnswered,
)
from tests.support.responder import (
    T0,
    Responder,
    classified,
    running_responder,
    shop_event,
    user_with_key,
)

pytestmark = pytest.mark.integration

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        await r.feed(shop_event("s1", country="SI"))
        await r.feed(shop_event("s2"))
        yield r


def answered(survey_id: int, nps: int, at) -> SurveyAnswered:
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


async def test_analytics_match_hand_computed_numbers(responder: Responder) -> None:
    feed = responder.feed
    # Five negatives (SLA 24 h), answered after 1, 2, 3 and 30 hours, one never.
    negatives = [
        ("n1", 1, 0, ("delivery_delay",)),
        ("n2", 2, 1, ("delivery_delay",)),
        ("n3", 1, 2, ("damaged_packaging",)),
        ("n4", 1, 3, ("delivery_delay",)),
        ("n5", 2, 4, ("damaged_packaging",)),
    ]
    for name, rating, day, topics in negatives:
        await feed(
            classified(
                "s1", name, rating=rating, created=T0 + day * DAY, topics=topics, order_id=name
            )
        )
    for i, rating in enumerate((5, 5, 5, 4)):
        await feed(
            classified(
                "s1",
                f"p{i}",
                sentiment="positive",
                rating=rating,
                order_id=f"p{i}",
                created=T0 + i * HOUR,
                topics=("praise",) if i < 2 else (),
            )
        )
    await feed(
        classified("s1", "u1", sentiment="neutral", rating=3, order_id="u1", created=T0 + 5 * DAY)
    )
    # Outside the period (the previous one), and a deleted review: not counted.
    await feed(
        classified("s1", "old", created=T0 - 2 * DAY, topics=("delivery_delay",), order_id="old")
    )
    await feed(classified("s1", "gone", created=T0 + DAY, order_id="gone"))
    await feed(
        ReviewDeleted(
            shop_id="s1",
            payload={"review_id": "gone", "source": "trustpilot", "deleted_at": T0 + DAY},
        )
    )
    # Another shop's reviews never count.
    await feed(classified("s2", "x", created=T0 + DAY))
    # NPS: 10, 9, 8, 7, 6 and one answer edited from 3 to 9; one answer before the period.
    for survey_id, score in enumerate((10, 9, 8, 7, 6, 3), start=1):
        await feed(answered(survey_id, score, T0 + survey_id * HOUR))
    await feed(answered(6, 9, T0 + 7 * HOUR))
    await feed(answered(99, 0, T0 - DAY))

    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        for name, after in (("n1", 1), ("n2", 2), ("n3", 3), ("n4", 30)):
            day = int(name[1]) - 1
            responder.clock.now = T0 + day * DAY + after * HOUR
            r = await http.post(
                f"/v1/reviews/{name}/case/transitions", json={"to": "replied"}, headers=agent
            )
            assert r.status_code == 200, r.text
        for name in ("n1", "n2"):
            r = await http.post(
                f"/v1/reviews/{name}/case/transitions", json={"to": "resolved"}, headers=agent
            )
            assert r.status_code == 200, r.text
        responder.clock.now = T0 + 7 * DAY
        r = await http.get(
            "/v1/analytics",
            params={"shop_id": "s1", "from": "2026-11-17T09:00:00Z", "to": "2026-11-24T09:00:00Z"},
            headers=agent,
        )
        assert r.status_code == 200, r.text
        a = r.json()
    assert a["volume"] == 10
    assert a["average_rating"] == 2.9  # (1+2+1+1+2 + 5+5+5+4 + 3) / 10
    assert a["sentiments"] == {"negative": 5, "neutral": 1, "positive": 4}
    assert a["sentiment_shares"] == {"negative": 0.5, "neutral": 0.1, "positive": 0.4}
    assert a["negative_share"] == {"value": 0.5, "threshold": 0.1, "above_threshold": True}
    # Reply times 1, 2, 3, 30 h: median (2+3)/2; p90 at rank 0.9*3 = 2.7: 3 + 0.7*(30-3).
    assert a["first_reply_to_negatives"] == {
        "answered": 4,
        "unanswered": 1,
        "median_hours": 2.5,
        "p90_hours": 21.9,
    }
    # n1-n3 within 24 h; n4 late; n5 unanswered past its SLA.
    assert a["negatives_within_sla"] == {"within": 3, "decided": 5, "share": 0.6}
    assert a["top_topics"] == [
        {"topic": "delivery_delay", "count": 3, "share": 0.3, "previous_count": 1, "change": 2},
        {"topic": "damaged_packaging", "count": 2, "share": 0.2, "previous_count": 0, "change": 2},
        {"topic": "praise", "count": 2, "share": 0.2, "previous_count": 0, "change": 2},
    ]
    # Six cases opened (the five negatives and the deleted one: the complaint happened);
    # two resolved.
    assert a["cases"] == {"opened": 6, "resolved": 2, "resolution_rate": 0.3333}
    # Standard bands: promoters 10, 9, 9; detractors 6 -> (3 - 1) / 6.
    assert a["nps"]["standard"] == {
        "responses": 6,
        "promoters": 3,
        "passives": 2,
        "detractors": 1,
        "score": 33.3,
    }
    # European bands: promoters 10, 9, 8, 9; no detractor -> 4 / 6.
    assert a["nps"]["european"] == {
        "responses": 6,
        "promoters": 4,
        "passives": 2,
        "detractors": 0,
        "score": 66.7,
    }
    assert a["nps"]["preferred"] == "european"
    assert "survey-metrics" in a["survey_response_rates"]["source"]


async def test_analytics_validation_and_empty_period(responder: Responder) -> None:
    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        empty = (await http.get("/v1/analytics", headers=agent)).json()
        assert empty["volume"] == 0 and empty["average_rating"] is None
        assert empty["negative_share"]["value"] is None
        assert empty["nps"]["standard"]["score"] is None
        for params, message in (
            ({"from": "2026-11-20T00:00:00Z", "to": "2026-11-10T00:00:00Z"}, "before"),
            ({"from": "2026-11-20T00:00:00"}, "UTC offset"),
            ({"from": "2024-01-01T00:00:00Z", "to": "2026-01-01T00:00:00Z"}, "366"),
        ):
            r = await http.get("/v1/analytics", params=params, headers=agent)
            assert r.status_code == 422 and message in r.json()["detail"], r.text
        bad = await http.get("/v1/analytics", params={"from": "yesterday"}, headers=agent)
        assert bad.status_code == 422


async def test_customer_redaction_export_and_shop_erasure(responder: Responder) -> None:
    await responder.feed(classified("s1", "t:1", order_id="1001", text="Broken, call me Anna"))
    await responder.feed(classified("s1", "t:2", order_id="1002", reviewer_name="Bo Li"))
    async with responder.http() as http:
        user_id, manager = await user_with_key(http, "manager", ["s1", "s2"])
        await http.post("/v1/reviews/t:1/drafts", json={}, headers=manager)
        await http.post(
            "/v1/reviews/t:1/notes", json={"body": "Anna Novak called"}, headers=manager
        )
        await http.post("/v1/reviews/t:2/drafts", json={}, headers=manager)
        await responder.feed(
            CustomerDataRequested(
                shop_id="s1",
                payload={"request_id": "rq-1", "email": "anna@example.com", "order_ids": ["1001"]},
            )
        )
        (export,) = await responder.outbox("customer.data_exported")
        assert export["payload"]["service"] == "responder"
        data = export["payload"]["data"]
        assert [r["review_id"] for r in data["reviews"]] == ["t:1"]
        assert data["reviews"][0]["reviewer_name"] == "Anna Novak"
        assert data["notes"][0]["body"] == "Anna Novak called" and len(data["drafts"]) == 1
        await responder.feed(
            CustomerRedactRequested(
                shop_id="s1",
                payload={"request_id": "rq-2", "email": "anna@example.com", "order_ids": ["1001"]},
            )
        )
        detail = (await http.get("/v1/reviews/t:1", headers=manager)).json()
        review = detail["review"]
        assert review["reviewer_name"] is None and review["text"] is None
        assert review["redacted_at"] is not None and review["rating"] == 1
        assert detail["drafts"][0]["text"] == "[redacted]"
        assert detail["notes"][0]["body"] == "[redacted]"
        assert all(a["after"] in (None, {"redacted": True}) for a in detail["audit"])
        dumped = json.dumps(detail)
        assert "Anna" not in dumped and "Novak" not in dumped
        # A later revision brings no personal data back.
        await responder.feed(classified("s1", "t:1", revision=2, order_id="1001"))
        again = (await http.get("/v1/reviews/t:1", headers=manager)).json()["review"]
        assert again["reviewer_name"] is None and again["text"] is None
        # The other customer's review is untouched.
        other = (await http.get("/v1/reviews/t:2", headers=manager)).json()
        assert other["review"]["reviewer_name"] == "Bo Li"
        assert other["drafts"][0]["text"].startswith("Hi Bo,")
        # Shop erasure: nothing of the shop is left, and users lose it from their scope.
        await responder.feed(ShopRedactRequested(shop_id="s1", payload={"request_id": "rq-3"}))
        for table in ("reviews", "cases", "drafts", "notes", "audit_log", "shops"):
            count = await responder.pool.fetchval(
                f"SELECT count(*) FROM {table} WHERE shop_id = 's1'"
            )
            assert count == 0, table
        me = (await http.get("/v1/users/me", headers=manager)).json()
        assert me["shop_ids"] == ["s2"] and me["id"] == user_id
