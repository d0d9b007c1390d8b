"""Survey reviews through ingest (issue 20): the display name the reviewer chose and the
incentive flag of a `review.submitted` are stored and carried into `review.classified`, over
real Kafka and PostgreSQL; a customer redaction clears the name."""

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from services.ingest.app import build as build_ingest
from services.ingest.settings import IngestSettings
from shared.events import parse_event, serialize_event
from shared.events.reviews import ReviewClassified, ReviewSubmitted, ReviewSubmittedPayload
from shared.kafka.admin import ensure_topics
from shared.topics import REVIEWS, topic_name
from tests.support.admin import ADMIN
from tests.support.kafka import eventually, produce

pytestmark = pytest.mark.integration

SHOP = "named-shop"
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def submitted(review_id: str, name: str | None, incentivized: bool) -> ReviewSubmitted:
    return ReviewSubmitted(
        shop_id=SHOP,
        occurred_at=NOW,
        payload=ReviewSubmittedPayload(
            review_id=review_id,
            source="survey",
            order_id="o-named",
            product_id="pot",
            rating=1,
            text="The lid cracked on day two.",
            language="en",
            verified_purchase=True,
            reviewer_name=name,
            incentivized=incentivized,
            submitted_at=NOW,
        ),
    )


async def test_display_name_and_incentive_reach_review_classified(
    make_settings: Any, infra: Any, prefix: str
) -> None:
    await ensure_topics(infra.kafka_bootstrap, prefix, 2)
    app, ingest = build_ingest(make_settings(IngestSettings))
    await ingest.start()
    pool = ingest.pool
    assert pool is not None
    try:
        for event in (
            submitted("survey-ref1-pot", "Ana N.", True),
            submitted("survey-ref2-pot", None, False),
        ):
            await produce(
                infra.kafka_bootstrap,
                topic_name(REVIEWS.name, prefix),
                serialize_event(event),
                key=event.partition_key().encode(),
            )

        async def classified() -> dict[str, ReviewClassified] | None:
            rows = await pool.fetch(
                "SELECT body FROM outbox WHERE event_type = 'review.classified'"
            )
            events = [parse_event(bytes(r["body"])) for r in rows]
            found = {e.payload.review_id: e for e in events if isinstance(e, ReviewClassified)}
            return found if len(found) == 2 else None

        found = await eventually(classified, wait_s=60)
        assert found is not None
        named = found["survey:survey-ref1-pot"].payload
        assert (named.reviewer_name, named.incentivized, named.rating) == ("Ana N.", True, 1)
        anonymous = found["survey:survey-ref2-pot"].payload
        assert (anonymous.reviewer_name, anonymous.incentivized) == (None, False)
        # Left off the wire when false, as the contract says.
        raw = await pool.fetchval(
            "SELECT body FROM outbox WHERE event_type = 'review.classified' AND partition_key = $1",
            f"{SHOP}:survey:survey-ref2-pot",
        )
        assert raw is not None and b'"incentivized"' not in bytes(raw)
        stored = await pool.fetchrow(
            "SELECT reviewer_name, incentivized FROM reviews WHERE review_id = $1",
            "survey:survey-ref1-pot",
        )
        assert (stored["reviewer_name"], stored["incentivized"]) == ("Ana N.", True)

        # The reviewer's name is personal data: a redaction of the customer clears it.
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://i", headers=ADMIN
        ) as http:
            r = await http.post(
                "/v1/admin/shops",
                json={
                    "shop_id": SHOP,
                    "platform": "standard",
                    "display_name": "Named",
                    "country": "SI",
                    "timezone": "Europe/Ljubljana",
                    "contact_email": "hello@named.example",
                },
            )
            assert r.status_code == 201, r.text
            r = await http.post(
                f"/v1/admin/shops/{SHOP}/customer-redactions",
                json={"customer_id": "c-named", "order_ids": ["o-named"]},
            )
            assert r.status_code == 202, r.text
        left = await pool.fetchval(
            "SELECT count(*) FROM reviews WHERE reviewer_name IS NOT NULL AND shop_id = $1", SHOP
        )
        assert left == 0
    finally:
        await ingest.stop()
