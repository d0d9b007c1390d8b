"""A person corrects the classifier's sentiment (PUT /v1/reviews/{id}/sentiment): it becomes
the review's sentiment everywhere the responder counts or decides, survives later
classifications, opens a case when negative, is audited and announced
(`review.sentiment.corrected`); null goes back to the classifier's."""

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from services.responder.console.review.view import review_url
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

SARCASM = "Absolutely love waiting three weeks for a phone case. Superb."
WINDOW = {"shop_id": "s1", "from": "2026-11-10T00:00:00Z", "to": "2026-11-30T00:00:00Z"}


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    async with running_responder(make_settings) as r:
        await r.feed(shop_event("s1"))
        await r.feed(shop_event("s2"))
        yield r


def praised(revision: int = 1, title: str | None = None) -> object:
    # The classifier read the sarcasm as praise: positive, sure, no case.
    return classified(
        "s1",
        "g:case",
        sentiment="positive",
        rating=5,
        text=SARCASM,
        revision=revision,
        title=title,
    )


async def test_a_person_corrects_the_sentiment_and_it_holds(responder: Responder) -> None:
    await responder.feed(praised())  # type: ignore[arg-type]
    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        _, other = await user_with_key(http, "agent", ["s2"])
        before = (await http.get("/v1/analytics", params=WINDOW, headers=agent)).json()
        assert before["sentiments"] == {"negative": 0, "neutral": 0, "positive": 1}

        r = await http.put(
            "/v1/reviews/g:case/sentiment", json={"sentiment": "negative"}, headers=agent
        )
        assert r.status_code == 200, r.text
        full = r.json()
        review = full["review"]
        assert (review["sentiment"], review["sentiment_by_staff"]) == ("negative", "negative")
        assert review["classification"]["sentiment"] == "positive"  # the classifier's own
        assert full["case"] is not None and full["case"]["status"] == "new"
        assert full["automation_policy"] == {
            "allowed": False,
            "reason": "negative reviews always wait for a person",
            "answered": False,
        }
        audit = [a for a in full["audit"] if a["action"] == "review.sentiment_corrected"]
        assert len(audit) == 1 and audit[0]["after"]["sentiment"] == "negative"
        # Announced for the notifier, which escalates unanswered negatives by it.
        (event,) = await responder.outbox("review.sentiment.corrected")
        assert event["payload"] == {
            "review_id": "g:case",
            "sentiment": "negative",
            "by_staff": True,
            "corrected_at": event["payload"]["corrected_at"],
        }
        after = (await http.get("/v1/analytics", params=WINDOW, headers=agent)).json()
        assert after["sentiments"] == {"negative": 1, "neutral": 0, "positive": 0}
        listed = (
            await http.get("/v1/reviews", params={"sentiment": "negative"}, headers=agent)
        ).json()
        assert [i["review_id"] for i in listed["items"]] == ["g:case"]

        # A later classification (an edit, a reclassification) keeps the person's reading.
        await responder.feed(praised(revision=2, title="Edited"))  # type: ignore[arg-type]
        again = (await http.get("/v1/reviews/g:case", headers=agent)).json()["review"]
        assert again["title"] == "Edited"  # the new revision was stored
        assert (again["sentiment"], again["sentiment_by_staff"]) == ("negative", "negative")

        # Back to the classifier's reading.
        r = await http.put("/v1/reviews/g:case/sentiment", json={"sentiment": None}, headers=agent)
        assert r.status_code == 200, r.text
        review = r.json()["review"]
        assert (review["sentiment"], review["sentiment_by_staff"]) == ("positive", None)
        taken_back = (await responder.outbox("review.sentiment.corrected"))[-1]["payload"]
        assert (taken_back["sentiment"], taken_back["by_staff"]) == ("positive", False)
        back = (await http.get("/v1/analytics", params=WINDOW, headers=agent)).json()
        assert back["sentiments"] == {"negative": 0, "neutral": 0, "positive": 1}

        # Bad input, unknown reviews and other shops' reviews.
        for body in ({"sentiment": "angry"}, {}, {"sentiment": "negative", "x": 1}):
            r = await http.put("/v1/reviews/g:case/sentiment", json=body, headers=agent)
            assert r.status_code == 422, (body, r.text)
        r = await http.put(
            "/v1/reviews/g:nope/sentiment", json={"sentiment": "negative"}, headers=agent
        )
        assert r.status_code == 404
        r = await http.put(
            "/v1/reviews/g:case/sentiment", json={"sentiment": "negative"}, headers=other
        )
        assert r.status_code == 404
        r = await http.put("/v1/reviews/g:case/sentiment", json={"sentiment": "negative"})
        assert r.status_code == 401


async def test_an_edit_read_as_negative_takes_back_a_positive_correction(
    responder: Responder,
) -> None:
    """A person read a review as positive; the reviewer then edits it into a complaint. The
    person's reading was of the old text: the edit's negative reading counts, the drop is
    audited and announced for the notifier."""
    happy = "Never had a problem with this teapot, no complaints at all."
    await responder.feed(classified("s1", "g:edit", rating=5, text=happy))
    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        r = await http.put(
            "/v1/reviews/g:edit/sentiment", json={"sentiment": "positive"}, headers=agent
        )
        assert r.status_code == 200, r.text
        # The same text classified again (a second pass) keeps the person's reading...
        second = classified("s1", "g:edit", rating=5, text=happy)
        await responder.feed(second.model_copy(update={"occurred_at": T0 + timedelta(hours=1)}))
        kept = (await http.get("/v1/reviews/g:edit", headers=agent)).json()
        assert (kept["review"]["sentiment"], kept["review"]["sentiment_by_staff"]) == (
            "positive",
            "positive",
        )
        # ...an edit read as negative does not.
        edited = "Update: the lid cracked after a week and the shop never answered."
        edit = classified("s1", "g:edit", rating=1, text=edited, revision=2)
        await responder.feed(edit.model_copy(update={"occurred_at": T0 + timedelta(hours=2)}))
        full = (await http.get("/v1/reviews/g:edit", headers=agent)).json()
        review = full["review"]
        assert (review["sentiment"], review["sentiment_by_staff"]) == ("negative", None)
        assert full["case"] is not None
        (dropped,) = [
            a for a in full["audit"] if a["action"] == "review.sentiment_correction_dropped"
        ]
        assert dropped["actor"] == "system"
        assert dropped["before"] == {"sentiment_by_staff": "positive"}
        announced = (await responder.outbox("review.sentiment.corrected"))[-1]["payload"]
        assert (announced["review_id"], announced["sentiment"], announced["by_staff"]) == (
            "g:edit",
            "negative",
            False,
        )


async def test_the_console_form_corrects_the_sentiment(responder: Responder) -> None:
    await responder.feed(praised())  # type: ignore[arg-type]
    await staff(responder, "agent", ["s1"], "ana@s1.example", name="Ana")
    async with browser_client(responder) as client:
        csrf = await signed_in(client, "ana@s1.example")
        page = await client.get(review_url("s1", "g:case"))
        assert 'id="sentiment-form"' in page.text
        r = await client.post(
            "/console/case/s1/sentiment",
            data={"csrf": csrf, "review": "g:case", "sentiment": "negative"},
        )
        assert r.status_code == 303, r.text
        assert r.headers["location"].endswith("?done=sentiment_set#classification")
        html = (await client.get(r.headers["location"])).text
        shown = html.split('id="review-sentiment">')[1].split("</dd>")[0]
        assert "Negative" in shown and "set by a person" in shown and "Positive" in shown
        bad = await client.post(
            "/console/case/s1/sentiment",
            data={"csrf": csrf, "review": "g:case", "sentiment": "furious"},
        )
        assert bad.status_code == 422 and "Choose negative, neutral, positive" in bad.text
