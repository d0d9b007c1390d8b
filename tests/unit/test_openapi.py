"""Each service's published OpenAPI names the errors its operations can answer, with their media
types (tests/integration/test_api_fuzz.py checks that the answers stay within it)."""

from collections.abc import Callable
from typing import Annotated, Any

import pytest
from fastapi import Depends, FastAPI, Response, status
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from pydantic import BaseModel

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


def test_statuses_follow_from_what_a_route_is_made_of() -> None:
    bearer = HTTPBearer(auto_error=False)

    def limited(_: Annotated[object, Depends(bearer)]) -> None:
        """An authentication that also rate-limits."""

    class Body(BaseModel):
        text: str

    app = FastAPI()

    @app.get("/open")
    def open_() -> None: ...

    @app.post("/things/{thing_id}", dependencies=[Depends(limited)])
    def change(thing_id: int, body: Body) -> None: ...

    @app.get("/metrics")
    def metrics() -> None: ...

    document_statuses(
        app, also={"POST /things/{thing_id}": (409,)}, by_dependency={limited: (429,)}
    )
    paths = app.openapi()["paths"]

    def errors(path: str, method: str) -> set[str]:
        return {c for c in paths[path][method]["responses"] if int(c) >= 400}

    assert errors("/open", "get") == {"503"}
    assert errors("/things/{thing_id}", "post") == {
        "400", "401", "404", "409", "413", "422", "429", "503"
    }  # fmt: skip
    assert errors("/metrics", "get") == set()
    conflict = paths["/things/{thing_id}"]["post"]["responses"]["409"]
    assert conflict["content"]["application/json"]["schema"] == ERROR


@pytest.mark.parametrize("service", BUILDS)
def test_a_no_content_answer_claims_no_media_type(service: str) -> None:
    # A 204 went out with "content-type: application/json" and no body (a walk noticed it on
    # PUT /v1/users/{id}/password): FastAPI keeps the default JSONResponse's header.
    app, _ = BUILDS[service]()
    no_content = [
        route
        for route in app.routes
        if isinstance(route, APIRoute) and route.status_code == status.HTTP_204_NO_CONTENT
    ]
    for route in no_content:
        assert route.response_class is Response, (route.path, route.methods)
