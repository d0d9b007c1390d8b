"""The customer's survey comment reaches staff. The whole way through real Kafka and
PostgreSQL (services in-process): an order enters ingest -> survey schedules and sends the
invitation (real SMTP) -> the customer answers with a comment -> `review.submitted` and
`survey.answered` leave survey's outbox -> ingest stores and classifies the review -> the
responder shows the comment on the review staff work on; a customer redaction clears it there.
"""

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from urllib.parse import urlparse

import httpx
import pytest

from services.ingest.app import build as build_ingest
from services.ingest.settings import IngestSettings
from services.responder.app import build as build_responder
from services.responder.settings import ResponderSettings
from services.survey.settings import SurveySettings
from shared.events import serialize_event
from shared.events.privacy import CustomerRedactRequested
from shared.kafka.admin import ensure_topics
from shared.kafka.producer import create_producer
from shared.outbox.relay import OutboxRelay
from shared.topics import PRIVACY, topic_name
from tests.support.admin import ADMIN
from tests.support.kafka import eventually, produce
from tests.support.responder import BOOTSTRAP
from tests.support.survey import SurveyHarness, unique_email

pytestmark = pytest.mark.integration

SHOP = "comment-shop"
API = {"Authorization": "Bearer api-token-dev-only"}
COMMENT = "The parcel was left in the rain; please use the locker next time."


@asynccontextmanager
async def survey_relay(survey: SurveyHarness, prefix: str) -> AsyncIterator[None]:
    """Survey's outbox onto Kafka, as its runtime would."""
    producer = create_producer(survey.settings)
    await producer.start()
    relay = OutboxRelay(survey.pool, producer, "survey", prefix, poll_interval=0.5)
    task = asyncio.create_task(relay.run())
    try:
        yield
    finally:
        await relay.stop()
        await asyncio.wait_for(task, 10)
        await producer.stop()


async def test_the_survey_comment_is_on_the_review_staff_see(make_settings, infra, prefix) -> None:
    await ensure_topics(infra.kafka_bootstrap, prefix, 2)
    survey = await SurveyHarness.start(
        make_settings(SurveySettings, smtp_host=infra.smtp_host, smtp_port=infra.smtp_port),
        infra.maildir,
    )
    ingest_app, ingest = build_ingest(make_settings(IngestSettings))
    responder_app, responder = build_responder(make_settings(ResponderSettings))
    await ingest.start()
    await responder.start()
    now = datetime.now(UTC).replace(microsecond=0)
    survey.clock.now = now
    email = unique_email()
    try:
        # The order enters through ingest, as every order does.
        async with (
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=ingest_app), base_url="http://i"
            ) as http,
            survey.consuming("survey.orders", "survey.shops"),
        ):
            r = await http.post(
                "/v1/admin/shops",
                headers=ADMIN,
                json={
                    "shop_id": SHOP,
                    "platform": "standard",
                    "display_name": "Tea Shop",
                    "locale": "en",
                    "country": "SI",
                    "timezone": "Europe/Ljubljana",
                    "contact_email": "hello@tea.example",
                },
            )
            assert r.status_code == 201, r.text
            r = await http.post(
                f"/v1/shops/{SHOP}/orders",
                headers=API,
                json={
                    "order_id": "o-comment",
                    "placed_at": (now - timedelta(days=3)).isoformat(),
                    "delivered_at": (now - timedelta(days=1)).isoformat(),
                    "currency": "EUR",
                    "customer": {"email": email, "name": "Ana Novak", "locale": "en"},
                    "items": [
                        {"product_id": "pot", "name": "Teapot", "quantity": 1, "unit_price": "35"}
                    ],
                },
            )
            assert r.status_code == 202, r.text

            async def scheduled() -> bool:
                return bool(
                    await survey.pool.fetchval(
                        "SELECT count(*) FROM surveys WHERE order_id = 'o-comment'"
                    )
                )

            await eventually(scheduled, wait_s=60)

        survey.clock.advance(days=30)
        assert await survey.dispatcher().run_once() == 1
        (mail,) = survey.mails_to(email)
        text = mail.get_body(("plain",)).get_content()
        path = urlparse(re.search(r"\S+/s/\S+", text).group(0)).path
        async with survey.http() as http:
            answered = await http.post(
                path, data={"rating_0": "2", "text_0": "Lid cracked", "comment": COMMENT}
            )
            assert answered.status_code == 200, answered.text
        review_id = await survey.pool.fetchval(
            "SELECT 'survey:survey-' || public_ref || '-pot' FROM surveys "
            "WHERE order_id = 'o-comment'"
        )

        transport = httpx.ASGITransport(app=responder_app)
        async with (
            survey_relay(survey, prefix),
            httpx.AsyncClient(transport=transport, base_url="http://r") as http,
        ):
            user = await http.post(
                "/v1/users",
                headers=BOOTSTRAP,
                json={"name": "Mia", "role": "agent", "shop_ids": [SHOP]},
            )
            assert user.status_code == 201, user.text
            key = await http.post(
                f"/v1/users/{user.json()['id']}/api-keys", headers=BOOTSTRAP, json={}
            )
            auth = {"Authorization": f"Bearer {key.json()['key']}"}

            async def shown() -> dict | None:
                r = await http.get(f"/v1/reviews/{review_id}", headers=auth)
                if r.status_code != 200 or r.json()["review"]["survey_comment"] is None:
                    return None
                return r.json()["review"]

            review = await eventually(shown, wait_s=60)
            assert review["survey_comment"] == COMMENT
            assert review["text"] == "Lid cracked" and review["source"] == "survey"
            assert review["order_id"] == "o-comment"
            listed = await http.get("/v1/reviews", params={"shop_id": SHOP}, headers=auth)
            assert listed.status_code == 200, listed.text
            (item,) = [i for i in listed.json()["items"] if i["review_id"] == review_id]
            assert item["survey_comment"] == COMMENT

            # A customer redaction clears it from the responder too.
            redact = CustomerRedactRequested(
                shop_id=SHOP, payload={"request_id": "r-comment", "order_ids": ["o-comment"]}
            )
            await produce(
                infra.kafka_bootstrap,
                topic_name(PRIVACY.name, prefix),
                serialize_event(redact),
                key=redact.partition_key().encode(),
            )

            async def cleared() -> bool:
                r = await http.get(f"/v1/reviews/{review_id}", headers=auth)
                return r.status_code == 200 and r.json()["review"]["survey_comment"] is None

            await eventually(cleared, wait_s=60)
            left = await responder.pool.fetchval(
                "SELECT count(*) FROM survey_answers WHERE comment IS NOT NULL AND shop_id = $1",
                SHOP,
            )
            assert left == 0
    finally:
        await responder.stop()
        await ingest.stop()
        await survey.close()
