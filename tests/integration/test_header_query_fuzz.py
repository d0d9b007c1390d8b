"""Property-based fuzz of every query parameter and header the four services parse, through the
real processes, PostgreSQL and Kafka, with valid credentials so the values get past the 401.

The query parameters are the ones each service's OpenAPI declares (the same list the handlers
read); the headers are those read outside it: Standard Webhooks (`webhook-id`,
`webhook-timestamp`, `webhook-signature`), the platforms' own (`X-Shopify-*`, `X-WC-*`,
`X-Ecwid-*`), `Authorization`, `Content-Type` and the correlation id (`Content-Length` is the
HTTP parser's, and the body limit reads it as bytes, which know ASCII digits only). Values
are `st.text()` plus what broke before: Unicode digits that pass `str.isdigit()` but not
`int()` (`²`, `٣`), numbers of many digits, year 0001 and 9999 dates, sent as the bytes a client
would send. The answer must never be a 5xx, and every service stays healthy."""

import string
import time
from collections.abc import Iterator
from typing import Any

import httpx
import jwt
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from shared.settings import dev_secret
from tests.conftest import service_env
from tests.support.admin import ADMIN, API, create_shop
from tests.support.platforms import body_of
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

SERVICES = ("ingest", "survey", "notifier", "responder")
SHOP = "hq-fuzz"
WHSEC = "whsec_aHEtZnV6ei1zaG9wLXNlY3JldC0wMTIzNDU2Nzg5"
BOOTSTRAP = {"Authorization": f"Bearer {dev_secret('bootstrap-admin-key').get_secret_value()}"}
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)

ODD_DIGITS = "\u00b2\u00b3\u00b9\u0663\u0660\u06f5\u0967\uff11\u2075\u2460"
DATES = [
    "0001-01-01T00:00:00+00:00",
    "0001-01-01",
    "9999-12-31T23:59:59.999999+00:00",
    "9999-12-30T00:00:00Z",
    "1970-01-01T00:00:00Z",
    "2026-11-20T10:00:00",
    "2026-11-20T10:00:00+14:00",
    "2100-01-01T00:00:00Z",
    "-0001-01-01T00:00:00Z",
    "2026-02-30T00:00:00Z",
]
EDGES = [
    "",
    "0",
    "-1",
    "9" * 19,
    "9" * 400,
    "1e309",
    "NaN",
    "²",
    "1²",
    "٣",
    "null",
    "none",
    "me",
    "true",
    "%00",
    "../..",
]
values = st.one_of(
    st.sampled_from(DATES + EDGES),
    st.text(max_size=40),
    st.text(alphabet=string.digits + ODD_DIGITS + "+-.:TZ ", max_size=25),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


def sendable_query(value: str) -> str:
    # httpx encodes query values as UTF-8, which a lone surrogate is not.
    return value.encode("utf-8", "replace").decode("utf-8")


def sendable_header(value: str, encoding: str = "utf-8") -> bytes:
    """The bytes a client can put into a header: UTF-8 or latin-1 (servers read headers as
    latin-1, so b"\\xb2" arrives as "²") except line breaks, NUL and surrounding blanks, which
    HTTP itself forbids."""
    raw = value.encode(encoding, "replace")
    raw = bytes(b for b in raw if b >= 0x20 and b != 0x7F).strip(b" \t")
    return raw or b"x"


header_values = st.builds(sendable_header, values, st.sampled_from(("utf-8", "latin-1")))


@pytest.fixture(scope="module")
def procs(infra, module_database, module_prefix, tmp_path_factory) -> Iterator[dict[str, Any]]:
    logs = tmp_path_factory.mktemp("hq-fuzz-logs")
    started: dict[str, ServiceProcess] = {}
    try:
        for name in SERVICES:
            env = service_env(name, infra, module_database, module_prefix)
            started[name] = ServiceProcess(name, env, logs)
        started["responder"].env["RESPONDER_RATE_LIMIT_BURST"] = "100000"
        for proc in started.values():
            proc.start()
        for proc in started.values():
            proc.wait_ready()
        create_shop(started["ingest"].url, SHOP, "standard", WHSEC)
        yield started
    finally:
        for proc in started.values():
            proc.kill()


def credentials(service: str, path: str) -> dict[str, str]:
    if service == "responder":
        return BOOTSTRAP
    if service == "ingest" and path.startswith("/v1/admin/"):
        return ADMIN
    return API


def query_operations(url: str) -> list[tuple[str, str, list[str]]]:
    """(method, path with the path parameters filled, query parameter names) of every
    operation that declares query parameters."""
    spec = httpx.get(f"{url}/openapi.json", timeout=10).json()
    found = []
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            params = op.get("parameters", [])
            names = [p["name"] for p in params if p["in"] == "query"]
            if not names:
                continue
            filled = path.replace("{shop_id}", SHOP)
            for p in params:
                if p["in"] == "path" and p["name"] != "shop_id":
                    filled = filled.replace("{" + p["name"] + "}", "x-1")
            found.append((method.upper(), filled, names))
    return found


@pytest.mark.parametrize("service", SERVICES)
def test_any_query_parameter_value_gets_no_5xx(procs, service) -> None:
    proc = procs[service]
    operations = query_operations(proc.url)
    assert operations, service
    failures: list[str] = []

    with httpx.Client(base_url=proc.url, timeout=30) as http:

        @FUZZ
        @given(
            op=st.sampled_from(operations),
            data=st.data(),
        )
        def run(op: tuple[str, str, list[str]], data: st.DataObject) -> None:
            method, path, names = op
            chosen = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=3))
            params = {n: sendable_query(data.draw(values)) for n in chosen}
            if "shop_id" in names and "shop_id" not in params:
                params["shop_id"] = SHOP
            body = {} if method in ("POST", "PUT", "PATCH") else None
            r = http.request(
                method, path, params=params, json=body, headers=credentials(service, path)
            )
            if r.status_code >= 500:
                failures.append(f"{method} {path} {params!r} -> {r.status_code} {r.text[:200]}")

        run()
    assert not failures, "\n".join(failures[:20])
    assert httpx.get(f"{proc.url}/healthz", timeout=10).status_code == 200


@pytest.mark.parametrize("service", SERVICES)
def test_every_query_parameter_with_every_edge_value_gets_no_5xx(procs, service) -> None:
    """The known troublemakers, each in each parameter: random draws alone rarely meet them."""
    proc = procs[service]
    failures: list[str] = []
    with httpx.Client(base_url=proc.url, timeout=30) as http:
        for method, path, names in query_operations(proc.url):
            body = {} if method in ("POST", "PUT", "PATCH") else None
            for name in names:
                for value in DATES + EDGES:
                    params = {name: value}
                    if "shop_id" in names and name != "shop_id":
                        params["shop_id"] = SHOP
                    r = http.request(
                        method, path, params=params, json=body, headers=credentials(service, path)
                    )
                    if r.status_code >= 500:
                        failures.append(f"{method} {path} {params!r} -> {r.status_code}")
    assert not failures, "\n".join(failures[:20])


# Every header some endpoint reads itself, and the endpoints that read it.
WEBHOOK_HEADERS = [
    "webhook-id",
    "webhook-timestamp",
    "webhook-signature",
    "x-shopify-hmac-sha256",
    "x-shopify-topic",
    "x-shopify-event-id",
    "x-shopify-webhook-id",
    "x-shopify-triggered-at",
    "x-wc-webhook-signature",
    "x-wc-webhook-topic",
    "x-wc-webhook-id",
    "x-wc-webhook-delivery-id",
    "x-ecwid-webhook-signature",
    "content-type",
    "x-correlation-id",
    "authorization",
]
WEBHOOK_PATHS = [
    f"/webhooks/{platform}/{SHOP}"
    for platform in ("standard", "shopify", "woocommerce", "bigcommerce", "ecwid")
] + [f"/reviews/{source}/{SHOP}" for source in ("generic", "trustpilot", "google")]


def test_any_header_value_on_the_webhook_and_review_endpoints_gets_no_5xx(procs) -> None:
    proc = procs["ingest"]
    body = body_of(
        {
            "type": "order.created",
            "data": {
                "order_id": "HQ-1",
                "placed_at": "2026-11-18T10:00:00+01:00",
                "currency": "EUR",
                "customer": {"email": "hq@example.com"},
                "items": [{"product_id": "p", "name": "Tea", "quantity": 1, "unit_price": "1"}],
            },
        }
    )
    failures: list[str] = []

    with httpx.Client(base_url=proc.url, timeout=30) as http:

        @FUZZ
        @given(
            path=st.sampled_from(WEBHOOK_PATHS),
            fuzzed=st.dictionaries(st.sampled_from(WEBHOOK_HEADERS), header_values, min_size=1),
        )
        def run(path: str, fuzzed: dict[str, bytes]) -> None:
            headers: dict[str, str | bytes] = {
                "content-type": "application/json",
                "webhook-id": "msg_1",
                "webhook-timestamp": "1700000000",
                "webhook-signature": "v1,AAAA",
            }
            headers.update(fuzzed)
            try:
                r = http.post(path, content=body, headers=headers)
            except (httpx.LocalProtocolError, httpx.RemoteProtocolError):
                # A Content-Length the client will not send, or framing the server refused.
                return
            if r.status_code >= 500:
                failures.append(f"{path} {fuzzed!r} -> {r.status_code} {r.text[:200]}")

        run()
    assert not failures, "\n".join(failures[:20])
    assert httpx.get(f"{proc.url}/healthz", timeout=10).status_code == 200


def test_a_jwt_subject_of_unicode_digits_is_a_401(procs) -> None:
    # Before the authorization fuzz below, whose failed attempts may be rate-limited.
    secret = dev_secret("jwt-secret-responder-hs256").get_secret_value()
    for sub in ("\u00b2", "\u0663", "9" * 40):
        claims = {
            "sub": sub,
            "iss": "reviewloop-responder",
            "aud": "reviewloop-responder",
            "iat": int(time.time()),
            "exp": int(time.time()) + 300,
        }
        token = jwt.encode(claims, secret, algorithm="HS256")
        r = httpx.get(
            f"{procs['responder'].url}/v1/reviews",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert r.status_code == 401, (sub, r.status_code, r.text)


def test_every_webhook_header_with_every_edge_value_gets_no_5xx(procs) -> None:
    proc = procs["ingest"]
    body = b'{"type": "order.created", "data": {}}'
    failures: list[str] = []
    paths = [f"/webhooks/standard/{SHOP}", f"/reviews/generic/{SHOP}"]
    with httpx.Client(base_url=proc.url, timeout=30) as http:
        for name in WEBHOOK_HEADERS:
            for value in DATES + EDGES:
                for encoding in ("latin-1", "utf-8"):
                    headers: dict[str, str | bytes] = {
                        "content-type": "application/json",
                        "webhook-id": "msg_1",
                        "webhook-timestamp": "1700000000",
                        "webhook-signature": "v1,AAAA",
                        name: sendable_header(value, encoding),
                    }
                    for path in paths:
                        r = http.post(path, content=body, headers=headers)
                        if r.status_code >= 500:
                            failures.append(f"{path} {name}={value!r} -> {r.status_code}")
    assert not failures, "\n".join(failures[:20])


@pytest.mark.parametrize("service", SERVICES)
def test_any_authorization_and_correlation_header_gets_no_5xx(procs, service) -> None:
    proc = procs[service]
    path = {
        "ingest": "/v1/admin/shops",
        "survey": f"/v1/shops/{SHOP}/surveys",
        "notifier": f"/v1/shops/{SHOP}/notifications",
        "responder": "/v1/reviews",
    }[service]
    failures: list[str] = []

    with httpx.Client(base_url=proc.url, timeout=30) as http:

        @settings(FUZZ, max_examples=60)
        @given(auth=header_values, cid=header_values)
        def run(auth: bytes, cid: bytes) -> None:
            for authorization in (auth, b"Bearer " + auth):
                r = http.get(
                    path, headers={"authorization": authorization, "x-correlation-id": cid}
                )
                if r.status_code >= 500:
                    failures.append(f"{path} {authorization!r} -> {r.status_code}")

        run()
    assert not failures, "\n".join(failures[:20])
