"""Publishing replies through every connector (signed webhook, Trustpilot service and product
reviews, Google Business Profile) against a real local HTTP server standing in for each API:
the request each platform gets, a 503 retried no sooner than its Retry-After, a 401 failed for
good with the reason shown by the API, and the shop's connection settings (tokens never shown)."""

import json
import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from shared.events import ShopRedactRequested
from shared.standard_webhooks import verify
from tests.support.receiver import Answer, Receiver
from tests.support.responder import (
    T0,
    Responder,
    classified,
    running_responder,
    shop_event,
    user_with_key,
)

pytestmark = pytest.mark.integration

TOKEN = "tp-or-google-access-token-0123456789"
CONVERSATION = "conv-1"

# channel -> (review id, source, product id)
REVIEWS: dict[str, tuple[str, str, str | None]] = {
    "webhook": ("generic:77", "generic", None),
    "trustpilot": ("trustpilot:tp-1", "trustpilot", None),
    "trustpilot_product": ("trustpilot:tpp-1", "trustpilot", "JKT-1"),
    "google": ("google:g-1", "google", None),
}


# The shop's contact is the registry's (`shop.updated`); drafts invite customers to it.
CONTACT = "help@teashop.example"


@pytest.fixture
async def responder(make_settings) -> AsyncIterator[Responder]:
    # The connectors' receivers listen on loopback.
    async with running_responder(make_settings, outbound_allow_private_networks=True) as r:
        await r.feed(shop_event("s1", contact_email=CONTACT))
        yield r


async def manager_of(http: httpx.AsyncClient) -> dict[str, str]:
    _, manager = await user_with_key(http, "manager", ["s1"])
    return manager


async def connect(
    http: httpx.AsyncClient,
    manager: dict[str, str],
    channel: str,
    receiver: Receiver,
    token: str | None = TOKEN,
) -> httpx.Response:
    secret: dict[str, Any] = {"access_token": token} if token else {}
    if channel == "webhook":
        return await http.put("/v1/shops/s1/connector", json={"url": receiver.url}, headers=manager)
    if channel.startswith("trustpilot"):
        body = {"base_url": receiver.base_url, "business_user_id": "bu-1", **secret}
        return await http.put("/v1/shops/s1/connector/trustpilot", json=body, headers=manager)
    body = {
        "base_url": receiver.base_url,
        "account_id": "acc-1",
        "location_id": "loc-2",
        **secret,
    }
    return await http.put("/v1/shops/s1/connector/google", json=body, headers=manager)


async def queue_reply(
    responder: Responder, http: httpx.AsyncClient, manager: dict[str, str], channel: str
) -> dict[str, Any]:
    review_id, source, product_id = REVIEWS[channel]
    await responder.feed(classified("s1", review_id, source=source, product_id=product_id))
    draft = (await http.post(f"/v1/reviews/{review_id}/drafts", json={}, headers=manager)).json()
    approved = await http.post(f"/v1/drafts/{draft['id']}/approve", headers=manager)
    assert approved.status_code == 200, approved.text
    published = await http.post(f"/v1/drafts/{draft['id']}/publish", headers=manager)
    assert published.status_code == 202, published.text
    return draft


async def publication(
    http: httpx.AsyncClient, manager: dict[str, str], channel: str
) -> dict[str, Any]:
    detail = (await http.get(f"/v1/reviews/{REVIEWS[channel][0]}", headers=manager)).json()
    return detail["publications"][-1]


def check_delivery(
    channel: str, receiver: Receiver, text: str, reply_id: str, secret: str | None
) -> None:
    """The last attempt's request is the one the platform documents."""
    last = receiver.calls[-1]
    if channel == "webhook":
        assert secret is not None
        assert (last.method, last.path) == ("POST", "/hook")
        assert verify(last.headers, last.body, [secret], T0 + timedelta(minutes=2))
        assert last.json()["text"] == text and last.headers["webhook-id"] == reply_id
        return
    assert last.headers["authorization"] == f"Bearer {TOKEN}"
    if channel == "trustpilot":
        assert (last.method, last.path) == ("POST", "/v1/private/reviews/tp-1/reply")
        assert last.json() == {"authorBusinessUserId": "bu-1", "message": text}
    elif channel == "trustpilot_product":
        assert [(c.method, c.path) for c in receiver.calls[1:]] == [
            ("POST", "/v1/private/product-reviews/tpp-1/create-conversation"),
            ("GET", f"/v1/private/conversations/{CONVERSATION}"),
            ("POST", f"/v1/private/conversations/{CONVERSATION}/comments"),
        ]
        assert last.json() == {"content": text}
    else:
        assert (last.method, last.path) == (
            "PUT",
            "/v4/accounts/acc-1/locations/loc-2/reviews/g-1/reply",
        )
        assert last.json() == {"comment": text}


@pytest.mark.parametrize("channel", list(REVIEWS))
async def test_a_503_is_retried_after_its_retry_after_then_published(
    responder: Responder, channel: str
) -> None:
    with Receiver(status=201) as receiver:
        receiver.script(Answer(503, {"error": "busy"}, {"Retry-After": "120"}))
        if channel == "trustpilot_product":
            receiver.script(
                Answer(200, {"conversationId": CONVERSATION}),
                Answer(200, {"id": CONVERSATION, "comments": []}),
            )
        async with responder.http() as http:
            manager = await manager_of(http)
            connected = await connect(http, manager, channel, receiver)
            assert connected.status_code == 200, connected.text
            secret = connected.json().get("signing_secret")  # the webhook's, shown once
            draft = await queue_reply(responder, http, manager, channel)

            assert await responder.publish() == 1
            waiting = await publication(http, manager, channel)
            assert waiting["status"] == "pending"
            assert waiting["last_error"] == "HTTP 503 (Retry-After 120 s)"
            assert waiting["channel"] == channel.removesuffix("_product")
            # Our own backoff would try again after 30 s; the platform asked for 120.
            responder.clock.now = T0 + timedelta(seconds=31)
            assert await responder.publish() == 0
            responder.clock.now = T0 + timedelta(seconds=121)
            assert await responder.publish() == 1

            done = await publication(http, manager, channel)
            assert done["status"] == "published" and done["attempts"] == 2
            assert done["last_error"] is None
            check_delivery(channel, receiver, draft["text"], done["reply_id"], secret)
            detail = (await http.get(f"/v1/reviews/{REVIEWS[channel][0]}", headers=manager)).json()
            assert detail["case"]["status"] == "replied"
            assert detail["review"]["first_replied_at"] is not None
            (event,) = await responder.outbox("review.reply.published")
            assert event["payload"]["reply_id"] == done["reply_id"]


@pytest.mark.parametrize("channel", list(REVIEWS))
async def test_a_401_fails_at_once_with_the_reason_shown(
    responder: Responder, channel: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with Receiver(status=201) as receiver:
        receiver.script(Answer(401, {"message": "Unauthenticated", "token": "leak-7f3a"}))
        async with responder.http() as http:
            manager = await manager_of(http)
            assert (await connect(http, manager, channel, receiver)).status_code == 200
            draft = await queue_reply(responder, http, manager, channel)
            assert await responder.publish() == 1
            responder.clock.now = T0 + timedelta(hours=2)
            assert await responder.publish() == 0  # never retried
            assert len(receiver.calls) == 1

            failed = await publication(http, manager, channel)
            assert failed["status"] == "failed" and failed["attempts"] == 1
            assert failed["last_error"].startswith("HTTP 401 (")
            # Our category, never the platform's body (it may quote tokens).
            assert "Unauthenticated" not in failed["last_error"]
            assert "leak-7f3a" not in failed["last_error"]
            assert TOKEN not in failed["last_error"]
            assert not [
                r for r in caplog.records if "leak-7f3a" in f"{r.getMessage()} {r.__dict__}"
            ]
            listed = await http.get("/v1/publications?status=failed", headers=manager)
            assert [p["id"] for p in listed.json()] == [failed["id"]]
            drafts = await http.get(f"/v1/drafts/{draft['id']}", headers=manager)
            assert drafts.json()["status"] == "failed"
            if channel == "webhook":
                return

            # The reason says what to do: renew the token, then publish again.
            assert "access token" in failed["last_error"]
            renewed = await connect(http, manager, channel, receiver)
            assert renewed.status_code == 200
            again = await http.post(f"/v1/drafts/{draft['id']}/publish", headers=manager)
            assert again.status_code == 202
            if channel == "trustpilot_product":
                receiver.script(Answer(200, {"conversationId": CONVERSATION}))
            assert await responder.publish() == 1
            assert (await publication(http, manager, channel))["status"] == "published"


async def test_each_review_goes_to_its_platform_and_the_rest_to_the_webhook(
    responder: Responder,
) -> None:
    with Receiver(status=200) as receiver:
        async with responder.http() as http:
            manager = await manager_of(http)
            await connect(http, manager, "google", receiver)
            # Only a Google connection: a generic review has nowhere to go.
            await responder.feed(classified("s1", "generic:1", source="generic"))
            draft = (
                await http.post("/v1/reviews/generic:1/drafts", json={}, headers=manager)
            ).json()
            await http.post(f"/v1/drafts/{draft['id']}/approve", headers=manager)
            refused = await http.post(f"/v1/drafts/{draft['id']}/publish", headers=manager)
            assert refused.status_code == 409
            assert "no reply connector for generic reviews" in refused.json()["detail"]["message"]

            await connect(http, manager, "webhook", receiver)
            assert (
                await http.post(f"/v1/drafts/{draft['id']}/publish", headers=manager)
            ).status_code == 202
            await queue_reply(responder, http, manager, "google")
            # Trustpilot without a connection of its own: relayed by the shop's webhook.
            await queue_reply(responder, http, manager, "trustpilot")
            assert await responder.publish() == 3
            paths = sorted(c.path for c in receiver.calls)
            assert paths == [
                "/hook",
                "/hook",
                "/v4/accounts/acc-1/locations/loc-2/reviews/g-1/reply",
            ]
            hooked = {json.loads(c.body)["review_id"] for c in receiver.calls if c.path == "/hook"}
            assert hooked == {"generic:1", "trustpilot:tp-1"}
            channels = {
                p["review_id"]: p["channel"]
                for p in (await http.get("/v1/publications", headers=manager)).json()
            }
            assert channels == {
                "generic:1": "webhook",
                "google:g-1": "google",
                "trustpilot:tp-1": "webhook",
            }


async def test_connections_are_configured_per_shop_and_never_show_their_token(
    responder: Responder,
) -> None:
    with Receiver() as receiver:
        async with responder.http() as http:
            manager = await manager_of(http)
            new_without_token = await connect(http, manager, "trustpilot", receiver, token=None)
            assert new_without_token.status_code == 422
            assert "access_token" in new_without_token.text

            made = await connect(http, manager, "trustpilot", receiver)
            assert made.status_code == 200
            assert made.json()["business_user_id"] == "bu-1"
            assert made.json()["access_token_set"] is True
            await connect(http, manager, "google", receiver)
            # Changing an id keeps the stored token.
            moved = await http.put(
                "/v1/shops/s1/connector/google",
                json={"base_url": receiver.base_url, "account_id": "acc-1", "location_id": "loc-9"},
                headers=manager,
            )
            assert moved.status_code == 200 and moved.json()["location_id"] == "loc-9"
            shown = (await http.get("/v1/shops/s1/connector", headers=manager)).json()
            assert set(shown["platforms"]) == {"google", "trustpilot"}
            assert shown["platforms"]["google"]["location_id"] == "loc-9"
            audit = (await http.get("/v1/audit?shop_id=s1", headers=manager)).json()
            for answer in (made.text, moved.text, json.dumps(shown), json.dumps(audit)):
                assert TOKEN not in answer
            actions = [e["action"] for e in audit]
            assert actions.count("shop.platform_connection_updated") == 3

            # The stored token still signs calls after the id change.
            await queue_reply(responder, http, manager, "google")
            await responder.publish()
            (call,) = receiver.calls
            assert call.path == "/v4/accounts/acc-1/locations/loc-9/reviews/g-1/reply"
            assert call.headers["authorization"] == f"Bearer {TOKEN}"

            gone = await http.delete("/v1/shops/s1/connector/google", headers=manager)
            assert gone.status_code == 204
            again = await http.delete("/v1/shops/s1/connector/google", headers=manager)
            assert again.status_code == 404
            unknown = await http.delete("/v1/shops/s1/connector/yelp", headers=manager)
            assert unknown.status_code == 422

        # Forgetting the shop forgets its credentials too.
        await responder.feed(ShopRedactRequested(shop_id="s1", payload={"request_id": "rq-1"}))
        left = await responder.pool.fetchval(
            "SELECT count(*) FROM platform_connections WHERE shop_id = 's1'"
        )
        assert left == 0


@pytest.mark.parametrize("retry_after", ["\u00b2", "9" * 40, "Fri, 31 Dec 9999 23:59:59 GMT"])
async def test_an_unreadable_retry_after_is_one_attempt_and_the_last_one_fails(
    make_settings, retry_after: str
) -> None:
    """A receiver's Retry-After is its own text: "²" passes `str.isdigit()` and used to raise,
    leaving the publication `delivering` and sent again after every lease, past the limit."""
    async with running_responder(
        make_settings, connector_max_attempts=2, outbound_allow_private_networks=True
    ) as responder:
        await responder.feed(shop_event("s1", contact_email=CONTACT))
        with Receiver(status=503) as receiver:
            receiver.script(*[Answer(503, {"error": "busy"}, {"Retry-After": retry_after})] * 2)
            async with responder.http() as http:
                manager = await manager_of(http)
                connected = await connect(http, manager, "webhook", receiver)
                assert connected.status_code == 200, connected.text
                await queue_reply(responder, http, manager, "webhook")

                assert await responder.publish() == 1
                waiting = await publication(http, manager, "webhook")
                assert waiting["status"] == "pending" and waiting["attempts"] == 1
                assert waiting["last_error"].startswith("HTTP 503")
                responder.clock.now = T0 + timedelta(days=2)
                assert await responder.publish() == 1
                failed = await publication(http, manager, "webhook")
        assert failed["status"] == "failed" and failed["attempts"] == 2
        assert len(receiver.calls) == 2
