"""GDPR through real processes, Kafka, PostgreSQL and the SMTP sink: a data request collects
every service's part; an unsubscribe outlives the redaction of the address it came from.
(What redaction removes is proven by test_redaction_scan.py, over every column of every schema.)
"""

import uuid
from collections.abc import Iterator

import asyncpg
import httpx
import pytest

from tests.conftest import service_env
from tests.support.admin import ADMIN, API, create_shop
from tests.support.kafka import eventually
from tests.support.observability import DUE_AT_ONCE
from tests.support.platforms import fixture, live_shopify_order
from tests.support.privacy import (
    SECRET,
    Customer,
    post_review,
    post_shopify,
    redact_request,
    shopify_order,
    unsubscribe_link,
    wait_for_mails,
)
from tests.support.services import ServiceProcess, running_services, smtp_env

pytestmark = pytest.mark.integration


@pytest.fixture
def stack(infra, database, prefix, log_dir) -> Iterator[dict[str, ServiceProcess]]:
    envs = {
        n: {**service_env(n, infra, database, prefix), **smtp_env(n, infra)}
        for n in ("ingest", "survey", "notifier", "responder")
    }
    with running_services(envs, log_dir) as procs:
        create_shop(procs["ingest"].url, "eu-shop", "shopify", SECRET)
        r = httpx.put(
            f"{procs['survey'].url}/v1/shops/eu-shop/survey-settings",
            json=DUE_AT_ONCE,
            headers=API,
            timeout=10,
        )
        assert r.status_code == 200, r.text
        yield procs


def new_order_id() -> int:
    return 5_000_000 + uuid.uuid4().int % 1_000_000


async def invitation(db: asyncpg.Connection, order_id: int) -> tuple[str, str | None] | None:
    """The invitation's (status, skip reason) once it is settled, None before."""
    row = await db.fetchrow(
        """
        SELECT e.status, e.skip_reason FROM survey.survey_emails e
        JOIN survey.surveys s ON s.id = e.survey_id
        WHERE s.shop_id = 'eu-shop' AND s.order_id = $1 AND e.kind = 'invitation'
        """,
        str(order_id),
    )
    if row is None or row["status"] in ("pending", "sending"):
        return None
    return row["status"], row["skip_reason"]


async def redacted(db: asyncpg.Connection, order_id: int) -> bool:
    value: bool | None = await db.fetchval(
        "SELECT redacted FROM survey.orders WHERE shop_id = 'eu-shop' AND order_id = $1",
        str(order_id),
    )
    return bool(value)


@pytest.mark.parametrize("unsubscribed", [True, False], ids=["unsubscribed", "control"])
async def test_an_unsubscribe_outlives_the_redaction_of_the_address(
    stack, infra, admin_db, unsubscribed
) -> None:
    ingest, survey = stack["ingest"], stack["survey"]
    customer = Customer()
    first, second, third = new_order_id(), new_order_id(), new_order_id()

    post_shopify(ingest, "eu-shop", "orders/create", shopify_order(customer, first))
    (mail,) = wait_for_mails(infra.maildir, customer.email, 1) or [None]
    assert mail is not None, survey.log_tail()
    if unsubscribed:
        # RFC 8058 one-click, as a mail client does it.
        async with httpx.AsyncClient(timeout=10) as http:
            done = await http.post(
                unsubscribe_link(mail, survey),
                content=b"List-Unsubscribe=One-Click",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
        assert done.status_code == 200, done.text
        post_shopify(ingest, "eu-shop", "orders/create", shopify_order(customer, second))
        assert await eventually(lambda: invitation(admin_db, second), wait_s=30) == (
            "skipped",
            "unsubscribed",
        )
        # Kept under its keyed hash from the start, never in clear.
        assert await admin_db.fetchval("SELECT count(*) FROM survey.suppressions") == 1
        assert not await admin_db.fetchval(
            "SELECT count(*) FROM survey.suppressions WHERE email IS NOT NULL"
        )

    post_shopify(ingest, "eu-shop", "customers/redact", redact_request(customer, [first, second]))
    await eventually(lambda: redacted(admin_db, first), wait_s=30)

    # The same person orders again: a new order, the same address.
    post_shopify(ingest, "eu-shop", "orders/create", shopify_order(customer, third))
    settled = await eventually(lambda: invitation(admin_db, third), wait_s=30)
    if unsubscribed:
        assert settled == ("skipped", "unsubscribed")
        assert len(wait_for_mails(infra.maildir, customer.email, 2, wait_s=3)) == 1
    else:
        assert settled == ("sent", None)
        assert len(wait_for_mails(infra.maildir, customer.email, 2)) == 2
    # The suppression is kept without the address itself.
    assert not await admin_db.fetchval(
        "SELECT count(*) FROM survey.suppressions WHERE email IS NOT NULL"
    )


async def test_data_request_collects_every_services_part(stack) -> None:
    ingest = stack["ingest"]
    order = {**live_shopify_order("orders__create.captured_test_order"), "id": 299938}
    order["email"] = order["contact_email"] = "john@example.com"
    post_shopify(ingest, "eu-shop", "orders/create", order)
    request = fixture("shopify", "customers__data_request")
    post_shopify(ingest, "eu-shop", "customers/data_request", request)
    request_id = str(request["data_request"]["id"])

    async def complete() -> dict | None:
        async with httpx.AsyncClient() as http:
            r = await http.get(
                f"{ingest.url}/v1/admin/shops/eu-shop/data-requests/{request_id}", headers=ADMIN
            )
        body = r.json()
        return body if r.status_code == 200 and body["complete"] else None

    export = await eventually(complete, wait_s=40)
    assert set(export["parts"]) == {"ingest", "survey", "notifier", "responder"}
    (ingest_order,) = export["parts"]["ingest"]["orders"]
    assert ingest_order["order_id"] == "299938"
    assert ingest_order["details"]["customer"]["email"] == "john@example.com"
    survey_orders = export["parts"]["survey"]["orders"]
    assert [o["customer_email"] for o in survey_orders] == ["john@example.com"]


async def test_shop_redaction_removes_the_shops_review_texts(stack, admin_db) -> None:
    ingest = stack["ingest"]
    customer = Customer()
    review = {
        "type": "review.created",
        "data": {
            "review_id": f"g{customer.tag}",
            "rating": 4,
            "text": customer.texts()["generic review"],
            "created_at": "2026-11-20T10:00:00+00:00",
            "reviewer": {"name": customer.name, "email": customer.email},
        },
    }
    post_review(ingest, "eu-shop", "generic", review)
    post_shopify(ingest, "eu-shop", "shop/redact", fixture("shopify", "shop__redact"))
    row = await admin_db.fetchrow(
        "SELECT text, reviewer_name, reviewer_email, rating FROM ingest.reviews "
        "WHERE shop_id = 'eu-shop'"
    )
    assert dict(row) == {"text": None, "reviewer_name": None, "reviewer_email": None, "rating": 4}
