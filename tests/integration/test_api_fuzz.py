"""Schemathesis against every service's own OpenAPI, through real processes, PostgreSQL and
Kafka, with credentials and without: generated requests (valid and invalid ones) never get a 5xx,
and every answer's status code, media type and body are ones the service publishes for that
operation. Plus the body limits at the front door: over 1 MiB is 413,
JSON nested too deep is 422, and the process stays healthy."""

import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from shared.settings import dev_secret
from tests.conftest import service_env
from tests.support.admin import ADMIN, API, create_shop
from tests.support.platforms import body_of, standard_headers
from tests.support.services import ServiceProcess

pytestmark = pytest.mark.integration

SERVICES = ("ingest", "survey", "notifier", "responder")
SHOP = "fuzz-shop"
WHSEC = "whsec_ZnV6ei1zaG9wLXNlY3JldC0wMTIzNDU2Nzg5YWJj"
BOOTSTRAP = {"Authorization": f"Bearer {dev_secret('bootstrap-admin-key').get_secret_value()}"}
# Requests per operation: valid ones (past validation, into the handlers) and invalid ones.
# Without credentials most operations stop at the 401, so fewer of them are enough.
EXAMPLES = {"authenticated": (30, 15), "anonymous": (8, 4), "admin": (30, 15)}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@dataclass
class Stack:
    procs: dict[str, ServiceProcess]
    manager: dict[str, str]  # a responder manager's JWT
    admin: dict[str, str]  # a responder admin's JWT
    # An agent whose own API keys the generated requests may revoke (with its tokens).
    keys_user: tuple[str, dict[str, str]]
    # Ids of things that exist, for half of the generated requests to name.
    known: dict[str, str]


@pytest.fixture(scope="module")
def stack(infra, module_database, module_prefix, tmp_path_factory) -> Iterator[Stack]:
    logs = tmp_path_factory.mktemp("fuzz-logs")
    procs = {
        name: ServiceProcess(name, service_env(name, infra, module_database, module_prefix), logs)
        for name in SERVICES
    }
    # Thousands of requests with one token: past the rate limit is not what is tested here.
    procs["responder"].env["RESPONDER_RATE_LIMIT_BURST"] = "100000"
    # Nor the limit on failed authentication (all requests come from one address).
    procs["responder"].env["RESPONDER_AUTH_FAILURE_BURST"] = "100000"
    try:
        for p in procs.values():
            p.start()
        for p in procs.values():
            p.wait_ready()
        create_shop(procs["ingest"].url, SHOP, "standard", WHSEC)
        responder = procs["responder"].url

        # A review through ingest, its classification and the responder's read model, so the
        # review and draft routes are exercised past their 404.
        review = body_of(
            {
                "type": "review.created",
                "data": {
                    "review_id": "fuzz-1",
                    "rating": 1,
                    "text": "Broken on arrival, <b>nobody</b> answers.",
                    "created_at": "2026-11-20T10:00:00Z",
                    "reviewer": {"name": "Ana"},
                },
            }
        )
        r = httpx.post(
            f"{procs['ingest'].url}/reviews/generic/{SHOP}",
            content=review,
            headers=standard_headers(review, WHSEC),
            timeout=10,
        )
        assert r.status_code == 202, r.text
        deadline = time.monotonic() + 30
        while SHOP not in httpx.get(f"{responder}/v1/shops", headers=BOOTSTRAP).text:
            assert time.monotonic() < deadline, "shop.updated never reached the responder"
            time.sleep(0.2)

        def staff(role: str) -> tuple[int, dict[str, str]]:
            user = httpx.post(
                f"{responder}/v1/users",
                headers=BOOTSTRAP,
                json={"name": f"Fuzz {role}", "role": role, "shop_ids": [SHOP]},
                timeout=10,
            )
            assert user.status_code == 201, user.text
            key = httpx.post(
                f"{responder}/v1/users/{user.json()['id']}/api-keys", headers=BOOTSTRAP, json={}
            ).json()["key"]
            token = httpx.post(
                f"{responder}/v1/auth/token",
                headers={"Authorization": f"Bearer {key}"},
                timeout=10,
            ).json()["access_token"]
            return user.json()["id"], {"Authorization": f"Bearer {token}"}

        user_id, manager = staff("manager")
        _, admin = staff("admin")
        keys_user_id, keys_user = staff("agent")
        deadline = time.monotonic() + 60
        while (
            httpx.get(f"{responder}/v1/reviews/generic:fuzz-1", headers=manager).status_code != 200
        ):
            assert time.monotonic() < deadline, "the review never reached the responder"
            time.sleep(0.3)
        draft = httpx.post(
            f"{responder}/v1/reviews/generic:fuzz-1/drafts", headers=manager, json={}, timeout=10
        )
        assert draft.status_code == 201, draft.text
        known = {
            "shop_id": SHOP,
            "review_id": "generic:fuzz-1",
            "draft_id": str(draft.json()["id"]),
            "user_id": str(user_id),
        }
        yield Stack(procs, manager, admin, (str(keys_user_id), keys_user), known)
    finally:
        for p in procs.values():
            p.kill()


def credentials(
    service: str, who: str, operation: schemathesis.APIOperation, stack: Stack
) -> tuple[dict[str, str], dict[str, str]]:
    """The headers an operation is called with, and the ids half of its requests name."""
    if who == "anonymous":
        return {}, stack.known
    if service == "responder":
        if operation.method.upper() == "DELETE" and "/api-keys/" in operation.path:
            # Revoking a key ends the tokens issued with it: never the manager's own.
            user_id, headers = stack.keys_user
            return headers, {**stack.known, "user_id": user_id}
        return (stack.admin if who == "admin" else stack.manager), stack.known
    if service == "ingest" and operation.path.startswith("/v1/admin/"):
        return ADMIN, stack.known
    return API, stack.known


def pinned(operation: schemathesis.APIOperation, known: dict[str, str]) -> dict[str, str]:
    """Half of the requests name things that exist, so they reach past the 404."""
    names = {p.name for p in operation.path_parameters}
    return {name: value for name, value in known.items() if name in names}


def exercise(
    operation: schemathesis.APIOperation,
    mode: GenerationMode,
    examples: int,
    base_url: str,
    auth: dict[str, str],
    known: dict[str, str],
) -> list[str]:
    failures: list[str] = []
    strategy = st.one_of(
        operation.as_strategy(generation_mode=mode),
        operation.as_strategy(generation_mode=mode, path_parameters=pinned(operation, known)),
    )

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: schemathesis.Case) -> None:
        response = case.call(base_url=base_url, headers=auth, timeout=30)
        try:
            case.validate_response(response, checks=CHECKS)
        except (Failure, FailureGroup) as exc:  # a group of every failed check (not Exception)
            failures.append(
                f"{case.method} {case.formatted_path} -> {response.status_code}: {str(exc)[:800]}"
            )

    try:
        run()
    except Unsatisfiable:
        # Nothing to make invalid (no parameters, no body): the positive run covered it.
        assert mode is GenerationMode.NEGATIVE, operation.label
    return failures


# The responder's admin-only reads (users, keys, audit) answer a manager 403: an admin reads them
# too, without changing anything (a generated PATCH could deactivate the manager used above).
CASES = [(s, w) for s in SERVICES for w in ("authenticated", "anonymous")]
CASES.append(("responder", "admin"))


@pytest.mark.parametrize(("service", "who"), CASES)
def test_generated_requests_get_no_5xx_and_match_the_published_schema(stack, service, who) -> None:
    proc = stack.procs[service]
    positive, negative = EXAMPLES[who]
    schema = schemathesis.openapi.from_url(f"{proc.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    if who == "admin":
        operations = [op for op in operations if op.method.upper() == "GET"]
    assert operations, service
    failures: list[str] = []
    for operation in operations:
        auth, known = credentials(service, who, operation, stack)
        for mode, examples in (
            (GenerationMode.POSITIVE, positive),
            (GenerationMode.NEGATIVE, negative),
        ):
            failures += exercise(operation, mode, examples, proc.url, auth, known)
    assert httpx.get(f"{proc.url}/healthz", timeout=10).status_code == 200
    if service == "responder" and who != "anonymous":
        # Still signed in: had the token died halfway, the rest would have been 401s alone.
        me = httpx.get(f"{proc.url}/v1/users/me", headers=stack.manager, timeout=10)
        assert me.status_code == 200, me.text
    assert not failures, f"{len(failures)} failures:\n\n" + "\n\n".join(failures[:40])


VALID = {
    "webhooks": {
        "type": "order.created",
        "data": {
            "order_id": "after-limits",
            "placed_at": "2026-11-18T10:00:00+01:00",
            "currency": "EUR",
            "customer": {"email": "ana@example.com"},
            "items": [{"product_id": "p", "name": "Tea", "quantity": 1, "unit_price": "4.50"}],
        },
    },
    "reviews": {
        "type": "review.created",
        "data": {"review_id": "after-limits", "rating": 5, "created_at": "2026-11-20T10:00:00Z"},
    },
}


@pytest.mark.parametrize("intake", ["webhooks/standard", "reviews/generic"])
def test_oversized_and_deeply_nested_bodies_are_refused_and_ingest_stays_healthy(
    stack, intake
) -> None:
    url = stack.procs["ingest"].url
    # A shop of its own: the generated requests above may have rotated the fuzz shop's secret.
    kind = intake.split("/")[0]
    shop = f"limits-{kind}"
    create_shop(url, shop, "standard", WHSEC)
    endpoint = f"{url}/{intake}/{shop}"
    hostile = [
        b'{"type": "order.created", "data": ' + b"[" * depth + b"]" * depth + b"}"
        for depth in (1_000, 100_000)
    ]
    # An integer of more digits than Python converts.
    hostile.append(b'{"type": "order.created", "data": ' + b"9" * 5000 + b"}")
    with httpx.Client(timeout=30) as http:
        big = b'{"type": "order.created", "data": {"x": "' + b"x" * (1024 * 1024) + b'"}}'
        r = http.post(endpoint, content=big, headers=standard_headers(big, WHSEC))
        assert r.status_code == 413 and "larger than" in r.text
        for body in hostile:
            r = http.post(endpoint, content=body, headers=standard_headers(body, WHSEC))
            assert r.status_code == 422, (len(body), r.status_code, r.text[:200])
        # The process is healthy and still serves well-formed input.
        assert http.get(url + "/healthz").status_code == 200
        ok = body_of(VALID[kind])
        r = http.post(endpoint, content=ok, headers=standard_headers(ok, WHSEC))
        assert r.status_code == 202, r.text


@pytest.mark.parametrize(
    "raw",
    [
        b'{"faq_answers": {"shipping_time": "a\\u0000b"}}',
        b'{"faq_answers": {"shipping_time": "\\ud800"}}',
    ],
    ids=["NUL", "lone surrogate"],
)
def test_text_postgresql_cannot_hold_is_the_callers_422(stack, raw: bytes) -> None:
    """Found by the generated requests: valid JSON that PostgreSQL refuses was a 500."""
    url = f"{stack.procs['responder'].url}/v1/shops/{SHOP}/settings"
    headers = {**stack.manager, "Content-Type": "application/json"}
    r = httpx.put(url, content=raw, headers=headers, timeout=10)
    assert r.status_code == 422, r.text
    assert "cannot be stored" in r.json()["detail"]
    assert httpx.get(url, headers=stack.manager, timeout=10).status_code == 200
