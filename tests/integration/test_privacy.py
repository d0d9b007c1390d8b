"""A Shopify customers/redact request removes the customer from every service that holds them."""

from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import connect_as, service_env
from tests.support.admin import ADMIN, API, create_shop
from tests.support.kafka import eventually
from tests.support.platforms import body_of, fixture, shopify_headers
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

SECRET = "gdpr-secret-0123456789"


@pytest.fixture
def stack(infra, database, prefix, log_dir) -> Iterator[dict[str, ServiceProcess]]:
    procs = {
        name: ServiceProcess(name, service_env(name, infra, database, prefix), log_dir)
        for name in ("ingest", "survey", "notifier")
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


async def test_data_request_collects_every_services_part(stack) -> None:
    ingest = stack["ingest"]
    order = {**fixture("shopify", "orders__create.captured_test_order"), "id": 299938}
    order["email"] = order["contact_email"] = "john@example.com"
    assert post_shopify(ingest, "orders/create", order).status_code == 202
    request = fixture("shopify", "customers__data_request")
    assert post_shopify(ingest, "customers/data_request", request).status_code == 202
    request_id = str(request["data_request"]["id"])

    async def complete() -> dict | None:
        async with httpx.AsyncClient() as http:
            r = await http.get(
                f"{ingest.url}/v1/admin/shops/eu-shop/data-requests/{request_id}", headers=ADMIN
            )
        body = r.json()
        return body if r.status_code == 200 and body["complete"] else None

    export = await eventually(complete, wait_s=40)
    assert set(export["parts"]) == {"ingest", "survey", "notifier"}
    (ingest_order,) = export["parts"]["ingest"]["orders"]
    assert ingest_order["order_id"] == "299938"
    assert ingest_order["details"]["customer"]["email"] == "john@example.com"
    survey_orders = export["parts"]["survey"]["orders"]
    assert [o["customer_email"] for o in survey_orders] == ["john@example.com"]
