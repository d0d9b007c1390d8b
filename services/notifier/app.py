"""Assembly of the notifier service: its runtime (database, Kafka) and HTTP routes."""

from pathlib import Path

from fastapi import FastAPI

from services.notifier.settings import NotifierSettings
from shared.http.app import create_app
from shared.runtime import Runtime

MIGRATIONS = Path(__file__).parent / "migrations"


def build(settings: NotifierSettings | None = None) -> tuple[FastAPI, Runtime]:
    runtime = Runtime(settings or NotifierSettings(), MIGRATIONS)
    return create_app(runtime, [], title="Reviewloop notifier"), runtime
