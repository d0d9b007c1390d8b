"""Reviews from platforms through a real ingest process: stored once, matched, updated,
deleted."""

import copy
from collections.abc import Iterator

import httpx
import pytest

from shared.events import parse_event
from shared.topics import CLASSIFIED, topic_name
from tests.conftest import connect_as, service_env
from tests.support.admin import API, create_shop
from tests.support.kafka import read_topic
from tests.support.platforms import body_of, fixture, standard_headers
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

WHSEC = "whsec_cmV2aWV3LXNlY3JldC0wMTIzNDU2Nzg5YWJjZA=="
SHOP = "review-shop"


@pytest.fixture(scope="module")
def ingest(infra, module_database, module_prefix, tmp_path_factory) -> Iterator[ServiceProcess]:
    env = service_env("ingest", infra, module_database, module_prefix)
    proc = ServiceProcess("ingest", env, tmp_path_factory.mktemp("ingest-logs"))
    proc.start()
    try:
        proc.wait_ready()
        create_shop(proc.url, SHOP, "standard", WHSEC)
        order = {
            "order_id": "ABC-123-xyz",  # the Trustpilot sample's referenceId
            "placed_at": "2017-05-10T10:00:00Z",
            "currency": "EUR",
            "customer": {"email": "ana@example.com"},
            "items": [{"product_id": "tea", "name": "Tea", "quantity": 1, "unit_price": "4"}],
        }
        r = httpx.post(f"{proc.url}/v1/shops/{SHOP}/orders", json=order, headers=API)
        assert r.status_code == 202, r.text
        yield proc
    finally:
        proc.kill()


def post(ingest: ServiceProcess, source: str, payload: dict, secret: str = WHSEC):
    body = body_of(payload)
    return httpx.post(
        f"{ingest.url}/reviews/{source}/{SHOP}",
        content=body,
        headers=standard_headers(body, secret),
        timeout=10,
    )


async def stored(infra, database, review_id: str):
    conn = await connect_as(infra, database, "ingest")
    try:
        return await conn.fetchrow(
            "SELECT revision, rating, text, order_id, match_method, case_key, deleted_at "
            "FROM reviews WHERE shop_id = $1 AND review_id = $2",
            SHOP,
            review_id,
        )
    finally:
        await conn.close()


async def test_trustpilot_review_is_stored_once_matched_updated_and_deleted(
    ingest, infra, module_database, module_prefix
) -> None:
    payload = fixture("trustpilot", "service-review-created")
    review_id = "trustpilot:53bffd360000640002975387"
    r = post(ingest, "trustpilot", payload)
    assert r.status_code == 202 and r.json() == {"stored": 1, "unchanged": 0, "deleted": 0}
    assert post(ingest, "trustpilot", payload).json()["unchanged"] == 1

    row = await stored(infra, module_database, review_id)
    assert (row["revision"], row["order_id"], row["match_method"]) == (
        1,
        "ABC-123-xyz",
        "reference",
    )
    assert row["case_key"] == "order:ABC-123-xyz"

    event = payload["events"][0]
    edited = {
        "events": [
            {
                **event,
                "eventName": "service-review-updated",
                "eventData": {
                    **event["eventData"],
                    "stars": 2,
                    "text": "Changed my mind: it broke.",
                    "updatedAt": "2017-06-01T10:00:00Z",
                },
            }
        ]
    }
    assert post(ingest, "trustpilot", edited).json()["stored"] == 1
    row = await stored(infra, module_database, review_id)
    assert (row["revision"], row["rating"], row["text"]) == (2, 2, "Changed my mind: it broke.")
    # An older version arriving late changes nothing.
    assert post(ingest, "trustpilot", payload).json()["unchanged"] == 1

    deleted = {
        "events": [
            {"eventName": "service-review-deleted", "eventData": {"id": event["eventData"]["id"]}}
        ]
    }
    assert post(ingest, "trustpilot", deleted).json()["deleted"] == 1
    row = await stored(infra, module_database, review_id)
    assert row["deleted_at"] is not None
    # A retry of an edit made before the deletion, arriving after it, does not bring it back.
    late = copy.deepcopy(edited)
    late["events"][0]["eventData"]["updatedAt"] = "2017-06-02T10:00:00Z"
    assert post(ingest, "trustpilot", late).json()["unchanged"] == 1
    assert (await stored(infra, module_database, review_id))["deleted_at"] is not None
    records = await read_topic(infra.kafka_bootstrap, topic_name(CLASSIFIED.name, module_prefix), 1)
    events = [parse_event(r.value) for r in records]
    assert [e.type for e in events if e.type == "review.deleted"] == ["review.deleted"]


async def test_unmatched_reviews_are_kept_unverified_and_email_matches(
    ingest, infra, module_database
) -> None:
    google = {
        "reviewId": "g-1",
        "starRating": "ONE",
        "comment": "Rude staff",
        "reviewer": {"displayName": "Someone"},
        "createTime": "2026-11-20T08:00:00Z",
    }
    assert post(ingest, "google", google).status_code == 202
    row = await stored(infra, module_database, "google:g-1")
    assert row["order_id"] is None and row["match_method"] is None
    assert row["case_key"] == "review:google:g-1"

    generic = {
        "type": "review.created",
        "data": {
            "review_id": "x-1",
            "rating": 4,
            "text": "Good tea",
            "created_at": "2017-06-01T08:00:00Z",
            "reviewer": {"name": "Ana", "email": "ANA@example.com"},
            "product_id": "tea",
        },
    }
    assert post(ingest, "generic", generic).status_code == 202
    row = await stored(infra, module_database, "generic:x-1")
    assert (row["order_id"], row["match_method"]) == ("ABC-123-xyz", "email_product")
    # Two reviews about one order are one case downstream.
    # (The Trustpilot sample is about the same order; stored here if the test runs alone.)
    assert (
        post(ingest, "trustpilot", fixture("trustpilot", "service-review-created")).status_code
        == 202
    )
    tp = await stored(infra, module_database, "trustpilot:53bffd360000640002975387")
    assert tp is not None and tp["case_key"] == row["case_key"]


@pytest.mark.parametrize(
    ("case", "status"),
    [("bad signature", 401), ("unknown source", 404), ("unknown shop", 404), ("bad payload", 422)],
)
def test_review_endpoint_errors(ingest, case, status) -> None:
    payload = fixture("trustpilot", "service-review-created")
    body = body_of(payload)
    headers = standard_headers(body, WHSEC)
    url = f"{ingest.url}/reviews/trustpilot/{SHOP}"
    if case == "bad signature":
        headers = standard_headers(body, "whsec_" + "A" * 32)
    elif case == "unknown source":
        url = f"{ingest.url}/reviews/yelp/{SHOP}"
    elif case == "unknown shop":
        url = f"{ingest.url}/reviews/trustpilot/nope"
    elif case == "bad payload":
        body = body_of({"events": []})
        headers = standard_headers(body, WHSEC)
    r = httpx.post(url, content=body, headers=headers, timeout=10)
    assert r.status_code == status, r.text
