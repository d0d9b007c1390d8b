"""Assembly of the ingest service: its runtime (database, Kafka) and HTTP routes."""

from pathlib import Path

from fastapi import FastAPI

from services.ingest.orders.endpoints import router as orders_router
from services.ingest.settings import IngestSettings
from shared.http.app import create_app
from shared.runtime import Runtime

MIGRATIONS = Path(__file__).parent / "migrations"


def build(settings: IngestSettings | None = None) -> tuple[FastAPI, Runtime]:
    runtime = Runtime(settings or IngestSettings(), MIGRATIONS)
    return create_app(runtime, [orders_router], title="Reviewloop ingest"), runtime
