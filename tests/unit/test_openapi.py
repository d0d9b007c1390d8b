"""Each service's published OpenAPI names the errors its operations can answer, with their media
types (tests/integration/test_api_fuzz.py checks that the answers stay within it)."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI

from services.ingest.app import build as ingest
from services.notifier.app import build as notifier
from services.responder.app import build as responder
from services.survey.app import build as survey
from shared.http.openapi import ERROR_SCHEMA, document_statuses
from shared.runtime import Runtime

BUILDS: dict[str, Callable[[], tuple[FastAPI, Runtime]]] = {
    "ingest": ingest,
    "survey": survey,
    "notifier": notifier,
    "responder": responder,
}
ERROR = {"$ref": f"#/components/schemas/{ERROR_SCHEMA}"}


def operations(service: str) -> dict[str, dict[str, Any]]:
    app, _ = BUILDS[service]()
    spec = app.openapi()
    return {
        f"{method.upper()} {path}": op
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
    }


@pytest.mark.parametrize("service", BUILDS)
def test_every_operation_documents_its_errors_and_media_types(service: str) -> None:
    ops = operations(service)
    metrics = ops.pop("GET /metrics")["responses"]
    assert set(metrics) == {"200"} and set(metrics["200"]["content"]) == {"text/plain"}
    for name, op in ops.items():
        responses = op["responses"]
        # Any operation may meet an unreachable database.
        assert "503" in responses, name
        if op.get("security"):
            assert "401" in responses, name
        if "requestBody" in op:
            assert {"413", "422"} <= set(responses), name
        if any(p["in"] == "path" for p in op.get("parameters", [])):
            assert "404" in responses, name
        for code, response in responses.items():
            if int(code) < 400:
                continue
            content = response.get("content")
            assert content, f"{name} {code} has no body"
            assert set(content) <= {"application/json", "text/html"}, (name, code)


def test_pages_document_their_html_refusals_and_the_api_its_json_ones() -> None:
    ops = operations("survey")
    page = ops["POST /s/{token}"]["responses"]
    for code in ("404", "409", "410", "422"):
        assert "text/html" in page[code]["content"], code
    assert page["503"]["content"]["application/json"]["schema"] == ERROR
    api = ops["PUT /v1/shops/{shop_id}/surveys/{order_id}/send-at"]["responses"]
    assert api["404"]["content"]["application/json"]["schema"] == ERROR


def test_role_checks_and_rate_limits_are_documented_where_they_apply() -> None:
    ops = operations("responder")
    # Any staff member reads reviews; managers connect a shop to its platform.
    assert "403" not in ops["GET /v1/reviews"]["responses"]
    assert "403" in ops["PUT /v1/shops/{shop_id}/connector"]["responses"]
    assert all("429" in op["responses"] for op in ops.values() if op.get("security"))


def test_a_declaration_for_an_operation_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ValueError, match="GET /nowhere"):
        document_statuses(FastAPI(), also={"GET /nowhere": (404,)})
