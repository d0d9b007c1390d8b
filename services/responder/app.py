"""Assembly of the responder: event consumer, publish and automation workers, HTTP API."""

import logging
from pathlib import Path

from fastapi import FastAPI

from services.responder.access.deps import Admin, Manager, authenticate
from services.responder.access.endpoints import router as access_router
from services.responder.access.ratelimit import FailedAttempts, SharedTokenBuckets
from services.responder.analytics.endpoints import router as analytics_router
from services.responder.audit.endpoints import router as audit_router
from services.responder.cases.endpoints import listing as removal_requests_router
from services.responder.cases.endpoints import router as cases_router
from services.responder.console.auth.service import delete_expired
from services.responder.console.routes import add_console
from services.responder.consumer import consumer
from services.responder.moderation.endpoints import router as moderation_router
from services.responder.publishing.automation import AutomationWorker
from services.responder.publishing.worker import PublishWorker
from services.responder.replies.endpoints import router as replies_router
from services.responder.reviews.endpoints import router as reviews_router
from services.responder.settings import MIN_JWT_SECRET_BYTES, ResponderSettings
from services.responder.shopify_reviews.endpoints import router as shopify_router
from services.responder.shopify_reviews.worker import ShopifyReviewSync
from services.responder.shops.endpoints import router as shops_router
from shared.db.pool import Pool
from shared.http.app import create_app
from shared.http.openapi import dependency_of, document_statuses
from shared.periodic import DEFAULT_TASKS, PeriodicTask
from shared.runtime import Runtime

MIGRATIONS = Path(__file__).parent / "migrations"

log = logging.getLogger(__name__)

# What handlers refuse besides what their dependencies and parameters do (shared/http/openapi.py):
# grants and other users' keys beyond the caller's role (403), states that do not allow the
# request (409), a review named in the body that the caller cannot see (404).
HANDLER_STATUSES = {
    "POST /v1/lint": (404,),
    "POST /v1/reviews/{review_id}/case": (409,),
    "POST /v1/reviews/{review_id}/case/transitions": (409,),
    "PUT /v1/reviews/{review_id}/case/assignee": (409,),
    "PUT /v1/drafts/{draft_id}": (409,),
    "POST /v1/drafts/{draft_id}/approve": (403, 409),
    "POST /v1/drafts/{draft_id}/publish": (403, 409),
    "POST /v1/shops/{shop_id}/templates": (409,),
    "PUT /v1/shops/{shop_id}/templates/{template_id}": (409,),
    "GET /v1/reviews/{review_id}/moderation": (409,),
    "POST /v1/reviews/{review_id}/moderation": (409,),
    "POST /v1/reviews/{review_id}/moderation/redactions": (409,),
}


def build(settings: ResponderSettings | None = None) -> tuple[FastAPI, Runtime]:
    settings = settings or ResponderSettings()
    if len(settings.jwt_secret.get_secret_value().encode()) < MIN_JWT_SECRET_BYTES:
        log.error("RESPONDER_JWT_SECRET is shorter than %d bytes", MIN_JWT_SECRET_BYTES)
    runtime: Runtime

    async def publish(pool: Pool) -> int:
        return await PublishWorker(pool, settings, runtime.clock).run_once()

    async def automate(pool: Pool) -> int:
        return await AutomationWorker(pool, settings, runtime.clock).run_once()

    async def sync_shopify(pool: Pool) -> int:
        return await ShopifyReviewSync(pool, settings, runtime.clock).run_once()

    async def sweep_sessions(pool: Pool) -> int:
        return await delete_expired(pool, runtime.clock())

    # Shared by every replica (PostgreSQL): a user's budget does not grow with the replicas.
    limiter = SharedTokenBuckets(settings.rate_limit_per_minute, settings.rate_limit_burst)

    async def prune_buckets(pool: Pool) -> int:
        return await limiter.prune(pool, runtime.clock())

    runtime = Runtime(
        settings,
        MIGRATIONS,
        # Every request needs PostgreSQL alone (events go through the outbox): a Kafka outage
        # never takes its pages or API out of the load balancer (docs/reliability.md).
        serves_without_kafka=True,
        consumer_specs=[consumer()],
        periodic_tasks=(
            *DEFAULT_TASKS,
            PeriodicTask("publish", settings.publish_interval_s, publish),
            PeriodicTask("automation", settings.automation_interval_s, automate),
            PeriodicTask("console-sessions", 3600.0, sweep_sessions),
            PeriodicTask("rate-limit-buckets", 600.0, prune_buckets),
            PeriodicTask("shopify-reviews", settings.shopify_sync_interval_s, sync_shopify),
        ),
    )
    app = create_app(
        runtime,
        [
            access_router,
            # Before shops_router: its DELETE /connector/{platform} would take .../shopify.
            shopify_router,
            shops_router,
            # Before the reviews' `/v1/reviews/{review_id:path}`, which would take its GET.
            moderation_router,
            reviews_router,
            cases_router,
            removal_requests_router,
            replies_router,
            analytics_router,
            audit_router,
        ],
        title="Reviewloop responder",
    )
    document_statuses(
        app,
        also=HANDLER_STATUSES,
        by_dependency={
            authenticate: (401, 429),
            dependency_of(Manager): (403,),
            dependency_of(Admin): (403,),
        },
    )
    app.state.limiter = limiter
    app.state.auth_failures = FailedAttempts(
        settings.auth_failures_per_minute, settings.auth_failure_burst
    )
    app.state.console_failures = FailedAttempts(
        settings.console_login_failures_per_minute, settings.console_login_failure_burst
    )
    add_console(app)
    return app, runtime
