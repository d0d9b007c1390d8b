"""Assembly of the notifier: event consumer, delivery and timer workers, operator API."""

from pathlib import Path

import httpx
from fastapi import FastAPI

from services.notifier.alarms.service import run_due_checks
from services.notifier.consumer import consumer
from services.notifier.delivery import webhooks
from services.notifier.delivery.worker import DeliveryWorker
from services.notifier.emails.endpoints import router as emails_router
from services.notifier.notifications.endpoints import router as notifications_router
from services.notifier.rules.endpoints import router as rules_router
from services.notifier.settings import NotifierSettings
from services.notifier.shops.endpoints import router as settings_router
from services.notifier.timers.worker import TimerWorker
from shared.db.pool import Pool
from shared.email.session_slots import cap_sessions
from shared.email.smtp import SmtpPool
from shared.http.app import create_app
from shared.http.openapi import document_statuses
from shared.periodic import DEFAULT_TASKS, PeriodicTask
from shared.runtime import Runtime

MIGRATIONS = Path(__file__).parent / "migrations"


def build(settings: NotifierSettings | None = None) -> tuple[FastAPI, Runtime]:
    settings = settings or NotifierSettings()
    runtime: Runtime

    # SMTP connections and the webhook client kept between the delivery passes (the listener
    # starts one per commit).
    smtp = SmtpPool(settings.smtp_server)
    http: list[httpx.AsyncClient] = []

    async def deliver(pool: Pool) -> int:
        cap_sessions(smtp, pool, settings)
        if not http:
            http.append(webhooks.client(settings))  # made inside the event loop
        return await DeliveryWorker(pool, settings, runtime.clock, smtp, http[0]).run_once()

    async def close_webhook_client() -> None:
        if http:
            await http.pop().aclose()

    async def fire_timers(pool: Pool) -> int:
        return await TimerWorker(pool, settings, runtime.clock).run_once()

    async def check_alarms(pool: Pool) -> int:
        return await run_due_checks(pool, settings, runtime.clock)

    runtime = Runtime(
        settings,
        MIGRATIONS,
        # Every request needs PostgreSQL alone (events go through the outbox): a Kafka outage
        # never takes its pages or API out of the load balancer (docs/reliability.md).
        serves_without_kafka=True,
        consumer_specs=[consumer(settings)],
        periodic_tasks=(
            *DEFAULT_TASKS,
            PeriodicTask("deliver", settings.delivery_interval_s, deliver, wake_on="deliver"),
            PeriodicTask("timers", settings.timer_interval_s, fire_timers),
            PeriodicTask("alarms", settings.alarm_interval_s, check_alarms),
        ),
        on_stop=(smtp.close, close_webhook_client),
    )
    app = create_app(
        runtime,
        [settings_router, rules_router, notifications_router, emails_router],
        title="Reviewloop notifier",
    )
    document_statuses(app)
    return app, runtime
