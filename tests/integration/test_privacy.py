"""A Shopify customers/redact request removes the customer from every service that holds them."""

from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import connect_as, service_env
from tests.support.admin import API, create_shop
from tests.support.kafka import eventually
from tests.support.platforms import body_of, fixture, shopify_headers
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

SECRET = "gdpr-secret-0123456789"


@pytest.fixture
def stack(infra, database, prefix, log_dir) -> Iterator[dict[str, ServiceProcess]]:
    procs = {
        name: ServiceProcess(name, service_env(name, infra, database, prefix), log_dir)
        for name in ("ingest", "survey")
    }
    try:
        for p in procs.values():
            p.start()
        for p in procs.values():
            p.wait_ready()
        create_shop(procs["ingest"].url, "eu-shop", "shopify", SECRET)
        yield procs
    finally:
        for p in procs.values():
            p.kill()


def post_shopify(ingest: ServiceProcess, topic: str, payload: dict) -> httpx.Response:
    body = body_of(payload)
    return httpx.post(
        f"{ingest.url}/webhooks/shopify/eu-shop",
        content=body,
        headers=shopify_headers(body, SECRET, topic),
        timeout=10,
    )


async def test_customer_redaction_reaches_the_survey_service(stack, infra, database) -> None:
    ingest, survey = stack["ingest"], stack["survey"]
    order = {**fixture("shopify", "orders__create.captured_test_order"), "id": 299938}
    order["email"] = order["contact_email"] = "john@example.com"
    assert post_shopify(ingest, "orders/create", order).status_code == 202

    async def surveyed() -> list:
        async with httpx.AsyncClient() as http:
            r = await http.get(f"{survey.url}/v1/shops/eu-shop/surveys", headers=API)
        return r.json()

    await eventually(surveyed, wait_s=30)
    conn = await connect_as(infra, database, "survey")
    try:
        assert await conn.fetchval("SELECT customer_email FROM orders") == "john@example.com"

        assert (
            post_shopify(
                ingest, "customers/redact", fixture("shopify", "customers__redact")
            ).status_code
            == 202
        )

        async def forgotten() -> bool:
            return await conn.fetchval("SELECT customer_email FROM orders") is None

        await eventually(forgotten, wait_s=30)
        # Nothing personal about the customer is left anywhere in the survey schema.
        tables = await conn.fetch(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'survey'"
        )
        for row in tables:
            dump = await conn.fetchval(
                f"SELECT coalesce(string_agg(t::text, ' '), '') FROM survey.{row['table_name']} t"
            )
            assert "john@example.com" not in dump, row["table_name"]
    finally:
        await conn.close()
