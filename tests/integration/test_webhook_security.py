"""Signatures and secrets at the front door, through real processes at DEBUG log level:
the cases tests/integration/test_webhooks.py leaves out (another shop's signature, Standard
Webhooks rotation and timestamps, the review intake), and afterwards no secret, token or
customer address in any log line."""

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from shared.settings import dev_secret
from tests.conftest import service_env
from tests.support.admin import ADMIN, API, create_shop
from tests.support.platforms import (
    body_of,
    live_shopify_order,
    shopify_headers,
    standard_headers,
)
from tests.support.receiver import Receiver
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

OLD = "whsec_b2xkLXNlY3JldC1vZi10aGUtc2hvcC0wMTIzNDU2"
NEW = "whsec_bmV3LXNlY3JldC1vZi10aGUtc2hvcC0wMTIzNDU2"
OTHER = "whsec_YW5vdGhlci1zaG9wcy1zZWNyZXQtMDEyMzQ1Njc4"
SHOPIFY_A, SHOPIFY_B = "shop-a-secret-0123456789", "shop-b-secret-0123456789"
CUSTOMER = "secret.customer@example.com"
BOOTSTRAP = dev_secret("bootstrap-admin-key").get_secret_value()
ORDER = {
    "type": "order.created",
    "data": {
        "order_id": "SEC-1",
        "placed_at": "2026-11-18T10:00:00+01:00",
        "currency": "EUR",
        "customer": {"email": CUSTOMER, "name": "Secret Person"},
        "items": [{"product_id": "p", "name": "Tea", "quantity": 1, "unit_price": "4.50"}],
    },
}
REVIEW = {
    "type": "review.created",
    "data": {
        "review_id": "sec-r1",
        "rating": 2,
        "text": "Late.",
        "created_at": "2026-11-20T08:00:00Z",
        "reviewer": {"name": "Secret Person", "email": CUSTOMER},
    },
}


@pytest.fixture(scope="module")
def procs(
    infra, module_database, module_prefix, tmp_path_factory
) -> Iterator[dict[str, ServiceProcess]]:
    logs = tmp_path_factory.mktemp("security-logs")
    started = {}
    try:
        for name in ("ingest", "responder", "notifier", "survey"):
            env = service_env(name, infra, module_database, module_prefix)
            env[f"{name.upper()}_LOG_LEVEL"] = "DEBUG"
            # The notifier's webhook receiver below listens on loopback.
            env[f"{name.upper()}_OUTBOUND_ALLOW_PRIVATE_NETWORKS"] = "true"
            env[f"{name.upper()}_SMTP_HOST"] = infra.smtp_host
            env[f"{name.upper()}_SMTP_PORT"] = str(infra.smtp_port)
            started[name] = ServiceProcess(name, env, logs).start()
        for p in started.values():
            p.wait_ready()
        url = started["ingest"].url
        create_shop(url, "std-a", "standard", OLD)
        create_shop(url, "std-b", "standard", OTHER)
        create_shop(url, "shopify-a", "shopify", SHOPIFY_A)
        create_shop(url, "shopify-b", "shopify", SHOPIFY_B)
        create_shop(url, "bc-a", "bigcommerce", OTHER)
        yield started
    finally:
        for p in started.values():
            p.kill()


def post(url: str, path: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(url + path, content=body, headers=headers, timeout=10)


def test_a_signature_with_another_shops_secret_is_refused(procs) -> None:
    url = procs["ingest"].url
    body = body_of({**ORDER, "data": {**ORDER["data"], "order_id": "SEC-other"}})
    assert (
        post(url, "/webhooks/standard/std-a", body, standard_headers(body, OTHER)).status_code
        == 401
    )
    order = body_of(live_shopify_order("orders__create"))
    signed_b = shopify_headers(order, SHOPIFY_B, "orders/create")
    assert post(url, "/webhooks/shopify/shopify-a", order, signed_b).status_code == 401
    # The review intake checks the same secrets.
    review = body_of(REVIEW)
    r = post(url, "/reviews/generic/std-a", review, standard_headers(review, OTHER))
    assert r.status_code == 401


@pytest.mark.parametrize("path", ["/webhooks/standard/std-b", "/reviews/generic/std-b"])
def test_standard_webhooks_missing_stale_future_and_tampered(procs, path) -> None:
    url = procs["ingest"].url
    body = body_of(REVIEW if path.startswith("/reviews") else ORDER)
    now = int(time.time())
    good = standard_headers(body, OTHER)
    cases = {
        "no signature": {k: v for k, v in good.items() if k != "webhook-signature"},
        "no timestamp": {k: v for k, v in good.items() if k != "webhook-timestamp"},
        "no id": {k: v for k, v in good.items() if k != "webhook-id"},
        "replayed after 10 minutes": standard_headers(body, OTHER, timestamp=now - 600),
        "from 10 minutes ahead": standard_headers(body, OTHER, timestamp=now + 600),
        "signature of another id": {**good, "webhook-id": "msg_other"},
        "v2 scheme only": {
            **good,
            "webhook-signature": good["webhook-signature"].replace("v1,", "v2,"),
        },
    }
    for case, headers in cases.items():
        r = post(url, path, body, headers)
        assert r.status_code == 401, (case, r.status_code, r.text)
    assert post(url, path, body + b" ", good).status_code == 401
    # Within the window (a platform's clock a little off) it is accepted.
    skewed = standard_headers(body, OTHER, timestamp=now - 120)
    assert post(url, path, body, skewed).status_code in (200, 202)


def test_standard_webhooks_rotation_old_and_new_then_only_new(procs) -> None:
    url = procs["ingest"].url

    def send(secret: str, n: int) -> int:
        body = body_of({**ORDER, "data": {**ORDER["data"], "order_id": f"ROT-{n}"}})
        return post(
            url, "/webhooks/standard/std-a", body, standard_headers(body, secret)
        ).status_code

    assert send(OLD, 1) == 202 and send(NEW, 2) == 401
    rotated = httpx.post(
        f"{url}/v1/admin/shops/std-a/secrets/rotate",
        json={"webhook_secret": NEW},
        headers=ADMIN,
        timeout=10,
    )
    assert rotated.status_code == 200 and rotated.json()["has_previous_secret"] is True
    assert send(OLD, 3) == 202 and send(NEW, 4) == 202
    retired = httpx.delete(f"{url}/v1/admin/shops/std-a/secrets/previous", headers=ADMIN)
    assert retired.status_code == 200
    assert send(OLD, 5) == 401 and send(NEW, 6) == 202
    # Admin routes want the admin token, not the service token.
    assert httpx.get(f"{url}/v1/admin/shops", headers=API).status_code == 401


# A Slack-style webhook URL: its path is the secret, and a query may hold a token.
HOOK_PATH = "T0SECRET/B0SECRET/hookpathsecret16"
HOOK_QUERY = "querytokensecret16"
SURVEY_TOKEN = "customer-token-marker-16.abcdefghij"


def test_no_secret_token_or_customer_address_in_debug_logs(procs) -> None:
    ingest, responder = procs["ingest"], procs["responder"]
    notifier, survey = procs["notifier"], procs["survey"]
    # A webhook rule for every review of the shop, to a URL with a secret path and query.
    receiver = Receiver().__enter__()
    hook = f"{receiver.base_url}/{HOOK_PATH}?token={HOOK_QUERY}"
    rule = httpx.post(
        f"{notifier.url}/v1/shops/std-b/rules",
        headers=API,
        json={"name": "slack", "channel": "webhook", "url": hook, "format": "slack"},
        timeout=10,
    )
    assert rule.status_code == 201, rule.text
    # Survey and unsubscribe pages under a customer's token (not one of ours: 404, still a
    # request the service handles and may log).
    for path in (f"/s/{SURVEY_TOKEN}", f"/u/{SURVEY_TOKEN}"):
        assert httpx.get(f"{survey.url}{path}", timeout=10).status_code in (404, 410)
        assert httpx.post(f"{survey.url}{path}", timeout=10).status_code in (404, 410)
    # A webhook and a review (with the customer's address), a direct order with the API token.
    body = body_of({**ORDER, "data": {**ORDER["data"], "order_id": "LOG-1"}})
    assert (
        post(
            ingest.url, "/webhooks/standard/std-b", body, standard_headers(body, OTHER)
        ).status_code
        == 202
    )
    review = body_of({**REVIEW, "data": {**REVIEW["data"], "review_id": "log-r1"}})
    assert (
        post(
            ingest.url, "/reviews/generic/std-b", review, standard_headers(review, OTHER)
        ).status_code
        == 202
    )
    direct = {**ORDER["data"], "order_id": "LOG-2"}
    r = httpx.post(f"{ingest.url}/v1/shops/std-b/orders", json=direct, headers=API, timeout=10)
    assert r.status_code == 202, r.text
    # Token-authenticated responder calls: the bootstrap key, an API key, a JWT; and a bad one.
    boot = {"Authorization": f"Bearer {BOOTSTRAP}"}
    user = httpx.post(
        f"{responder.url}/v1/users",
        headers=boot,
        json={"name": "Log Test", "role": "admin", "shop_ids": ["std-b"]},
        timeout=10,
    ).json()
    key = httpx.post(
        f"{responder.url}/v1/users/{user['id']}/api-keys", headers=boot, json={}
    ).json()["key"]
    jwt = httpx.post(
        f"{responder.url}/v1/auth/token", headers={"Authorization": f"Bearer {key}"}
    ).json()["access_token"]
    for headers in ({"Authorization": f"Bearer {jwt}"}, {"X-API-Key": key}):
        assert httpx.get(f"{responder.url}/v1/users/me", headers=headers).status_code == 200
    wrong = f"{jwt[:-4]}AAAA"
    assert (
        httpx.get(
            f"{responder.url}/v1/users/me", headers={"Authorization": f"Bearer {wrong}"}
        ).status_code
        == 401
    )
    # The review reached the notifier and its webhook went out (logged by httpx at INFO).
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not receiver.requests:
        time.sleep(0.3)
    receiver.__exit__(None, None, None)
    assert receiver.requests, notifier.log_tail()
    # Something was logged at DEBUG, so the scan below is not of empty files.
    time.sleep(1.0)
    logs = {p.name: Path(p.log_path).read_text(errors="replace") for p in procs.values()}
    assert all(len(text) > 0 for text in logs.values()), logs.keys()
    secrets = {
        "webhook secret": [OLD, NEW, OTHER, OLD[6:], NEW[6:], OTHER[6:], SHOPIFY_A, SHOPIFY_B],
        "admin token": [ADMIN["Authorization"].split()[1]],
        "api token": [API["Authorization"].split()[1]],
        "bootstrap key": [BOOTSTRAP],
        "api key": [key, key[8:]],
        "jwt": [jwt, jwt.split(".")[2], wrong],
        "database password": [dev_secret("db-password").get_secret_value()],
        "customer email": [CUSTOMER],
        "webhook url path": [HOOK_PATH, "hookpathsecret16"],
        "webhook url query": [HOOK_QUERY],
        "survey token": [SURVEY_TOKEN],
    }
    leaks = [
        f"{what} in {name} log"
        for name, text in logs.items()
        for what, values in secrets.items()
        if any(v in text for v in values)
    ]
    assert not leaks, leaks


# Latin-1 on the wire, as a header is read: "²" and "¹" pass `str.isdigit()`, `int()` refuses
# them. The rest are too long, signed, or not a number at all.
ODD_TIMESTAMPS = [b"\xb2", b"\xb9\xb2\xb3", b"1\xb2", b"\xd9\xa3", b"9" * 13, b"-1", b"1e9"]


@pytest.mark.parametrize(
    "path",
    [
        "/webhooks/standard/std-b",
        "/webhooks/bigcommerce/bc-a",
        "/reviews/generic/std-b",
        "/reviews/trustpilot/std-b",
    ],
)
def test_a_timestamp_of_unicode_digits_is_a_401_not_a_500(procs, path) -> None:
    url = procs["ingest"].url
    body = body_of(REVIEW if path.startswith("/reviews") else ORDER)
    good = standard_headers(body, OTHER)
    for odd in ODD_TIMESTAMPS:
        headers: dict[str, str | bytes] = {**good, "webhook-timestamp": odd}
        r = httpx.post(url + path, content=body, headers=headers, timeout=10)
        assert r.status_code == 401, (odd, r.status_code, r.text)


def test_an_assignee_of_unicode_digits_is_a_422_not_a_500(procs) -> None:
    url = procs["responder"].url
    bootstrap = {"Authorization": f"Bearer {BOOTSTRAP}"}
    deadline = time.monotonic() + 30
    while "std-b" not in httpx.get(f"{url}/v1/shops", headers=bootstrap).text:
        assert time.monotonic() < deadline, "shop.updated never reached the responder"
        time.sleep(0.2)
    for odd in ["\u00b2", "\u0663", "1\u00b2", "9" * 20, "-1", "0"]:
        params = {"shop_id": "std-b", "assigned": odd}
        r = httpx.get(f"{url}/v1/reviews", params=params, headers=bootstrap)
        assert r.status_code == 422, (odd, r.status_code, r.text)
        assert "assigned" in r.text, r.text
    ok = httpx.get(f"{url}/v1/reviews", params={"shop_id": "std-b"}, headers=bootstrap)
    assert ok.status_code == 200, ok.text


@pytest.mark.parametrize(
    ("platform", "secret"),
    [
        ("shopify", None),  # generated: URL-safe text, not base64
        ("woocommerce", "woo consumer secret, typed by hand!"),
        ("shopify", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"),  # a Shopify-style hex app secret
        ("standard", None),  # generated `whsec_<base64>`
    ],
)
def test_a_review_source_signing_with_the_official_library_is_accepted(
    procs, platform, secret
) -> None:
    """The Standard Webhooks spec (and its `standardwebhooks` library) base64-decode the secret
    after `whsec_`. A shop's answer carries its secret in that form, and a source that signs
    with it through the library is accepted; so is one that signed with the raw secret before,
    which is the same key."""
    url = procs["ingest"].url
    shop_id = f"lib-{platform}-{'gen' if secret is None else len(secret)}"
    created = create_shop(url, shop_id, platform, secret)
    spec = created["standard_webhooks_secret"]
    assert spec.startswith("whsec_")
    raw_secret = created["webhook_secret"]

    def review(n: int) -> bytes:
        return body_of({**REVIEW, "data": {**REVIEW["data"], "review_id": f"{shop_id}-{n}"}})

    def library_headers(body: bytes, whsecret: str) -> dict[str, str]:
        at = datetime.now(UTC)
        msg_id = f"msg_{uuid.uuid4().hex}"
        return {
            "Content-Type": "application/json",
            "webhook-id": msg_id,
            "webhook-timestamp": str(int(at.timestamp())),
            "webhook-signature": Webhook(whsecret).sign(msg_id, at, body),
        }

    body = review(1)
    r = post(url, f"/reviews/generic/{shop_id}", body, library_headers(body, spec))
    assert r.status_code == 202, r.text
    # A source set up before, signing with the raw secret's bytes, keeps working.
    body = review(2)
    r = post(url, f"/reviews/generic/{shop_id}", body, standard_headers(body, raw_secret))
    assert r.status_code == 202, r.text
    rotated = httpx.post(
        f"{url}/v1/admin/shops/{shop_id}/secrets/rotate", headers=ADMIN, timeout=10
    ).json()
    body = review(3)
    headers = library_headers(body, rotated["standard_webhooks_secret"])
    assert post(url, f"/reviews/generic/{shop_id}", body, headers).status_code == 202
