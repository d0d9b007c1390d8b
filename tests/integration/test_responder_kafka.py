"""The responder's whole runtime against real Kafka and PostgreSQL: a classified review
arrives from its topic, staff answer it over HTTP, the publish worker delivers the reply to a
real local receiver, and `review.reply.published` leaves through the outbox onto its topic."""

from datetime import UTC, datetime

import httpx
import pytest

from services.responder.app import build
from services.responder.settings import ResponderSettings
from shared.events import parse_event, serialize_event
from shared.events.replies import ReplyPublished
from shared.events.shops import ShopConnectorChanged
from shared.topics import CLASSIFIED, REPLIES, SHOPS, topic_name
from tests.support.kafka import eventually, produce, read_topic
from tests.support.receiver import Receiver
from tests.support.responder import BOOTSTRAP, classified, shop_event

pytestmark = pytest.mark.integration


async def test_review_in_reply_out_through_kafka(make_settings, infra, prefix) -> None:
    settings = make_settings(
        ResponderSettings, publish_interval_s=0.2, outbound_allow_private_networks=True
    )
    app, runtime = build(settings)
    now = datetime.now(UTC).replace(microsecond=0)
    review = classified("k1", "t:kafka", created=now)
    await runtime.start()
    try:
        for event, spec in ((shop_event("k1"), SHOPS), (review, CLASSIFIED)):
            await produce(
                infra.kafka_bootstrap,
                topic_name(spec.name, prefix),
                serialize_event(event),
                key=event.partition_key().encode(),
            )
        transport = httpx.ASGITransport(app=app)
        with Receiver() as receiver:
            async with httpx.AsyncClient(transport=transport, base_url="http://r") as http:
                user = await http.post(
                    "/v1/users",
                    headers=BOOTSTRAP,
                    json={"name": "Mia", "role": "manager", "shop_ids": ["k1"]},
                )
                key = await http.post(
                    f"/v1/users/{user.json()['id']}/api-keys", headers=BOOTSTRAP, json={}
                )
                auth = {"Authorization": f"Bearer {key.json()['key']}"}

                async def stored() -> bool:
                    r = await http.get("/v1/reviews/t:kafka", headers=auth)
                    return r.status_code == 200 and r.json()["case"] is not None

                await eventually(stored)
                await http.put("/v1/shops/k1/connector", json={"url": receiver.url}, headers=auth)
                draft = (
                    await http.post("/v1/reviews/t:kafka/drafts", json={}, headers=auth)
                ).json()
                await http.post(f"/v1/drafts/{draft['id']}/approve", headers=auth)
                assert (
                    await http.post(f"/v1/drafts/{draft['id']}/publish", headers=auth)
                ).status_code == 202

                async def published() -> bool:
                    r = await http.get("/v1/reviews/t:kafka", headers=auth)
                    return r.json()["publications"][0]["status"] == "published"

                await eventually(published)
        (record,) = await read_topic(infra.kafka_bootstrap, topic_name(REPLIES.name, prefix), 1)
        event = parse_event(record.value)
        assert isinstance(event, ReplyPublished)
        assert record.key == b"k1:t:kafka" and event.payload.review_id == "t:kafka"
        assert receiver.bodies()[0]["reply_id"] == event.payload.reply_id
        # Setting the connector was announced on the shops topic (for the registry's
        # readiness checklist), after the three states that answered the shop.updated this
        # test produced (nothing connected then).
        shops = await read_topic(infra.kafka_bootstrap, topic_name(SHOPS.name, prefix), 5)
        changed = [
            e for e in map(parse_event, (r.value for r in shops))
            if isinstance(e, ShopConnectorChanged)
        ]  # fmt: skip
        assert {e.shop_id for e in changed} == {"k1"}
        assert [(e.payload.platform, e.payload.connected) for e in changed] == [
            ("webhook", False),
            ("trustpilot", False),
            ("google", False),
            ("webhook", True),
        ]
    finally:
        await runtime.stop()
