"""Assembly of the survey service: consumers, dispatch worker, HTTP routes."""

from pathlib import Path

from fastapi import FastAPI

from services.survey.decisions.endpoints import router as decisions_router
from services.survey.dispatch.worker import Dispatcher
from services.survey.follow_ups.handlers import follow_up_consumer
from services.survey.follow_ups.worker import FollowUpDispatcher
from services.survey.metrics.endpoints import router as metrics_router
from services.survey.moderation_notices.worker import ModerationNoticeDispatcher
from services.survey.previews.endpoints import router as previews_router
from services.survey.privacy.handlers import privacy_consumer
from services.survey.settings import SurveySettings
from services.survey.shops.endpoints import router as shop_settings_router
from services.survey.shops.handlers import shop_consumer
from services.survey.surveys.endpoints import router as surveys_router
from services.survey.surveys.handlers import order_consumer
from services.survey.tokens import Tokens
from services.survey.web.endpoints import router as pages_router
from shared.db.pool import Pool
from shared.email.session_slots import cap_sessions
from shared.email.smtp import SmtpPool
from shared.http.app import create_app
from shared.http.openapi import document_statuses
from shared.periodic import DEFAULT_TASKS, PeriodicTask
from shared.runtime import Runtime

MIGRATIONS = Path(__file__).parent / "migrations"
DAY_S = 86_400


def build(settings: SurveySettings | None = None) -> tuple[FastAPI, Runtime]:
    settings = settings or SurveySettings()
    tokens = Tokens(
        settings.token_secret.get_secret_value(),
        {
            "survey": settings.token_max_age_days * DAY_S,
            "unsubscribe": settings.unsubscribe_token_max_age_days * DAY_S,
        },
    )
    runtime: Runtime

    # SMTP connections kept between dispatch passes (a NOTIFY may start one per due email).
    smtp = SmtpPool(settings.smtp_server, max_idle=max(8, settings.dispatch_concurrency))

    async def dispatch(pool: Pool) -> int:
        cap_sessions(smtp, pool, settings)
        # Full batches mean more is due: keep going (bounded) instead of waiting an interval.
        dispatcher = Dispatcher(pool, settings, tokens, runtime.clock, smtp)
        total = 0
        for _ in range(50):
            handled = await dispatcher.run_once()
            total += handled
            if handled < settings.dispatch_batch:
                break
        return total

    async def follow_up(pool: Pool) -> int:
        # Few and never urgent: one batch per interval.
        return await FollowUpDispatcher(pool, settings, tokens, runtime.clock).run_once()

    async def moderation_notices(pool: Pool) -> int:
        # A rejected review's notice goes at once: one batch per interval.
        return await ModerationNoticeDispatcher(pool, settings, runtime.clock).run_once()

    runtime = Runtime(
        settings,
        MIGRATIONS,
        # Every request needs PostgreSQL alone (events go through the outbox): a Kafka outage
        # never takes its pages or API out of the load balancer (docs/reliability.md).
        serves_without_kafka=True,
        consumer_specs=[
            order_consumer(settings, lambda: runtime.clock()),
            shop_consumer(settings, lambda: runtime.clock()),
            privacy_consumer(settings.suppression_pepper),
            # The clock is read per event, so a test or fault run that moves it is obeyed.
            follow_up_consumer(settings, lambda: runtime.clock()),
        ],
        periodic_tasks=(
            *DEFAULT_TASKS,
            PeriodicTask("dispatch", settings.dispatch_interval_s, dispatch, wake_on="dispatch"),
            PeriodicTask("follow-ups", settings.dispatch_interval_s, follow_up),
            PeriodicTask("moderation-notices", settings.dispatch_interval_s, moderation_notices),
        ),
        on_stop=(smtp.close,),
    )
    app = create_app(
        runtime,
        [
            surveys_router,
            decisions_router,
            shop_settings_router,
            metrics_router,
            previews_router,
            pages_router,
        ],
        title="Reviewloop survey",
    )
    # The pages answer their own refusals as HTML: unknown (404) or expired (410) links, a
    # survey already answered (409) or an answer that is not one (422).
    document_statuses(
        app,
        also={
            "GET /s/{token}": (404, 410),
            "POST /s/{token}": (404, 409, 410, 422),
            "GET /u/{token}": (404, 410),
            "POST /u/{token}": (404, 410),
        },
    )
    app.state.tokens = tokens
    return app, runtime
