"""The first slice end to end, through real processes, Kafka and PostgreSQL:
POST an order to ingest -> order.placed -> survey stores a pending survey -> survey's API shows it.
"""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from shared.events import SurveyScheduled, parse_event
from shared.settings import dev_secret
from shared.topics import SURVEYS, topic_name
from tests.conftest import service_env
from tests.support.admin import create_shop
from tests.support.kafka import eventually, read_topic
from tests.support.services import ServiceProcess, running_services

pytestmark = pytest.mark.integration

TOKEN = dev_secret("api-token").get_secret_value()
AUTH = {"Authorization": f"Bearer {TOKEN}"}

ORDER = {
    "order_id": "1001",
    # Recent: an order older than the shop's maximum age would not be surveyed.
    "placed_at": (datetime.now(UTC) - timedelta(days=1)).isoformat(),
    "currency": "EUR",
    "customer": {"email": "jane@example.com", "country": "SI", "locale": "sl-SI"},
    "items": [{"product_id": "p-1", "name": "Mug", "quantity": 1, "unit_price": "12.00"}],
}


@pytest.fixture
def stack(infra, database, prefix, log_dir) -> Iterator[dict[str, ServiceProcess]]:
    envs = {n: service_env(n, infra, database, prefix) for n in ("ingest", "survey")}
    with running_services(envs, log_dir) as procs:
        create_shop(procs["ingest"].url, "shop-1", "standard")
        yield procs


async def test_order_posted_to_ingest_becomes_a_pending_survey(stack, infra, prefix) -> None:
    ingest, survey = stack["ingest"], stack["survey"]
    async with httpx.AsyncClient(timeout=10) as http:
        r = await http.post(
            f"{ingest.url}/v1/shops/shop-1/orders",
            json=ORDER,
            headers={**AUTH, "X-Correlation-ID": "slice1"},
        )
        assert r.status_code == 202, r.text
        assert r.json() == {"status": "accepted", "order_id": "1001", "events": ["order.placed"]}
        assert r.headers["X-Correlation-ID"] == "slice1"

        async def surveys() -> list[dict]:
            resp = await http.get(f"{survey.url}/v1/shops/shop-1/surveys", headers=AUTH)
            assert resp.status_code == 200
            return resp.json()

        rows = await eventually(surveys, wait_s=30)
        assert len(rows) == 1
        assert rows[0]["order_id"] == "1001"
        assert rows[0]["status"] == "pending"
        # Other shops see nothing of it.
        other = await http.get(f"{survey.url}/v1/shops/shop-2/surveys", headers=AUTH)
        assert other.json() == []

        # Posting the same order again is acknowledged without a second event or survey.
        again = await http.post(f"{ingest.url}/v1/shops/shop-1/orders", json=ORDER, headers=AUTH)
        assert again.status_code == 200 and again.json()["status"] == "unchanged"
        unknown = await http.post(f"{ingest.url}/v1/shops/nope/orders", json=ORDER, headers=AUTH)
        assert unknown.status_code == 404

    scheduled = await read_topic(infra.kafka_bootstrap, topic_name(SURVEYS.name, prefix), expect=1)
    assert len(scheduled) == 1
    event = parse_event(scheduled[0].value)
    assert isinstance(event, SurveyScheduled) and event.payload.order_id == "1001"
    # The correlation id followed the order from the HTTP request through both services.
    assert dict(scheduled[0].headers)["correlation_id"] == b"slice1"
    assert (await surveys_count(survey)) == 1


async def surveys_count(survey: ServiceProcess) -> int:
    async with httpx.AsyncClient(timeout=10) as http:
        resp = await http.get(f"{survey.url}/v1/shops/shop-1/surveys", headers=AUTH)
        return len(resp.json())


@pytest.mark.parametrize(
    ("headers", "body", "status", "reason"),
    [
        ({}, ORDER, 401, "missing bearer token"),
        ({"Authorization": "Bearer wrong"}, ORDER, 401, "invalid bearer token"),
        (AUTH, {**ORDER, "placed_at": "yesterday"}, 422, "placed_at"),
        (AUTH, {**ORDER, "items": []}, 422, "items"),
        (AUTH, {**ORDER, "surprise": 1}, 422, "surprise"),
    ],
)
async def test_bad_requests_get_a_clear_4xx(stack, headers, body, status, reason) -> None:
    async with httpx.AsyncClient(timeout=10) as http:
        r = await http.post(
            f"{stack['ingest'].url}/v1/shops/shop-1/orders", json=body, headers=headers
        )
    assert r.status_code == status
    assert reason in r.text


@pytest.mark.parametrize("chunked", [False, True])
async def test_oversized_bodies_get_413_and_the_service_stays_healthy(stack, chunked) -> None:
    big = b'{"order_id": "' + b"x" * (1024 * 1024 + 10) + b'"}'
    url = f"{stack['ingest'].url}/v1/shops/shop-1/orders"
    headers = {**AUTH, "Content-Type": "application/json"}

    async def stream():
        for i in range(0, len(big), 64 * 1024):
            yield big[i : i + 64 * 1024]

    async with httpx.AsyncClient(timeout=10) as http:
        r = await http.post(url, content=stream() if chunked else big, headers=headers)
        assert r.status_code == 413
        assert "larger than" in r.text
        assert (await http.get(f"{stack['ingest'].url}/healthz")).status_code == 200
