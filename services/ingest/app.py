"""Assembly of the ingest service: its runtime (database, Kafka) and HTTP routes."""

from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI

from services.ingest.classification import ClassifierUnavailableError
from services.ingest.fetch.worker import FetchWorker
from services.ingest.orders.endpoints import router as orders_router
from services.ingest.privacy.endpoints import router as privacy_router
from services.ingest.privacy.handlers import data_export_consumer
from services.ingest.reviews.classify import ClassificationWorker, run_factory
from services.ingest.reviews.endpoints import router as reviews_router
from services.ingest.reviews.handlers import survey_reviews_consumer
from services.ingest.settings import IngestSettings
from services.ingest.setup.endpoints import router as setup_router
from services.ingest.setup.handlers import shop_connectors_consumer
from services.ingest.shops.directory import ShopDirectory
from services.ingest.shops.endpoints import router as shops_router
from services.ingest.webhooks import repository as deliveries
from services.ingest.webhooks.endpoints import router as webhooks_router
from services.ingest.webhooks.group_commit import GroupCommit
from shared.db.pool import Pool
from shared.http.app import create_app
from shared.http.openapi import document_statuses
from shared.periodic import DEFAULT_TASKS, PeriodicTask
from shared.runtime import Runtime

MIGRATIONS = Path(__file__).parent / "migrations"


def _second_pass(settings: IngestSettings) -> tuple[PeriodicTask, ...]:
    if not settings.second_pass_classifier:
        return ()
    worker = ClassificationWorker(
        settings.second_pass_classifier,
        batch_size=settings.second_pass_batch_size,
        second_pass=True,
        threads=settings.second_pass_threads,
        nice=settings.second_pass_nice,
    )
    try:
        run = run_factory(worker)
    except ClassifierUnavailableError as exc:
        raise ClassifierUnavailableError(
            f"{exc} (the second classification pass, INGEST_SECOND_PASS_CLASSIFIER="
            f"{settings.second_pass_classifier}; set it empty to run without)"
        ) from exc
    return (
        PeriodicTask("second-pass", settings.second_pass_interval_s, run, wake_on="second_pass"),
    )


def build(settings: IngestSettings | None = None) -> tuple[FastAPI, Runtime]:
    settings = settings or IngestSettings()
    retention = timedelta(days=settings.raw_payload_retention_days)

    async def prune_payloads(pool: Pool) -> int:
        async with pool.acquire() as conn:
            return await deliveries.prune_payloads(conn, retention)

    # Thin webhooks (BigCommerce, Ecwid) only name the order: fetch it from the store's API.
    fetcher = FetchWorker(settings)
    runtime = Runtime(
        settings,
        MIGRATIONS,
        consumer_specs=[
            survey_reviews_consumer(),
            data_export_consumer(),
            shop_connectors_consumer(),
        ],
        # Webhooks and the APIs write to PostgreSQL and the outbox only: a Kafka outage delays
        # publishing, never the answers (docs/reliability.md).
        serves_without_kafka=True,
        periodic_tasks=(
            *DEFAULT_TASKS,
            PeriodicTask("prune-payloads", 3600.0, prune_payloads),
            PeriodicTask("fetch-orders", settings.fetch_interval_s, fetcher.run_once),
            PeriodicTask(
                "classify-reviews",
                settings.classify_interval_s,
                run_factory(
                    ClassificationWorker(
                        settings.classifier,
                        second_pass_follows=bool(settings.second_pass_classifier),
                    )
                ),
                wake_on="classify",
            ),
            *_second_pass(settings),
        ),
    )
    app = create_app(
        runtime,
        [
            webhooks_router,
            reviews_router,
            orders_router,
            shops_router,
            setup_router,
            privacy_router,
        ],
        title="Reviewloop ingest",
    )
    document_statuses(app)
    app.state.shops = ShopDirectory(runtime, settings.shop_cache_ttl_s)
    app.state.webhook_commits = GroupCommit(
        runtime, settings.webhook_batch_max, settings.webhook_commits_in_flight
    )
    return app, runtime
