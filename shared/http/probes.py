"""Liveness, readiness and metrics endpoints."""

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel

from shared.http.deps import RuntimeDep

router = APIRouter(tags=["probes"])


class Health(BaseModel):
    status: str
    consumers: list[str] | None = None


class Readiness(BaseModel):
    # Which process answered: a probe that reached another one on a reused port learns it here.
    service: str
    status: str
    checks: dict[str, bool]
    required: list[str]


@router.get(
    "/healthz",
    response_model=Health,
    responses={503: {"model": Health, "description": "A consumer loop stalled."}},
)
async def healthz(runtime: RuntimeDep) -> JSONResponse:
    """Process alive and no consumer loop stalled (restart me if not)."""
    stalled = runtime.stalled_consumers()
    if stalled:
        return JSONResponse({"status": "stalled", "consumers": stalled}, status_code=503)
    return JSONResponse({"status": "ok"})


@router.get(
    "/readyz",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "A required dependency is down."}},
)
async def readyz(runtime: RuntimeDep) -> JSONResponse:
    """The dependencies the service's requests need are reachable (send me traffic).

    Every check is reported; only those the runtime names decide (ingest: PostgreSQL alone).
    """
    checks = {
        "postgres": await runtime.database_reachable(),
        "kafka": await runtime.kafka_reachable(),
    }
    required = runtime.readiness_checks()
    ok = all(checks[name] for name in required)
    return JSONResponse(
        {
            "service": runtime.settings.service_name,
            "status": "ready" if ok else "not ready",
            "checks": checks,
            "required": list(required),
        },
        status_code=200 if ok else 503,
    )


@router.get("/metrics", response_class=PlainTextResponse)
async def metrics(runtime: RuntimeDep) -> Response:
    runtime.measure_pool()
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
