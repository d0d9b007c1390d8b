"""Reviews the classifier saw a complaint in although they read as praise (a polite "leider",
a fast pass that read them negative, a late parcel named under 5 stars) wait for a person's
reply like negative ones: first in the urgency order, counted as waiting, marked in the
console, with the reason (replies/policy.py `person_reason`, migration 0019). A person's
sentiment settles it."""

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from tests.support.clock import T0
from tests.support.console import browser_client, signed_in, staff
from tests.support.responder import (
    Responder,
    classified,
    running_responder,
    shop_event,
    user_with_key,
)

pytestmark = pytest.mark.integration


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        await r.feed(shop_event("s1"))
        yield r


def praise(review_id: str, hours_ago: int, **read: Any) -> Any:
    """Five stars and a text the classifier reads as praise, with what else it saw."""
    event = classified(
        "s1",
        review_id,
        sentiment="positive",
        rating=5,
        created=T0 - timedelta(hours=hours_ago),
        text="Die Farbe ist wunderschön. Leider ist die Naht schon aufgegangen.",
        topics=tuple(read.pop("topics", ())),
    )
    c = event.payload.classification.model_copy(update=read)
    payload = event.payload.model_copy(update={"classification": c})
    return event.model_copy(update={"payload": payload})


async def test_a_complaint_read_as_praise_waits_for_a_person(responder: Responder) -> None:
    await responder.feed(praise("g:plain", 40))
    await responder.feed(praise("g:leider", 30, regret=True))
    await responder.feed(praise("g:fast", 20, first_pass_sentiment="negative"))
    await responder.feed(praise("g:late", 10, topics=("praise", "delivery_delay")))
    await responder.feed(classified("s1", "t:angry", created=T0 - timedelta(hours=5)))
    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])

        async def listed() -> list[tuple[str, str | None]]:
            r = await http.get("/v1/reviews", headers=agent)
            assert r.status_code == 200, r.text
            return [(i["review_id"], i["person_reason"]) for i in r.json()["items"]]

        async def waiting() -> int:
            r = await http.get("/v1/reviews/counts", params={"shop_id": "s1"}, headers=agent)
            assert r.status_code == 200, r.text
            return int(r.json()["waiting"])

        # Waiting reviews first, closest to their reply deadline first; plain praise last.
        assert await listed() == [
            ("g:leider", "it regrets that something went wrong"),
            ("g:fast", "the fast pass read it as negative"),
            ("g:late", "it names a problem (delivery_delay)"),
            ("t:angry", None),
            ("g:plain", None),
        ]
        assert await waiting() == 4

        # A person read it as praise after all: it no longer waits.
        r = await http.put(
            "/v1/reviews/g:leider/sentiment", json={"sentiment": "positive"}, headers=agent
        )
        assert r.status_code == 200, r.text
        assert await waiting() == 3
        assert (await listed())[-2:] == [("g:plain", None), ("g:leider", None)]

    await staff(responder, "agent", ["s1"], "ana@s1.example", name="Ana")
    async with browser_client(responder) as client:
        await signed_in(client, "ana@s1.example")
        page = await client.get("/console/inbox", params={"shop_id": "s1"})
        assert page.status_code == 200, page.text
        assert "For a person: the fast pass read it as negative" in page.text
        assert "For a person: it regrets" not in page.text  # settled by Ana's colleague
        assert "3 waiting for a reply" in page.text
