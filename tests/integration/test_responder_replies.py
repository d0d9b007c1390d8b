"""Drafts, templates, approval, publishing through a real local HTTP receiver, and the
automation policy, in-process against real PostgreSQL with a clock the test moves."""

import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import pytest

from services.responder.replies import service
from services.responder.reviews import repository as reviews
from services.responder.shops import repository as shops
from shared.standard_webhooks import verify
from tests.support.receiver import Receiver
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


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    # The connectors' receivers listen on loopback.
    async with running_responder(make_settings, outbound_allow_private_networks=True) as r:
        await r.feed(shop_event("s1"))
        yield r


async def manager_of(r: Responder, http, **settings) -> dict[str, str]:
    """A manager of s1, whose contact (the registry's, in `shop.updated`) is CONTACT and whose
    responder settings are `settings`."""
    await r.feed(shop_event("s1", contact_email=CONTACT))
    _, manager = await user_with_key(http, "manager", ["s1"])
    put = await http.put("/v1/shops/s1/settings", json=settings, headers=manager)
    assert put.status_code == 200, put.text
    return manager


async def test_praise_that_regrets_something_is_drafted_as_a_reply_to_a_complaint(
    responder: Responder,
) -> None:
    """The console walk's "Die Tasse ist schön, aber leider kam sie mit einem Sprung an" under 5
    stars got "Vielen Dank für Ihre freundlichen Worte! Es freut uns sehr, dass Sie zufrieden
    sind" as its draft."""
    event = classified(
        "s1",
        "t:leider",
        sentiment="positive",
        rating=5,
        language="de",
        text="Die Tasse ist schön, aber leider kam sie mit einem Sprung an.",
    )
    data = event.model_dump(mode="json")
    data["payload"]["classification"]["regret"] = True
    await responder.feed(type(event).model_validate(data))
    async with responder.http() as http:
        manager = await manager_of(responder, http)
        r = await http.post("/v1/reviews/t:leider/drafts", json={}, headers=manager)
        assert r.status_code == 201, r.text
        draft = r.json()
        assert draft["template"] == "builtin:de:positive:complaint", draft
        text = draft["text"]
        assert "was nicht gepasst hat" in text and "tut uns wirklich leid" in text, text
        assert "Es freut uns sehr, dass Sie zufrieden sind" not in text
        assert CONTACT in text and draft["findings"] == [], draft["findings"]


async def test_a_review_telling_of_a_danger_is_drafted_as_one_and_linted_for_it(
    responder: Responder,
) -> None:
    """A walk's draft for a 1-star "the kettle nearly burnt my hand, I want my money back" was
    the refund's reply ("still waiting for your money"), nothing of the burn, and no finding."""
    await responder.feed(
        classified(
            "s1",
            "t:burn",
            severity="high",  # reason: safety
            topics=("returns_refunds", "product_quality"),
            text="The kettle's handle got so hot it nearly burnt my hand. I want my money back.",
        )
    )
    async with responder.http() as http:
        manager = await manager_of(responder, http, remedies={"default": "We will replace it."})
        r = await http.post("/v1/reviews/t:burn/drafts", json={}, headers=manager)
        assert r.status_code == 201, r.text
        draft = r.json()
        assert draft["template"] == "builtin:en:negative:safety", draft
        assert "do not use it again" in draft["text"] and "replace it" not in draft["text"]
        assert draft["findings"] == [], draft["findings"]
        refund_reply = (
            "Hi Anna,\nThank you for telling us that you are still waiting for your money. We "
            f"are truly sorry about this. Please write to us at {CONTACT}.\nThe Tea Shop team"
        )
        edited = await http.put(
            f"/v1/drafts/{draft['id']}", json={"text": refund_reply}, headers=manager
        )
        assert [f["code"] for f in edited.json()["findings"]] == ["safety_not_addressed"]
        # A warning: a person may overrule it.
        assert not edited.json()["blocked"]


async def test_drafts_come_in_the_reviewers_language_filled_with_the_shops_remedy(
    responder: Responder,
) -> None:
    await responder.feed(
        classified(
            "s1",
            "t:de",
            language="de",
            topics=("damaged_packaging",),
            text="Die Teekanne kam kaputt an.",
        )
    )
    await responder.feed(classified("s1", "t:fr", language="fr", order_id="77"))
    async with responder.http() as http:
        manager = await manager_of(
            responder,
            http,
            remedies={"damaged_packaging:de": "Wir schicken Ihnen sofort eine neue Kanne."},
            signature="Ihr Teeladen",
        )
        r = await http.post("/v1/reviews/t:de/drafts", json={}, headers=manager)
        assert r.status_code == 201, r.text
        draft = r.json()
        assert draft["language"] == "de" and draft["template"] == (
            "builtin:de:negative:damaged_packaging"
        )
        text = draft["text"]
        for expected in ("Hallo Anna,", "Teapot", "tut uns", "neue Kanne", CONTACT, "Teeladen"):
            assert expected in text, (expected, text)
        assert "Novak" not in text and "1001" not in text
        assert draft["findings"] == [] and not draft["blocked"] and len(text) <= 600
        # No templates in French: English, with the language mismatch left to the person.
        fr = (await http.post("/v1/reviews/t:fr/drafts", json={}, headers=manager)).json()
        assert fr["language"] == "en" and fr["text"].startswith("Hi Anna,")
        own = await http.post(
            "/v1/reviews/t:de/drafts",
            json={"text": "Sorry! Schreiben Sie uns bitte.", "language": "de"},
            headers=manager,
        )
        assert own.json()["template"] is None
        bad = await http.post("/v1/reviews/t:de/drafts", json={"language": "fr"}, headers=manager)
        assert bad.status_code == 422
        missing = await http.post(
            "/v1/reviews/t:de/drafts", json={"template_id": 999}, headers=manager
        )
        assert missing.status_code == 404


async def test_every_edit_is_linted_and_blocking_findings_stop_approval(
    responder: Responder,
) -> None:
    await responder.feed(classified("s1", "t:1"))
    async with responder.http() as http:
        manager = await manager_of(responder, http)
        draft = (await http.post("/v1/reviews/t:1/drafts", json={}, headers=manager)).json()
        url = f"/v1/drafts/{draft['id']}"
        bribe = "Hi Anna, if you delete your review we will send you a voucher."
        edited = (await http.put(url, json={"text": bribe}, headers=manager)).json()
        codes = {f["code"] for f in edited["findings"]}
        assert {"incentive_for_review", "missing_apology", "missing_private_channel"} <= codes
        assert edited["blocked"] and edited["version"] == 2
        refused = await http.post(url + "/approve", headers=manager)
        assert refused.status_code == 409
        assert refused.json()["detail"]["findings"][0]["code"] == "incentive_for_review"
        clean = (
            "Hi Anna, we are sorry the teapot arrived broken. We will send a new one today. "
            f"Please write to us at {CONTACT} so we can make it right."
        )
        assert (await http.put(url, json={"text": clean}, headers=manager)).json()["findings"] == []
        approved = await http.post(url + "/approve", headers=manager)
        assert approved.status_code == 200 and approved.json()["status"] == "approved"
        assert (await http.post(url + "/approve", headers=manager)).status_code == 409
        # Editing takes the approval back.
        again = (await http.put(url, json={"text": clean + " "}, headers=manager)).json()
        assert again["status"] == "draft" and again["approved_by"] is None
        assert (await http.put(url, json={"text": ""}, headers=manager)).status_code == 422
        audit = (await http.get("/v1/reviews/t:1", headers=manager)).json()["audit"]
        edits = [a for a in audit if a["action"] == "draft.edited"]
        assert edits[0]["before"]["text"] == draft["text"] and edits[0]["after"]["text"] == bribe


async def test_templates_are_managed_through_the_api_and_used_for_drafts(
    responder: Responder,
) -> None:
    await responder.feed(classified("s1", "t:late", topics=("delivery_delay",)))
    async with responder.http() as http:
        manager = await manager_of(responder, http)
        body = {
            "name": "Late parcel",
            "language": "en",
            "sentiment": "negative",
            "topic": "delivery_delay",
            "body": "{greeting}\nSorry that {product} is late. {remedy} {invitation}\n{signature}",
        }
        made = await http.post("/v1/shops/s1/templates", json=body, headers=manager)
        assert made.status_code == 201, made.text
        assert (
            await http.post("/v1/shops/s1/templates", json=body, headers=manager)
        ).status_code == 409
        draft = (await http.post("/v1/reviews/t:late/drafts", json={}, headers=manager)).json()
        assert draft["template"] == f"template:{made.json()['id']}"
        assert draft["text"].startswith("Hi Anna,\nSorry that Teapot is late.")
        unknown = await http.post(
            "/v1/shops/s1/templates",
            json={**body, "topic": "", "body": "Hi {customer_email}"},
            headers=manager,
        )
        assert unknown.status_code == 422 and "customer_email" in unknown.json()["detail"]
        bribe = await http.post(
            "/v1/shops/s1/templates",
            json={
                **body,
                "topic": "quality",
                "body": "Change your rating to 5 stars and get a 20% discount.",
            },
            headers=manager,
        )
        assert bribe.status_code == 422
        assert bribe.json()["detail"]["findings"][0]["code"] == "incentive_for_review"
        updated = await http.put(
            f"/v1/shops/s1/templates/{made.json()['id']}",
            json={**body, "body": "{greeting} We are sorry. {invitation}"},
            headers=manager,
        )
        assert updated.status_code == 200
        listed = (await http.get("/v1/shops/s1/templates", headers=manager)).json()
        # Per language: 9 negative, neutral, positive, 2 FAQ, 8 for praise naming a complaint.
        assert len(listed["templates"]) == 1 and len(listed["builtin"]) == 120
        assert "builtin:de:positive:complaint" in {t["key"] for t in listed["builtin"]}
        gone = await http.delete(f"/v1/shops/s1/templates/{made.json()['id']}", headers=manager)
        assert gone.status_code == 204
        assert (
            await http.delete(f"/v1/shops/s1/templates/{made.json()['id']}", headers=manager)
        ).status_code == 404


async def test_publishing_through_a_signed_connector_with_retries(responder: Responder) -> None:
    await responder.feed(classified("s1", "t:1", topics=("damaged_packaging",)))
    with Receiver(status=503) as receiver:
        async with responder.http() as http:
            manager = await manager_of(responder, http)
            draft = (await http.post("/v1/reviews/t:1/drafts", json={}, headers=manager)).json()
            url = f"/v1/drafts/{draft['id']}"
            no_connector = await http.post(url + "/publish", headers=manager)
            assert no_connector.status_code == 409  # not approved yet
            await http.post(url + "/approve", headers=manager)
            refused = await http.post(url + "/publish", headers=manager)
            assert "no reply connector" in refused.json()["detail"]["message"]
            connector = await http.put(
                "/v1/shops/s1/connector", json={"url": receiver.url}, headers=manager
            )
            secret = connector.json()["signing_secret"]
            assert secret.startswith("whsec_")
            shown = (await http.get("/v1/shops/s1/connector", headers=manager)).json()
            assert "signing_secret" not in shown and shown["url"] == receiver.url
            published = await http.post(url + "/publish", headers=manager)
            assert published.status_code == 202 and published.json()["status"] == "pending"
            # Due at once: no time to show (was year 1 without an offset).
            assert published.json()["next_attempt_at"] is None
            again = await http.post(url + "/publish", headers=manager)
            assert again.status_code == 409
            # Two failures, each retried after its backoff; then the platform accepts.
            assert await responder.publish() == 1
            assert await responder.publish() == 0  # not due before the backoff
            (waiting,) = (await http.get("/v1/publications", headers=manager)).json()
            retry = datetime.fromisoformat(waiting["next_attempt_at"])
            assert retry.utcoffset() is not None and T0 < retry <= T0 + timedelta(seconds=31)
            responder.clock.now = T0 + timedelta(seconds=31)
            assert await responder.publish() == 1
            receiver.status = 200
            responder.clock.now = T0 + timedelta(minutes=2)
            assert await responder.publish() == 1
            assert len(receiver.requests) == 3
            headers, raw = receiver.requests[-1]
            assert verify(headers, raw, [secret], responder.clock.now)
            assert not verify(headers, raw, ["whsec_b3RoZXI="], responder.clock.now)
            sent = json.loads(raw)
            assert sent["text"] == draft["text"] and sent["review_id"] == "t:1"
            assert headers["webhook-id"] == sent["reply_id"]
            # Every attempt carried the same reply id: the receiver can deduplicate.
            assert {h["webhook-id"] for h, _ in receiver.requests} == {sent["reply_id"]}
            detail = (await http.get("/v1/reviews/t:1", headers=manager)).json()
            (publication,) = detail["publications"]
            assert publication["status"] == "published" and publication["attempts"] == 3
            assert publication["next_attempt_at"] is None
            assert detail["drafts"][0]["status"] == "published"
            assert detail["review"]["first_replied_at"].startswith("2026-11-17T09:02")
            assert detail["case"]["status"] == "replied"
            (event,) = await responder.outbox("review.reply.published")
            assert event["payload"]["reply_id"] == sent["reply_id"]
            actions = [a["action"] for a in detail["audit"]]
            assert actions[-3:] == [
                "reply.publish_requested",
                "case.status_changed",
                "reply.published",
            ]
            listed = await http.get("/v1/publications?status=published", headers=manager)
            assert [p["id"] for p in listed.json()] == [publication["id"]]


async def test_a_refusing_platform_fails_the_publication_and_a_person_can_try_again(
    responder: Responder,
) -> None:
    await responder.feed(classified("s1", "t:1"))
    with Receiver(status=422) as receiver:
        async with responder.http() as http:
            manager = await manager_of(responder, http)
            await http.put("/v1/shops/s1/connector", json={"url": receiver.url}, headers=manager)
            draft = (await http.post("/v1/reviews/t:1/drafts", json={}, headers=manager)).json()
            url = f"/v1/drafts/{draft['id']}"
            await http.post(url + "/approve", headers=manager)
            await http.post(url + "/publish", headers=manager)
            await responder.publish()
            detail = (await http.get("/v1/reviews/t:1", headers=manager)).json()
            assert detail["publications"][0]["status"] == "failed"
            assert detail["publications"][0]["last_error"].startswith("HTTP 422")
            assert detail["drafts"][0]["status"] == "failed"
            assert detail["review"]["first_replied_at"] is None
            receiver.status = 204
            assert (await http.post(url + "/publish", headers=manager)).status_code == 202
            await responder.publish()
            detail = (await http.get("/v1/reviews/t:1", headers=manager)).json()
            assert [p["status"] for p in detail["publications"]] == ["failed", "published"]


async def test_automation_answers_positive_reviews_and_faqs_after_the_delay(
    responder: Responder,
) -> None:
    with Receiver() as receiver:
        async with responder.http() as http:
            manager = await manager_of(
                responder,
                http,
                faq_answers={
                    "shipping_time": "Orders leave our warehouse within 24 hours.",
                    # Left half-written: the linter refuses the reply built on it.
                    "stock": "The blue one is back on [[date]].",
                },
                automation={"enabled": True, "questions": True, "delay_minutes": 10},
            )
            await http.put("/v1/shops/s1/connector", json={"url": receiver.url}, headers=manager)
            await responder.feed(
                classified(
                    "s1",
                    "g:love",
                    sentiment="positive",
                    rating=5,
                    order_id="1",
                    text="Lovely teapot",
                )
            )
            await responder.feed(
                classified(
                    "s1",
                    "g:when",
                    sentiment="neutral",
                    rating=None,
                    order_id=None,
                    text="How long does shipping take?",
                    question=("shipping_time", 0.85),
                )
            )
            await responder.feed(
                classified(
                    "s1",
                    "g:stock",
                    sentiment="neutral",
                    rating=None,
                    order_id=None,
                    text="Is the blue one in stock?",
                    question=("stock", 0.85),
                )
            )
            await responder.feed(
                classified(
                    "s1",
                    "g:hours",
                    sentiment="neutral",
                    rating=None,
                    order_id=None,
                    text="When are you open on Saturdays?",
                    question=("opening_hours", 0.85),
                )
            )
            await responder.feed(
                classified(
                    "s1", "g:unsure", sentiment="positive", rating=5, order_id="2", confidence=0.6
                )
            )
            await responder.feed(
                classified(
                    "s1",
                    "g:late",
                    sentiment="positive",
                    rating=5,
                    order_id="3",
                    topics=("praise", "delivery_delay"),
                    text="Took almost two weeks to arrive, but the teapot is lovely.",
                )
            )
            assert await responder.automate() == 0  # the delay has not passed
            responder.clock.now = T0 + timedelta(minutes=11)
            assert await responder.automate() == 3
            await responder.publish()
            texts = {
                json.loads(raw)["review_id"]: json.loads(raw)["text"]
                for _, raw in receiver.requests
            }
            assert set(texts) == {"g:love", "g:when"}
            assert "kind words about Teapot" in texts["g:love"]
            assert "within 24 hours" in texts["g:when"]
            stock = (await http.get("/v1/reviews/g:stock", headers=manager)).json()
            # The answer's blank reached the draft: it waits for a person, and says why (not
            # "answered": nothing went out).
            assert stock["automation"]["status"] == "refused"
            assert "unfilled_placeholder" in stock["automation"]["reason"]
            assert stock["drafts"][0]["blocked"] and stock["publications"] == []
            assert stock["automation_policy"] == {
                "allowed": False,
                "reason": "the automatic draft has linter findings: a person finishes it",
                "answered": False,
            }
            # No answer to opening hours at all: never queued, no draft with a blank in it.
            hours = (await http.get("/v1/reviews/g:hours", headers=manager)).json()
            assert hours["automation"] is None and hours["drafts"] == []
            assert hours["automation_policy"] == {
                "allowed": False,
                "reason": "the shop has no answer to opening_hours questions: a person answers it",
                "answered": False,
            }
            unsure = (await http.get("/v1/reviews/g:unsure", headers=manager)).json()
            assert unsure["automation"] is None  # never queued
            # A problem named under 5 stars: a person answers (the thank-you would ignore it).
            late = (await http.get("/v1/reviews/g:late", headers=manager)).json()
            assert late["automation"] is None and late["publications"] == []
            assert late["automation_policy"] == {
                "allowed": False,
                "reason": "the review names a problem (delivery_delay): a person answers it",
                "answered": False,
            }
            love = (await http.get("/v1/reviews/g:love", headers=manager)).json()
            # Answered now: the policy says so rather than "allowed" (it was, when it was due).
            assert love["automation_policy"] == {
                "allowed": False,
                "reason": "the review has been answered",
                "answered": True,
            }
            assert love["publications"][0]["auto"] is True
            assert love["drafts"][0]["approved_by"] == "automation"


async def test_an_automatic_reply_not_yet_out_is_dropped_when_the_review_turns_negative(
    responder: Responder,
) -> None:
    """The thank-you was drafted and queued, the platform was slow to take it, and meanwhile the
    reviewer edited the review into a complaint: the publisher decides again and sends
    nothing; a person answers."""
    with Receiver() as receiver:
        async with responder.http() as http:
            manager = await manager_of(
                responder, http, automation={"enabled": True, "delay_minutes": 10}
            )
            await http.put("/v1/shops/s1/connector", json={"url": receiver.url}, headers=manager)
            praise = classified(
                "s1", "g:turned", sentiment="positive", rating=5, text="Lovely teapot"
            )
            await responder.feed(praise)
            responder.clock.now = T0 + timedelta(minutes=11)
            assert await responder.automate() == 1
            queued = (await http.get("/v1/reviews/g:turned", headers=manager)).json()
            assert [p["status"] for p in queued["publications"]] == ["pending"]
            assert queued["automation_policy"]["reason"] == "an automatic reply has been drafted"
            edit = classified(
                "s1", "g:turned", rating=1, revision=2, text="Update: the lid cracked, no answer."
            )
            await responder.feed(edit.model_copy(update={"occurred_at": responder.clock.now}))
            await responder.publish()
            assert receiver.requests == []
            full = (await http.get("/v1/reviews/g:turned", headers=manager)).json()
            (publication,) = full["publications"]
            assert publication["status"] == "failed"
            assert publication["last_error"] == (
                "the review changed since the automatic reply: "
                "negative reviews always wait for a person"
            )
            assert full["review"]["first_replied_at"] is None
            # The failed automatic draft answers nothing: the review waits for a person.
            assert full["automation_policy"] == {
                "allowed": False,
                "reason": "negative reviews always wait for a person",
                "answered": False,
            }


async def test_a_negative_review_is_never_published_automatically(responder: Responder) -> None:
    with Receiver() as receiver:
        async with responder.http() as http:
            manager = await manager_of(responder, http)
            await http.put("/v1/shops/s1/connector", json={"url": receiver.url}, headers=manager)
            # The API refuses to even say so...
            refused = await http.put(
                "/v1/shops/s1/settings",
                json={"automation": {"enabled": True, "sentiments": ["negative", "positive"]}},
                headers=manager,
            )
            assert refused.status_code == 422
            assert "always wait for a person" in refused.json()["detail"]
        # ...and when the stored settings say so anyway, the code still refuses.
        await responder.pool.execute(
            """
            UPDATE shops SET settings = settings || '{"automation": {"enabled": true,
                "sentiments": ["negative", "neutral", "positive"], "questions": true,
                "delay_minutes": 0, "min_confidence": 0}}'::jsonb
            WHERE shop_id = 's1'
            """
        )
        await responder.feed(classified("s1", "t:angry", confidence=0.99, rating=None))
        await responder.feed(
            classified(
                "s1",
                "t:ask",
                confidence=0.99,
                rating=None,
                order_id="3",
                question=("shipping_time", 0.99),
            )
        )
        await responder.pool.execute(
            """
            INSERT INTO automation_queue (shop_id, review_id, due_at)
            VALUES ('s1', 't:angry', '-infinity'), ('s1', 't:ask', '-infinity')
            ON CONFLICT DO NOTHING
            """
        )
        responder.clock.now = T0 + timedelta(days=1)
        assert await responder.automate() == 2
        await responder.publish()
        assert receiver.requests == []
        rows = await responder.pool.fetch("SELECT reason FROM automation_queue ORDER BY review_id")
        assert [r["reason"] for r in rows] == ["negative reviews always wait for a person"] * 2
        # The one door for automatic publishing refuses a negative's approved draft too.
        async with responder.pool.acquire() as conn, conn.transaction():
            shop = await shops.get(conn, "s1")
            review = await reviews.get(conn, "s1", "t:angry")
            assert review is not None
            draft = await service.create_draft(conn, shop, review, "test", T0)
            with pytest.raises(service.PolicyRefused, match="negative"):
                await service.publish(
                    conn, shop, review, {**draft, "status": "approved"}, "automation", T0, auto=True
                )


async def test_linter_endpoint_explains_findings(responder: Responder) -> None:
    await responder.feed(classified("s1", "t:1", language="sl", reviewer_name="Maja Kovač"))
    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        r = await http.post(
            "/v1/lint",
            json={
                "review_id": "t:1",
                "text": "Spoštovana Maja Kovač, namesto negativne ocene nas raje pokličite.",
            },
            headers=agent,
        )
        findings = r.json()["findings"]
        assert r.json()["blocked"]
        by_code = {f["code"]: f for f in findings}
        assert by_code["customer_full_name"]["excerpt"] == "Kovač"
        assert by_code["discourages_review"]["severity"] == "block"
        bare = await http.post(
            "/v1/lint", json={"text": "Thank you so much!", "sentiment": "positive"}, headers=agent
        )
        assert bare.json() == {"findings": [], "blocked": False}


async def test_lint_takes_a_reply_up_to_the_longest_a_reply_can_be(responder: Responder) -> None:
    """5,000 characters, the most a shop's max_reply_chars allows; longer is a 422 that says
    so. An offer and a request to change the review are judged across sentences."""
    async with responder.http() as http:
        _, agent = await user_with_key(http, "agent", ["s1"])
        longest = await http.post(
            "/v1/lint", json={"text": "a" * 5000, "sentiment": "positive"}, headers=agent
        )
        assert longest.status_code == 200, longest.text
        too_long = await http.post(
            "/v1/lint", json={"text": "a" * 5001, "sentiment": "positive"}, headers=agent
        )
        assert too_long.status_code == 422
        (error,) = too_long.json()["detail"]
        assert error["loc"] == ["body", "text"] and "5000 characters" in error["msg"]
        bribe = await http.post(
            "/v1/lint",
            json={
                "text": "We'd love to send you a $20 gift card. It would mean a lot if you could "
                "update your review afterwards.",
            },
            headers=agent,
        )
        assert bribe.json()["blocked"]
        assert [f["code"] for f in bribe.json()["findings"] if f["severity"] == "block"] == [
            "incentive_for_review"
        ]


async def test_retries_end_after_the_last_attempt_and_deleted_reviews_get_no_reply(
    make_settings,
) -> None:
    from shared.events import ReviewDeleted

    async with running_responder(
        make_settings, connector_max_attempts=2, outbound_allow_private_networks=True
    ) as responder:
        await responder.feed(shop_event("s1"))
        await responder.feed(classified("s1", "t:down", order_id="1"))
        await responder.feed(classified("s1", "t:gone", order_id="2"))
        with Receiver(status=500) as receiver:
            async with responder.http() as http:
                manager = await manager_of(responder, http)
                await http.put(
                    "/v1/shops/s1/connector", json={"url": receiver.url}, headers=manager
                )
                for review_id in ("t:down", "t:gone"):
                    draft = (
                        await http.post(f"/v1/reviews/{review_id}/drafts", json={}, headers=manager)
                    ).json()
                    await http.post(f"/v1/drafts/{draft['id']}/approve", headers=manager)
                    await http.post(f"/v1/drafts/{draft['id']}/publish", headers=manager)
                await responder.feed(
                    ReviewDeleted(
                        shop_id="s1",
                        payload={"review_id": "t:gone", "source": "trustpilot", "deleted_at": T0},
                    )
                )
                await responder.publish()
                responder.clock.now = T0 + timedelta(minutes=1)
                await responder.publish()
                down = (await http.get("/v1/reviews/t:down", headers=manager)).json()
                gone = (await http.get("/v1/reviews/t:gone", headers=manager)).json()
        assert len(receiver.requests) == 2  # t:down twice, t:gone never
        assert down["publications"][0]["status"] == "failed"
        assert down["publications"][0]["attempts"] == 2
        assert gone["publications"][0]["status"] == "failed"
        assert "deleted" in gone["publications"][0]["last_error"]
