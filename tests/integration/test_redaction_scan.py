"""Customer redaction leaves nothing personal in any service, proven by searching every text,
JSON and byte column of every table in every schema, not by checking the columns we thought of.

A customer goes through the whole loop with real processes, Kafka, PostgreSQL and the SMTP
sink: a Shopify order (name, email, phone, address lines in the raw payload ingest keeps), the
survey email, the survey answered with a comment and a product review, a Trustpilot review tied
to the order by its reference, a generic review tied by order id and carrying the reviewer's
address, an alert about the negative one, and a data request answered by every service. Then
the customer is redacted, by Shopify's `customers/redact` or by the operator's API, and the
scan must find none of their data anywhere.
"""

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx
import pytest

from tests.conftest import service_env
from tests.support.admin import ADMIN, API, create_shop
from tests.support.kafka import eventually
from tests.support.observability import DUE_AT_ONCE
from tests.support.platforms import fixture
from tests.support.privacy import (
    SECRET,
    SERVICE_SCHEMAS,
    Customer,
    answer_survey,
    post_review,
    post_shopify,
    redact_request,
    scan,
    shopify_order,
    survey_link,
    text_columns,
    wait_for_mails,
)
from tests.support.responder import BOOTSTRAP
from tests.support.services import ServiceProcess, running_services, smtp_env

pytestmark = pytest.mark.integration

SERVICES = ("ingest", "survey", "notifier", "responder")
# ISO 8601 as the export writes timestamps: a date, `T`, a time, an offset (or Z).
ISO_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
LOOKS_LIKE_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")


@pytest.fixture
def stack(infra, database, prefix, log_dir) -> Iterator[dict[str, ServiceProcess]]:
    envs = {n: {**service_env(n, infra, database, prefix), **smtp_env(n, infra)} for n in SERVICES}
    with running_services(envs, log_dir) as procs:
        yield procs


async def seed_customer(
    stack: dict[str, ServiceProcess], db: asyncpg.Connection, maildir: Any, shop_id: str
) -> tuple[Customer, int]:
    ingest, survey = stack["ingest"], stack["survey"]
    customer = Customer()
    order_id = 7_000_000 + uuid.uuid4().int % 1_000_000
    # The alert's recipient is the registry's (#18): the shop's contact address.
    create_shop(
        ingest.url, shop_id, "shopify", SECRET, contact_email=f"support-{customer.tag}@shop.example"
    )
    async with httpx.AsyncClient(timeout=10, headers=API) as http:
        r = await http.put(f"{survey.url}/v1/shops/{shop_id}/survey-settings", json=DUE_AT_ONCE)
        assert r.status_code == 200, r.text

    post_shopify(ingest, shop_id, "orders/create", shopify_order(customer, order_id))
    (mail,) = wait_for_mails(maildir, customer.email, 1) or [None]
    assert mail is not None, survey.log_tail()
    await answer_survey(survey_link(mail, survey), customer)

    now = datetime.now(UTC).isoformat()
    texts = customer.texts()
    trustpilot = fixture("trustpilot", "service-review-created")
    data = trustpilot["events"][0]["eventData"]
    data.update(
        id=f"tp{customer.tag}",
        referenceId=str(order_id),
        stars=1,
        title=texts["trustpilot title"],
        text=texts["trustpilot review"],
        createdAt=now,
    )
    data["consumer"]["name"] = customer.name
    post_review(ingest, shop_id, "trustpilot", trustpilot)
    generic = {
        "type": "review.created",
        "data": {
            "review_id": f"g{customer.tag}",
            "rating": 2,
            "text": texts["generic review"],
            "created_at": now,
            "reviewer": {"name": customer.name, "email": customer.email},
            "order_id": str(order_id),
        },
    }
    post_review(ingest, shop_id, "generic", generic)

    # Every service has its copy: three reviews (survey, Trustpilot, generic) classified and
    # stored by the notifier and the responder, the alert queued, the answer's score counted.
    async def everywhere() -> bool:
        counts = await db.fetchrow(
            """
            SELECT
              (SELECT count(*) FROM ingest.reviews
               WHERE shop_id = $1 AND classification IS NOT NULL) AS ingest,
              (SELECT count(*) FROM notifier.reviews WHERE shop_id = $1) AS notifier,
              (SELECT count(*) FROM notifier.notifications
               WHERE shop_id = $1 AND kind = 'alert') AS alerts,
              (SELECT count(*) FROM responder.reviews WHERE shop_id = $1) AS responder,
              (SELECT count(*) FROM responder.survey_answers WHERE shop_id = $1) AS answers
            """,
            shop_id,
        )
        return bool(
            counts["ingest"] >= 3
            and counts["notifier"] >= 3
            and counts["alerts"] >= 1
            and counts["responder"] >= 3
            and counts["answers"] >= 1
        )

    await eventually(everywhere, wait_s=60, interval=0.5)
    return customer, order_id


async def hold_quoting(
    responder: ServiceProcess, db: asyncpg.Connection, shop_id: str, customer: Customer
) -> None:
    review_id = await db.fetchval(
        "SELECT review_id FROM responder.public_reviews WHERE shop_id = $1 LIMIT 1", shop_id
    )
    assert review_id is not None, "the survey review was not published"
    async with httpx.AsyncClient(timeout=10, headers=BOOTSTRAP) as http:
        r = await http.post(
            f"{responder.url}/v1/reviews/{review_id}/moderation",
            params={"shop_id": shop_id},
            json={
                "action": "hold",
                "reason": "personal_data",
                "evidence": f"signed {customer.name}, {customer.email}",
            },
        )
    assert r.status_code == 200, r.text


async def data_request(
    ingest: ServiceProcess, shop_id: str, customer: Customer, order_id: int
) -> dict[str, Any]:
    request = fixture("shopify", "customers__data_request")
    request_id = 900_000 + uuid.uuid4().int % 100_000
    request["customer"] = {
        "id": customer.customer_id,
        "email": customer.email,
        "phone": customer.phone,
    }
    request["orders_requested"] = [order_id]
    request["data_request"] = {"id": request_id}
    post_shopify(ingest, shop_id, "customers/data_request", request)

    async def complete() -> dict[str, Any] | None:
        async with httpx.AsyncClient(timeout=10) as http:
            r = await http.get(
                f"{ingest.url}/v1/admin/shops/{shop_id}/data-requests/{request_id}",
                headers=ADMIN,
            )
        body: dict[str, Any] = r.json()
        return body if r.status_code == 200 and body["complete"] else None

    export: dict[str, Any] = await eventually(complete, wait_s=60, interval=0.5)
    return export


def strings_in(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from strings_in(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from strings_in(v, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


def assert_export_is_plain_json_with_iso_timestamps(export: dict[str, Any]) -> None:
    parts = export["parts"]
    assert set(parts) >= {"ingest", "survey", "notifier", "responder"}
    for service, part in parts.items():
        assert isinstance(part, dict), service
    # The notifier's part: objects all the way down, no JSON text inside the JSON.
    (review, *_) = parts["notifier"]["reviews"]
    assert isinstance(review["notifications"], list), review
    assert all(isinstance(n, dict) for n in review["notifications"]), review
    for where, text in strings_in(export):
        assert not (text.startswith(("[", "{")) and text.endswith(("]", "}"))), where
        if LOOKS_LIKE_TIMESTAMP.match(text):
            assert ISO_TIMESTAMP.match(text), f"{where}: {text!r} is not ISO 8601"


async def redact_by_shopify(stack: dict[str, ServiceProcess], shop_id: str, c: Customer, o: int):
    post_shopify(stack["ingest"], shop_id, "customers/redact", redact_request(c, [o]))


async def redact_by_operator(stack: dict[str, ServiceProcess], shop_id: str, c: Customer, o: int):
    # The customer wrote in directly: the operator knows the address, not the orders.
    async with httpx.AsyncClient(timeout=10, headers=ADMIN) as http:
        r = await http.post(
            f"{stack['ingest'].url}/v1/admin/shops/{shop_id}/customer-redactions",
            json={"email": c.email},
        )
    assert r.status_code == 202, r.text


@pytest.mark.parametrize(
    "redact", [redact_by_shopify, redact_by_operator], ids=["shopify", "operator"]
)
async def test_redaction_leaves_nothing_of_the_customer_in_any_schema(
    stack, admin_db, infra, redact
) -> None:
    shop_id = f"scan-{uuid.uuid4().hex[:6]}"
    customer, order_id = await seed_customer(stack, admin_db, infra.maildir, shop_id)

    # The survey's product review is published under the name the customer chose; a
    # moderation decision quoting them puts them in the ledger too.
    await hold_quoting(stack["responder"], admin_db, shop_id, customer)

    # The scan is not blind: before redaction it finds the customer in every service.
    columns = await text_columns(admin_db)
    assert {schema for schema, *_ in columns} >= set(SERVICE_SCHEMAS)
    before = await scan(admin_db, customer.needles())
    for schema in SERVICE_SCHEMAS:
        assert any(hit.startswith(f"{schema}.") for hit in before), (schema, before)
    for table in ("public_reviews", "moderation_decisions"):
        assert any(hit.startswith(f"responder.{table}.") for hit in before), (table, before)
    assert any(hit.startswith("ingest.webhook_deliveries.payload: phone") for hit in before)

    export = await data_request(stack["ingest"], shop_id, customer, order_id)
    assert_export_is_plain_json_with_iso_timestamps(export)
    # The customer's data request holds the review as shoppers see it and the decisions on it.
    responder = export["parts"]["responder"]
    assert [r["status"] for r in responder["published_reviews"]] == ["held"], responder
    assert [d["action"] for d in responder["moderation_decisions"]] == ["hold"], responder

    await redact(stack, shop_id, customer, order_id)

    async def clean() -> bool:
        return not await scan(admin_db, customer.needles())

    try:
        await eventually(clean, wait_s=60, interval=1)
    except AssertionError:
        hits = await scan(admin_db, customer.needles())
        pytest.fail("personal data left after redaction:\n  " + "\n  ".join(hits))

    # A later data request finds nothing of it either (only the request's own reference).
    after = await data_request(stack["ingest"], shop_id, customer, order_id)
    for where, text in strings_in(after["parts"]):
        for what, needle in customer.needles().items():
            assert needle.lower() not in text.lower(), f"{where}: {what}"
