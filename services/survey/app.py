"""Assembly of the survey service: its runtime (database, Kafka, consumers) and HTTP routes."""

from pathlib import Path

from fastapi import FastAPI

from services.survey.privacy import privacy_consumer
from services.survey.settings import SurveySettings
from services.survey.surveys.endpoints import router as surveys_router
from services.survey.surveys.handlers import order_consumer
from shared.http.app import create_app
from shared.runtime import Runtime

MIGRATIONS = Path(__file__).parent / "migrations"


def build(settings: SurveySettings | None = None) -> tuple[FastAPI, Runtime]:
    settings = settings or SurveySettings()
    runtime = Runtime(
        settings, MIGRATIONS, consumer_specs=[order_consumer(settings), privacy_consumer()]
    )
    return create_app(runtime, [surveys_router], title="Reviewloop survey"), runtime
