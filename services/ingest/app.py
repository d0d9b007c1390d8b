"""Assembly of the ingest service: its runtime (database, Kafka) and HTTP routes."""

from pathlib import Path

from fastapi import FastAPI

from services.ingest.orders.endpoints import router as orders_router
from services.ingest.settings import IngestSettings
from services.ingest.shops.directory import ShopDirectory
from services.ingest.shops.endpoints import router as shops_router
from services.ingest.webhooks.endpoints import router as webhooks_router
from shared.http.app import create_app
from shared.runtime import Runtime

MIGRATIONS = Path(__file__).parent / "migrations"


def build(settings: IngestSettings | None = None) -> tuple[FastAPI, Runtime]:
    settings = settings or IngestSettings()
    runtime = Runtime(settings, MIGRATIONS)
    app = create_app(
        runtime, [webhooks_router, orders_router, shops_router], title="Reviewloop ingest"
    )
    app.state.shops = ShopDirectory(runtime, settings.shop_cache_ttl_s)
    return app, runtime
